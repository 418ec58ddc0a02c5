"""What the lesson page's document column shows for the current question, and its signature.

The question panel is a fragment (``lesson_panel``): Submit, Hint, Retry and moving between
questions rerun only the panel. The document column is drawn by full-page runs only, so each
full run saves a *signature* of what it drew (``remember``); a panel rerun recomputes it
(``signature``) and, when it differs, reruns the whole page. The signature changes when the
student moves to or from a highlight question (marking on or off), to a label question (its
excerpts), after a highlight answer (the student's marks, then the expected passages), when the
X-ray is turned on or off, when the lesson file changes, and when the URL does (a new resume
code for the sidebar, the summary, the catalogue). Marking (mouse, finger or keyboard) happens in
the document widget itself, outside the panel: its edits rerun the whole page.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.registry import kind_of
from medialit.ui import keys
from medialit.ui.lessonstate import LessonState
from medialit.ui.state import lesson_in_url, url_code, view_in_url
from medialit.ui.views.question import full_feedback
from medialit.ui.widget import DocumentView
from medialit.ui.xray_layer import xray_on

_SIGNATURE = "_ml_document_signature"


def document_view(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str) -> DocumentView:
    """What the question's type shows on the document (marking, marks, expected passages, excerpts), and
    the X-ray once the whole correction may be seen (never before: it would be a hint)."""
    if not loaded.text:
        return DocumentView()
    answer = state.answers.get(q.id)
    composing = answer is None or q.id in state.retrying
    full = not composing and full_feedback(loaded, state, q.id)
    view = kind_of(q).widget.document_view(
        q, loaded, answer, composing=composing, full=full, lang=lang,
        marking_key=keys.answer(loaded.lesson.id, q.id, state.attempts(q.id) + 1))
    return replace(view, xray=full and xray_on(loaded)) if not view.marking_key else view


def signature(loaded: LoadedLesson, view: DocumentView) -> tuple:
    """What a full run drew outside the panel: the URL's lesson, view and code, the lesson version, the document."""
    return lesson_in_url(), view_in_url(), url_code(), loaded.content_hash, view


def remember(loaded: LoadedLesson, view: DocumentView) -> None:
    """Called by the full run that drew ``view``."""
    st.session_state[_SIGNATURE] = signature(loaded, view)


def is_current(loaded: LoadedLesson, view: DocumentView) -> bool:
    """Whether the page outside the panel still shows what ``view`` (and the URL) call for."""
    return st.session_state.get(_SIGNATURE) == signature(loaded, view)


def drawn_marks(view: DocumentView) -> list | None:
    """The marks the document widget returned on the last full run (given to the question's widget)."""
    if view.marking_key is None:
        return None
    return st.session_state.get(keys.draft(view.marking_key))
