"""What a question type's Streamlit widget provides (``medialit/questions/<type>/widget.py``).

A widget draws the answer inputs of one attempt from the question's ``answer_key_free`` view and the
student's own previous attempt only (nothing there can reveal the key), reads the raw answer back
from the inputs' values, says what the student gave, and says what the document column shows.
Pages reach a widget through the registry: ``kind_of(question).widget``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from medialit.format.loader import LoadedLesson
from medialit.store import Answer


@dataclass(frozen=True)
class Asking:
    """Everything a widget needs to draw one attempt."""

    loaded: LoadedLesson
    shown: dict[str, Any]
    """The question's ``answer_key_free`` view, in ``lang``."""
    key: str
    """The attempt's widget key (inputs add suffixes to it)."""
    lang: str
    prefill: dict[str, Any] = field(default_factory=dict)
    """The student's previous attempt (a retry starts from it)."""
    marks: list[tuple[int, int]] | None = None
    """The marks the document widget returned on the last full run (highlight)."""
    seed: str = ""
    """Stable per learner: orders shuffled options the same way on every device."""


@dataclass(frozen=True)
class DocumentView:
    """The document as one question needs it: open for marking (``marking_key``), or read-only with ``layers``."""

    marking_key: str | None = None
    prefill: list | None = None
    layers: list[dict] = field(default_factory=list)
    xray: bool = False


class Widget(ABC):
    """The Streamlit pieces of a question type. ``draw`` and ``read`` are required."""

    @abstractmethod
    def draw(self, q: Any, ask: Asking) -> None:
        """Draw the answer inputs of one attempt (keys start with ``ask.key``)."""

    @abstractmethod
    def read(self, q: Any, loaded: LoadedLesson, key: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """The raw answer of the attempt ``key`` from the inputs' values (``st.session_state``)."""

    @abstractmethod
    def values(self, q: Any, loaded: LoadedLesson, key: str, raw: dict[str, Any]) -> dict[str, Any]:
        """The inputs' values that give the raw answer ``raw``: the inverse of ``read`` (tests fill the
        inputs with it, and check ``read(values(raw)) == raw`` for every type)."""

    def given(self, q: Any, loaded: LoadedLesson, answer: Answer, lang: str) -> str:
        """What the student gave, as Markdown above the feedback (nothing by default)."""
        return ""

    def document_view(self, q: Any, loaded: LoadedLesson, answer: Answer | None, *, composing: bool,
                      full: bool, marking_key: str, lang: str) -> DocumentView:
        """What the document column shows for this question (the plain document by default)."""
        return DocumentView()
