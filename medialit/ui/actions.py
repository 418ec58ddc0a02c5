"""Button and widget callbacks: every change is written to the store first, then to the page cache.

Callbacks run before the script, so the rerun they cause already draws the stored result: an
answer is in the database before its feedback is shown. None of them calls ``st.rerun``.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from medialit import answering
from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.store import Learner, get_store, normalize_code
from medialit.ui import inputs, keys
from medialit.ui.lessonstate import LessonState, forget, lesson_state, rekey
from medialit.ui.state import (
    QP_LANG,
    VIEW_SUMMARY,
    adopt,
    current_learner,
    ensure_learner,
    go,
    lang,
)

CODE_ERROR = "_ml_code_error"


def _learner_state(lesson_id: str) -> tuple[Learner, LessonState]:
    """The learner (created if needed) and their state in the lesson; a visitor's state is kept."""
    visitor = lesson_state(lesson_id) if current_learner() is None else None
    learner = ensure_learner()
    if visitor is not None:
        return learner, rekey(visitor, learner.id)
    return learner, lesson_state(lesson_id)


def _hash(lesson_id: str) -> str | None:
    loaded = library().by_id(lesson_id)
    return loaded.content_hash if loaded else None


def open_lesson(lesson_id: str) -> None:
    """Start or continue a lesson from the catalogue (this creates the learner)."""
    learner, state = _learner_state(lesson_id)
    get_store().set_progress(learner.id, lesson_id, state.index, content_hash=_hash(lesson_id))
    go(lesson_id)


def goto(lesson_id: str, index: int) -> None:
    """Show question ``index`` and save it as the learner's position."""
    learner, state = _learner_state(lesson_id)
    state.index = max(0, index)
    st.session_state[keys.stepper(lesson_id)] = state.index
    get_store().set_progress(learner.id, lesson_id, state.index, content_hash=_hash(lesson_id))


def on_stepper(lesson_id: str) -> None:
    """The question list was clicked."""
    chosen = st.session_state.get(keys.stepper(lesson_id))
    if isinstance(chosen, int):
        goto(lesson_id, chosen)


def tries_left(loaded: LoadedLesson, state: LessonState, question_id: str) -> int:
    """Further attempts allowed after the latest one (0 once the lesson is finished)."""
    if state.finished:
        return 0
    return max(0, answering.tries_allowed(loaded) - state.attempts(question_id))


def submit(lesson_id: str, question_id: str, attempt: int) -> None:
    """Read the attempt's inputs and submit it (``medialit.answering``); cache what was stored."""
    loaded = library().by_id(lesson_id)
    if loaded is None or loaded.lesson.question(question_id) is None:
        return  # the page now says the lesson is being edited; stored answers are untouched
    state = lesson_state(lesson_id)
    if attempt != state.attempts(question_id) + 1 or (attempt > 1 and question_id not in state.retrying):
        return  # a stale click (double click, another tab): the attempt was already handled
    raw = inputs.read(loaded, question_id, attempt)
    learner, state = _learner_state(lesson_id)
    done = answering.submit(get_store(), loaded, learner.id, question_id, raw, attempt=attempt, lang=lang())
    if done.outcome == "taken":
        forget(lesson_id)  # answered meanwhile in another tab: redraw from the store, penalties stay right
        return
    if not done.recorded or done.answer is None:
        state.messages[question_id] = done.message
        return
    state.answers[question_id] = done.answer
    state.messages.pop(question_id, None)
    state.retrying.discard(question_id)


def hint(lesson_id: str, question_id: str, available: int) -> None:
    """Show one more hint (counted in the store: it may cost points)."""
    learner, state = _learner_state(lesson_id)
    if state.hints.get(question_id, 0) < available:
        state.hints[question_id] = get_store().use_hint(learner.id, lesson_id, question_id)


def retry(lesson_id: str, question_id: str) -> None:
    """Open a new attempt, prefilled with the previous one."""
    state = lesson_state(lesson_id)
    loaded = library().by_id(lesson_id)
    if loaded is not None and tries_left(loaded, state, question_id) > 0:
        state.retrying.add(question_id)


def finish(lesson_id: str) -> None:
    """Mark the lesson finished (all corrections become visible) and show the summary."""
    learner, state = _learner_state(lesson_id)
    get_store().set_progress(learner.id, lesson_id, state.index, content_hash=_hash(lesson_id), finished=True)
    state.finished = True
    state.retrying.clear()
    go(lesson_id, VIEW_SUMMARY)


def to_catalogue() -> None:
    go(None)


def to_lesson(lesson_id: str) -> None:
    go(lesson_id)


def to_summary(lesson_id: str) -> None:
    go(lesson_id, VIEW_SUMMARY)


def set_lang() -> None:
    """The language switch: kept in the URL and on the learner."""
    chosen = st.session_state.get(keys.LANG)
    if chosen not in ("fr", "en"):
        return
    st.query_params[QP_LANG] = chosen
    learner = current_learner()
    if learner is not None and learner.lang != chosen:
        get_store().set_learner_lang(learner.id, chosen)
        adopt(replace(learner, lang=chosen))


def enter_code() -> None:
    """Continue with a code written down earlier (on another computer, another day)."""
    typed = normalize_code(st.session_state.get(keys.CODE_INPUT) or "")
    if not typed:
        return
    learner = get_store().learner_by_code(typed)
    if learner is None:
        st.session_state[CODE_ERROR] = typed
        return
    st.session_state.pop(CODE_ERROR, None)
    st.session_state[keys.CODE_INPUT] = ""
    forget()
    adopt(learner)
