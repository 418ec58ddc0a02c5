"""Shared fixtures: the frozen format-1 kit, and loading helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.format.loader import LoadedLesson, load_lesson

ROOT = Path(__file__).resolve().parent.parent
FROZEN_KIT = ROOT / "tests" / "fixtures" / "format_v1"


@pytest.fixture(scope="session")
def frozen() -> LoadedLesson:
    """The frozen format-1 lesson, loaded (it must always load without errors)."""
    result = load_lesson(FROZEN_KIT / "lessons" / "frozen-v1.yaml", FROZEN_KIT)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


def score(loaded: LoadedLesson, question_id: str, answer: dict, lang: str = "fr"):
    """Score ``answer`` to one question of ``loaded`` (a test helper)."""
    question = loaded.lesson.question(question_id)
    return question.score(answer, loaded.context(question, lang))
