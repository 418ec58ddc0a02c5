"""Remembered teacher logins: one row per signed cookie handed to a teacher's browser, revoked at logout.

The cookie itself is signed and expires (:mod:`medialit.web.tokens`); the row is what lets a logout
end it on the server too, so a copy of the cookie is worth nothing afterwards.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from .coltypes import utcnow
from .core import StoreCore, rowcount
from .models import TeacherLoginRow

ID_MAX = 64


class TeacherLoginMixin(StoreCore):
    """Opening, checking and revoking remembered teacher logins."""

    def open_teacher_login(self, login_id: str, expires_at: datetime) -> None:
        """Record a login that is valid until ``expires_at``; forgets logins that expired (housekeeping)."""
        if not login_id or len(login_id) > ID_MAX:
            raise ValueError(f"a login id has 1 to {ID_MAX} characters")

        def work(session: Session) -> None:
            now = utcnow()
            session.execute(delete(TeacherLoginRow).where(TeacherLoginRow.expires_at < now),
                            execution_options={"synchronize_session": False})
            session.add(TeacherLoginRow(id=login_id, created_at=now, expires_at=expires_at))

        self._write(work)

    def teacher_login_valid(self, login_id: str) -> bool:
        """True when that login exists, has not expired and was not revoked."""
        if not login_id or len(login_id) > ID_MAX:
            return False
        with self._read() as session:
            row = session.get(TeacherLoginRow, login_id)
            return row is not None and row.revoked_at is None and row.expires_at > utcnow()

    def revoke_teacher_login(self, login_id: str) -> bool:
        """End that login (logout); False when there was no such open login."""

        def work(session: Session) -> int:
            stmt = (update(TeacherLoginRow)
                    .where(TeacherLoginRow.id == login_id, TeacherLoginRow.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))
            return rowcount(session.execute(stmt))

        return bool(self._write(work))
