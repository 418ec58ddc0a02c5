"""Classroom fixtures: the test kit as the process's kit, and an empty store in a temporary data folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # classkit, classframes

from classkit import KIT  # noqa: E402 - needs the path above

from medialit.format.library import Library, library  # noqa: E402
from medialit.store import Store, clear_store_cache, get_store  # noqa: E402


@pytest.fixture
def kit(monkeypatch: pytest.MonkeyPatch) -> Library:
    """The test kit as the kit of this process (``MEDIALIT_HOME``)."""
    monkeypatch.setenv("MEDIALIT_HOME", str(KIT))
    return library(KIT)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kit: Library) -> Iterator[Store]:
    """An empty SQLite store in a temporary ``MEDIALIT_DATA_DIR`` (what the app's ``get_store()`` returns)."""
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    clear_store_cache()
    yield get_store()
    clear_store_cache()
