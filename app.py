"""medialit's entrypoint: only the router. Pages live in ``medialit/ui/views/``; one line per page."""

import streamlit as st

from medialit.i18n import tr
from medialit.ui.state import lang
from medialit.ui.teacher import join_page, login_page, teacher_pages
from medialit.ui.views import student

st.set_page_config(layout="wide", page_title="medialit", page_icon="📰")
st.navigation([
    st.Page(student.page, title=tr("ui_nav_lessons", lang()), url_path="lessons", default=True),
    join_page(lang()),
    login_page(lang()),
    *teacher_pages(lang()),  # only after the teacher's login; each page checks it again
]).run()
