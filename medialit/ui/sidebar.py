"""The sidebar every student page shares: the language switch and the resume code."""

from __future__ import annotations

import streamlit as st

from medialit.i18n import tr
from medialit.store import display_code
from medialit.ui import actions, keys
from medialit.ui.state import current_learner, unknown_code, url_code

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def render(lang: str) -> None:
    """The sidebar: the name, the language switch, then (below a rule) the resume code."""
    with st.sidebar:
        st.markdown("### medialit")
        language_switch(lang)
        resume_code(lang)


def language_switch(lang: str) -> None:
    """Français / English: kept in the URL (``lang``) and on the learner."""
    if st.session_state.get(keys.LANG) != lang:
        st.session_state[keys.LANG] = lang
    st.segmented_control(tr("ui_language", lang), list(LANGUAGE_NAMES), format_func=LANGUAGE_NAMES.__getitem__,
                         key=keys.LANG, required=True, on_change=actions.set_lang)


def resume_code(lang: str) -> None:
    """The student's code (to write down), and a field to continue with another one."""
    learner = current_learner()
    head = f"---\n\n**{tr('ui_your_code', lang)}**"  # the rule and the title: one element
    if learner is not None:
        st.markdown(head)
        st.code(display_code(learner.code), language=None, wrap_lines=True)  # never a scrolling box (axe-core)
        st.caption(tr("ui_code_write_down", lang))
    else:  # a first visit: the rule, the title and "no code yet" in one element
        st.markdown(f"{head}\n\n:small[:gray[{tr('ui_code_none_yet', lang)}]]")
    if unknown_code():
        st.warning(tr("ui_code_unknown", lang, code=display_code(url_code())))
    with st.expander(tr("ui_have_code", lang), expanded=learner is None):
        st.text_input(tr("ui_enter_code", lang), key=keys.CODE_INPUT, placeholder="ABC-D23", max_chars=12,
                      on_change="ignore")
        st.button(tr("ui_continue_with_code", lang), key=keys.CODE_BUTTON, on_click=actions.enter_code)
        typed = st.session_state.get(actions.CODE_ERROR)
        if typed:
            st.error(tr("ui_code_not_found", lang, code=display_code(typed)))
