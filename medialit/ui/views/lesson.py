"""The lesson page: the document beside the questions, one question at a time."""

from __future__ import annotations

import streamlit as st

from medialit.catalog import catalog
from medialit.i18n import tr
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.ui import actions, document, keys
from medialit.ui.derived import excerpt_spans, skills, text
from medialit.ui.feedback import verdict
from medialit.ui.lessonstate import LessonState, lesson_state
from medialit.ui.state import current_learner
from medialit.ui.views import question as question_panel
from medialit.ui.xray_layer import xray_switch

# Glyphs common text fonts have (DejaVu, Liberation...): school machines may lack an emoji font.
STEP_ICONS = {"right": "✓", "partial": "◐", "wrong": "✗", "unscored": "✎"}


def page(lesson_id: str, lang: str) -> None:
    """Draw lesson ``lesson_id``, or say it is being edited when it cannot be served."""
    loaded = catalog().by_id(lesson_id)
    if loaded is None:
        unavailable(lesson_id, lang)
        return
    state = lesson_state(lesson_id)
    questions = loaded.lesson.questions
    state.index = min(max(state.index, 0), len(questions) - 1)
    current = questions[state.index]
    header(loaded, lang)
    if loaded.text:
        left, right = st.columns([3, 2], gap="large")
        with left:
            marks = document_column(loaded, current, state, lang)
    else:  # a drill without a document: the questions take the page
        marks, right = None, st.container(width=760)
    with right:
        introduction(loaded, state, lang)
        stepper(loaded, state, lang)
        question_panel.render(loaded, current, state, lang, marks)
        navigation(loaded, state, lang)


def header(loaded: LoadedLesson, lang: str) -> None:
    lesson = loaded.lesson
    st.button(f"← {tr('ui_all_lessons', lang)}", key=keys.BACK, on_click=actions.to_catalogue)
    st.title(text(loaded, lesson.title, lang))
    facts = [tr("ui_kind_" + lesson.kind, lang), tr("ui_minutes", lang, n=lesson.duration_minutes),
             text(loaded, lesson.level, lang)]
    st.caption(" · ".join(facts) + " · " + ", ".join(name for _, name in skills(loaded, lang)))


def document_column(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str) -> list | None:
    """The metadata card and the document; marking is on while a highlight answer is composed."""
    document.metadata_card(loaded, lang)
    answer = state.answers.get(q.id)
    composing = answer is None or q.id in state.retrying
    if q.type == "highlight" and composing:
        attempt = state.attempts(q.id) + 1
        prefill = (answer.raw or {}).get("spans") if answer else None
        return document.show(loaded, lang, key=keys.answer(loaded.lesson.id, q.id, attempt), marks=prefill)
    layers: list[dict] = []
    if q.type == "highlight" and answer is not None:
        layers = answer_layers(answer.raw or {}, answer.result or {}, lang,
                               expected=question_panel.full_feedback(loaded, state, q.id))
    elif q.type == "label":
        spans = excerpt_spans(loaded, q.id)
        layers = [{"name": "excerpt", "spans": [list(s) for s in spans], "title": tr("ui_layer_excerpts", lang),
                   "titles": [tr("ui_excerpt_n", lang, n=i + 1) for i in range(len(spans))]}]
    if question_panel.full_feedback(loaded, state, q.id):  # never before: the X-ray would be a hint
        layers += xray_switch(loaded, lang)
    document.show(loaded, lang, layers=layers)
    return None


def answer_layers(raw: dict, result: dict, lang: str, *, expected: bool) -> list[dict]:
    """The student's marks, and (only once the correction is shown) the expected passages."""
    layers = [{"name": "student", "spans": raw.get("spans") or [], "title": tr("ui_layer_student", lang)}]
    if expected:
        gold = [list(s) for part in result.get("parts", []) if str(part.get("key", "")).startswith("passage-")
                for s in part.get("spans", [])]
        layers.append({"name": "expected", "spans": gold, "title": tr("ui_layer_expected", lang)})
    return layers


def introduction(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    intro = text(loaded, loaded.lesson.introduction, lang)
    if intro:
        with st.expander(tr("ui_introduction", lang), expanded=not state.answers and state.index == 0):
            st.markdown(intro)


def step_label(loaded: LoadedLesson, state: LessonState, index: int) -> str:
    answer = state.answers.get(loaded.lesson.questions[index].id)
    return f"{index + 1} {STEP_ICONS[verdict(answer)]}" if answer else str(index + 1)


def stepper(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """The question list (jump to any question) and the progress bar."""
    lesson_id, n = loaded.lesson.id, len(loaded.lesson.questions)
    key = keys.stepper(lesson_id)
    if st.session_state.get(key) != state.index:
        st.session_state[key] = state.index
    st.segmented_control(tr("ui_questions", lang), list(range(n)), required=True, key=key, wrap=True,
                         format_func=lambda i: step_label(loaded, state, i), on_change=actions.on_stepper,
                         args=(lesson_id,))
    done = sum(1 for q in loaded.lesson.questions if q.id in state.answers)
    st.progress(done / n, text=tr("ui_progress", lang, done=done, total=n))


def navigation(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """Previous / next, and the way to the summary."""
    lesson_id, last = loaded.lesson.id, len(loaded.lesson.questions) - 1
    prev_col, next_col = st.columns(2)
    prev_col.button(f"← {tr('ui_previous', lang)}", key=keys.step(lesson_id, "prev"), disabled=state.index == 0,
                    on_click=actions.goto, args=(lesson_id, state.index - 1), width="stretch")
    next_col.button(f"{tr('ui_next', lang)} →", key=keys.step(lesson_id, "next"), disabled=state.index >= last,
                    on_click=actions.goto, args=(lesson_id, state.index + 1), width="stretch",
                    type="primary" if loaded.lesson.questions[state.index].id in state.answers else "secondary")
    label = "ui_see_results" if state.finished else "ui_finish"
    st.button(tr(label, lang), key=keys.finish(lesson_id), on_click=actions.to_summary, args=(lesson_id,),
              width="stretch", type="primary" if state.index >= last and not state.finished else "secondary")


def unavailable(lesson_id: str, lang: str) -> None:
    """A lesson that cannot be served now (broken while being edited, or removed)."""
    broken = catalog().result_for_id(lesson_id) is not None
    learner = current_learner()
    started = learner is not None and lesson_state(lesson_id).answers
    st.button(f"← {tr('ui_all_lessons', lang)}", key=keys.BACK, on_click=actions.to_catalogue)
    st.title("medialit")
    if broken or started:
        st.warning(tr("ui_lesson_being_edited", lang))
    else:
        st.warning(tr("ui_lesson_not_found", lang, id=lesson_id))
