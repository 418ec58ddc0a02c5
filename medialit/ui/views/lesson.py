"""The lesson page: the document beside the questions, one question at a time.

A full run draws the header, the document column (what it shows: ``lesson_document``, whose
signature it saves) and the introduction; the questions are a fragment (``lesson_panel``) that
reruns alone on Submit, Hint, Retry and moves, and reruns the page when the document must change.
"""

from __future__ import annotations

import streamlit as st

from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.limits import SHOWN_ID_MAX
from medialit.ui import actions, document, keys
from medialit.ui.derived import memo, skills
from medialit.ui.lessonstate import LessonState, lesson_state
from medialit.ui.state import current_learner
from medialit.ui.views import lesson_panel
from medialit.ui.views.lesson_document import document_view, remember
from medialit.ui.widget import DocumentView
from medialit.ui.xray_layer import xray_layer

KIND_KEYS = {"lesson": "ui_kind_lesson", "drill": "ui_kind_drill"}

__all__ = ["page", "unavailable"]


def page(lesson_id: str, lang: str) -> None:
    """Draw lesson ``lesson_id``, or say it is being edited when it cannot be served."""
    loaded = library().by_id(lesson_id)
    if loaded is None or loaded.lesson.is_draft:
        unavailable(lesson_id, lang)
        return
    state, q = lesson_panel.current(loaded)
    view = document_view(loaded, q, state, lang)
    header(loaded, lang)
    if loaded.text:
        # Keyed so that under 1200 px the two columns stack (medialit/ui/style.py): side by side on a
        # 1024 px screen with the menu open, the questions would be ~190 px wide.
        with st.container(key="lesson-layout"):
            left, right = st.columns([3, 2], gap="large")
        with left:
            document_column(loaded, view, lang)
    else:  # a drill without a document: the questions take the page
        right = st.container(width=760)
    remember(loaded, view)
    with right:
        kept = actions.unsaved(lesson_id)
        if kept is not None and loaded.lesson.question(kept.question_id) is None:
            st.error(tr("ui_answer_not_saved_changed", lang))  # its question is gone from the new version
            actions.drop_unsaved(lesson_id)
        introduction(loaded, state, lang)
        lesson_panel.draw(lesson_id, lang)


def header(loaded: LoadedLesson, lang: str) -> None:
    """Back to the catalogue, the lesson's title and what kind of lesson it is."""
    st.button(f"← {tr('ui_all_lessons', lang)}", key=keys.BACK, on_click=actions.to_catalogue)
    st.title(loaded.t(loaded.lesson.title, lang))
    st.caption(facts(loaded, lang))


def facts(loaded: LoadedLesson, lang: str) -> str:
    """Kind · duration · level · skills (built once per lesson version and language)."""

    def make() -> str:
        lesson = loaded.lesson
        parts = [tr(KIND_KEYS[lesson.kind], lang), tr("ui_minutes", lang, n=lesson.duration_minutes),
                 loaded.t(lesson.level, lang)]
        return " · ".join(parts) + " · " + ", ".join(name for _, name in skills(loaded, lang))

    return memo(loaded, "facts", lang, make=make)


def introduction(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """The lesson's introduction, open until the first answer. Outside the panel: drawn by full runs only
    (it does not fold up under a student reading it when they submit their first answer)."""
    intro = loaded.t(loaded.lesson.introduction, lang)
    if intro:
        with st.expander(tr("ui_introduction", lang), expanded=not state.answers and state.index == 0):
            st.markdown(intro)


def document_column(loaded: LoadedLesson, view: DocumentView, lang: str) -> None:
    """The metadata card and the document: open for marking while a highlight answer is composed."""
    document.metadata_card(loaded, lang)
    if view.marking_key is not None:
        document.show(loaded, lang, key=view.marking_key, marks=view.prefill, layers=view.layers)
        return
    layers = view.layers + ([xray_layer(loaded, lang)] if view.xray else [])
    document.show(loaded, lang, layers=layers)


def unavailable(lesson_id: str, lang: str) -> None:
    """A lesson that cannot be served now (a draft, broken while being edited, or removed)."""
    result = library().result_for_id(lesson_id)
    learner = current_learner()
    started = learner is not None and lesson_state(lesson_id).answers
    st.button(f"← {tr('ui_all_lessons', lang)}", key=keys.BACK, on_click=actions.to_catalogue)
    st.title("medialit")
    if actions.unsaved(lesson_id) is not None:
        st.error(tr("ui_answer_not_saved_editing", lang))
    elif result is not None and result.loaded is not None and result.loaded.lesson.is_draft and not started:
        st.warning(tr("ui_lesson_draft", lang))
    elif result is not None or started:
        st.warning(tr("ui_lesson_being_edited", lang))
    else:
        shown = lesson_id if len(lesson_id) <= SHOWN_ID_MAX else lesson_id[:SHOWN_ID_MAX] + "…"
        st.warning(tr("ui_lesson_not_found", lang, id=escape_markdown(shown)))  # the address is anyone's text
