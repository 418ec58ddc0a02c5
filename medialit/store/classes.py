"""Class sessions: a teacher's group, joined with a short code, closable, deletable with its data."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from medialit.limits import CLASS_NAME_MAX

from .codes import JOIN_CODE_LENGTH, new_code, normalize_code, visible_text
from .coltypes import utcnow
from .core import StoreCore, rowcount
from .errors import UnknownClassSession
from .models import SESSION_STATUSES, AnswerRow, ClassSessionRow, HintRow, LearnerRow, ProgressRow
from .records import ClassSession, Learner

# Bulk deletes on a fresh session: nothing is loaded, so skip ORM session synchronisation.
_NO_SYNC = {"synchronize_session": False}


class ClassSessionMixin(StoreCore):
    """Creation, lookup, closing and deletion of class sessions."""

    def create_class_session(self, name: str, lesson_ids: Sequence[str]) -> ClassSession:
        """Create an open session with a fresh unique join code.

        The name is kept as :func:`~medialit.store.codes.visible_text` (invisible characters dropped,
        white space collapsed). ValueError on a blank name or one longer than ``CLASS_NAME_MAX``.
        """
        if len(name) > CLASS_NAME_MAX * 8:  # refused unread
            raise ValueError(f"a class session name has at most {CLASS_NAME_MAX} characters")
        clean_name = visible_text(name)
        if not clean_name:
            raise ValueError("a class session needs a name")
        if len(clean_name) > CLASS_NAME_MAX:
            raise ValueError(f"a class session name has at most {CLASS_NAME_MAX} characters")
        if isinstance(lesson_ids, str) or not all(isinstance(x, str) for x in lesson_ids):
            raise ValueError("lesson_ids must be a sequence of lesson id strings")
        lessons = list(lesson_ids)

        def work(session: Session) -> ClassSession:
            row = ClassSessionRow(
                name=clean_name,
                join_code=_unused_join_code(session),
                lesson_ids=lessons,
                status="open",
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return ClassSession.from_row(row)

        # A retry only happens if two creators drew the same fresh code at the same instant.
        return self._write(work, integrity_retries=5)

    def class_session(self, class_session_id: int) -> ClassSession | None:
        """The session with that id, or None."""
        with self._read() as session:
            row = session.get(ClassSessionRow, class_session_id)
            return ClassSession.from_row(row) if row else None

    def class_session_by_code(self, code: str) -> ClassSession | None:
        """The session whose join code matches ``code`` (case, spaces, dashes ignored), or None.

        Closed sessions are returned too: the caller decides what to tell the pupil.
        """
        wanted = normalize_code(code)
        if not wanted:
            return None
        with self._read() as session:
            stmt = select(ClassSessionRow).where(ClassSessionRow.join_code == wanted)
            row = session.scalars(stmt).first()
            return ClassSession.from_row(row) if row else None

    def class_sessions(self) -> list[ClassSession]:
        """Every class session, newest first."""
        with self._read() as session:
            stmt = select(ClassSessionRow).order_by(ClassSessionRow.created_at.desc(), ClassSessionRow.id.desc())
            return [ClassSession.from_row(row) for row in session.scalars(stmt)]

    def set_class_session_status(self, class_session_id: int, status: str) -> ClassSession:
        """Open or close a session; ``closed_at`` is set on closing, cleared on reopening.

        Raises ValueError for another status, UnknownClassSession for a missing session.
        """
        if status not in SESSION_STATUSES:
            raise ValueError(f"status must be one of {SESSION_STATUSES}, not {status!r}")

        def work(session: Session) -> ClassSession:
            row = session.get(ClassSessionRow, class_session_id, with_for_update=True)
            if row is None:
                raise UnknownClassSession(f"no class session {class_session_id}")
            if row.status != status:
                row.status = status
                row.closed_at = utcnow() if status == "closed" else None
            session.flush()
            return ClassSession.from_row(row)

        return self._write(work)

    def delete_class_session(self, class_session_id: int) -> bool:
        """Delete the session, its learners and all their answers, progress and hints.

        Returns False when there was no such session. The child rows are deleted explicitly
        (not only through ON DELETE CASCADE) so it also holds on a SQLite connection opened
        without ``PRAGMA foreign_keys``.
        """

        def work(session: Session) -> bool:
            members = select(LearnerRow.id).where(LearnerRow.class_session_id == class_session_id)
            for table in (AnswerRow, ProgressRow, HintRow):
                stmt = delete(table).where(table.learner_id.in_(members))
                session.execute(stmt, execution_options=_NO_SYNC)
            session.execute(
                delete(LearnerRow).where(LearnerRow.class_session_id == class_session_id),
                execution_options=_NO_SYNC,
            )
            gone = session.execute(
                delete(ClassSessionRow).where(ClassSessionRow.id == class_session_id),
                execution_options=_NO_SYNC,
            )
            return bool(rowcount(gone))

        return self._write(work)

    def session_learners(self, class_session_id: int) -> list[Learner]:
        """The learners of a session, in joining order."""
        with self._read() as session:
            stmt = (
                select(LearnerRow)
                .where(LearnerRow.class_session_id == class_session_id)
                .order_by(LearnerRow.created_at, LearnerRow.id)
            )
            return [Learner.from_row(row) for row in session.scalars(stmt)]


def _unused_join_code(session: Session) -> str:
    while True:
        code = new_code(JOIN_CODE_LENGTH)
        stmt = select(ClassSessionRow.id).where(ClassSessionRow.join_code == code)
        if session.scalars(stmt).first() is None:
            return code
