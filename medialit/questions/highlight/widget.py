"""``highlight`` in the app: the document column is the input (the highlight widget, marked with the
mouse, a finger or the keyboard); the panel says how. After an answer the document shows the
student's marks and, once the whole correction may be seen, the expected passages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.questions.highlight.model import HighlightQuestion
from medialit.store import Answer
from medialit.ui import keys
from medialit.ui.highlight import snap_to_words
from medialit.ui.widget import Asking, DocumentView, Widget


class HighlightWidget(Widget):
    def draw(self, q: HighlightQuestion, ask: Asking) -> None:
        st.caption(tr("ui_highlight_how", ask.lang))

    def read(self, q: HighlightQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"spans": [list(s) for s in marks(loaded, key, values)]}

    def values(self, q: HighlightQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        return {key: {"spans": [list(s) for s in raw.get("spans", [])]}}

    def given(self, q: HighlightQuestion, loaded: LoadedLesson, answer: Answer, lang: str) -> str:
        return f"*{tr('ui_marks_in_document', lang)}*"

    def document_view(self, q: HighlightQuestion, loaded: LoadedLesson, answer: Answer | None, *, composing: bool,
                      full: bool, marking_key: str, lang: str) -> DocumentView:
        look_here = [] if full or answer is None else look_here_layer(answer.result or {}, lang)
        if composing:
            prefill = (answer.raw or {}).get("spans") if answer else None
            return DocumentView(marking_key=marking_key, prefill=prefill, layers=look_here)
        if answer is None:
            return DocumentView()
        return DocumentView(layers=answer_layers(answer.raw or {}, answer.result or {}, lang, expected=full)
                            + look_here)


def answer_layers(raw: dict, result: dict, lang: str, *, expected: bool) -> list[dict]:
    """The student's marks, and (only once the correction is shown) the expected passages."""
    layers = [{"name": "student", "spans": raw.get("spans") or [], "title": tr("ui_layer_student", lang)}]
    if expected:
        layers.append({"name": "expected", "spans": HighlightQuestion.expected_in_result(result),
                       "title": tr("ui_layer_expected", lang)})
    return layers


def look_here_layer(result: dict, lang: str) -> list[dict]:
    """The paragraphs holding what the last attempt missed, to reread (a retry's hint: not the passages)."""
    spans = (result.get("extra") or {}).get("look_here") or []
    return [{"name": "lookhere", "spans": spans, "title": tr("ui_layer_look_here", lang)}] if spans else []


def marks(loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The marks of a highlight widget: those it returned on the last run, else its raw value."""
    draft = values.get(keys.draft(key))
    if draft is not None:
        return list(draft)
    raw = values.get(key)
    spans = dict(raw).get("spans") if raw is not None else None
    return snap_to_words(loaded.text, spans or [])


WIDGET = HighlightWidget()
