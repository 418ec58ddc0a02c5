"""The classroom tests' kit (one lesson, one discernment drill) and a helper that answers like the student app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medialit.format.loader import LoadedLesson
from medialit.store import Answer, Store

KIT = Path(__file__).resolve().parent / "kit"
LESSON, DRILL = "class-lesson", "reliability-drill"


def answer(store: Store, loaded: LoadedLesson, learner_id: int, question_id: str, raw: dict[str, Any],
           lang: str = "fr") -> Answer:
    """Score ``raw`` like the student app does and record it."""
    question = loaded.lesson.question(question_id)
    score = question.score(raw, loaded.context(question, lang))
    return store.record_answer(learner_id, loaded.lesson.id, question_id, raw=raw, earned=score.earned,
                               possible=score.possible, status="complete" if score.complete else "incomplete",
                               result=score.to_dict(), content_hash=loaded.content_hash,
                               needs_review=score.needs_review)
