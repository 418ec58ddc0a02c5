"""Fixtures for the student app's AppTest flows.

Every test gets an empty database (``MEDIALIT_DATA_DIR`` in a temporary folder). Most tests run on
a controlled kit (``MEDIALIT_HOME``): a copy of ``tests/app/fixtures/kit`` with the repository's
seeds; ``shipped_kit`` points at the repository itself, for walking every shipped lesson.
AppTest is not thread-safe: keep these tests in one process (no threads).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.store import Store, clear_store_cache, get_store

sys.path.insert(0, str(Path(__file__).parent))  # the driver module

from driver import FIXTURE_LESSON, REPO  # noqa: E402 - importable once the folder is on the path

FIXTURE_KIT = Path(__file__).parent / "fixtures" / "kit"


def make_kit(target: Path) -> Path:
    """A kit folder: the fixture lessons and drills, with the repository's seeds and contrast texts."""
    shutil.copytree(FIXTURE_KIT, target)
    for folder in ("seeds", "contrast"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    return target


@pytest.fixture(scope="session")
def fixture_kit_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_kit(tmp_path_factory.mktemp("kit-template") / "kit")


@pytest.fixture
def kit(fixture_kit_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the fixture kit (tests may break or edit its files) and an empty database."""
    root = tmp_path / "kit"
    shutil.copytree(fixture_kit_template, root)
    monkeypatch.setenv("MEDIALIT_HOME", str(root))
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    yield root
    clear_store_cache()


@pytest.fixture
def shipped_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The repository's own lessons and drills, with an empty database."""
    monkeypatch.setenv("MEDIALIT_HOME", str(REPO))
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    yield REPO
    clear_store_cache()


@pytest.fixture
def lesson(kit: Path) -> LoadedLesson:
    """The fixture lesson (every question type), loaded from the private kit."""
    loaded = library(kit).by_id(FIXTURE_LESSON)
    assert loaded is not None, library(kit).result_for_id(FIXTURE_LESSON)
    return loaded


@pytest.fixture
def store(kit: Path) -> Store:
    return get_store()
