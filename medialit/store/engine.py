"""Database URL resolution and engine construction.

SQLite gets, on every new DBAPI connection: WAL (readers never block the writer),
``busy_timeout`` (wait for a lock instead of failing at once), foreign keys (needed for
``ON DELETE CASCADE``) and ``synchronous=NORMAL`` (safe with WAL, far fewer fsyncs).

SQLite transactions: Python's sqlite3 driver (3.11) only emits BEGIN before DML, so a
"SELECT max(attempt) ... then INSERT" pair would not be one transaction. We disable the
driver's transaction handling and emit BEGIN ourselves (the recipe from SQLAlchemy's SQLite
docs); connections carrying the execution option ``medialit_begin="IMMEDIATE"`` start with
``BEGIN IMMEDIATE``, which takes the write lock up front so concurrent writers queue (up to
``busy_timeout``) instead of failing with a stale snapshot.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import Connection

from medialit.paths import data_dir

ENV_URL = "MEDIALIT_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "medialit_begin"

_SQLITE_PRAGMAS = (
    # busy_timeout first: switching to WAL needs a lock another process may hold.
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)


def resolve_url(url: str | None = None) -> str:
    """``url``, else ``$MEDIALIT_DATABASE_URL``, else SQLite in :func:`medialit.paths.data_dir`."""
    if url:
        return url
    env = os.environ.get(ENV_URL, "").strip()
    if env:
        return env
    return f"sqlite:///{data_dir() / 'medialit.db'}"


def is_sqlite(url: str) -> bool:
    """True when ``url`` names a SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the medialit connection settings (see module docstring)."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    kwargs: dict[str, Any] = {}
    if backend == "postgresql":
        # pre_ping: survive a database restart without a failed page for the first user.
        kwargs.update(pool_size=5, max_overflow=10, pool_pre_ping=True, pool_recycle=1800)
    return create_engine(url, **kwargs)


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_size=5, max_overflow=10, pool_timeout=60)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")

    return engine
