"""The lesson page's question panel: the question list, the current question, previous/next.

A fragment: Submit, Hint, Retry, the question list, Previous/Next and Finish rerun only this panel,
not the router, the sidebar, the header and the document. Everything is read again at each rerun
(the lesson from the catalogue, the state from the session cache or the store): the arguments are
those of the last full run. When what the rest of the page shows is no longer right (see
``lesson_document``), the panel reruns the whole page before drawing anything.

Callbacks run before the panel reruns, so an answer is in the database before its feedback is drawn.
"""

from __future__ import annotations

import streamlit as st

from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.questions import QuestionBase
from medialit.ui import actions, keys
from medialit.ui.feedback import verdict
from medialit.ui.lessonstate import LessonState, lesson_state
from medialit.ui.views import question as question_panel
from medialit.ui.views.lesson_document import document_view, drawn_marks, is_current

# Glyphs common text fonts have (DejaVu, Liberation...): school machines may lack an emoji font.
STEP_ICONS = {"right": "✓", "partial": "◐", "wrong": "✗", "unscored": "✎", "held": "⧗"}
# Set by a full run just before it draws the panel, popped by the panel first thing. A panel rerun
# never preempts a full run (Streamlit runs it after), so a full run cut short between the two is
# followed by another full run, which sets it again.
_INLINE = "_ml_panel_inline"


def current(loaded: LoadedLesson) -> tuple[LessonState, QuestionBase]:
    """The student's state in the lesson and the question it points at (the index kept in range)."""
    state = lesson_state(loaded.lesson.id)
    questions = loaded.lesson.questions
    state.index = min(max(state.index, 0), len(questions) - 1)
    return state, questions[state.index]


def draw(lesson_id: str, lang: str) -> None:
    """Draw the panel as part of a full run of the page."""
    st.session_state[_INLINE] = True
    panel(lesson_id, lang)


@st.fragment
def panel(lesson_id: str, lang: str) -> None:
    """The fragment. On its own reruns, reruns the page instead when the document must change."""
    inline = st.session_state.pop(_INLINE, False)
    loaded = library().by_id(lesson_id)
    if loaded is None:  # broken or removed meanwhile: the page says so
        if not inline:
            st.rerun(scope="app")
        return
    state, q = current(loaded)
    view = document_view(loaded, q, state, lang)
    if not inline and not is_current(loaded, view):
        st.rerun(scope="app")
    stepper(loaded, state, lang)
    question_panel.render(loaded, q, state, lang, drawn_marks(view))
    navigation(loaded, state, lang)


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
    """Previous / next side by side (one row container: fewer elements than columns), and the way to the summary."""
    lesson_id, last = loaded.lesson.id, len(loaded.lesson.questions) - 1
    with st.container(horizontal=True):
        st.button(f"← {tr('ui_previous', lang)}", key=keys.step(lesson_id, "prev"), disabled=state.index == 0,
                  on_click=actions.goto, args=(lesson_id, state.index - 1), width="stretch")
        st.button(f"{tr('ui_next', lang)} →", key=keys.step(lesson_id, "next"), disabled=state.index >= last,
                  on_click=actions.goto, args=(lesson_id, state.index + 1), width="stretch",
                  type="primary" if loaded.lesson.questions[state.index].id in state.answers else "secondary")
    label = "ui_see_results" if state.finished else "ui_finish"
    st.button(tr(label, lang), key=keys.finish(lesson_id), on_click=actions.to_summary, args=(lesson_id,),
              width="stretch", type="primary" if state.index >= last and not state.finished else "secondary")
