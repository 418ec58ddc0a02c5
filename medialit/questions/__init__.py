"""The registry of question types. To add a type: write its module (see ``base``), add it here."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from medialit.questions.base import Context, Finding, QuestionBase, QuoteRef
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.highlight import HighlightQuestion
from medialit.questions.label import LabelQuestion
from medialit.questions.rating import RatingQuestion

REGISTRY: tuple[type[QuestionBase], ...] = (
    ChoiceQuestion,
    HighlightQuestion,
    FreeTextQuestion,
    RatingQuestion,
    LabelQuestion,
)
TYPE_NAMES: tuple[str, ...] = tuple(cls.model_fields["type"].annotation.__args__[0] for cls in REGISTRY)
BY_TYPE: dict[str, type[QuestionBase]] = dict(zip(TYPE_NAMES, REGISTRY, strict=True))

Question = Annotated[Union[tuple(REGISTRY)], Field(discriminator="type")]  # noqa: UP007 - built from the registry

__all__ = ["BY_TYPE", "REGISTRY", "TYPE_NAMES", "Context", "Finding", "Question", "QuestionBase", "QuoteRef"]
