"""Lesson progress and hint counters: one row per key, upserted atomically."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .coltypes import utcnow
from .core import StoreCore
from .errors import UnknownLearner
from .models import HintRow, ProgressRow
from .records import Progress


class ProgressMixin(StoreCore):
    """Where each learner is in each lesson, and how many hints they used."""

    def _upsert(self, table: Any) -> Any:
        # INSERT ... ON CONFLICT exists in both dialects with the same API.
        module = postgresql if self.dialect == "postgresql" else sqlite
        return module.insert(table)

    def set_progress(
        self,
        learner_id: int,
        lesson_id: str,
        current_index: int,
        *,
        content_hash: str | None = None,
        finished: bool = False,
    ) -> Progress:
        """Record the learner's position in a lesson (creating the row on first call).

        ``started_at`` is set on the first call. ``content_hash`` records the lesson version the
        learner started on: it is kept from the first call that gave one. ``finished=True`` sets
        ``finished_at`` once; later calls never clear it (revisiting a finished lesson keeps it
        finished). Raises UnknownLearner.
        """
        if current_index < 0:
            raise ValueError("current_index must be >= 0")
        now = utcnow()
        table = ProgressRow.__table__
        insert = self._upsert(table).values(
            learner_id=learner_id,
            lesson_id=lesson_id,
            current_index=current_index,
            content_hash=content_hash,
            started_at=now,
            updated_at=now,
            finished_at=now if finished else None,
        )
        stmt = insert.on_conflict_do_update(
            index_elements=[table.c.learner_id, table.c.lesson_id],
            set_={
                "current_index": insert.excluded.current_index,
                "updated_at": insert.excluded.updated_at,
                "content_hash": func.coalesce(table.c.content_hash, insert.excluded.content_hash),
                "finished_at": func.coalesce(table.c.finished_at, insert.excluded.finished_at),
            },
        ).returning(*table.c)

        def work(session: Session) -> Progress:
            row = session.execute(stmt).one()
            return Progress(**row._asdict())

        try:
            return self._write(work)
        except IntegrityError as exc:  # the only constraint left to violate is the learner FK
            raise UnknownLearner(f"no learner {learner_id}") from exc

    def progress(self, learner_id: int, lesson_id: str) -> Progress | None:
        """The learner's progress in one lesson, or None if never started."""
        with self._read() as session:
            row = session.get(ProgressRow, (learner_id, lesson_id))
            return Progress.from_row(row) if row else None

    def all_progress(self, learner_id: int) -> dict[str, Progress]:
        """``{lesson_id: Progress}`` for every lesson the learner started."""
        stmt = select(ProgressRow).where(ProgressRow.learner_id == learner_id)
        with self._read() as session:
            return {row.lesson_id: Progress.from_row(row) for row in session.scalars(stmt)}

    def use_hint(self, learner_id: int, lesson_id: str, question_id: str) -> int:
        """Count one more hint on a question; returns the new count (1 the first time).

        Atomic (``INSERT ... ON CONFLICT DO UPDATE count = count + 1``), so concurrent clicks
        are all counted. Raises UnknownLearner.
        """
        table = HintRow.__table__
        insert = self._upsert(table).values(
            learner_id=learner_id, lesson_id=lesson_id, question_id=question_id, count=1
        )
        stmt = insert.on_conflict_do_update(
            index_elements=[table.c.learner_id, table.c.lesson_id, table.c.question_id],
            set_={"count": table.c.count + 1},
        ).returning(table.c.count)

        def work(session: Session) -> int:
            return int(session.execute(stmt).scalar_one())

        try:
            return self._write(work)
        except IntegrityError as exc:
            raise UnknownLearner(f"no learner {learner_id}") from exc

    def hints_used(self, learner_id: int, lesson_id: str) -> dict[str, int]:
        """``{question_id: hints used}`` for one learner and lesson (questions with none omitted)."""
        stmt = select(HintRow.question_id, HintRow.count).where(
            HintRow.learner_id == learner_id, HintRow.lesson_id == lesson_id
        )
        with self._read() as session:
            return {question_id: count for question_id, count in session.execute(stmt)}
