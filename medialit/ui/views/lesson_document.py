"""What the lesson page's document column shows for the current question, and its signature.

The question panel is a fragment (``lesson_panel``): Submit, Hint, Retry and moving between
questions rerun only the panel. The document column is drawn by full-page runs only, so each
full run saves a *signature* of what it drew (``remember``); a panel rerun recomputes it
(``signature``) and, when it differs, reruns the whole page. The signature changes when the
student moves to or from a highlight question (marking on or off), to a label question (its
excerpts), after a highlight answer (the student's marks, then the expected passages), when the
X-ray is turned on or off, when the lesson file changes, and when the URL does (a new resume
code for the sidebar, the summary, the catalogue). Keyboard marking (in the panel) drops the
saved signature (``forget``), so the document redraws the new marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from medialit.i18n import tr
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.ui import keys
from medialit.ui.derived import excerpt_spans, memo
from medialit.ui.lessonstate import LessonState
from medialit.ui.state import lesson_in_url, url_code, view_in_url
from medialit.ui.views.question import full_feedback
from medialit.ui.xray_layer import xray_on

_SIGNATURE = "_ml_document_signature"


@dataclass(frozen=True)
class DocumentView:
    """The document as one question needs it: open for marking (``marking_key``), or read-only with ``layers``."""

    marking_key: str | None = None
    prefill: list | None = None
    layers: list[dict] = field(default_factory=list)
    xray: bool = False


def document_view(loaded: LoadedLesson, q: QuestionBase, state: LessonState, lang: str) -> DocumentView:
    """Marking is on while a highlight answer is composed; after it, the marks (and, with the whole
    correction, the expected passages); a label question shows its excerpts."""
    if not loaded.text:
        return DocumentView()
    answer = state.answers.get(q.id)
    if q.type == "highlight" and (answer is None or q.id in state.retrying):
        prefill = (answer.raw or {}).get("spans") if answer else None
        return DocumentView(marking_key=keys.answer(loaded.lesson.id, q.id, state.attempts(q.id) + 1), prefill=prefill)
    full = full_feedback(loaded, state, q.id)  # never before: the expected layer and the X-ray would be hints
    layers: list[dict] = []
    if q.type == "highlight" and answer is not None:
        layers = answer_layers(answer.raw or {}, answer.result or {}, lang, expected=full)
    elif q.type == "label":
        layers = [excerpt_layer(loaded, q.id, lang)]
    return DocumentView(layers=layers, xray=full and xray_on(loaded))


def answer_layers(raw: dict, result: dict, lang: str, *, expected: bool) -> list[dict]:
    """The student's marks, and (only once the correction is shown) the expected passages."""
    layers = [{"name": "student", "spans": raw.get("spans") or [], "title": tr("ui_layer_student", lang)}]
    if expected:
        gold = [list(s) for part in result.get("parts", []) if str(part.get("key", "")).startswith("passage-")
                for s in part.get("spans", [])]
        layers.append({"name": "expected", "spans": gold, "title": tr("ui_layer_expected", lang)})
    return layers


def excerpt_layer(loaded: LoadedLesson, question_id: str, lang: str) -> dict:
    """A label question's excerpts, numbered as in the panel (built once per lesson version and language)."""

    def make() -> dict:
        spans = excerpt_spans(loaded, question_id)
        return {"name": "excerpt", "spans": [list(s) for s in spans], "title": tr("ui_layer_excerpts", lang),
                "titles": [tr("ui_excerpt_n", lang, n=i + 1) for i in range(len(spans))]}

    return memo(loaded, "excerpt-layer", question_id, lang, make=make)


def signature(loaded: LoadedLesson, view: DocumentView) -> tuple:
    """What a full run drew outside the panel: the URL's lesson, view and code, the lesson version, the document."""
    return lesson_in_url(), view_in_url(), url_code(), loaded.content_hash, view


def remember(loaded: LoadedLesson, view: DocumentView) -> None:
    """Called by the full run that drew ``view``."""
    st.session_state[_SIGNATURE] = signature(loaded, view)


def forget() -> None:
    """The document must be redrawn (its marks changed from the keyboard): the next panel rerun reruns the page."""
    st.session_state.pop(_SIGNATURE, None)


def is_current(loaded: LoadedLesson, view: DocumentView) -> bool:
    """Whether the page outside the panel still shows what ``view`` (and the URL) call for."""
    return st.session_state.get(_SIGNATURE) == signature(loaded, view)


def drawn_marks(view: DocumentView) -> list | None:
    """The marks the document widget returned on the last full run (for the keyboard marker in the panel)."""
    if view.marking_key is None:
        return None
    return st.session_state.get(keys.draft(view.marking_key))
