"""The Store's plumbing: engine, migrations on start, read sessions and retried write transactions.

Concurrency model
-----------------
* Reads use an ordinary session (a deferred/read-committed transaction).
* Writes go through :meth:`StoreCore._write`, which runs a function in one transaction and
  commits before returning. On SQLite the transaction starts with ``BEGIN IMMEDIATE`` and,
  inside one process, writers also queue on a per-database ``threading.Lock`` (a fast
  hand-off, instead of 50 threads polling SQLite's busy handler); other processes wait on
  SQLite's own lock (``busy_timeout``). On PostgreSQL writers run in parallel; functions that
  compute "next number" values take a transaction-scoped advisory lock, and a unique violation
  from a race is retried.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from sqlalchemy import CursorResult, Engine, Result, make_url, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .engine import BEGIN_OPTION, make_engine, resolve_url
from .migrate import upgrade

T = TypeVar("T")
log = logging.getLogger(__name__)

_LOCK_RETRIES = 3
_SQLITE_LOCKS: dict[str, threading.Lock] = {}
_SQLITE_LOCKS_GUARD = threading.Lock()


def _sqlite_write_lock(url: str) -> threading.Lock:
    """One lock per database URL, shared by every Store on that file in this process."""
    with _SQLITE_LOCKS_GUARD:
        return _SQLITE_LOCKS.setdefault(url, threading.Lock())


def rowcount(result: Result[Any]) -> int:
    """The number of rows an UPDATE or DELETE run through ``Session.execute`` matched.

    ``Session.execute`` is typed as returning a plain ``Result``, which has no ``rowcount``; for
    UPDATE and DELETE statements SQLAlchemy returns a ``CursorResult`` at run time, which has.
    Raises TypeError for any other result (a SELECT), where a row count would mean nothing.
    """
    if not isinstance(result, CursorResult):
        raise TypeError(f"no row count on a {type(result).__name__}; expected an UPDATE or DELETE result")
    return result.rowcount


def _is_lock_error(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return "database is locked" in message or "database is busy" in message


class StoreCore:
    """Connection handling shared by the API mixins. Use :class:`medialit.store.Store`."""

    def __init__(self, url: str | None = None) -> None:
        """Open (creating if needed) the database at ``url`` and migrate it to the newest schema.

        ``url`` defaults to ``$MEDIALIT_DATABASE_URL``, else SQLite under ``data_dir()``.
        """
        self.url: str = resolve_url(url)
        self._engine: Engine = make_engine(self.url)
        self.dialect: str = self._engine.dialect.name
        self._write_lock: contextlib.AbstractContextManager[Any]
        self._write_engine: Engine
        if self.dialect == "sqlite":
            self._write_engine = self._engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
            self._write_lock = _sqlite_write_lock(self.url)
        else:
            self._write_engine = self._engine
            self._write_lock = contextlib.nullcontext()
        self._read_sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        upgrade(self._engine)

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for diagnostics and tests; prefer the API methods)."""
        return self._engine

    def close(self) -> None:
        """Close pooled connections. The Store stays usable; connections reopen on demand."""
        self._engine.dispose()

    def ping(self) -> bool:
        """True when the database answers a trivial query (health checks); never raises."""
        try:
            with self._engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            log.exception("medialit store ping failed")
            return False

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        """A session for reads; its transaction ends (rolled back) on exit."""
        with self._read_sessions() as session:
            yield session

    def _write(self, work: Callable[[Session], T], *, integrity_retries: int = 0) -> T:
        """Run ``work(session)`` in one write transaction and commit before returning.

        An IntegrityError (a race lost to a concurrent insert) is retried up to
        ``integrity_retries`` times with a fresh transaction; "database is locked" a few times.
        Exceptions raised by ``work`` itself roll the transaction back and propagate.
        """
        failures = 0
        while True:
            try:
                with self._write_lock, self._write_sessions() as session, session.begin():
                    result = work(session)
                return result
            except IntegrityError:
                if failures >= integrity_retries:
                    raise
            except OperationalError as exc:
                if not _is_lock_error(exc) or failures >= _LOCK_RETRIES:
                    raise
            failures += 1
            # Jitter so that retrying racers do not collide again in lock-step.
            time.sleep(random.random() * 0.005 * min(failures, 10))
