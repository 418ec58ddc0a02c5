"""``choice``: one or several right options, each option explaining itself."""

from medialit.questions.choice.model import ChoiceQuestion, Option
from medialit.questions.choice.printed import ChoicePrinted
from medialit.questions.kind import kind

KIND = kind(ChoiceQuestion, ChoicePrinted(), __name__, __file__)

__all__ = ["KIND", "ChoiceQuestion", "Option"]
