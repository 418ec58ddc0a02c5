"""The server ``make run`` starts: ``streamlit run serve.py`` (pages: ``app.py``, the router).

Streamlit's ASGI app for ``app.py``, plus what ``medialit.server`` adds: Streamlit's front-end
files sent compressed (each compressed once per process), and a warm-up (imports, lessons,
database migration, compressed files) before the health check answers; and the route that turns
a signed ticket into one of the app's HttpOnly cookies (``medialit.web.cookies``: the teacher's
remembered login, the student's remembered browser). Same options and ``.streamlit/config.toml``
as ``streamlit run app.py``, which still works (without those three).
"""

import streamlit as st

from medialit.server import lifespan, middleware
from medialit.web.cookies import routes

app = st.App("app.py", middleware=middleware(), lifespan=lifespan, routes=routes())
