"""What the app serves besides Streamlit's own pages: signed tokens and the route that stores them as cookies.

- :mod:`.tokens` — the server secret and HMAC-signed, expiring tokens (no Streamlit, no HTTP);
- :mod:`.cookies` — the one HTTP route (``POST <base>/_medialit/cookie``) that turns a short-lived signed
  ticket into an HttpOnly, SameSite=Strict cookie, and the ``Set-Cookie`` header it writes.

``serve.py`` mounts the route next to Streamlit (``st.App(..., routes=cookies.routes())``); the pages
ask for a cookie through :mod:`medialit.ui.remember` and read it back with ``st.context.cookies``.
"""
