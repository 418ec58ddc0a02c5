from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.ui.widget import Asking, Widget
from tests.questions.ordering.model import OrderingQuestion


class OrderingWidget(Widget):
    def draw(self, q: OrderingQuestion, ask: Asking) -> None:
        names = {i["id"]: i["text"] for i in ask.shown["items"]}
        st.multiselect("Click the items in order", list(names), default=ask.prefill.get("order") or [],
                       format_func=names.__getitem__, key=ask.key)

    def read(self, q: OrderingQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"order": list(values.get(key) or [])}

    def values(self, q: OrderingQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        return {key: list(raw.get("order") or [])}


WIDGET = OrderingWidget()
