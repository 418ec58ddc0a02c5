"""Plain frozen records returned by the store API.

They are detached copies: holding one never keeps a database session, connection or lock
alive, and reading one never triggers a query. JSON payloads (``raw``, ``result``) are the
values decoded from the database; mutating them changes nothing stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .models import AnswerRow, ClassSessionRow, LearnerRow, ProgressRow


@dataclass(frozen=True, slots=True)
class Learner:
    """A pupil: identified by an anonymous resume ``code``, optionally a pseudonym in a class."""

    id: int
    code: str
    pseudonym: str | None
    class_session_id: int | None
    lang: str
    created_at: datetime
    last_seen_at: datetime | None = None
    left_at: datetime | None = None

    @property
    def in_class(self) -> bool:
        """True while the learner belongs to a class session (joined it and has not left)."""
        return self.class_session_id is not None and self.left_at is None

    @classmethod
    def from_row(cls, row: LearnerRow) -> Learner:
        return cls(
            id=row.id,
            code=row.code,
            pseudonym=row.pseudonym,
            class_session_id=row.class_session_id,
            lang=row.lang,
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            left_at=row.left_at,
        )


@dataclass(frozen=True, slots=True)
class ClassSession:
    """A teacher-run session pupils join with ``join_code``; ``lesson_ids`` in teaching order."""

    id: int
    name: str
    join_code: str
    lesson_ids: list[str]
    status: str
    created_at: datetime
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @classmethod
    def from_row(cls, row: ClassSessionRow) -> ClassSession:
        return cls(
            id=row.id,
            name=row.name,
            join_code=row.join_code,
            lesson_ids=list(row.lesson_ids or []),
            status=row.status,
            created_at=row.created_at,
            closed_at=row.closed_at,
        )


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a learner is in a lesson. ``finished_at`` is set once and never cleared."""

    learner_id: int
    lesson_id: str
    current_index: int
    content_hash: str | None
    started_at: datetime | None
    updated_at: datetime | None
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @classmethod
    def from_row(cls, row: ProgressRow) -> Progress:
        return cls(
            learner_id=row.learner_id,
            lesson_id=row.lesson_id,
            current_index=row.current_index,
            content_hash=row.content_hash,
            started_at=row.started_at,
            updated_at=row.updated_at,
            finished_at=row.finished_at,
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """One scored attempt. ``earned`` is the automatic score; a teacher's override sits beside it."""

    id: int
    learner_id: int
    lesson_id: str
    question_id: str
    attempt: int
    raw: Any
    earned: float
    possible: float
    status: str
    result: Any
    content_hash: str
    needs_review: bool
    override_earned: float | None
    override_comment: str | None
    override_at: datetime | None
    created_at: datetime
    self_earned: float | None = None
    self_at: datetime | None = None

    @property
    def pending(self) -> bool:
        """Held for the teacher's review (no automatic points) and not graded yet."""
        return bool((self.result or {}).get("pending")) and self.override_earned is None

    @property
    def final_earned(self) -> float:
        """The score that counts: the teacher's override when there is one, else the automatic one."""
        return self.override_earned if self.override_earned is not None else self.earned

    @property
    def overridden(self) -> bool:
        return self.override_earned is not None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Answer:
        """From a Core result row mapping (e.g. ``INSERT ... RETURNING``)."""
        data = dict(values)
        # SQLite's RETURNING reports the value as bound (0), before REAL affinity makes it 0.0.
        data["earned"], data["possible"] = float(data["earned"]), float(data["possible"])
        for name in ("override_earned", "self_earned"):
            if data.get(name) is not None:
                data[name] = float(data[name])
        data["needs_review"] = bool(data["needs_review"])
        return cls(**data)

    @classmethod
    def from_row(cls, row: AnswerRow) -> Answer:
        return cls(
            id=row.id,
            learner_id=row.learner_id,
            lesson_id=row.lesson_id,
            question_id=row.question_id,
            attempt=row.attempt,
            raw=row.raw,
            earned=row.earned,
            possible=row.possible,
            status=row.status,
            result=row.result,
            content_hash=row.content_hash,
            needs_review=bool(row.needs_review),
            override_earned=row.override_earned,
            override_comment=row.override_comment,
            override_at=row.override_at,
            created_at=row.created_at,
            self_earned=row.self_earned,
            self_at=row.self_at,
        )
