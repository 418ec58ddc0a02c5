"""``rating`` in the app: round radio buttons in a row (not a segmented control: it must not look like
the question list above it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.questions.rating.model import RatingQuestion
from medialit.store import Answer
from medialit.ui.widget import Asking, Widget


class RatingWidget(Widget):
    def draw(self, q: RatingQuestion, ask: Asking) -> None:
        low, high = ask.shown["scale"]
        values = list(range(low, high + 1))
        labels = ask.shown.get("labels") or {}
        legend = ", ".join(f"{v} = {labels[str(v)]}" for v in values if labels.get(str(v)))
        title = tr("ui_rating_label", ask.lang, low=low, high=high) + (f" — {legend}" if legend else "")
        before = values.index(ask.prefill["value"]) if ask.prefill.get("value") in values else None
        st.radio(title, values, index=before, horizontal=True, key=ask.key, on_change="ignore")

    def read(self, q: RatingQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"value": values.get(key)} if values.get(key) is not None else {}

    def values(self, q: RatingQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        return {key: raw.get("value")}

    def given(self, q: RatingQuestion, loaded: LoadedLesson, answer: Answer, lang: str) -> str:
        value = (answer.raw or {}).get("value")
        if value is None:
            return ""
        text = q.value_text(value, lang, loaded.lesson.language)
        return tr("ui_your_rating", lang, value=escape_markdown(text))


WIDGET = RatingWidget()
