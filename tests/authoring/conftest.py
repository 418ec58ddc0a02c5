"""Fixtures for the authoring tests: a small kit with one lesson of every question type, and the shipped lessons."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from medialit.export.markup import md
from medialit.format.library import lesson_files
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.paths import kit_root

HERE = Path(__file__).resolve().parent
KIT = HERE / "kit"
ROOT = kit_root()
SHIPPED = lesson_files([ROOT / "lessons"]) + lesson_files([ROOT / "exercises"])
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def shipped_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def load_shipped(path: Path) -> LoadedLesson:
    result = load_lesson(path, ROOT)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


def plain(markup: str) -> str:
    """HTML (or lesson Markdown once rendered) as plain text, white space collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return " ".join(text.split())


def plain_md(text: str) -> str:
    return plain(md(text))


@pytest.fixture(scope="session")
def kit_lesson() -> LoadedLesson:
    """The fixture lesson with every question type (and GIFT's special characters everywhere)."""
    result = load_lesson(KIT / "lessons" / "all-types.yaml", KIT)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


@pytest.fixture
def empty_kit(tmp_path: Path) -> Path:
    """A kit folder with empty seeds/, lessons/ and exercises/ (and the schema, for editors)."""
    root = tmp_path / "kit"
    for folder in ("seeds", "lessons", "exercises"):
        (root / folder).mkdir(parents=True)
    shutil.copy(ROOT / "lesson.schema.json", root / "lesson.schema.json")
    return root
