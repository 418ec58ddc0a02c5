"""The registry of question types: one line per type. Everything type-specific is reached through it.

Adding a type: write its folder (``medialit.questions.kind`` says what it holds), import it here
and add its ``KIND`` to ``BUILT_IN``; add its model to the union in ``medialit.questions`` (written
out so the type checker sees it; a test checks both lists agree). See docs/question-types.md.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from medialit.questions import choice, free_text, highlight, label, rating
from medialit.questions.base import QuestionBase
from medialit.questions.kind import QuestionKind

BUILT_IN: tuple[QuestionKind, ...] = (
    choice.KIND,
    highlight.KIND,
    free_text.KIND,
    rating.KIND,
    label.KIND,
)

KINDS: dict[str, QuestionKind] = {}
_adapter: TypeAdapter[Any] | None = None


class UnknownQuestionType(LookupError):
    """A question's type has no registered kind (a file written for a newer kit, or a typo)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown question type '{name}': use one of {', '.join(KINDS)}")
        self.name = name


def kind_of(question: QuestionBase | str) -> QuestionKind:
    """The registered kind of ``question`` (or of a type name); :class:`UnknownQuestionType` if none."""
    name = question if isinstance(question, str) else question.type
    found = KINDS.get(name)
    if found is None:
        raise UnknownQuestionType(name)
    return found


def type_names() -> tuple[str, ...]:
    return tuple(KINDS)


def register(kind: QuestionKind) -> None:
    """Add a question type (the built-in ones are added below): the lesson format accepts it at once."""
    KINDS[kind.name] = kind
    _rebuild_lesson_model()


def unregister(name: str) -> None:
    """Remove a question type added with ``register`` (tests; a built-in type stays)."""
    if name in KINDS and KINDS[name] not in BUILT_IN:
        del KINDS[name]
        _rebuild_lesson_model()


def question_adapter() -> TypeAdapter[Any]:
    """Validates one question of any registered type (the loader checks well-formed questions with it)."""
    global _adapter
    if _adapter is None:
        _adapter = TypeAdapter(_union())
    return _adapter


def _union() -> Any:
    models = tuple(k.model for k in KINDS.values())
    return Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007 - built from the registry


def _rebuild_lesson_model() -> None:
    """The lesson model's ``questions`` field becomes the union of every registered model."""
    from medialit.format.model import Lesson  # the format depends on the registry, not the reverse

    global _adapter
    _adapter = None
    field = Lesson.model_fields["questions"]
    field.annotation = list.__class_getitem__(_union())  # type: ignore[assignment]  # a run-time union

    Lesson.model_rebuild(force=True)


for _kind in BUILT_IN:
    KINDS[_kind.name] = _kind
