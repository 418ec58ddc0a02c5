"""Schema migrations: run Alembic programmatically, safely from several processes at once.

The scripts live in ``medialit/store/migrations`` (no ``alembic.ini`` needed). :func:`upgrade`
runs every pending migration inside ONE transaction that first takes a database-wide lock, so
when two app processes (or replicas) start together, one migrates and the other waits, then
finds the schema at head and does nothing:

* PostgreSQL: ``pg_advisory_xact_lock`` (released automatically at commit/rollback);
  PostgreSQL DDL is transactional, so a failed migration leaves nothing half-done.
* SQLite: ``BEGIN IMMEDIATE`` (the write lock; others wait up to ``busy_timeout``); DDL is
  transactional there too because we emit BEGIN ourselves (see :mod:`.engine`). A retry on
  "locked"/"already exists" covers the remaining corner cases (e.g. a lock wait > timeout).

Changing the schema: edit ``models.py``, then generate the next script against a scratch
database at the current head and review it::

    from alembic import command
    from medialit.store.migrate import alembic_config
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", "sqlite:////tmp/scratch.db")
    command.upgrade(cfg, "head")
    command.revision(cfg, "what changed", autogenerate=True, rev_id="0002")

``tests/store/test_store_schema.py`` fails until models and migrations agree again.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, ProgrammingError

from .engine import BEGIN_OPTION
from .models import Base

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Arbitrary constant bigint key ("mdlt" in ASCII) for the migration advisory lock. Row-level
# locks elsewhere use the two-int form of pg_advisory_xact_lock, a separate key space.
PG_MIGRATION_LOCK_KEY = 0x6D646C74
_RETRIES = 5


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged scripts; ``connection`` is used by env.py."""
    cfg = Config()
    # ConfigParser interpolation: a literal "%" in the install path must be doubled.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    """The newest revision id among the packaged migration scripts."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the head revision. Idempotent; safe under concurrent callers."""
    for attempt in range(_RETRIES):
        try:
            _upgrade_once(engine)
            return
        except (OperationalError, ProgrammingError) as exc:
            message = str(exc.orig).lower()
            retriable = "locked" in message or "already exists" in message or "busy" in message
            if not retriable or attempt == _RETRIES - 1:
                raise
            time.sleep(0.2 + random.random() * 0.5)


def _upgrade_once(engine: Engine) -> None:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK_KEY})
            # Already in a transaction: Alembic joins it instead of managing its own.
            command.upgrade(alembic_config(conn), "head")


def schema_diff(engine: Engine) -> list[Any]:
    """Differences between the ORM models and the live schema (empty list = no drift)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))
