"""Who the student is and where they are: the URL and the learner record.

Everything a refresh must keep lives in the URL (``code``, ``lang``, ``lesson``, ``view``) or in
the database; ``st.session_state`` only caches what can be read again. The learner is created
lazily, from a callback, the first time the student starts a lesson, submits or asks for a hint.
"""

from __future__ import annotations

import time

import streamlit as st

from medialit.format.text import LANGUAGES
from medialit.store import Learner, get_store, normalize_code
from medialit.ui.codecheck import look_up, resume_policy

QP_CODE, QP_LANG, QP_LESSON, QP_VIEW = "code", "lang", "lesson", "view"
VIEW_SUMMARY = "summary"
_LEARNER = "_ml_learner"  # (code, Learner | None): the learner behind the URL's code
_REFUSED = "_ml_code_refused"  # (code, time.time() until which its lookup is refused)


def lang() -> str:
    """The interface language: the URL's ``lang``, else the learner's, else the browser's (fr/en)."""
    wanted = st.query_params.get(QP_LANG)
    if wanted in LANGUAGES:
        return wanted
    learner = current_learner()
    if learner is not None:
        return learner.lang
    locale = (st.context.locale or "").lower()
    return "en" if locale.startswith("en") else "fr"


def url_code() -> str:
    """The resume code in the URL, normalised (empty when there is none)."""
    return normalize_code(st.query_params.get(QP_CODE) or "")


def current_learner() -> Learner | None:
    """The learner whose code is in the URL (None without a code, for an unknown one, or while the
    throttle refuses this client's lookups: see :func:`code_wait`).

    Read from the database once per browser session and per code, then kept in session state.
    """
    code = url_code()
    if not code:
        return None
    cached = st.session_state.get(_LEARNER)
    if cached is not None and cached[0] == code:
        return cached[1]
    if code_wait():
        return None
    lookup = look_up(get_store().learner_by_code, code, resume_policy(code))
    if lookup.wait:
        st.session_state[_REFUSED] = (code, time.time() + lookup.wait)
        return None
    st.session_state.pop(_REFUSED, None)
    learner = lookup.found
    if learner is not None:
        get_store().touch_learner(learner.id)
    st.session_state[_LEARNER] = (code, learner)
    return learner


def code_wait() -> int:
    """Seconds before the URL's code may be looked up, when the guessing throttle refused it (else 0)."""
    refused = st.session_state.get(_REFUSED)
    if refused is None or refused[0] != url_code():
        return 0
    return max(0, round(refused[1] - time.time()))


def unknown_code() -> bool:
    """True when the URL holds a code that matches no learner."""
    return bool(url_code()) and current_learner() is None


def ensure_learner() -> Learner:
    """The current learner, created now (and put in the URL) if there is none. For callbacks."""
    learner = current_learner()
    if learner is not None:
        return learner
    learner = get_store().create_learner(lang())
    adopt(learner)
    return learner


def adopt(learner: Learner) -> None:
    """Make ``learner`` the current one: its code goes in the URL, its language too if unset."""
    st.session_state[_LEARNER] = (learner.code, learner)
    st.query_params[QP_CODE] = learner.code
    if st.query_params.get(QP_LANG) not in LANGUAGES:
        st.query_params[QP_LANG] = learner.lang


def lesson_in_url() -> str | None:
    return st.query_params.get(QP_LESSON) or None


def view_in_url() -> str | None:
    return st.query_params.get(QP_VIEW) or None


def go(lesson_id: str | None = None, view: str | None = None) -> None:
    """Point the URL at the catalogue (no lesson), a lesson, or its summary; keeps code and lang."""
    for name, value in ((QP_LESSON, lesson_id), (QP_VIEW, view)):
        if value:
            st.query_params[name] = value
        elif name in st.query_params:
            del st.query_params[name]
