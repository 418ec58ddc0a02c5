"""Fixtures for the question-type tests: a kit with the frozen seed, and the ``ordering`` test type."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.questions import registry
from tests.questions import ordering

FROZEN_SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "format_v1" / "seeds"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    root = tmp_path / "kit"
    shutil.copytree(FROZEN_SEEDS, root / "seeds")
    (root / "lessons").mkdir()
    return root


@pytest.fixture
def with_ordering() -> Iterator[registry.QuestionKind]:
    """The ``ordering`` type registered, as its one registry line would (removed afterwards)."""
    registry.register(ordering.KIND)
    yield ordering.KIND
    registry.unregister(ordering.KIND.name)
