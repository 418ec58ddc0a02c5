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
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

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


def shown_url(url: str) -> str:
    """``url`` with its password hidden, for messages (a URL that does not parse is not shown at all)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(a text that is not a database URL)"


def connection_problem(exc: BaseException, url: str) -> str:
    """One line for a person: why the database at ``url`` could not be opened (no traceback, no password)."""
    where = shown_url(url)
    if isinstance(exc, NoSuchModuleError):
        driver = make_url(url).drivername
        return f"{where}: unknown database kind '{driver}' (use postgresql+psycopg://... or sqlite:///...)"
    if isinstance(exc, ArgumentError):
        return (f"{where}: expected a database URL such as postgresql+psycopg://user:password@host/database "
                "(see docs/deploy.md)")
    if isinstance(exc, ImportError):
        if make_url(url).get_backend_name() == "postgresql":
            return (f"{where}: the PostgreSQL driver is not installed ({exc.name or exc}): "
                    ".venv/bin/pip install -e \".[postgres]\"")
        return f"{where}: no driver for this kind of database ({exc.name or exc}); use postgresql+psycopg or sqlite"
    reason = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(reason).splitlines() if line.strip()]
    return f"{where}: {lines[0] if lines else type(exc).__name__}"
