"""A teacher page run on its own, without the app's navigation (``?page=sessions|dashboard|exports``):
the tests check the page guards itself instead of relying on being hidden."""

import streamlit as st

from medialit.ui.teacher import dashboard, exports, sessions

PAGES = {"sessions": sessions.page, "dashboard": dashboard.page, "exports": exports.page}
PAGES[st.query_params.get("page", "dashboard")]()
