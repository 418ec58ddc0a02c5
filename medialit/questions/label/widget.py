"""``label`` in the app: each excerpt in a box with a category to choose; the categories explained
below; the excerpts numbered on the document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.format.text import quoted_markdown
from medialit.format.vocab import vocabularies
from medialit.i18n import tr
from medialit.questions.label.model import LabelQuestion
from medialit.store import Answer
from medialit.ui.derived import memo
from medialit.ui.widget import Asking, DocumentView, Widget


class LabelWidget(Widget):
    def draw(self, q: LabelQuestion, ask: Asking) -> None:
        categories = ask.shown["categories"]
        ids = [c["id"] for c in categories]
        names = {c["id"]: c["name"] for c in categories}
        given = ask.prefill.get("labels") or {}
        for i, excerpt in enumerate(ask.shown["excerpts"]):
            with st.container(border=True):
                st.markdown(f"**{tr('ui_excerpt_n', ask.lang, n=i + 1)}** " + quoted_markdown(excerpt["quote"]))
                chosen = given.get(excerpt["id"])
                st.selectbox(tr("ui_category_for", ask.lang, n=i + 1), ids,
                             index=ids.index(chosen) if chosen in ids else None, format_func=names.__getitem__,
                             placeholder=tr("ui_choose_category", ask.lang), key=f"{ask.key}-{excerpt['id']}",
                             on_change="ignore")
        with st.expander(tr("ui_categories_help", ask.lang)):
            vocab = vocabularies().get(ask.shown["vocabulary"], {})
            st.markdown("\n".join(f"- **{names[c]}** — {vocab[c].description(ask.lang)}" for c in ids if c in vocab))

    def read(self, q: LabelQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"labels": {e.id: values.get(f"{key}-{e.id}") for e in q.excerpts if values.get(f"{key}-{e.id}")}}

    def values(self, q: LabelQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        given = raw.get("labels") or {}
        return {f"{key}-{e.id}": given.get(e.id) for e in q.excerpts}

    def document_view(self, q: LabelQuestion, loaded: LoadedLesson, answer: Answer | None, *, composing: bool,
                      full: bool, marking_key: str, lang: str) -> DocumentView:
        return DocumentView(layers=[excerpt_layer(loaded, q, lang)])


def excerpt_layer(loaded: LoadedLesson, q: LabelQuestion, lang: str) -> dict:
    """The question's excerpts on the document, numbered as in the panel (built once per lesson version)."""

    def make() -> dict:
        spans = [span for i, e in enumerate(q.excerpts)
                 if not e.document and (span := loaded.spans.get((q.id, ("excerpts", i))))]
        return {"name": "excerpt", "spans": [list(s) for s in spans], "title": tr("ui_layer_excerpts", lang),
                "titles": [tr("ui_excerpt_n", lang, n=i + 1) for i in range(len(spans))]}

    return memo(loaded, "excerpt-layer", q.id, lang, make=make)


WIDGET = LabelWidget()
