"""``free_text`` in the app: a text box with a live word count (the count the scorer uses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.language.words import word_count
from medialit.limits import ANSWER_TEXT_MAX
from medialit.questions.free_text.model import FreeTextQuestion
from medialit.store import Answer
from medialit.ui.widget import Asking, Widget

COUNT_KEYS = {"ok": "ui_word_count_ok", "short": "ui_word_count_short", "long": "ui_word_count_long"}


class FreeTextWidget(Widget):
    def draw(self, q: FreeTextQuestion, ask: Asking) -> None:
        if ask.key not in st.session_state:
            st.session_state[ask.key] = ask.prefill.get("text", "")
        value = st.text_area(tr("ui_your_answer", ask.lang), key=ask.key, height=170, max_chars=ANSWER_TEXT_MAX,
                             placeholder=tr("ui_free_text_placeholder", ask.lang))
        n = word_count(value or "")
        status = "ok" if q.min_words <= n <= q.max_words else ("short" if n < q.min_words else "long")
        st.caption(tr(COUNT_KEYS[status], ask.lang, n=n, min=q.min_words, max=q.max_words))

    def read(self, q: FreeTextQuestion, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"text": values.get(key) or ""}

    def values(self, q: FreeTextQuestion, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        return {key: raw.get("text", "")}

    def given(self, q: FreeTextQuestion, loaded: LoadedLesson, answer: Answer, lang: str) -> str:
        text = str((answer.raw or {}).get("text", ""))
        quoted = "\n".join(f"> {escape_markdown(line)}" if line.strip() else ">" for line in text.splitlines())
        return f"**{tr('ui_your_text', lang)}**\n\n{quoted}"


WIDGET = FreeTextWidget()
