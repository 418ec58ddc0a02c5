"""Fixtures for the store tests: every ``store`` test runs on SQLite and, when configured, PostgreSQL.

PostgreSQL runs need ``MEDIALIT_TEST_PG_URL`` (a database the tests may wipe), e.g.
``postgresql+psycopg://postgres@127.0.0.1:5433/medialit_test``. Each PostgreSQL test starts
from an empty schema: every table (including ``alembic_version``) is dropped first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine

from medialit.store import Answer, Store, clear_store_cache

PG_ENV = "MEDIALIT_TEST_PG_URL"
PG_SKIP = (
    f"PostgreSQL store tests skipped: set {PG_ENV} to a disposable database to run them, e.g. "
    f"{PG_ENV}=postgresql+psycopg://postgres@127.0.0.1:5433/medialit_test"
)

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def wipe_postgres(url: str) -> None:
    """Drop every table in the database's default schema (the app's and alembic_version)."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            metadata = MetaData()
            metadata.reflect(conn)
            metadata.drop_all(conn)
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A URL to an empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'medialit.db'}"
        return
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        pytest.skip(PG_SKIP)
    wipe_postgres(url)
    yield url


@pytest.fixture
def open_store(db_url: str) -> Iterator[Callable[[], Store]]:
    """A factory of Stores on ``db_url`` (a new one simulates a server restart); all closed after."""
    opened: list[Store] = []

    def factory() -> Store:
        opened.append(Store(db_url))
        return opened[-1]

    yield factory
    for store in opened:
        store.close()
    clear_store_cache()


@pytest.fixture
def store(open_store: Callable[[], Store]) -> Store:
    """A migrated, empty Store."""
    return open_store()


@pytest.fixture
def answer(store: Store) -> Callable[..., Answer]:
    """``answer(learner_id, lesson="l1", question="q1", earned=1.0, possible=2.0, **kw)``."""

    def record(learner_id: int, lesson: str = "l1", question: str = "q1", *, earned: float = 1.0, **kw: Any) -> Answer:
        fields: dict[str, Any] = {
            "raw": {"choice": "b"},
            "possible": 2.0,
            "status": "complete",
            "result": {"explanation": "ok"},
            "content_hash": "hash-v1",
        }
        fields.update(kw)
        return store.record_answer(learner_id, lesson, question, earned=earned, **fields)

    return record
