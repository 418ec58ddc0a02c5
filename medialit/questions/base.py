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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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
    topic: frozenset[str] = frozenset()
    """The lesson's words (``LoadedLesson.topic``): what an answer about it may use."""

    def t(self, text: Text | None) -> str:
        return text.get(self.lang, self.fallback) if text is not None else ""

    def span(self, path: SubPath) -> tuple[int, int] | None:
        return self.spans.get(tuple(path))


class PromptQuote(Strict):
    """A passage the prompt quotes (e.g. a headline to rate), checked against a document of the kit."""

    quote: str = Field(min_length=1, description="The passage, exactly as in the document.")
    document: str | None = Field(None, description="The document it comes from (default: the lesson's).")
    occurrence: int | None = Field(None, ge=1)


class Example(Strict):
    """A sample answer and what it must score."""

    answer: Any = Field(description="The answer as a student gives it: a text, option ids, quoted passages "
                                    "('- quote: …'), a number, or 'excerpt id: category id'.")
    lang: Literal["fr", "en"] | None = Field(None, description="The interface language (default: the lesson's).")
    at_least: float | None = Field(None, ge=0, le=100, description="It must score at least this many percent.")
    at_most: float | None = Field(None, ge=0, le=100, description="It must score at most this many percent.")
    held: bool | None = Field(None, description="true: it must be held for the teacher's review; false: it must not.")
    note: str | None = Field(None, description="Why (for the teacher who reads the file).")

    @model_validator(mode="after")
    def _says_something(self) -> Example:
        if self.at_least is None and self.at_most is None and self.held is None:
            raise ValueError("an example needs 'at_least:', 'at_most:' or 'held:' (what it must score)")
        return self


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
    examples: list[Example] = Field(
        default_factory=list,
        description="Sample answers with the score they must get (a good paraphrase at_least: 70, a keyword list "
        "at_most: 40): 'medialit validate' checks them.",
    )

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, ctx: Context) -> list[ContentProblem]:
        return []

    @classmethod
    def check_together(cls, questions: Sequence[tuple[int, QuestionBase]],
                       lang: str) -> list[tuple[int, ContentProblem]]:
        """Checks across a lesson's questions of this type, as (question index, problem): patterns a student
        could exploit, such as the right option always first (none by default)."""
        return []

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:  # pragma: no cover - abstract
        """An answer that earns full marks (the answer key; also used to test every lesson)."""
        raise NotImplementedError

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:  # pragma: no cover - abstract
        """The raw answer a teacher writes in the lesson's own words (``examples:``, ``medialit score``):
        a text, option ids, quoted passages, a number, excerpt → category. ValueError, in words, if it
        does not fit the question."""
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
