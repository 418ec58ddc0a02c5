"""The teacher area's entry page: log in (or learn how to set a password), then go to the teacher pages."""

from __future__ import annotations

import streamlit as st

from medialit.i18n import tr
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher.auth import is_teacher, login_form, logout_button

URL_PATH = "teacher"


def page() -> None:
    """Login form, or (logged in) links to the teacher pages and a logout button."""
    lang = ui_lang()
    st.title(tr("class_login_title", lang))
    if not is_teacher():
        login_form(lang)
        return
    st.success(tr("class_login_ok", lang))
    from medialit.ui.teacher import teacher_pages  # the package imports this module: import at call time

    for teacher_page in teacher_pages(lang):
        st.page_link(teacher_page, label=f"→ {teacher_page.title}")
    logout_button(lang)
