"""Which class session the teacher is looking at: one choice shared by the teacher pages, kept in the URL."""

from __future__ import annotations

import streamlit as st

from medialit.i18n import tr
from medialit.store import ClassSession, display_code, get_store

QP_CLASS = "class"
PICKER_KEY = "teacher-class"


def select(class_session_id: int) -> None:
    """Make ``class_session_id`` the selected session (call before the picker is drawn, or in a callback)."""
    st.session_state[PICKER_KEY] = class_session_id
    st.query_params[QP_CLASS] = str(class_session_id)


def _wanted(ids: list[int]) -> int:
    chosen = st.session_state.get(PICKER_KEY)
    if chosen in ids:
        return chosen
    in_url = st.query_params.get(QP_CLASS, "")
    return int(in_url) if in_url.isdigit() and int(in_url) in ids else ids[0]


def label(klass: ClassSession, lang: str) -> str:
    status = tr("class_status_open" if klass.is_open else "class_status_closed", lang)
    return tr("class_session_label", lang, name=klass.name, code=display_code(klass.join_code), status=status)


def session_picker(lang: str) -> ClassSession | None:
    """The session selectbox (newest first); None, with a note, when there is no session yet."""
    sessions = get_store().class_sessions()
    if not sessions:
        st.info(tr("class_no_sessions", lang))
        return None
    by_id = {klass.id: klass for klass in sessions}
    ids = list(by_id)
    st.session_state[PICKER_KEY] = _wanted(ids)
    chosen = st.selectbox(
        tr("class_pick_session", lang), ids, key=PICKER_KEY, format_func=lambda i: label(by_id[i], lang),
        filter_mode=None,
    )
    if st.query_params.get(QP_CLASS) != str(chosen):
        st.query_params[QP_CLASS] = str(chosen)
    return by_id[chosen]
