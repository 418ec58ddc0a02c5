"""The answer widgets of each question type, and the raw answer read back from them.

Drawn only from ``answer_key_free`` data (``shown``) and the student's own previous attempt
(``prefill``): nothing here can reveal which option is right. Choice, rating and label widgets
use ``on_change="ignore"``: clicking an option costs no rerun, the value travels with the
Submit click. Highlight marks are drawn by the document column (``medialit.ui.document``).
"""

from __future__ import annotations

import functools
import random
import re
from typing import Any

import streamlit as st

from medialit.i18n import tr
from medialit.loader import LoadedLesson
from medialit.ui import keys
from medialit.ui.derived import question
from medialit.ui.highlight import keyboard_marker, snap_to_words
from medialit.vocab import vocabularies

_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # a word as the free-text scorer counts it


def render(loaded: LoadedLesson, shown: dict, attempt: int, lang: str, prefill: dict | None,
           marks: list[tuple[int, int]] | None, seed: str) -> None:
    """Draw the widgets of ``shown`` (one question) for ``attempt``."""
    key = keys.answer(loaded.lesson.id, shown["id"], attempt)
    prefill = prefill or {}
    kind = shown["type"]
    if kind == "choice":
        _choice(loaded, shown, key, lang, prefill, seed)
    elif kind == "highlight":
        st.caption(tr("ui_highlight_how", lang))
        keyboard_marker(loaded.text, key=key, marks=marks, labels=highlight_labels(lang))
    elif kind == "free_text":
        _free_text(loaded, shown, key, lang, prefill)
    elif kind == "rating":
        _rating(shown, key, lang, prefill)
    elif kind == "label":
        _label(shown, key, lang, prefill)


def _choice(loaded: LoadedLesson, shown: dict, key: str, lang: str, prefill: dict, seed: str) -> None:
    options = list(shown["options"])
    if getattr(question(loaded, shown["id"]), "shuffle", False):
        random.Random(f"{seed}:{loaded.lesson.id}:{shown['id']}").shuffle(options)
    picked = set(prefill.get("selected") or [])
    if not shown["multiple"]:
        ids = [o["id"] for o in options]
        names = {o["id"]: o["text"] for o in options}
        first = next((i for i, oid in enumerate(ids) if oid in picked), None)
        st.radio(tr("ui_choose_one", lang), ids, index=first, format_func=names.__getitem__, key=key,
                 on_change="ignore")
        return
    st.markdown(f"**{tr('ui_choose_some', lang)}**")
    for option in options:
        st.checkbox(option["text"], value=option["id"] in picked, key=f"{key}-{option['id']}", on_change="ignore")


def _free_text(loaded: LoadedLesson, shown: dict, key: str, lang: str, prefill: dict) -> None:
    q = question(loaded, shown["id"])
    low, high = getattr(q, "min_words", 0), getattr(q, "max_words", 0)
    if key not in st.session_state:
        st.session_state[key] = prefill.get("text", "")
    value = st.text_area(tr("ui_your_answer", lang), key=key, height=170,
                         placeholder=tr("ui_free_text_placeholder", lang))
    n = len(_WORD.findall(value or ""))
    status = "ok" if low <= n <= high else ("short" if n < low else "long")
    st.caption(tr(f"ui_word_count_{status}", lang, n=n, min=low, max=high))


def _rating(shown: dict, key: str, lang: str, prefill: dict) -> None:
    low, high = shown["scale"]
    values = list(range(low, high + 1))
    labels = shown.get("labels") or {}
    legend = ", ".join(f"{v} = {labels[str(v)]}" for v in values if labels.get(str(v)))
    title = tr("ui_rating_label", lang, low=low, high=high) + (f" — {legend}" if legend else "")
    before = values.index(prefill["value"]) if prefill.get("value") in values else None
    # Round radio buttons, not a segmented control: it must not look like the question list above.
    st.radio(title, values, index=before, horizontal=True, key=key, on_change="ignore")


def _label(shown: dict, key: str, lang: str, prefill: dict) -> None:
    categories = shown["categories"]
    ids = [c["id"] for c in categories]
    names = {c["id"]: c["name"] for c in categories}
    given = prefill.get("labels") or {}
    for i, excerpt in enumerate(shown["excerpts"]):
        with st.container(border=True):
            st.markdown(f"**{tr('ui_excerpt_n', lang, n=i + 1)}** " + quote_md(excerpt["quote"]))
            chosen = given.get(excerpt["id"])
            st.selectbox(tr("ui_category_for", lang, n=i + 1), ids, index=ids.index(chosen) if chosen in ids else None,
                         format_func=names.__getitem__, placeholder=tr("ui_choose_category", lang),
                         key=f"{key}-{excerpt['id']}", on_change="ignore")
    with st.expander(tr("ui_categories_help", lang)):
        vocab = vocabularies().get(shown["vocabulary"], {})
        st.markdown("\n".join(f"- **{names[c]}** — {vocab[c].description(lang)}" for c in ids if c in vocab))


def read(loaded: LoadedLesson, question_id: str, attempt: int) -> dict[str, Any]:
    """The raw answer of an attempt, from the widgets' values in session state (for callbacks)."""
    q = question(loaded, question_id)
    key = keys.answer(loaded.lesson.id, question_id, attempt)
    state = st.session_state
    if q.type == "choice":
        if q.is_multiple():
            return {"selected": [o.id for o in q.options if state.get(f"{key}-{o.id}")]}
        return {"selected": [state[key]] if state.get(key) else []}
    if q.type == "highlight":
        return {"spans": [list(s) for s in highlight_marks(loaded, key)]}
    if q.type == "free_text":
        return {"text": state.get(key) or ""}
    if q.type == "rating":
        return {"value": state.get(key)} if state.get(key) is not None else {}
    if q.type == "label":
        return {"labels": {e.id: state.get(f"{key}-{e.id}") for e in q.excerpts if state.get(f"{key}-{e.id}")}}
    return {}


def highlight_marks(loaded: LoadedLesson, key: str) -> list[tuple[int, int]]:
    """The marks of a highlight widget: those it returned on the last run, else its raw value."""
    draft = st.session_state.get(keys.draft(key))
    if draft is not None:
        return list(draft)
    raw = st.session_state.get(key)
    spans = dict(raw).get("spans") if raw is not None else None
    return snap_to_words(loaded.text, spans or [])


@functools.cache
def highlight_labels(lang: str) -> dict[str, str]:
    """The widget's interface strings in ``lang`` (built once per language; callers copy, never change it)."""
    names = ("hint", "remove", "marked", "empty", "count", "mine", "keyboard", "keyboard_placeholder",
             "keyboard_help")
    return {name: tr(f"ui_hl_{name}", lang) for name in names}


def quote_md(text: str) -> str:
    """A quoted passage as inline Markdown, with characters Markdown would interpret escaped."""
    flat = " ".join(text.split())
    return "«\u00a0" + re.sub(r"([\\`*_\[\]$<>#|~])", r"\\\1", flat) + "\u00a0»"
