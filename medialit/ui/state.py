"""Who the student is and where they are: the URL, the browser's memory and the learner record.

Everything a refresh must keep lives in the URL (``code``, ``lang``, ``lesson``, ``view``), in the
browser's signed cookie (:mod:`medialit.ui.remember`: the learner's code, so the bare address
resumes) or in the database; ``st.session_state`` only caches what can be read again. The learner
is created lazily, from a callback, the first time the student starts a lesson, submits or asks
for a hint.

Which learner: the code in the URL; else the one this session was already following (a link of
the menu drops the URL's parameters, never the learner); else the one the browser remembers
(unless the student chose "Start afresh"). Whichever it is, its code is put back in the URL.
"""

from __future__ import annotations

import time

import streamlit as st

from medialit.format.text import LANGUAGES
from medialit.store import Learner, get_store, normalize_code
from medialit.ui import remember
from medialit.ui.codecheck import look_up, resume_policy

QP_CODE, QP_LANG, QP_LESSON, QP_VIEW = "code", "lang", "lesson", "view"
VIEW_SUMMARY = "summary"
_LEARNER = "_ml_learner"  # (code, Learner | None): the learner behind the URL's code
_REFUSED = "_ml_code_refused"  # (code, time.time() until which its lookup is refused)
_AFRESH = "_ml_afresh"  # this session chose "Start afresh": the browser's remembered learner is not resumed


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
    """The current learner (see the module docstring); None for a visitor, an unknown code in the URL,
    or while the throttle refuses this client's lookups (see :func:`code_wait`).

    Read from the database once per browser session and per code, then kept in session state.
    """
    code = url_code()
    cached = st.session_state.get(_LEARNER)
    if not code:
        return _resumed(cached)
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
        remember.remember_learner(learner.code)
    st.session_state[_LEARNER] = (code, learner)
    return learner


def code_wait() -> int:
    """Seconds before the URL's code may be looked up, when the guessing throttle refused it (else 0)."""
    refused = st.session_state.get(_REFUSED)
    if refused is None or refused[0] != url_code():
        return 0
    return max(0, round(refused[1] - time.time()))


def _resumed(cached: tuple[str, Learner | None] | None) -> Learner | None:
    """No code in the URL: the learner this session follows, else the browser's; its code back in the URL."""
    if cached is not None and cached[1] is not None:
        learner: Learner | None = cached[1]
    elif st.session_state.get(_AFRESH) or not (code := remember.remembered_code()):
        return None
    else:
        store = get_store()
        learner = store.learner_by_code(code)
        if learner is None:  # deleted with its class session: the browser forgets it
            remember.forget_learner()
            return None
        store.touch_learner(learner.id)
        st.session_state[_LEARNER] = (learner.code, learner)
    assert learner is not None
    st.query_params[QP_CODE] = learner.code
    return learner


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
    """Make ``learner`` the current one: its code goes in the URL (its language too if unset) and the
    browser remembers it."""
    st.session_state[_LEARNER] = (learner.code, learner)
    st.session_state.pop(_AFRESH, None)
    st.query_params[QP_CODE] = learner.code
    if st.query_params.get(QP_LANG) not in LANGUAGES:
        st.query_params[QP_LANG] = learner.lang
    remember.remember_learner(learner.code)


def refresh_learner() -> Learner | None:
    """The current learner read again from the store (after it changed: left its class...)."""
    cached = st.session_state.get(_LEARNER)
    if cached is None or cached[1] is None:
        return current_learner()
    learner = get_store().learner(cached[1].id)
    st.session_state[_LEARNER] = (cached[0], learner)
    return learner


def start_afresh() -> None:
    """Forget the current learner in this tab and in the browser ("Not you?", a shared computer).

    Nothing is deleted: the code written down still resumes that learner.
    """
    st.session_state[_LEARNER] = ("", None)
    st.session_state[_AFRESH] = True
    st.query_params.pop(QP_CODE, None)
    remember.forget_learner()


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
