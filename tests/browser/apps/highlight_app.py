"""Test page for the highlight widget (``streamlit run tests/browser/apps/highlight_app.py``).

``?mode=readonly`` shows the overlays read-only; the default is the student view (mouse, finger and
keyboard marking) and another widget that triggers reruns; ``?lang=en`` gives it the English labels.
The marks are written back with ``st.text`` ("marks: [...]", "words: [...]") for the browser tests to read.
"""

from __future__ import annotations

import json

import streamlit as st
from highlight_texts import HEAT, LAYERS, READONLY_MARKS, TEXT

from medialit.ui.highlight import highlight_text
from medialit.ui.labels import highlight_labels

st.set_page_config(page_title="highlight test", page_icon="🖍️")

LABELS = {
    **highlight_labels(st.query_params.get("lang", "fr")),  # the keyboard mode's strings
    "hint": "Sélectionnez un passage pour le surligner ; cliquez sur un surlignage pour le retirer.",
    "remove": "Passage surligné, cliquer pour retirer",
    "marked": "Passage surligné",
    "empty": "Aucun passage surligné.",
    "count": "Passages surlignés : {n}",
    "mine": "Vos surlignages",
    "heat": "{n} élève(s)",
    "heat_legend": "Carte de la classe",
}


def count_change() -> None:
    st.session_state["changes"] = st.session_state.get("changes", 0) + 1


if st.query_params.get("mode") == "readonly":
    st.subheader("Correction")
    marks = highlight_text(TEXT, key="ro", marks=READONLY_MARKS, layers=LAYERS, heat=HEAT, readonly=True, labels=LABELS)
else:
    st.subheader("Surlignez les procédés")
    marks = highlight_text(TEXT, key="hl", labels=LABELS, on_change=count_change, height=400)
    st.checkbox("Autre widget", key="other")

st.text("marks: " + json.dumps([list(m) for m in marks]))
st.text("words: " + json.dumps([TEXT[s:e] for s, e in marks], ensure_ascii=False))
st.text(f"changes: {st.session_state.get('changes', 0)}")
st.text(f"other: {st.session_state.get('other', False)}")
