"""Answer keys never reach the browser before the student submits that question."""

from __future__ import annotations

from pathlib import Path

import pytest
from driver import FIXTURE_LESSON, answer, document_layers, errors, goto, new_app, shipped_files, texts

from medialit.format.library import library
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.format.text import Text
from medialit.questions import QuestionBase

MIN_SECRET = 20  # shorter strings may legitimately occur elsewhere on the page


def _strings(value: object) -> list[str]:
    if isinstance(value, Text):
        return value.all_strings()
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def secrets(q: QuestionBase) -> list[str]:
    """What only a submitted answer may show: feedback, explanations, model answers, rubrics, hints."""
    found = _strings(q.explanation) + _strings(q.hints)
    for option in getattr(q, "options", []):
        found += _strings(option.feedback) + _strings(option.misconception)
    for part in getattr(q, "passages", []) + getattr(q, "excerpts", []):
        found += _strings(part.explanation)
    for concept in getattr(q, "rubric", []):
        found += _strings(concept.label) + _strings(concept.feedback_found) + _strings(concept.feedback_missing)
    found += _strings(getattr(q, "model_answer", None))
    return found


def public(loaded: LoadedLesson) -> str:
    """Text the page shows anyway (a secret repeating it reveals nothing)."""
    views = [loaded.text, *_strings(loaded.lesson.introduction), *_strings(loaded.lesson.title)]
    for q in loaded.lesson.questions:
        for lang in ("fr", "en"):
            views.append(repr(q.answer_key_free(loaded.context(q, lang))))
    return "\n".join(views)


def check_no_keys_before_submission(loaded: LoadedLesson, lang: str) -> None:
    shown = public(loaded)
    at = new_app(lesson=loaded.lesson.id, lang=lang)
    for index, q in enumerate(loaded.lesson.questions):
        at = goto(at, loaded, index)
        assert not errors(at)
        page = texts(at)
        leaked = [s for s in secrets(q) if len(s) >= MIN_SECRET and s not in shown and s in page]
        assert not leaked, f"{q.id}: shown before submission: {leaked}"
        assert "expected" not in document_layers(at), f"{q.id}: the expected passages were sent"


def test_the_fixture_lesson_sends_no_answer_key_before_each_submission(lesson: LoadedLesson) -> None:
    check_no_keys_before_submission(lesson, "fr")
    check_no_keys_before_submission(lesson, "en")


def test_the_check_would_see_a_key_once_it_is_shown(lesson: LoadedLesson) -> None:
    at = new_app(lesson=FIXTURE_LESSON)
    q = lesson.lesson.question("who-speaks")
    at = goto(at, lesson, 1)
    assert "FB-TASS" not in texts(at) and "EXPL-WHO" not in texts(at)
    at = answer(at, lesson, q, {"selected": ["tass"]})
    assert "FB-TASS" in texts(at) and "EXPL-WHO" in texts(at)


def test_the_expected_passages_are_drawn_only_after_a_right_or_final_answer(lesson: LoadedLesson) -> None:
    at = new_app(lesson=FIXTURE_LESSON)
    q = lesson.lesson.question("loaded-words")
    at = goto(at, lesson, 2)
    gold = q.ideal_answer(lesson.context(q, "fr"))["spans"]
    at = answer(at, lesson, q, {"spans": gold[:1]})  # partial: a retry is still possible
    assert document_layers(at) == ["student", "lookhere"]  # the paragraph to reread, not the passage
    assert "EXPL-PELEMELE" not in texts(at)  # the missed passage's explanation waits
    assert "pêle-mêle" not in " ".join(m.value for m in at.markdown)  # and so does its text
    at = at.button(key=f"retry-{FIXTURE_LESSON}-{q.id}").click().run()
    at = answer(at, lesson, q, {"spans": gold[:1]}, attempt=2)  # no try left: everything is shown
    assert document_layers(at) == ["student", "expected"] and "EXPL-PELEMELE" in texts(at)


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_shipped_lesson_sends_an_answer_key_before_submission(path: Path, shipped_kit: Path) -> None:
    result = load_lesson(path, shipped_kit)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    loaded = library(shipped_kit).by_id(result.loaded.lesson.id)
    check_no_keys_before_submission(loaded, loaded.lesson.language)
