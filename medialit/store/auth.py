"""Failed teacher logins, to slow down password guessing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .coltypes import utcnow
from .core import StoreCore
from .models import LoginFailureRow

# Failures older than this are pruned: no sensible throttling window is longer.
RETENTION = timedelta(days=1)


class LoginThrottleMixin(StoreCore):
    """Counts of recent failed logins per client (``who``: an IP, a session id, "teacher"...)."""

    def record_login_failure(self, who: str) -> None:
        """Record one failed login for ``who`` now (and prune failures older than a day)."""

        def work(session: Session) -> None:
            now = utcnow()
            session.execute(
                delete(LoginFailureRow).where(LoginFailureRow.at < now - RETENTION),
                execution_options={"synchronize_session": False},
            )
            session.add(LoginFailureRow(who=who[:200], at=now))

        self._write(work)

    def recent_login_failures(self, who: str, within_seconds: float) -> int:
        """How many failures ``who`` had in the last ``within_seconds`` seconds."""
        since = utcnow() - timedelta(seconds=within_seconds)
        stmt = select(func.count()).where(LoginFailureRow.who == who[:200], LoginFailureRow.at >= since)
        with self._read() as session:
            return int(session.scalar(stmt) or 0)

    def clear_login_failures(self, who: str) -> None:
        """Forget ``who``'s failures (call after a successful login)."""

        def work(session: Session) -> None:
            session.execute(
                delete(LoginFailureRow).where(LoginFailureRow.who == who[:200]),
                execution_options={"synchronize_session": False},
            )

        self._write(work)
