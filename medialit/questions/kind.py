"""What one question type brings, and the answer-key structure its printed pieces return.

A question type is one folder, ``medialit/questions/<type>/``, registered by one line in
``medialit.questions.registry``. It holds:

- ``model.py`` — the pydantic model (see ``medialit.questions.base``): fields, pure ``score``,
  ``check``, ``ideal_answer``, ``answer_key_free``, ``quote_refs``;
- ``printed.py`` — a :class:`Printed` subclass, pure (no Streamlit): the answer key as
  :class:`KeyBlock` s (rendered as Markdown in the lesson lab and as HTML in the printable key), the
  GIFT question for Moodle (or why GIFT cannot express it), and the example ``medialit new`` writes;
- ``worksheet.html`` — the Jinja template of the question on the printed worksheet (no answer in it);
- ``widget.py`` — a :class:`medialit.ui.widget.Widget` subclass (Streamlit): the answer inputs, the
  raw answer read back from them, what the student gave, and what the document column shows;
- ``__init__.py`` — ``KIND = QuestionKind(model=…, printed=…, widget="<package>.widget")``.

``tests/questions/test_conformance.py`` walks the registry and fails when a type lacks a piece;
``docs/question-types.md`` is the checklist for adding one.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from medialit.questions.base import Context, QuestionBase

if TYPE_CHECKING:
    from medialit.ui.widget import Widget

Mark = Literal["right", "wrong", ""]


@dataclass(frozen=True)
class KeyNote:
    """A note under an item of the answer key: lesson Markdown, after optional interface words."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class KeyItem:
    """One line of an answer key: an option, a passage, an idea of a rubric, an excerpt."""

    text: str
    """Lesson Markdown; or, when ``quote`` is true, a passage of a document (plain text, shown in « »)."""
    quote: bool = False
    mark: Mark = ""
    """"right" / "wrong" for an option (a ticked / empty box)."""
    verdict: str = ""
    """Interface words after the text, e.g. "right answer"."""
    detail: str = ""
    """Plain words after the text: a technique, points, the expected category."""
    code: tuple[str, ...] = ()
    """Terms shown as code after ``code_label`` (a rubric's words)."""
    code_label: str = ""
    span: tuple[int, int] | None = None
    """Where the passage sits in the lesson's document (the printed key gives its line numbers)."""
    elsewhere: str = ""
    """Interface words saying the passage comes from another document."""
    notes: tuple[KeyNote, ...] = ()


@dataclass(frozen=True)
class KeyBlock:
    """A part of a question's answer key: a title, sentences, items, and a model answer."""

    title: str = ""
    sentences: tuple[str, ...] = ()
    items: tuple[KeyItem, ...] = ()
    numbered: bool = False
    model_answer: str = ""
    """Lesson Markdown, shown as a block quote under the title ``model_title``."""
    model_title: str = ""


@dataclass(frozen=True)
class Gift:
    """A question as Moodle's GIFT format writes it: its answers (already escaped) and comment lines."""

    answers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    feedback_extra: str = ""
    """Lesson Markdown added to the general feedback after the explanation (e.g. a model answer)."""


@dataclass(frozen=True)
class Suggestion:
    """A passage of the document ``medialit new`` offers to its examples (from the X-ray)."""

    quote: str
    occurrence: int | None = None


class Printed(ABC):
    """The pure, printable pieces of a question type (no Streamlit). Subclass it in ``printed.py``."""

    gift_unsupported: str = ""
    """Why GIFT cannot express this type (e.g. "marking passages of a document"); empty when it can."""

    @abstractmethod
    def answer_key(self, q: Any, ctx: Context) -> list[KeyBlock]:
        """What earns the question's points (its explanation is added by the caller)."""

    @abstractmethod
    def gift(self, q: Any, ctx: Context) -> Gift | None:
        """The GIFT question, or None when GIFT cannot express it (say why in ``gift_unsupported``)."""

    @abstractmethod
    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        """One example question of this type, as YAML starting ``- id: example-…``, valid once
        uncommented in a lesson on a document where ``suggestions`` are passages."""


@dataclass(frozen=True)
class QuestionKind:
    """One registered question type: its model, its printed pieces and where its widget lives."""

    model: type[QuestionBase]
    printed: Printed
    widget_module: str
    """The module holding ``WIDGET`` (imported only by the app: it needs Streamlit)."""
    folder: Path = field(default=Path())
    """The type's folder (for its ``worksheet.html``); the package's own folder by default."""

    @property
    def name(self) -> str:
        """The ``type:`` value lesson files use."""
        return str(get_args(self.model.model_fields["type"].annotation)[0])

    @cached_property
    def widget(self) -> Widget:
        """The type's Streamlit widget (its module is imported on first use)."""
        widget: Widget = importlib.import_module(self.widget_module).WIDGET
        return widget

    @property
    def worksheet_template(self) -> Path:
        return self.folder / "worksheet.html"


def kind(model: type[QuestionBase], printed: Printed, package: str, package_file: str) -> QuestionKind:
    """The ``KIND`` of a type's ``__init__.py``: ``kind(Model, Printed(), __name__, __file__)``."""
    return QuestionKind(model=model, printed=printed, widget_module=f"{package}.widget",
                        folder=Path(package_file).resolve().parent)
