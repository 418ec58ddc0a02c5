"""Classroom fixtures: the test kit (one lesson, one discernment drill), an empty store, answering helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from medialit.catalog import Catalog, catalog
from medialit.loader import LoadedLesson
from medialit.store import Answer, Store, clear_store_cache, get_store

HERE = Path(__file__).resolve().parent
KIT = HERE / "kit"
LESSON, DRILL = "class-lesson", "reliability-drill"
sys.path.insert(0, str(HERE))  # the frames helper module


@pytest.fixture
def kit(monkeypatch: pytest.MonkeyPatch) -> Catalog:
    """The test kit as the kit of this process (``MEDIALIT_HOME``)."""
    monkeypatch.setenv("MEDIALIT_HOME", str(KIT))
    return catalog(KIT)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kit: Catalog) -> Iterator[Store]:
    """An empty SQLite store in a temporary ``MEDIALIT_DATA_DIR`` (what the app's ``get_store()`` returns)."""
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    clear_store_cache()
    yield get_store()
    clear_store_cache()


def answer(store: Store, loaded: LoadedLesson, learner_id: int, question_id: str, raw: dict[str, Any],
           lang: str = "fr") -> Answer:
    """Score ``raw`` like the student app does and record it."""
    question = loaded.lesson.question(question_id)
    score = question.score(raw, loaded.context(question, lang))
    return store.record_answer(learner_id, loaded.lesson.id, question_id, raw=raw, earned=score.earned,
                               possible=score.possible, status="complete" if score.complete else "incomplete",
                               result=score.to_dict(), content_hash=loaded.content_hash,
                               needs_review=score.needs_review)
