"""ORM models: the single source of truth the migrations must match.

``tests/store/test_store_schema.py`` compares this metadata with the schema the Alembic
migrations build and fails on any drift, so a change here needs a new file in
``migrations/versions``. These classes never leave :mod:`medialit.store`; the API returns the
frozen dataclasses from :mod:`medialit.store.records` instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .codes import PSEUDONYM_MAX
from .coltypes import UTCDateTime, utcnow

# Deterministic constraint names: migrations can refer to them, and both backends agree.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LANGS = ("fr", "en")
SESSION_STATUSES = ("open", "closed")
ANSWER_STATUSES = ("complete", "incomplete")


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ClassSessionRow(Base):
    __tablename__ = "class_sessions"
    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    lesson_ids: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LearnerRow(Base):
    __tablename__ = "learners"
    __table_args__ = (
        # NULL class_session_id (self-study learners) never collides: NULLs are distinct.
        UniqueConstraint("class_session_id", "pseudonym_key"),
        CheckConstraint("lang IN ('fr', 'en')", name="lang"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    pseudonym: Mapped[str | None] = mapped_column(String(PSEUDONYM_MAX))
    # casefold() may lengthen a string (ß -> ss), hence the wider column.
    pseudonym_key: Mapped[str | None] = mapped_column(String(PSEUDONYM_MAX * 3))
    class_session_id: Mapped[int | None] = mapped_column(ForeignKey("class_sessions.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8), default="fr")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when the learner left their class session (they stay listed, with their answers, but answer no more).
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ProgressRow(Base):
    __tablename__ = "progress"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)
    lesson_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    current_index: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str | None] = mapped_column(String(128))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (
        # The guarantee against duplicate attempts, whatever the concurrency.
        UniqueConstraint("learner_id", "lesson_id", "question_id", "attempt"),
        CheckConstraint("status IN ('complete', 'incomplete')", name="status"),
        CheckConstraint("attempt >= 1", name="attempt"),
        # The live dashboard's "did a grade change?" reads this index only (see store/class_feed.py).
        Index("ix_answers_override_at", "override_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    lesson_id: Mapped[str] = mapped_column(String(128))
    question_id: Mapped[str] = mapped_column(String(128))
    attempt: Mapped[int] = mapped_column(Integer)
    raw: Mapped[Any] = mapped_column(JSON)
    earned: Mapped[float] = mapped_column(Float)
    possible: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[Any] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(128))
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    override_earned: Mapped[float | None] = mapped_column(Float)
    override_comment: Mapped[str | None] = mapped_column(Text)
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    self_earned: Mapped[float | None] = mapped_column(Float)
    self_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class HintRow(Base):
    __tablename__ = "hints"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)
    lesson_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class ThrottleRow(Base):
    """Guessing throttle state of one scope: a client (``teacher:203.0.113.5``) or everyone (``teacher:*``).

    ``failures`` counts attempts since the streak began (an attempt counts before it is checked and is
    given back when it succeeds); ``locked_until`` refuses attempts until then. See ``auth.py``.
    """

    __tablename__ = "throttles"

    scope: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TeacherLoginRow(Base):
    """One remembered teacher login (the browser holds a signed cookie naming ``id``); logout revokes it."""

    __tablename__ = "teacher_logins"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
