"""Scored answers: numbered attempts, teacher overrides, deliberate rescoring."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from .coltypes import utcnow
from .core import StoreCore
from .errors import AttemptTaken, SessionClosed, UnknownAnswer, UnknownLearner
from .models import ANSWER_STATUSES, AnswerRow, Base, LearnerRow
from .records import Answer

# Under PostgreSQL the advisory lock makes races impossible between well-behaved writers; the
# retries are the safety net (e.g. an older replica without the lock during a rolling deploy).
_ATTEMPT_RETRIES = 50
_ANSWER_FIELDS = tuple(field.name for field in fields(Answer))


def _check_score(earned: float, possible: float, status: str) -> None:
    if status not in ANSWER_STATUSES:
        raise ValueError(f"status must be one of {ANSWER_STATUSES}, not {status!r}")
    if not (math.isfinite(earned) and math.isfinite(possible)) or possible < 0:
        raise ValueError(f"bad score {earned}/{possible}")


def _build_insert_next_attempt() -> ReturningInsert[Any]:
    """``INSERT INTO answers (...) SELECT :values..., COALESCE(MAX(attempt), 0) + 1 ... RETURNING``.

    One statement computes the next attempt number and inserts it, so on SQLite (one writer at
    a time) it cannot race; on PostgreSQL the caller's advisory lock prevents the race and the
    unique constraint catches anything else. Built once with bind parameters so SQLAlchemy's
    compiled-statement cache is hit: this is the hottest write path of a class in session.
    """
    # Through the metadata rather than ``AnswerRow.__table__``, which is typed as any FromClause.
    table = Base.metadata.tables[AnswerRow.__tablename__]
    names = [
        "learner_id", "lesson_id", "question_id", "raw", "earned", "possible", "status",
        "result", "content_hash", "needs_review", "created_at",
    ]  # fmt: skip
    params = {name: bindparam(name, type_=table.c[name].type) for name in names}
    attempt = func.coalesce(func.max(table.c.attempt), 0) + 1
    chosen = select(*(param.label(name) for name, param in params.items()), attempt.label("attempt"))
    chosen = chosen.where(
        table.c.learner_id == params["learner_id"],
        table.c.lesson_id == params["lesson_id"],
        table.c.question_id == params["question_id"],
    )
    return insert(table).from_select([*names, "attempt"], chosen).returning(*(table.c[name] for name in _ANSWER_FIELDS))


_INSERT_NEXT_ATTEMPT = _build_insert_next_attempt()
_CLOSED_SESSION = text(  # a learner of a closed class session, or who left it, can no longer answer
    "SELECT c.id, l.left_at IS NOT NULL FROM learners l JOIN class_sessions c ON c.id = l.class_session_id "
    "WHERE l.id = :learner_id AND (c.status = 'closed' OR l.left_at IS NOT NULL)"
)
_COUNT_ATTEMPTS = text(
    "SELECT COALESCE(MAX(attempt), 0) FROM answers "
    "WHERE learner_id = :learner_id AND lesson_id = :lesson_id AND question_id = :question_id"
)


class AnswerMixin(StoreCore):
    """Recording and reading answers."""

    def record_answer(
        self,
        learner_id: int,
        lesson_id: str,
        question_id: str,
        *,
        raw: Mapping[str, Any],
        earned: float,
        possible: float,
        status: str,
        result: Mapping[str, Any],
        content_hash: str,
        needs_review: bool = False,
        expected_attempt: int | None = None,
    ) -> Answer:
        """Store the next attempt (1, 2, ...) for this learner/lesson/question; committed on return.

        With ``expected_attempt``, store it only if it is that attempt (checked inside the same
        serialised write), else raise AttemptTaken: two tabs submitting the same attempt at once
        store it once, and the loser's penalties are not computed for the wrong attempt.
        Raises SessionClosed when the learner's class session is closed, or the learner left it (checked
        in the same write).

        The attempt number is max(attempt)+1 computed inside the write transaction; concurrent
        callers (threads or processes) never get the same number: SQLite serialises writers,
        PostgreSQL takes an advisory lock per (learner, lesson, question), and the unique
        constraint plus a retry backs both up. Raises UnknownLearner, ValueError.
        """
        _check_score(earned, possible, status)
        values: dict[str, Any] = {
            "learner_id": learner_id,
            "lesson_id": lesson_id,
            "question_id": question_id,
            "raw": dict(raw),
            "earned": float(earned),
            "possible": float(possible),
            "status": status,
            "result": dict(result),
            "content_hash": content_hash,
            "needs_review": bool(needs_review),
        }

        def work(session: Session) -> Answer:
            if self.dialect == "postgresql":
                # Serialise writers of this (learner, lesson, question) across all replicas.
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:learner, hashtext(:key))"),
                    {"learner": learner_id, "key": f"{lesson_id}\x1f{question_id}"},
                )
            closed = session.execute(_CLOSED_SESSION, {"learner_id": learner_id}).one_or_none()
            if closed is not None:
                raise SessionClosed(closed[0], left=bool(closed[1]))
            if expected_attempt is not None:
                stored: int = session.execute(
                    _COUNT_ATTEMPTS, {"learner_id": learner_id, "lesson_id": lesson_id, "question_id": question_id}
                ).scalar_one()
                if stored != expected_attempt - 1:
                    raise AttemptTaken(expected_attempt, stored)
            # Timestamp taken under the lock, so later attempts never get an earlier created_at.
            row = session.execute(_INSERT_NEXT_ATTEMPT, {**values, "created_at": utcnow()}).one()
            return Answer.from_mapping(row._asdict())

        lost_races = 0
        while True:
            try:
                return self._write(work)
            except IntegrityError:
                # A foreign-key failure (unknown learner) or a lost race on the attempt number.
                if not self._learner_exists(learner_id):
                    raise UnknownLearner(f"no learner {learner_id}") from None
                lost_races += 1
                if lost_races > _ATTEMPT_RETRIES:
                    raise

    def _learner_exists(self, learner_id: int) -> bool:
        """True when a learner with that id is stored (the learner API lives in another mixin)."""
        with self._read() as session:
            return session.get(LearnerRow, learner_id) is not None

    def answer(self, answer_id: int) -> Answer | None:
        """The answer with that id, or None."""
        with self._read() as session:
            row = session.get(AnswerRow, answer_id)
            return Answer.from_row(row) if row else None

    def answers(self, learner_id: int, lesson_id: str | None = None) -> list[Answer]:
        """The learner's answers (optionally for one lesson), oldest first."""
        stmt = select(AnswerRow).where(AnswerRow.learner_id == learner_id)
        if lesson_id is not None:
            stmt = stmt.where(AnswerRow.lesson_id == lesson_id)
        stmt = stmt.order_by(AnswerRow.created_at, AnswerRow.attempt, AnswerRow.id)
        with self._read() as session:
            return [Answer.from_row(row) for row in session.scalars(stmt)]

    def latest_answers(self, learner_id: int, lesson_id: str) -> dict[str, Answer]:
        """``{question_id: last attempt}`` for one learner and lesson."""
        stmt = (
            select(AnswerRow)
            .where(AnswerRow.learner_id == learner_id, AnswerRow.lesson_id == lesson_id)
            .order_by(AnswerRow.question_id, AnswerRow.attempt)
        )
        with self._read() as session:
            # Rows come in attempt order, so the last assignment per question wins.
            return {row.question_id: Answer.from_row(row) for row in session.scalars(stmt)}

    def attempts_used(self, learner_id: int, lesson_id: str, question_id: str) -> int:
        """How many attempts the learner has recorded on that question (0 if none)."""
        stmt = select(func.count()).where(
            AnswerRow.learner_id == learner_id,
            AnswerRow.lesson_id == lesson_id,
            AnswerRow.question_id == question_id,
        )
        with self._read() as session:
            return int(session.scalar(stmt) or 0)

    def override_answer(self, answer_id: int, earned: float | None, comment: str | None) -> Answer:
        """Set (or, with ``earned=None``, remove) a teacher's score for an answer.

        The automatic ``earned`` is left untouched; ``final_earned`` reports the override.
        Raises ValueError unless 0 <= earned <= possible; UnknownAnswer for a missing answer.
        """

        def work(session: Session) -> Answer:
            row = session.get(AnswerRow, answer_id, with_for_update=True)
            if row is None:
                raise UnknownAnswer(f"no answer {answer_id}")
            if earned is None:
                row.override_earned = row.override_comment = row.override_at = None
            else:
                if not (math.isfinite(earned) and 0 <= earned <= row.possible):
                    raise ValueError(f"override {earned} outside 0..{row.possible}")
                row.override_earned = float(earned)
                row.override_comment = comment.strip() if comment and comment.strip() else None
                row.override_at = utcnow()
            session.flush()
            return Answer.from_row(row)

        return self._write(work)

    def self_assess(self, answer_id: int, earned: float) -> Answer:
        """Record the points a student in self-study gives a held answer against the criteria.

        The automatic score and a teacher's override are left untouched. ValueError unless
        0 <= earned <= possible; UnknownAnswer for a missing answer.
        """

        def work(session: Session) -> Answer:
            row = session.get(AnswerRow, answer_id, with_for_update=True)
            if row is None:
                raise UnknownAnswer(f"no answer {answer_id}")
            if not (math.isfinite(earned) and 0 <= earned <= row.possible):
                raise ValueError(f"self-assessment {earned} outside 0..{row.possible}")
            row.self_earned, row.self_at = float(earned), utcnow()
            session.flush()
            return Answer.from_row(row)

        return self._write(work)

    def rescore_answer(
        self,
        answer_id: int,
        *,
        earned: float,
        possible: float,
        status: str,
        result: Mapping[str, Any],
        content_hash: str,
        needs_review: bool | None = None,
    ) -> Answer:
        """Replace the automatic score of an answer (a teacher chose to rescore after an edit).

        ``raw``, the attempt number and any teacher override are kept; ``needs_review`` only
        changes when given. Raises UnknownAnswer, ValueError.
        """
        _check_score(earned, possible, status)
        result_value = dict(result)

        def work(session: Session) -> Answer:
            row = session.get(AnswerRow, answer_id, with_for_update=True)
            if row is None:
                raise UnknownAnswer(f"no answer {answer_id}")
            row.earned, row.possible, row.status = float(earned), float(possible), status
            row.result, row.content_hash = result_value, content_hash
            if needs_review is not None:
                row.needs_review = bool(needs_review)
            session.flush()
            return Answer.from_row(row)

        return self._write(work)
