"""``free_text``: a short written answer scored by a rubric of concepts."""

from medialit.questions.free_text.model import Concept, FreeTextQuestion
from medialit.questions.free_text.printed import FreeTextPrinted
from medialit.questions.kind import kind

KIND = kind(FreeTextQuestion, FreeTextPrinted(), __name__, __file__)

__all__ = ["KIND", "Concept", "FreeTextQuestion"]
