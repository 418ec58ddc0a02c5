"""One question of a lesson: the prompt, the answer widgets or the stored feedback, hints, retries.

Before a question has a stored answer, only its ``answer_key_free`` view and the student's own
input are drawn; its feedback, explanation and model answer come from the stored answer only.
"""

from __future__ import annotations

import streamlit as st

from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.i18n import tr
from medialit.questions import QuestionBase
from medialit.store import get_store
from medialit.ui import actions, feedback, inputs, keys
from medialit.ui.derived import shown as shown_question
from medialit.ui.lessonstate import LessonState, lesson_state
from medialit.ui.state import current_learner, url_code
from medialit.ui.xray_layer import xray_switch

TEACHER_POLL = "4s"


def full_feedback(loaded: LoadedLesson, state: LessonState, question_id: str) -> bool:
    """Whether the whole correction may be shown: right, unscored, no tries left, or finished."""
    answer = state.answers.get(question_id)
    if answer is None:
        return False
    return feedback.verdict(answer) in ("right", "unscored") or actions.tries_left(loaded, state, question_id) == 0


def render(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str, marks: list | None) -> None:
    """The current question, composing or answered."""
    shown = shown_question(loaded, q.id, lang)
    n = len(loaded.lesson.questions)
    st.subheader(tr("ui_question_n", lang, n=state.index + 1, total=n))
    points = tr("ui_points", lang, pts=float(shown["points"])) if shown["points"] else tr("ui_no_points", lang)
    st.caption(f"{category_name('skills', q.skill, lang)} · {points}")
    st.markdown(shown["prompt"])
    answer = state.answers.get(q.id)
    if answer is None or q.id in state.retrying:
        compose(loaded, q, state, lang, shown, marks)
        return
    full = full_feedback(loaded, state, q.id)
    learner = current_learner()
    if answer.needs_review and awaits_teacher():
        live_feedback(loaded.lesson.id, q.id, lang)
    else:
        feedback.render(loaded, q, answer, lang, full,
                        self_study=learner is not None and learner.class_session_id is None)
    if full:
        xray_switch(loaded, lang)  # only with the whole correction: before, the X-ray would be a hint
    else:
        hints(loaded, q, state, lang)
        offer_retry(loaded, q, state, lang)


def awaits_teacher() -> bool:
    """True for a member of a class session: a teacher may grade their written answers at any moment."""
    learner = current_learner()
    return learner is not None and learner.in_class


@st.fragment(run_every=TEACHER_POLL)
def live_feedback(lesson_id: str, question_id: str, lang: str) -> None:
    """The feedback on a written answer while the teacher may grade it: re-read every few seconds, so the
    teacher's points and comment appear without a reload (one read by primary key per tick)."""
    loaded = library().by_id(lesson_id)
    state = lesson_state(lesson_id)
    q = loaded.lesson.question(question_id) if loaded else None
    cached = state.answers.get(question_id)
    if loaded is None or q is None or cached is None:
        return
    fresh = get_store().answer(cached.id)
    if fresh is not None and (fresh.override_earned, fresh.override_comment) != (cached.override_earned,
                                                                                  cached.override_comment):
        state.answers[question_id] = cached = fresh
        if fresh.overridden:
            st.toast(tr("ui_teacher_graded", lang))
    feedback.render(loaded, q, cached, lang, full_feedback(loaded, state, question_id), self_study=False)


def compose(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str, shown: dict,
            marks: list | None) -> None:
    """The answer widgets of the next attempt, the hints and the Submit button."""
    lesson_id = loaded.lesson.id
    attempt = state.attempts(q.id) + 1
    previous = state.answers.get(q.id)
    if attempt > 1:
        cost = round(loaded.lesson.settings.retry_penalty * (attempt - 1) * 100)
        st.caption(tr("ui_attempt_n", lang, n=attempt, pct=cost))
    kept = actions.unsaved(lesson_id)
    kept = kept if kept is not None and (kept.question_id, kept.attempt) == (q.id, attempt) else None
    prefill = kept.raw if kept is not None and kept.raw is not None else previous.raw if previous else None
    inputs.render(loaded, shown, attempt, lang, prefill=prefill, marks=marks, seed=url_code())
    hints(loaded, q, state, lang)
    message = state.messages.get(q.id)
    if message:
        st.warning(message)
    elif kept is not None:
        st.warning(tr("ui_answer_kept", lang))
    st.button(tr("ui_submit", lang), key=keys.submit(lesson_id, q.id, attempt), type="primary",
              on_click=actions.submit, args=(lesson_id, q.id, attempt), kwargs={"drawn": loaded})


def hints(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str) -> None:
    """Hints shown so far, and a button for the next one (with its cost, if any)."""
    if not q.hints:
        return
    used = min(state.hints.get(q.id, 0), len(q.hints))
    for i in range(used):
        st.info(tr("ui_hint_n", lang, n=i + 1) + " " + loaded.t(q.hints[i], lang))
    if used < len(q.hints):
        pct = round(loaded.lesson.settings.hint_penalty * 100)
        label = tr("ui_hint_cost", lang, pct=pct) if pct and q.is_scored() else tr("ui_hint", lang)
        st.button(label, key=keys.hint(loaded.lesson.id, q.id), on_click=actions.hint,
                  args=(loaded.lesson.id, q.id, len(q.hints)))


def offer_retry(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str) -> None:
    """After a wrong or partial answer with tries left: try again, or go on."""
    left = actions.tries_left(loaded, state, q.id)
    pct = round(loaded.lesson.settings.retry_penalty * 100)
    st.info(tr("ui_can_retry", lang, n=left, pct=pct))
    st.button(tr("ui_try_again", lang), key=keys.retry(loaded.lesson.id, q.id), on_click=actions.retry,
              args=(loaded.lesson.id, q.id))
