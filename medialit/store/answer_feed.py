"""The analytics feed: every answer as one row of a pandas DataFrame, in a single query."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import select

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
        a, learner = AnswerRow, LearnerRow
        stmt = select(
            a.id.label("answer_id"),
            a.learner_id,
            learner.pseudonym,
            learner.class_session_id,
            a.lesson_id,
            a.question_id,
            a.attempt,
            a.raw,
            a.earned,
            a.possible,
            a.override_earned,
            a.status,
            a.needs_review,
            a.override_comment,
            a.content_hash,
            a.created_at,
            a.override_at,
        ).join(learner, learner.id == a.learner_id)
        if class_session_id is not None:
            stmt = stmt.where(learner.class_session_id == class_session_id)
        if learner_ids is not None:
            stmt = stmt.where(a.learner_id.in_(list(learner_ids)))
        stmt = stmt.order_by(a.created_at, a.id)
        with self._read() as session:
            rows = [row._asdict() for row in session.execute(stmt)]
        for row in rows:
            override = row.pop("override_earned")
            row["final_earned"] = row["earned"] if override is None else override
            row["needs_review"] = bool(row["needs_review"])
        frame = pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS))
        if rows:
            for column in ("created_at", "override_at"):
                frame[column] = pd.to_datetime(frame[column], utc=True).astype("datetime64[us, UTC]")
        return frame
