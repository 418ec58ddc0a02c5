"""medialit's entrypoint, read two ways.

- Streamlit runs it on every page view (as ``__main__``): it is only the router. Pages live in
  ``medialit/ui/views/`` and ``medialit/ui/teacher/``; one line per page.
- ``streamlit run app.py`` (or ``uvicorn app:app``) imports it to build the server: Streamlit with
  this file as its script, plus the route that stores the app's signed cookies (``medialit/web``).
"""

import streamlit as st

if __name__ == "__main__":
    from medialit.i18n import tr
    from medialit.ui import agent, style
    from medialit.ui.state import lang
    from medialit.ui.teacher import join_page, lobby_page, login_page, teacher_pages
    from medialit.ui.views import student

    st.set_page_config(layout="wide", page_title="medialit", page_icon="📰")
    style.inject()
    agent.mount(lang())
    st.navigation([
        st.Page(student.page, title=tr("ui_nav_lessons", lang()), url_path="lessons", default=True),
        join_page(lang()),
        login_page(lang()),
        *teacher_pages(lang()),  # only after the teacher's login; each page checks it again
        *lobby_page(lang()),  # the projected join screen: listed nowhere, reached from the sessions page
    ]).run()
else:
    from medialit.web.cookies import routes

    app = st.App(__file__, routes=routes())
