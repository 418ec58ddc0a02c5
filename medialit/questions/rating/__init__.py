"""``rating``: a labelled scale, scored against an expected range or left unscored."""

from medialit.questions.kind import kind
from medialit.questions.rating.model import Range, RatingQuestion
from medialit.questions.rating.printed import RatingPrinted

KIND = kind(RatingQuestion, RatingPrinted(), __name__, __file__)

__all__ = ["KIND", "Range", "RatingQuestion"]
