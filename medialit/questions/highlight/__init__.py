"""``highlight``: the student marks passages of the document."""

from medialit.questions.highlight.model import HighlightQuestion, Passage
from medialit.questions.highlight.printed import HighlightPrinted
from medialit.questions.kind import kind

KIND = kind(HighlightQuestion, HighlightPrinted(), __name__, __file__)

__all__ = ["KIND", "HighlightQuestion", "Passage"]
