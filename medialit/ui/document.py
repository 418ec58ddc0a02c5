"""The document column: its metadata as printed, and the text itself in the highlight widget."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from medialit.format.dates import shown_date
from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.ui import keys
from medialit.ui.derived import memo
from medialit.ui.highlight import highlight_text
from medialit.ui.labels import highlight_labels

META_KEYS = {"title": "ui_meta_title", "outlet": "ui_meta_outlet", "author": "ui_meta_author", "date": "ui_meta_date",
             "address": "ui_meta_address"}
FIELDS = tuple(META_KEYS)
DOC_HEIGHT = 620  # px: the document scrolls beside the questions on a wide screen


def metadata_rows(loaded: LoadedLesson, lang: str) -> str:
    """The metadata card as Markdown: what is printed, and "not given" for what is not."""

    def make() -> str:
        ref = loaded.lesson.document
        missing = tr("ui_not_given", lang)  # upright: italics would fetch a second font (138 KB) on a first visit
        rows = []
        for name in FIELDS:
            value = getattr(ref, name, None) if ref else None
            if value and name == "address":
                shown = f"`{value}`"  # as printed, not a link: it is a clue to examine, not a place to go
            elif value and name == "date":
                shown = shown_date(value, lang)  # in the reader's language, with the printed form beside it
            elif value:
                shown = value.replace("\n", " ")
            else:
                shown = missing
            rows.append("- " + tr("ui_meta_row", lang, name=tr(META_KEYS[name], lang), value=shown))
        return "\n".join(rows)

    return memo(loaded, "metadata", lang, make=make)


def metadata_card(loaded: LoadedLesson, lang: str) -> None:
    """Outlet, author, date, address as printed; missing ones are a sourcing clue in themselves."""
    ref = loaded.lesson.document
    if ref is None:
        return
    with st.container(border=True):
        st.markdown(card_markdown(loaded, lang))
        st.caption(tr("ui_not_given_clue", lang))
    note = loaded.t(ref.note, lang)
    if note:
        st.caption(note)


def card_markdown(loaded: LoadedLesson, lang: str) -> str:
    """The card's title, its "written for the kit" badge and its rows: one Markdown element."""

    def make() -> str:
        title = f"**{tr('ui_about_document', lang)}**"
        ref = loaded.lesson.document
        if ref is not None and ref.written_for_kit:
            title += f"\n\n:violet-badge[{badge_text(tr('ui_written_for_kit', lang))}]"
        return f"{title}\n\n{metadata_rows(loaded, lang)}"

    return memo(loaded, "card", lang, make=make)


def badge_text(label: str) -> str:
    """A label as ``st.badge`` puts it in its directive: square brackets escaped."""
    return label.replace("[", "\\[").replace("]", "\\]")


def show(loaded: LoadedLesson, lang: str, *, key: str | None = None, marks: list | None = None,
         layers: list[dict] | None = None, height: int | None = DOC_HEIGHT,
         view_key: str | None = None, on_change: Callable[[], None] | None = None) -> list[tuple[int, int]]:
    """The document text. With ``key`` the student marks passages (a highlight question's attempt;
    ``on_change`` is called, as a callback, when the marks change with the mouse or the keyboard);
    without, it is read-only (under ``view_key``, by default the lesson's document key), with
    ``layers`` drawn over it.

    Returns the student's marks (kept as the attempt's draft for the Submit callback).
    """
    if not loaded.text:
        return []
    labels = highlight_labels(lang)
    if key is None:
        highlight_text(loaded.text, key=view_key or keys.document(loaded.lesson.id), layers=layers or [], readonly=True,
                       height=height, labels=labels)
        return []
    got = highlight_text(loaded.text, key=key, marks=marks, layers=layers or [], height=height, labels=labels,
                         on_change=on_change)
    st.session_state[keys.draft(key)] = got
    return got
