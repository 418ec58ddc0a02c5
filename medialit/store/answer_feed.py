"""The analytics feed: every answer as one row of a pandas DataFrame, in a single query."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, String, Text, select, type_coerce

from .core import StoreCore
from .models import AnswerRow, LearnerRow

if TYPE_CHECKING:  # pandas is imported on first use: it doubles the import time of the store
    import pandas as pd

FRAME_COLUMNS = (
    "answer_id",
    "learner_id",
    "pseudonym",
    "class_session_id",
    "lesson_id",
    "question_id",
    "attempt",
    "raw",
    "earned",
    "possible",
    "final_earned",
    "status",
    "needs_review",
    "override_comment",
    "content_hash",
    "created_at",
    "override_at",
)


def answer_select(*extra: Any, by_answer_id: bool = False) -> Select[*tuple[Any, ...]]:
    """SELECT of the frame's columns (answers JOIN learners, oldest first), then ``extra`` columns.

    ``raw`` comes as text and the times untouched (no per-row type processing: it cost seconds
    over a school year of answers); :func:`answers_to_frame` converts them column by column.
    ``by_answer_id``: the caller filters on answer ids (a few new ones); the join is written so that
    SQLite walks those ids, not every answer of the class's learners (``learner_id + 0`` keeps it off
    the learner index; PostgreSQL plans either form alike).
    """
    a, learner = AnswerRow, LearnerRow
    joined = learner.id == (a.learner_id + 0 if by_answer_id else a.learner_id)
    return select(
        a.id.label("answer_id"),
        a.learner_id,
        learner.pseudonym,
        learner.class_session_id,
        a.lesson_id,
        a.question_id,
        a.attempt,
        type_coerce(a.raw, Text).label("raw"),
        a.earned,
        a.possible,
        a.override_earned,
        a.status,
        a.needs_review,
        a.override_comment,
        a.content_hash,
        type_coerce(a.created_at, String).label("created_at"),
        type_coerce(a.override_at, String).label("override_at"),
        *extra,
    ).join(learner, joined).order_by(a.created_at, a.id)


OBJECT_COLUMNS = ("raw", "override_comment")  # values, or text and None: never a type guessed from the rows


def _json(value: Any) -> Any:
    """A JSON column's value: SQLite gives its text, PostgreSQL's driver the decoded value."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def answers_to_frame(rows: Sequence[Any], columns: Sequence[str]) -> pd.DataFrame:
    """The frame of rows selected by :func:`answer_select` (their column order), with ``columns``.

    ``final_earned`` is the override when set, else ``earned``; ``raw`` is decoded; times are
    UTC-aware (``datetime64[us, UTC]``); ``needs_review`` is a bool.
    """
    import pandas as pd

    if not rows:
        return pd.DataFrame(columns=list(columns))
    names = SELECTED + [c for c in columns if c not in SELECTED and c != "final_earned"]
    values = dict(zip(names, zip(*rows, strict=True), strict=True))  # column by column: no per-row objects
    values["raw"] = tuple(_json(value) for value in values["raw"])
    frame = pd.DataFrame({name: pd.Series(column, dtype=object if name in OBJECT_COLUMNS else None)
                          for name, column in values.items()})
    frame["needs_review"] = frame["needs_review"].astype(bool)
    override = frame.pop("override_earned")
    frame["final_earned"] = override.where(override.notna(), frame["earned"]).astype(float)
    for column in ("created_at", "override_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601").astype("datetime64[us, UTC]")
    return frame[list(columns)]


SELECTED = [c.name for c in answer_select().selected_columns]


class AnalyticsMixin(StoreCore):
    """Read-only feed for the teacher dashboard."""

    def answers_frame(
        self, class_session_id: int | None = None, learner_ids: Collection[int] | None = None
    ) -> pd.DataFrame:
        """One row per answer (every attempt), columns :data:`FRAME_COLUMNS`, oldest first.

        Filters combine with AND; ``learner_ids=[]`` yields an empty frame. Exactly one SELECT
        (answers JOIN learners), since a live dashboard polls it every few seconds.
        ``final_earned`` is the override when set, else ``earned``; timestamps are UTC-aware.
        The automatic ``result`` explanation is not included (it is large): use
        :meth:`answer` for one answer's details.
        """
        import pandas as pd

        if learner_ids is not None and not learner_ids:
            return pd.DataFrame(columns=list(FRAME_COLUMNS))
        stmt = answer_select()
        if class_session_id is not None:
            stmt = stmt.where(LearnerRow.class_session_id == class_session_id)
        if learner_ids is not None:
            stmt = stmt.where(AnswerRow.learner_id.in_(list(learner_ids)))
        with self._read() as session:
            rows = session.connection().execute(stmt).all()
        return answers_to_frame(rows, FRAME_COLUMNS)
