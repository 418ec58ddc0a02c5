"""A student's state in one lesson, read from the database once per browser session.

``lesson_state(lesson_id)`` returns the cached state, or rebuilds it from the store (after a
refresh, a closed tab or a server restart): the current question, the latest answer to each
question, the hints used and whether the lesson is finished. Callbacks update both the store
and this cache, the store first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from medialit.store import Answer, get_store
from medialit.ui.state import current_learner

_STATES = "_ml_lessons"


@dataclass
class LessonState:
    """What the page needs to draw a lesson for one learner (or for a visitor with no code yet)."""

    learner_id: int | None
    lesson_id: str
    index: int = 0
    answers: dict[str, Answer] = field(default_factory=dict)
    hints: dict[str, int] = field(default_factory=dict)
    finished: bool = False
    retrying: set[str] = field(default_factory=set)
    messages: dict[str, str] = field(default_factory=dict)

    def attempts(self, question_id: str) -> int:
        """How many attempts are stored for the question."""
        answer = self.answers.get(question_id)
        return answer.attempt if answer else 0


def lesson_state(lesson_id: str) -> LessonState:
    """The state of ``lesson_id`` for the current learner, from the session cache or the store."""
    learner = current_learner()
    learner_id = learner.id if learner else None
    states: dict[tuple[int | None, str], LessonState] = st.session_state.setdefault(_STATES, {})
    key = (learner_id, lesson_id)
    if key not in states:
        states[key] = _load(learner_id, lesson_id)
    return states[key]


def forget(lesson_id: str | None = None) -> None:
    """Drop cached states (one lesson, or all) so the next read comes from the store."""
    states = st.session_state.get(_STATES, {})
    for key in [k for k in states if lesson_id is None or k[1] == lesson_id]:
        del states[key]


def _load(learner_id: int | None, lesson_id: str) -> LessonState:
    if learner_id is None:
        return LessonState(None, lesson_id)
    store = get_store()
    progress = store.progress(learner_id, lesson_id)
    return LessonState(
        learner_id=learner_id,
        lesson_id=lesson_id,
        index=progress.current_index if progress else 0,
        answers=store.latest_answers(learner_id, lesson_id),
        hints=store.hints_used(learner_id, lesson_id),
        finished=bool(progress and progress.finished),
    )


def rekey(state: LessonState, learner_id: int) -> LessonState:
    """Move a visitor's state under the learner just created for them (same lesson)."""
    states: dict = st.session_state.setdefault(_STATES, {})
    states.pop((state.learner_id, state.lesson_id), None)
    state.learner_id = learner_id
    states[(learner_id, state.lesson_id)] = state
    return state
