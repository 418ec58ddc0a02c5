"""medialit's entrypoint: only the router. Pages live in ``medialit/ui/views/``; one line per page.

``make run`` serves it through ``serve.py`` (compressed front-end files, a warm-up, and the route
that stores the app's signed cookies); a plain ``streamlit run app.py`` works too, without those
(the browser then remembers neither the teacher's login nor the student).
"""

import streamlit as st

from medialit.i18n import tr
from medialit.ui import agent, style
from medialit.ui.state import lang
from medialit.ui.teacher import join_page, lobby_page, login_page, teacher_pages
from medialit.ui.views import student

st.set_page_config(layout="wide", page_title="medialit", page_icon="📰")
style.inject()
agent.mount(lang())  # cookies, <html lang>, Streamlit's own words in the interface's language
st.navigation([
    st.Page(student.page, title=tr("ui_nav_lessons", lang()), url_path="lessons", default=True),
    join_page(lang()),
    login_page(lang()),
    *teacher_pages(lang()),  # only after the teacher's login; each page checks it again
    *lobby_page(lang()),  # the projected join screen: listed in no menu, opened from the sessions page
]).run()
