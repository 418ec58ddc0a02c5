"""The X-ray on a student's document: a switch offered once the current question is corrected, and its layer.

Never before the correction: the X-ray points at loaded words and sources, which would be a hint.
The layer is computed once per lesson version and language (``derived.memo``; the X-ray itself is
cached per text), so the switch costs one widget per rerun.
"""

from __future__ import annotations

import streamlit as st

from medialit.i18n import tr
from medialit.lab_xray import layer
from medialit.loader import LoadedLesson
from medialit.ui import keys
from medialit.ui.derived import memo
from medialit.xray import xray


def xray_layer(loaded: LoadedLesson, lang: str) -> dict:
    """The document's X-ray findings as the highlight widget's read-only ``xray`` layer, titled in ``lang``."""

    def make() -> dict:
        return layer(xray(loaded.text, loaded.lesson.language), lang, tr("ui_layer_xray", lang))

    return memo(loaded, "xray", lang, make=make)


def xray_switch(loaded: LoadedLesson, lang: str) -> list[dict]:
    """The switch and, when it is on, a legend and the layer to draw (else no layer)."""
    if not loaded.text:
        return []
    if not st.toggle(tr("ui_xray_toggle", lang), key=keys.xray(loaded.lesson.id), help=tr("ui_xray_help", lang)):
        return []
    st.caption(tr("ui_xray_legend", lang))
    return [xray_layer(loaded, lang)]
