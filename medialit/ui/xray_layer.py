"""The X-ray on a student's document: a switch offered once the current question is corrected, and its layer.

Never before the correction: the X-ray points at loaded words and sources, which would be a hint.
The switch sits with the correction (in the question panel, a fragment); the document column draws
the layer. Only turning the switch on or off changes the document, so only that costs a rerun of
the whole page. The layer is computed once per lesson version and language (``derived.memo``; the
X-ray itself is cached per text), so the switch costs one widget per rerun.
"""

from __future__ import annotations

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.ui import keys
from medialit.ui.derived import memo
from medialit.xray import xray
from medialit.xray.view import layer


def xray_layer(loaded: LoadedLesson, lang: str) -> dict:
    """The document's X-ray findings as the highlight widget's read-only ``xray`` layer, titled in ``lang``."""

    def make() -> dict:
        return layer(xray(loaded.text, loaded.lesson.language), lang, tr("ui_layer_xray", lang))

    return memo(loaded, "xray", lang, make=make)


def xray_on(loaded: LoadedLesson) -> bool:
    """Whether the student has turned the X-ray on (read from session state; the caller knows it is offered)."""
    return bool(loaded.text) and bool(st.session_state.get(keys.xray(loaded.lesson.id)))


def xray_switch(loaded: LoadedLesson, lang: str) -> bool:
    """The switch and, when it is on, its legend. Returns whether it is on."""
    if not loaded.text:
        return False
    if not st.toggle(tr("ui_xray_toggle", lang), key=keys.xray(loaded.lesson.id), help=tr("ui_xray_help", lang)):
        return False
    st.caption(tr("ui_xray_legend", lang))
    return True
