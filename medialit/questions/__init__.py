"""Question types: each one a folder (``choice``, ``highlight``, ``free_text``, ``rating``, ``label``)
registered in ``medialit.questions.registry``; see ``medialit.questions.kind`` for what a folder holds.

``Question`` is the union of the built-in models, written out so the type checker sees it; the lesson
model is built on it, and ``registry.register`` extends it at run time (a test checks both agree).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from medialit.questions.base import ContentProblem, Context, QuestionBase, QuoteRef
from medialit.questions.choice.model import ChoiceQuestion
from medialit.questions.free_text.model import FreeTextQuestion
from medialit.questions.highlight.model import HighlightQuestion
from medialit.questions.label.model import LabelQuestion
from medialit.questions.rating.model import RatingQuestion

AnyQuestion = ChoiceQuestion | HighlightQuestion | FreeTextQuestion | RatingQuestion | LabelQuestion
Question = Annotated[AnyQuestion, Field(discriminator="type")]

__all__ = [
    "AnyQuestion", "ChoiceQuestion", "ContentProblem", "Context", "FreeTextQuestion", "HighlightQuestion",
    "LabelQuestion", "Question", "QuestionBase", "QuoteRef", "RatingQuestion",
]
