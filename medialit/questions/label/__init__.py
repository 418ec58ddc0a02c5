"""``label``: excerpts of the document, each to be given a category from a vocabulary."""

from medialit.questions.kind import kind
from medialit.questions.label.model import Excerpt, LabelQuestion
from medialit.questions.label.printed import LabelPrinted

KIND = kind(LabelQuestion, LabelPrinted(), __name__, __file__)

__all__ = ["KIND", "Excerpt", "LabelQuestion"]
