"""The class sessions page: create a session, project its join code and QR code, close, reopen, delete."""

from __future__ import annotations

from html import escape

import streamlit as st

from medialit.classroom.data import session_lessons
from medialit.classroom.joinlink import app_base, qr_png
from medialit.format.library import library
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.limits import CLASS_NAME_MAX
from medialit.store import ClassSession, display_code, get_store
from medialit.store.classroom import learners_frame
from medialit.store.codes import visible_text
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher.auth import is_teacher, require_teacher
from medialit.ui.teacher.joinaddress import join_urls
from medialit.ui.teacher.selection import PICKER_KEY, QP_CLASS, select, session_picker

URL_PATH = "teacher-sessions"
NAME_KEY, LESSONS_KEY, CREATE_KEY = "new-session-name", "new-session-lessons", "new-session-create"
CLOSE_KEY, REOPEN_KEY, DELETE_KEY, CONFIRM_KEY = "session-close", "session-reopen", "session-delete", "session-confirm"
_NOTICE, _PENDING_DELETE = "_ml_sessions_notice", "_ml_delete_pending"


def page() -> None:
    """The page (guarded: teacher only)."""
    lang = ui_lang()
    require_teacher(lang)
    st.title(tr("class_nav_sessions", lang))
    notice = st.session_state.pop(_NOTICE, None)
    if notice:
        st.success(notice)
    with st.expander(tr("class_new_session", lang), expanded=not get_store().class_sessions()):
        new_session_form(lang)
    klass = session_picker(lang)
    if klass is not None:
        show_session(klass, lang)


def new_session_form(lang: str) -> None:
    lessons = library().published()
    titles = {lo.lesson.id: f"{lo.lesson.title.get(lang, lo.lesson.language)} · {lo.lesson.kind}" for lo in lessons}
    with st.form("new-session", clear_on_submit=False, border=False):
        st.text_input(tr("class_session_name", lang), key=NAME_KEY, max_chars=CLASS_NAME_MAX)
        st.multiselect(tr("class_session_lessons", lang), list(titles), format_func=titles.__getitem__, key=LESSONS_KEY,
                       select_all=False, filter_mode=None, placeholder=tr("class_session_lessons_placeholder", lang))
        st.form_submit_button(tr("class_create", lang), key=CREATE_KEY, type="primary", on_click=_create, args=(lang,))
    problem = st.session_state.get("_ml_new_session_problem")
    if problem:
        st.error(problem)


def _create(lang: str) -> None:
    if not is_teacher():  # defence in depth: only a teacher's page draws this form
        return
    typed = st.session_state.get(NAME_KEY) or ""
    name = visible_text(typed) if len(typed) <= CLASS_NAME_MAX else typed
    lesson_ids = list(st.session_state.get(LESSONS_KEY) or [])
    problem = (tr("class_need_name", lang) if not name else
               tr("class_name_too_long", lang, max=CLASS_NAME_MAX) if len(name) > CLASS_NAME_MAX else
               tr("class_need_lessons", lang) if not lesson_ids else None)
    st.session_state["_ml_new_session_problem"] = problem
    if problem:
        return
    klass = get_store().create_class_session(name, lesson_ids)
    st.session_state[NAME_KEY], st.session_state[LESSONS_KEY] = "", []
    st.session_state[_NOTICE] = tr("class_created", lang, name=escape_markdown(klass.name))
    select(klass.id)


def show_session(klass: ClassSession, lang: str) -> None:
    """The join code, address and QR code (to read out or project), the lobby, the lessons and the controls.

    Fits a 1024 px screen with the menu open. For the wall, the lobby (its own tab, no controls) is better.
    """
    url, local_url = join_urls(klass.join_code, URL_PATH)
    learners = learners_frame(get_store(), klass.id)
    lessons, missing = session_lessons(klass)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.markdown(f"**{tr('class_join_code', lang)}**")
        code = escape(display_code(klass.join_code))
        st.html(f'<div data-testid="join-code" style="font-size:clamp(2.5rem,6vw,5rem);font-weight:700;'
                f'letter-spacing:.06em;line-height:1.1;font-family:monospace;white-space:nowrap">{code}</div>')
        st.markdown(f"**{tr('class_join_address', lang)}**")
        st.code(url, language=None, wrap_lines=True)
        if local_url:
            st.caption(tr("class_join_lan_note", lang, local=local_url))
        st.caption(tr("class_join_instructions", lang))
        st.link_button(tr("class_open_lobby", lang), lobby_url(klass.id), type="primary")
        st.caption(tr("class_open_lobby_help", lang))
    with right:
        st.image(qr_png(url), caption=tr("class_qr_caption", lang), width="stretch",
                 alt=tr("class_qr_alt", lang, url=url))
    present = int(learners["left_at"].isna().sum())
    titles = ", ".join(lo.lesson.title.get(lang, lo.lesson.language) for lo in lessons)
    st.markdown(tr("class_students_count", lang, n=present) + " · " + escape_markdown(titles))
    if missing:
        st.warning(tr("class_lessons_missing", lang, ids=", ".join(missing)))
    st.subheader(tr("class_controls", lang))
    controls(klass, len(learners), lang)


def lobby_url(class_session_id: int) -> str:
    """The lobby's address for that session (same host as this page, so the remembered login opens it)."""
    from medialit.ui.teacher.lobby import URL_PATH as LOBBY_PATH

    return f"{app_base(st.context.url, URL_PATH)}/{LOBBY_PATH}?{QP_CLASS}={class_session_id}"


def controls(klass: ClassSession, n_learners: int, lang: str) -> None:
    if klass.is_open:
        st.button(tr("class_close", lang), key=CLOSE_KEY, on_click=_set_status, args=(klass.id, "closed"))
    else:
        st.info(tr("class_closed_note", lang))
        st.button(tr("class_reopen", lang), key=REOPEN_KEY, on_click=_set_status, args=(klass.id, "open"))
    st.button(tr("class_delete", lang), key=DELETE_KEY, on_click=_ask_delete, args=(klass.id,))
    if st.session_state.get(_PENDING_DELETE) == klass.id:
        confirm_delete(klass, n_learners, lang)


def _set_status(class_session_id: int, status: str) -> None:
    if is_teacher():
        get_store().set_class_session_status(class_session_id, status)


def _ask_delete(class_session_id: int) -> None:
    st.session_state[_PENDING_DELETE] = class_session_id


def _forget_delete() -> None:
    st.session_state.pop(_PENDING_DELETE, None)


def confirm_delete(klass: ClassSession, n_learners: int, lang: str) -> None:
    """Deleting a session erases its learners and answers: ask first (the dialog stays open until answered)."""
    st.dialog(tr("class_delete_title", lang), on_dismiss=_forget_delete)(_confirm_body)(klass, n_learners, lang)


def _confirm_body(klass: ClassSession, n_learners: int, lang: str) -> None:
    st.warning(tr("class_delete_warning", lang, name=escape_markdown(klass.name), n=n_learners))
    yes, no = st.columns(2)
    if yes.button(tr("class_delete_confirm", lang), key=CONFIRM_KEY, type="primary") and is_teacher():
        get_store().delete_class_session(klass.id)
        st.session_state[_NOTICE] = tr("class_deleted", lang, name=escape_markdown(klass.name))
        st.session_state.pop(PICKER_KEY, None)
        st.query_params.pop(QP_CLASS, None)
        _forget_delete()
        st.rerun()
    if no.button(tr("class_cancel", lang), key="session-cancel"):
        _forget_delete()
        st.rerun()
