"""Pages of a long table on the dashboard: 20 rows at a time, *Previous* / *Next* below the table.

A class of a school year has a thousand students and as many written answers to grade: drawing
every row on every live refresh is what made the dashboard unusable. The page number lives in
``st.session_state[key]`` (1-based; clamped when the rows shrink); the buttons are drawn only when
there is more than one page. Inside the live fragment, a click reruns the fragment only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medialit.classroom.queue import Page, page
from medialit.i18n import tr


def current(frame: pd.DataFrame, key: str) -> Page:
    """The page of ``frame`` the teacher is on (remembered under ``key``)."""
    shown = page(frame, int(st.session_state.get(key, 1)))
    st.session_state[key] = shown.number
    return shown


def first_page(*keys: str) -> None:
    """Back to the first page of each ``key`` (when the rows change meaning: a new search, another filter)."""
    for key in keys:
        st.session_state[key] = 1


def _move(key: str, step: int) -> None:
    st.session_state[key] = max(1, int(st.session_state.get(key, 1)) + step)


def controls(shown: Page, key: str, lang: str) -> None:
    """"Rows 21–40 of 1,000 · page 2 of 50", with *Previous* and *Next* (nothing when one page holds all)."""
    if shown.count <= 1:
        return
    back, where, forward = st.columns([1, 3, 1], vertical_alignment="center")
    back.button(tr("class_page_previous", lang), key=f"{key}-prev", disabled=shown.number <= 1,
                on_click=_move, args=(key, -1), width="stretch")
    where.caption(tr("class_page_where", lang, first=shown.start + 1, last=shown.stop, total=shown.total,
                     page=shown.number, pages=shown.count))
    forward.button(tr("class_page_next", lang), key=f"{key}-next", disabled=shown.number >= shown.count,
                   on_click=_move, args=(key, 1), width="stretch")
