"""Schema management: migrations match the models, run idempotently; connection settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect

from medialit.store import Store, clear_store_cache, get_store
from medialit.store.migrate import current_revision, head_revision, schema_diff
from medialit.store.models import Base


def test_models_and_migrations_do_not_drift(store: Store) -> None:
    # Fails when a model changes without a matching file in medialit/store/migrations/versions.
    assert schema_diff(store.engine) == []
    assert current_revision(store.engine) == head_revision() == "0005"


def test_the_drift_check_really_detects_drift(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Guard the guard: a model the migrations do not know about must show up as a diff.
    drifted = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(drifted)
    Table("extra", drifted, Column("id", Integer, primary_key=True))
    drifted.tables["learners"].append_column(Column("nickname", String(20)))
    monkeypatch.setattr(Base, "metadata", drifted)
    kinds = {diff[0] for diff in schema_diff(store.engine)}
    assert {"add_table", "add_column"} <= kinds


def test_opening_again_is_a_no_op(open_store: Callable[[], Store]) -> None:
    first = open_store()
    learner = first.create_learner()
    second = open_store()  # upgrade head on an up-to-date database
    assert second.learner(learner.id) == learner
    assert current_revision(second.engine) == head_revision()
    assert set(inspect(second.engine).get_table_names()) >= {
        "alembic_version", "learners", "class_sessions", "progress", "answers", "hints", "throttles",
        "teacher_logins",
    }  # fmt: skip


def test_sqlite_connections_use_wal_and_safe_pragmas(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with store.engine.connect() as conn:
            pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in
                      ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")}  # fmt: skip
        assert pragma == {"journal_mode": "wal", "busy_timeout": 10000, "foreign_keys": 1, "synchronous": 1}
        assert (tmp_path / "wal.db-wal").exists()
    finally:
        store.close()


def test_timestamps_are_aware_utc(store: Store) -> None:
    learner = store.create_learner()
    session = store.create_class_session("x", [])
    progress = store.set_progress(learner.id, "l1", 0)
    for moment in (learner.created_at, session.created_at, progress.started_at):
        assert moment is not None and moment.tzinfo is not None and moment.utcoffset() == UTC.utcoffset(None)


def test_default_url_comes_from_env_then_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    default = Store()
    try:
        assert default.url == f"sqlite:///{tmp_path / 'data' / 'medialit.db'}"
        assert (tmp_path / "data" / "medialit.db").exists()
    finally:
        default.close()

    monkeypatch.setenv("MEDIALIT_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    from_env = Store()
    try:
        assert from_env.url.endswith("env.db") and from_env.ping()
    finally:
        from_env.close()


def test_get_store_caches_one_store_per_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIALIT_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    try:
        first = get_store()
        assert get_store() is first
        assert get_store(f"sqlite:///{tmp_path / 'a.db'}") is first
        other = get_store(f"sqlite:///{tmp_path / 'b.db'}")
        assert other is not first and other.ping()
    finally:
        clear_store_cache()
    assert get_store() is not first
    clear_store_cache()


def test_ping_reports_an_unreachable_database() -> None:
    store = Store.__new__(Store)  # bypass the migration that would fail on connect
    from medialit.store.engine import make_engine

    store._engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    assert store.ping() is False
