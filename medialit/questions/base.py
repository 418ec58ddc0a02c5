"""The model every question type's model subclasses, and what a scorer or a checker may know.

A type's model (``medialit/questions/<type>/model.py``) is a strict pydantic model with
``type: Literal["<type>"]`` and its own fields, and implements:

- ``score(answer, ctx) -> Score``: pure; an empty answer gives an *incomplete* score, never zero;
- ``ideal_answer(ctx) -> dict``: an answer earning full marks (the answer key; every lesson is
  tested with it);
- ``check(ctx) -> list[ContentProblem]``: content checks beyond the model's shape (optional);
- ``quote_refs() -> list[QuoteRef]``: the passages it quotes from a document (optional);
- ``answer_key_free(ctx) -> dict``: what the browser may see before the student submits, with no
  key in it (extend the base's dict).

The rest of a type (printed pieces, Streamlit widget) and how to register it: ``medialit.questions.kind``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from medialit.format.text import LText, Text
from medialit.questions.scoring import Score

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=80)]
Skill = Literal["sourcing", "framing", "loaded_language"]
SubPath = tuple[str | int, ...]


class Strict(BaseModel):
    """Every lesson model: unknown keys are errors, values are immutable after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class QuoteRef:
    """A passage a question quotes: where in the question it is written, and what it says."""

    path: SubPath
    quote: str
    occurrence: int | None = None
    document: str | None = None


@dataclass(frozen=True)
class ContentProblem:
    """A content problem inside one question; ``path`` is relative to the question."""

    path: SubPath
    severity: Literal["error", "warning"]
    message: str


@dataclass
class Context:
    """What a scorer or a checker may know besides the question: the documents and the quotes."""

    lang: str = "fr"
    fallback: str = "fr"
    text: str = ""
    spans: dict[SubPath, tuple[int, int]] = field(default_factory=dict)
    texts: dict[SubPath, str] = field(default_factory=dict)

    def t(self, text: Text | None) -> str:
        return text.get(self.lang, self.fallback) if text is not None else ""

    def span(self, path: SubPath) -> tuple[int, int] | None:
        return self.spans.get(tuple(path))


class PromptQuote(Strict):
    """A passage the prompt quotes (e.g. a headline to rate), checked against a document of the kit."""

    quote: str = Field(min_length=1, description="The passage, exactly as in the document.")
    document: str | None = Field(None, description="The document it comes from (default: the lesson's).")
    occurrence: int | None = Field(None, ge=1)


class QuestionBase(Strict):
    """Fields shared by every question type. Subclasses add ``type: Literal[...]`` and their own."""

    marks_text: ClassVar[bool] = False
    """True when an answer is a set of passages of the document (class heatmap, review of the marks)."""

    type: str = Field(description="The question type (each type's model narrows it to its own name).")
    id: Slug = Field(description="Stable id (a slug): answers are stored against it. Never reuse one.")
    skill: Skill = Field(description="sourcing, framing or loaded_language.")
    prompt: LText = Field(description="The question, in Markdown.")
    points: float = Field(1.0, ge=0, le=100, description="Points for a fully right answer.")
    hints: list[LText] = Field(default_factory=list, description="Shown one at a time on request.")
    explanation: LText | None = Field(None, description="Shown after answering: why the answer is what it is.")
    quotes: list[PromptQuote] = Field(
        default_factory=list, description="Passages the prompt quotes, checked by the validator against their document."
    )

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, ctx: Context) -> list[ContentProblem]:
        return []

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:  # pragma: no cover - abstract
        """An answer that earns full marks (the answer key; also used to test every lesson)."""
        raise NotImplementedError

    def quote_refs(self) -> list[QuoteRef]:
        """The passages this type quotes and scores against (subclasses override)."""
        return []

    def all_quote_refs(self) -> list[QuoteRef]:
        """Every passage to locate: the type's own, and those the prompt quotes."""
        prompt = [QuoteRef(("quotes", i), q.quote, q.occurrence, q.document) for i, q in enumerate(self.quotes)]
        return self.quote_refs() + prompt

    def expected_spans(self, ctx: Context) -> list[tuple[int, int]]:
        """Where the passages an answer should mark sit in the document (types with ``marks_text``)."""
        return []

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        """The question as the browser may see it before submission (localized, no answer key)."""
        return {
            "id": self.id,
            "type": self.type,
            "skill": self.skill,
            "prompt": ctx.t(self.prompt),
            "points": self.points,
        }

    def is_scored(self) -> bool:
        return self.points > 0


class Quoted(Strict):
    """A passage of the document, given by quoting it (never by offsets)."""

    quote: str = Field(min_length=1, description="The passage, copied from the document.")
    occurrence: int | None = Field(
        None, ge=1, description="Which occurrence (1, 2, …) when the passage appears more than once."
    )
