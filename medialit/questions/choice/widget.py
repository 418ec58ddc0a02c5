"""``choice`` in the app: round buttons for one answer, tick boxes for several.

``on_change="ignore"``: clicking an option costs no rerun, the value travels with the Submit click.
Options are shown in an order stable for each learner when the question asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.questions.choice.model import ChoiceQuestion
from medialit.ui.widget import Asking, Widget


class ChoiceWidget(Widget):
    def draw(self, q: ChoiceQuestion, ask: Asking) -> None:
        by_id = {o["id"]: o for o in ask.shown["options"]}
        options = [by_id[oid] for oid in q.order_for(ask.seed, ask.loaded.lesson.id)]
        picked = set(ask.prefill.get("selected") or [])
        if not ask.shown["multiple"]:
            ids = [o["id"] for o in options]
            names = {o["id"]: o["text"] for o in options}
            first = next((i for i, oid in enumerate(ids) if oid in picked), None)
            st.radio(tr("ui_choose_one", ask.lang), ids, index=first, format_func=names.__getitem__, key=ask.key,
                     on_change="ignore")
            return
        st.markdown(f"**{tr('ui_choose_some', ask.lang)}**")
        for option in options:
            st.checkbox(option["text"], value=option["id"] in picked, key=f"{ask.key}-{option['id']}",
                        on_change="ignore")

    def read(self, q: ChoiceQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        if q.is_multiple():
            return {"selected": [o.id for o in q.options if values.get(f"{key}-{o.id}")]}
        return {"selected": [values[key]] if values.get(key) else []}

    def values(self, q: ChoiceQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        picked = list(raw.get("selected") or [])
        if q.is_multiple():
            return {f"{key}-{o.id}": o.id in picked for o in q.options}
        return {key: picked[0] if picked else None}


WIDGET = ChoiceWidget()
