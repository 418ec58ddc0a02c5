"""Button and widget callbacks: every change is written to the store first, then to the page cache.

Callbacks run before the script, so the rerun they cause already draws the stored result: an
answer is in the database before its feedback is shown. None of them calls ``st.rerun``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from medialit import answering
from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.limits import ANSWER_TEXT_MAX, CODE_INPUT_MAX
from medialit.store import Learner, display_code, get_store, normalize_code
from medialit.ui import inputs, keys
from medialit.ui.codecheck import look_up, resume_policy
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
UNSAVED = "_ml_unsaved"  # {lesson_id: Unsaved}


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


@dataclass(frozen=True)
class Unsaved:
    """An answer a Submit could not store (the lesson was broken or changed meanwhile), kept for the form."""

    question_id: str
    attempt: int
    raw: dict[str, Any] | None


def submit(lesson_id: str, question_id: str, attempt: int, drawn: LoadedLesson | None = None) -> None:
    """Read the attempt's inputs and submit it (``medialit.answering``); cache what was stored.

    ``drawn`` is the lesson as the page drew it: when the lesson cannot be served any more (a
    teacher's edit broke it), the answer is read with it and kept (:func:`unsaved`), and the page
    says that it was not saved.
    """
    loaded = library().by_id(lesson_id)
    if loaded is None or loaded.lesson.question(question_id) is None:
        _keep_unsaved(lesson_id, question_id, attempt, drawn)
        return
    state = lesson_state(lesson_id)
    if attempt != state.attempts(question_id) + 1 or (attempt > 1 and question_id not in state.retrying):
        return  # a stale click (double click, another tab): the attempt was already handled
    if answering.oversized(_input_values(lesson_id, question_id, attempt)):  # before the widgets read them
        state.messages[question_id] = tr("ui_answer_too_long", lang(), max=ANSWER_TEXT_MAX)
        return
    raw = inputs.read(loaded, question_id, attempt)
    learner, state = _learner_state(lesson_id)
    done = answering.submit(get_store(), loaded, learner.id, question_id, raw, attempt=attempt, lang=lang())
    if done.outcome == "taken":
        forget(lesson_id)  # answered meanwhile in another tab: redraw from the store, penalties stay right
        return
    if not done.recorded or done.answer is None:
        state.messages[question_id] = done.message
        return
    st.session_state.get(UNSAVED, {}).pop(lesson_id, None)
    state.answers[question_id] = done.answer
    state.messages.pop(question_id, None)
    state.retrying.discard(question_id)


def unsaved(lesson_id: str) -> Unsaved | None:
    """The answer of ``lesson_id`` a Submit could not store, if any (until one is stored)."""
    found = st.session_state.get(UNSAVED, {}).get(lesson_id)
    return found if isinstance(found, Unsaved) else None


def drop_unsaved(lesson_id: str) -> None:
    """Forget the unsaved answer of ``lesson_id`` (its question no longer exists)."""
    st.session_state.get(UNSAVED, {}).pop(lesson_id, None)


def _keep_unsaved(lesson_id: str, question_id: str, attempt: int, drawn: LoadedLesson | None) -> None:
    raw = None
    values = _input_values(lesson_id, question_id, attempt)
    if drawn is not None and drawn.lesson.question(question_id) is not None and not answering.oversized(values):
        raw = inputs.read(drawn, question_id, attempt)
    st.session_state.setdefault(UNSAVED, {})[lesson_id] = Unsaved(question_id, attempt, raw)


def _input_values(lesson_id: str, question_id: str, attempt: int) -> dict[str, Any]:
    """What the inputs of an attempt hold in session state (its widgets and their drafts)."""
    key = keys.answer(lesson_id, question_id, attempt)
    wanted = (key, keys.draft(key))
    return {k: v for k, v in st.session_state.items()
            if isinstance(k, str) and (k in wanted or k.startswith(key + "-"))}


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
    """Continue with a code written down earlier (on another computer, another day).

    Leaves in ``CODE_ERROR`` what went wrong, as a catalogue key and its values.
    """
    text = st.session_state.get(keys.CODE_INPUT) or ""
    if len(text) > CODE_INPUT_MAX:  # refused unread
        st.session_state[CODE_ERROR] = ("ui_code_too_long", {"max": CODE_INPUT_MAX})
        return
    typed = normalize_code(text)
    if not typed:
        return
    lookup = look_up(get_store().learner_by_code, typed, resume_policy(typed))
    learner = lookup.found
    if learner is None:
        st.session_state[CODE_ERROR] = (("ui_code_wait", {"n": lookup.wait}) if lookup.wait else
                                        ("ui_code_not_found", {"code": escape_markdown(display_code(typed))}))
        return
    st.session_state.pop(CODE_ERROR, None)
    st.session_state[keys.CODE_INPUT] = ""
    forget()
    adopt(learner)
