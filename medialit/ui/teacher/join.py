"""The student's "join a class" page: the class code (from ``?join=CODE`` or typed) and a pseudonym.

A student page that lives with the classroom code. Joining creates a learner in the class session
(no real name needed) and puts the learner's resume code in the URL, like the student app does;
the page then lists the session's lessons. A taken pseudonym, an unknown code or a closed session
is refused with a message saying what to do.
"""

from __future__ import annotations

import streamlit as st

from medialit.classroom.joinlink import JOIN_PARAM
from medialit.format.library import library
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.limits import PSEUDONYM_MAX
from medialit.store import (
    ClassSession,
    PseudonymTaken,
    SessionClosed,
    UnknownClassSession,
    display_code,
    get_store,
    normalize_code,
)
from medialit.store.classroom import join_class
from medialit.store.codes import clean_pseudonym
from medialit.ui import learner_bar, sidebar
from medialit.ui.codecheck import look_up
from medialit.ui.lessonstate import forget
from medialit.ui.state import adopt, current_learner
from medialit.ui.state import lang as ui_lang
from medialit.ui.views import student

URL_PATH = "join"
CODE_KEY, PSEUDONYM_KEY, JOIN_KEY, GO_KEY = "join-code", "join-pseudonym", "join-submit", "join-go"
_PROBLEM = "_ml_join_problem"
JOIN_INPUT_MAX = 12  # a join code as typed: 6 characters, a dash, spaces


def page() -> None:
    """The page: the join form, or (once joined) the class and its lessons."""
    lang = ui_lang()
    sidebar.render(lang)
    learner_bar.render(lang)
    st.title(tr("class_join_title", lang))
    learner = current_learner()
    klass = get_store().class_session(learner.class_session_id) if learner and learner.class_session_id else None
    if learner is not None and klass is not None and not st.query_params.get(JOIN_PARAM):
        joined(klass, learner.pseudonym or "", learner.code, lang)
        return
    join_form(lang)


def join_form(lang: str) -> None:
    in_url = display_code(normalize_code(st.query_params.get(JOIN_PARAM) or ""))
    if in_url and len(in_url) <= JOIN_INPUT_MAX and not st.session_state.get(CODE_KEY):
        st.session_state[CODE_KEY] = in_url
    with st.form("join-class"):
        st.text_input(tr("class_join_code_input", lang), key=CODE_KEY, max_chars=JOIN_INPUT_MAX, placeholder="ABC-D23")
        st.text_input(tr("class_pseudonym", lang), key=PSEUDONYM_KEY, max_chars=PSEUDONYM_MAX)
        st.form_submit_button(tr("class_join_button", lang), key=JOIN_KEY, type="primary", on_click=_join, args=(lang,))
    problem = st.session_state.get(_PROBLEM)
    if problem:
        st.error(problem)


def _join(lang: str) -> None:
    """Form callback: join, or say why not."""
    code = normalize_code(st.session_state.get(CODE_KEY) or "")
    pseudonym = st.session_state.get(PSEUDONYM_KEY) or ""
    st.session_state[_PROBLEM] = _problem(code, pseudonym, lang)


def _problem(code: str, pseudonym: str, lang: str) -> str | None:
    """Join, or say why not (a pseudonym is checked before the code: a code lookup counts as a guess)."""
    if not code:
        return tr("class_join_need_code", lang)
    try:
        if clean_pseudonym(pseudonym) is None:
            return tr("class_join_need_pseudonym", lang)
    except ValueError:
        return tr("class_join_too_long", lang)
    lookup = look_up(get_store().class_session_by_code, code)
    if lookup.wait:
        return tr("class_join_wait", lang, n=lookup.wait)
    try:
        if lookup.found is None:
            raise UnknownClassSession(code)
        _, learner = join_class(get_store(), code, pseudonym, lang)
    except UnknownClassSession:
        return tr("class_join_unknown", lang, code=escape_markdown(display_code(code)))
    except SessionClosed:
        return tr("class_join_closed", lang)
    except PseudonymTaken as taken:
        return tr("class_join_taken", lang, name=escape_markdown(taken.pseudonym))
    forget()
    adopt(learner)
    st.query_params.pop(JOIN_PARAM, None)
    st.session_state[PSEUDONYM_KEY] = ""
    return None


def joined(klass: ClassSession, pseudonym: str, code: str, lang: str) -> None:
    """Who the student is in the class, their resume code, the session's lessons and the way to them."""
    st.success(tr("class_joined", lang, name=escape_markdown(klass.name), pseudonym=escape_markdown(pseudonym)))
    st.markdown(tr("class_joined_code", lang, code=display_code(code)))
    if not klass.is_open:
        st.warning(tr("class_session_closed_student", lang, name=escape_markdown(klass.name)))
    st.subheader(tr("class_your_lessons", lang))
    titles = [loaded.t(loaded.lesson.title, lang) for lesson_id in klass.lesson_ids
              if (loaded := library().by_id(lesson_id)) is not None and not loaded.lesson.is_draft]
    st.markdown("\n".join(f"{i}. {title}" for i, title in enumerate(titles, start=1)))
    if st.button(tr("class_go_lessons", lang), key=GO_KEY, type="primary"):
        st.switch_page(st.Page(student.page, url_path="lessons"))
