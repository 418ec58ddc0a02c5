"""``ordering`` — a question type that lives only in the tests: put items in the right order.

It proves that a type is one folder plus one registry line: ``register(KIND)`` (see conftest).
"""

from medialit.questions.kind import kind
from tests.questions.ordering.model import Item, OrderingQuestion
from tests.questions.ordering.printed import OrderingPrinted

KIND = kind(OrderingQuestion, OrderingPrinted(), __name__, __file__)

__all__ = ["KIND", "Item", "OrderingQuestion"]
