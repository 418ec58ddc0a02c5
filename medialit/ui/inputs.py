"""The answer inputs of a question, drawn and read back by its type's widget (through the registry).

Drawn only from ``answer_key_free`` data (``shown``) and the student's own previous attempt
(``prefill``): nothing here can reveal which option is right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.questions.registry import kind_of
from medialit.ui import keys
from medialit.ui.derived import question
from medialit.ui.widget import Asking


def render(loaded: LoadedLesson, shown: dict, attempt: int, lang: str, prefill: dict | None,
           marks: list[tuple[int, int]] | None, seed: str) -> None:
    """Draw the inputs of ``shown`` (one question) for ``attempt``."""
    q = question(loaded, shown["id"])
    ask = Asking(loaded=loaded, shown=shown, key=keys.answer(loaded.lesson.id, q.id, attempt), lang=lang,
                 prefill=prefill or {}, marks=marks, seed=seed)
    kind_of(q).widget.draw(q, ask)


def read(loaded: LoadedLesson, question_id: str, attempt: int) -> dict[str, Any]:
    """The raw answer of an attempt, from the inputs' values in session state (for callbacks)."""
    q = question(loaded, question_id)
    # Session state is typed MutableMapping[str | int, Any] (Mapping is invariant in its keys); the widgets
    # only look values up by their own string keys, which it answers like a Mapping[str, Any].
    values = cast(Mapping[str, Any], st.session_state)
    return kind_of(q).widget.read(q, loaded, keys.answer(loaded.lesson.id, question_id, attempt), values)
