"""Classroom mode's pages: the teacher area (login, class sessions, live dashboard, exports) and joining.

``app.py`` registers them, one line each::

    st.Page(join.page, ...), st.Page(login.page, ...), *teacher_pages(lang())

:func:`teacher_pages` returns the protected pages only to a session that logged in, so the
navigation shows them only then; every one of them also checks the login itself on every run
(``auth.require_teacher``), so nothing relies on a page being hidden.
"""

from __future__ import annotations

import streamlit as st

from medialit.i18n import tr
from medialit.ui.teacher import dashboard, exports, join, lab, lobby, login, sessions
from medialit.ui.teacher.auth import is_teacher


def teacher_pages(lang: str) -> list[st.Page]:
    """The teacher's pages when this session is logged in as the teacher; else none.

    No page icons: an emoji needs a font school computers may lack, a ``:material/…:`` icon a
    font fetched from the internet.
    """
    if not is_teacher():
        return []
    return [
        st.Page(sessions.page, title=tr("class_nav_sessions", lang), url_path=sessions.URL_PATH),
        st.Page(dashboard.page, title=tr("class_nav_dashboard", lang), url_path=dashboard.URL_PATH),
        st.Page(exports.page, title=tr("class_nav_exports", lang), url_path=exports.URL_PATH),
        st.Page(lab.page, title=lab.title(lang), url_path=lab.URL_PATH),
    ]


def join_page(lang: str) -> st.Page:
    """The students' "join a class" page."""
    return st.Page(join.page, title=tr("class_nav_join", lang), url_path=join.URL_PATH)


def login_page(lang: str) -> st.Page:
    """The teacher area's entry (login / logout), always listed."""
    return st.Page(login.page, title=tr("class_nav_teacher", lang), url_path=login.URL_PATH)


def lobby_page(lang: str) -> list[st.Page]:
    """The projected lobby: always registered (the teacher opens it in a new tab), listed in no menu.

    It checks the login itself (the browser's remembered login opens it without typing the password).
    """
    return [st.Page(lobby.page, title=tr("class_lobby_title", lang), url_path=lobby.URL_PATH, visibility="hidden")]
