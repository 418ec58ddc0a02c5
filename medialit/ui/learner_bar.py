"""The bar at the top of every student page: who is working (class, pseudonym, resume code) and the ways out.

In the main area, not only in the sidebar: on a phone the sidebar is folded away, and the resume
code must stay in sight. A member of a class session sees its name and their pseudonym on every
page, and can leave it (after a confirmation); anyone with a learner can "start afresh" (a shared
computer: the next student does not continue the previous one's work).
"""

from __future__ import annotations

import streamlit as st

from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.store import ClassSession, Learner, display_code, get_store
from medialit.ui.lessonstate import forget
from medialit.ui.state import current_learner, refresh_learner, start_afresh

AFRESH_KEY, LEAVE_KEY, LEAVE_CONFIRM_KEY, LEAVE_CANCEL_KEY = "bar-afresh", "bar-leave", "bar-leave-yes", "bar-leave-no"
_LEAVING = "_ml_leaving"


def learner_class(learner: Learner | None) -> ClassSession | None:
    """The class session the learner joined (left or not), or None for self-study."""
    if learner is None or learner.class_session_id is None:
        return None
    return get_store().class_session(learner.class_session_id)


def render(lang: str) -> None:
    """The bar (nothing for a visitor who has not started yet)."""
    learner = current_learner()
    if learner is None:
        return
    klass = learner_class(learner)
    with st.container(horizontal=True, vertical_alignment="center", key="learner-bar", gap="small"):
        st.markdown(summary(learner, klass, lang), width="content")
        st.button(tr("ui_not_you", lang), key=AFRESH_KEY, on_click=_afresh, type="tertiary")
        if klass is not None and learner.in_class:
            st.button(tr("class_leave", lang), key=LEAVE_KEY, on_click=_ask_leave)
    if klass is not None and learner.in_class and st.session_state.get(_LEAVING):
        st.dialog(tr("class_leave_title", lang), on_dismiss=_cancel_leave)(_confirm_leave)(learner, klass, lang)


def summary(learner: Learner, klass: ClassSession | None, lang: str) -> str:
    """One line of Markdown: the class and pseudonym (if any), then the resume code."""
    code = tr("ui_bar_code", lang, code=display_code(learner.code))
    if klass is None:
        return code
    name, pseudonym = escape_markdown(klass.name), escape_markdown(learner.pseudonym or "")
    if learner.left_at is not None:
        return f"{tr('class_bar_left', lang, name=name)} · {code}"
    state = "" if klass.is_open else f" · {tr('class_bar_closed', lang)}"
    return f"{tr('class_bar', lang, name=name, pseudonym=pseudonym)}{state} · {code}"


def _afresh() -> None:
    forget()
    start_afresh()


def _ask_leave() -> None:
    st.session_state[_LEAVING] = True


def _cancel_leave() -> None:
    st.session_state.pop(_LEAVING, None)


def _confirm_leave(learner: Learner, klass: ClassSession, lang: str) -> None:
    st.markdown(tr("class_leave_warning", lang, name=escape_markdown(klass.name), code=display_code(learner.code)))
    yes, no = st.columns(2)
    if yes.button(tr("class_leave_confirm", lang), key=LEAVE_CONFIRM_KEY, type="primary"):
        get_store().leave_class(learner.id)
        refresh_learner()
        _cancel_leave()
        _afresh()
        st.rerun()
    if no.button(tr("class_leave_cancel", lang), key=LEAVE_CANCEL_KEY):
        _cancel_leave()
        st.rerun()
