"""The frames every analysis starts from: the questions of some lessons, and the marks that count.

Pure pandas (no Streamlit, no database). The answers frame is the store's
``answers_frame()`` (one row per attempt; ``final_earned`` is the teacher's override when set).

The mark that counts for a learner on a question is the ``final_earned`` of their **latest
complete attempt** (:func:`latest`): an incomplete (empty) answer is not a mark.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

import numpy as np
import pandas as pd

from medialit.format.model import Lesson
from medialit.questions.choice import ChoiceQuestion

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

KEY = ["learner_id", "lesson_id", "question_id"]
Missing = Literal["exclude", "zero"]
Row = TypeVar("Row", bound="DataclassInstance")


def columns_of(row_type: type[DataclassInstance]) -> list[str]:
    """The frame columns a row dataclass reads: its field names, in order."""
    return [field.name for field in dataclasses.fields(row_type)]


def typed_rows(frame: pd.DataFrame, row_type: type[Row]) -> Iterator[Row]:
    """The rows of ``frame`` as ``row_type`` instances, so that each column has a type checkers know.

    ``row_type`` is a dataclass whose fields are named after columns of ``frame`` (other columns
    are ignored); each row is built positionally from those columns. Raises KeyError when the
    frame lacks one of them. The values are the ones ``itertuples`` gives (Python scalars, NaN
    for missing numbers): the dataclass documents them, it does not convert them.
    """
    for values in frame[columns_of(row_type)].itertuples(index=False, name=None):
        yield row_type(*values)


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One row of :func:`question_frame`."""

    lesson_id: str
    lesson_order: int
    question_id: str
    order: int
    type: str
    skill: str
    points: float
    scored: bool
    impression: str | None
    veracity: str | None
    prompt: str


@dataclass(frozen=True, slots=True)
class OptionRow:
    """One row of :func:`option_frame`."""

    lesson_id: str
    question_id: str
    option_id: str
    option_order: int
    text: str
    correct: bool
    misconception: str | None


QUESTION_COLUMNS = columns_of(QuestionRow)
OPTION_COLUMNS = columns_of(OptionRow)


def question_frame(lessons: Sequence[Lesson], lang: str = "fr") -> pd.DataFrame:
    """One row per question of ``lessons`` (in lesson then question order), columns :data:`QUESTION_COLUMNS`.

    ``points`` is the question's maximum mark; ``scored`` is False for opinions (unscored ratings).
    """
    rows = [
        {
            "lesson_id": lesson.id,
            "lesson_order": i,
            "question_id": q.id,
            "order": j,
            "type": q.type,
            "skill": q.skill,
            "points": float(q.points) if q.is_scored() else 0.0,
            "scored": q.is_scored(),
            "impression": getattr(q, "impression", None),
            "veracity": getattr(q, "veracity", None),
            "prompt": q.prompt.get(lang, lesson.language),
        }
        for i, lesson in enumerate(lessons)
        for j, q in enumerate(lesson.questions)
    ]
    frame = pd.DataFrame(rows, columns=QUESTION_COLUMNS)
    return frame.astype({"lesson_order": int, "order": int, "points": float, "scored": bool})


def option_frame(lessons: Sequence[Lesson], lang: str = "fr") -> pd.DataFrame:
    """One row per option of every choice question, with its ``misconception`` in ``lang`` (or None)."""
    rows = [
        {
            "lesson_id": lesson.id,
            "question_id": q.id,
            "option_id": o.id,
            "option_order": k,
            "text": o.text.get(lang, lesson.language),
            "correct": o.correct,
            "misconception": o.misconception.get(lang, lesson.language) if o.misconception else None,
        }
        for lesson in lessons
        for q in lesson.questions
        if isinstance(q, ChoiceQuestion)
        for k, o in enumerate(q.options)
    ]
    return pd.DataFrame(rows, columns=OPTION_COLUMNS).astype({"option_order": int, "correct": bool})


_MARKS: dict[int, weakref.ReferenceType[pd.DataFrame]] = {}  # frames latest() returned, by id


def _known_marks(frame: pd.DataFrame) -> bool:
    ref = _MARKS.get(id(frame))
    return ref is not None and ref() is frame


def _remember(marks: pd.DataFrame) -> pd.DataFrame:
    key = id(marks)
    _MARKS[key] = weakref.ref(marks, lambda _ref: _MARKS.pop(key, None))
    return marks


def latest(answers: pd.DataFrame) -> pd.DataFrame:
    """The latest complete attempt per learner x lesson x question (the marks that count).

    Idempotent: every analysis accepts either the whole answers frame or these marks. Given a frame
    this function returned, it returns a copy of it at once (the dashboard's analyses all start from
    the same marks; with pandas' copy-on-write a shallow copy is safe to add columns to).
    """
    if _known_marks(answers):
        return _remember(answers.copy(deep=False))
    done = answers[(answers["status"] == "complete").astype(bool)]
    done = done.sort_values(["attempt", "answer_id"], kind="stable")
    marks = done.drop_duplicates(KEY, keep="last").reset_index(drop=True)
    # An empty frame from the store has object columns: a boolean mask on them would select columns.
    for column, kind in (("needs_review", bool), ("earned", float), ("possible", float), ("final_earned", float)):
        if marks[column].dtype != kind:
            marks[column] = marks[column].astype(kind)
    return _remember(marks)




def answered_matrix(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str) -> pd.DataFrame:
    """Learners x scored questions of one lesson (lesson order): the marks that count, NaN where unanswered.

    Built with numpy (one scatter into an array), not a pivot: the dashboard calls it every few seconds.
    """
    scored = questions[(questions["lesson_id"] == lesson_id) & questions["scored"]].sort_values("order")
    columns = pd.Index(scored["question_id"].astype(str).tolist())
    rows = marks[["learner_id", "lesson_id", "question_id", "final_earned"]]
    rows = rows[(rows["lesson_id"] == lesson_id).astype(bool)]
    position = columns.get_indexer(pd.Index(rows["question_id"].astype(str))) if len(rows) else np.array([], int)
    known = position >= 0
    learners, row = np.unique(rows["learner_id"].to_numpy()[known], return_inverse=True)
    values = np.full((len(learners), len(columns)), np.nan)
    values[row, position[known]] = rows["final_earned"].to_numpy(dtype=float)[known]
    return pd.DataFrame(values, index=pd.Index(learners, name="learner_id"), columns=columns)


def marks_matrix(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str, missing: Missing = "exclude"
                 ) -> pd.DataFrame:
    """Learners x scored questions of one lesson: the marks that count (``final_earned``).

    ``missing="exclude"`` keeps only learners who answered every scored question (complete
    cases); ``"zero"`` keeps every learner with at least one answer and counts the others as 0
    (Moodle's treatment of unanswered questions in a finished attempt). Columns are in lesson order.
    """
    return with_missing(answered_matrix(marks, questions, lesson_id), missing)


def with_missing(matrix: pd.DataFrame, missing: Missing) -> pd.DataFrame:
    """Apply the ``missing`` policy of :func:`marks_matrix` to a matrix with NaN for unanswered questions."""
    if missing == "zero":
        return matrix.fillna(0.0)
    return matrix.dropna(axis=0, how="any") if matrix.shape[1] else matrix.iloc[0:0]


def as_float(values: object) -> np.ndarray:
    """A float array of ``values`` (NaN for anything that is not a number)."""
    return pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
