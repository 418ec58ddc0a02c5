"""Every content file of the kit is a test case: it validates with --strict and reaches full marks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from medialit.format.library import lesson_files
from medialit.format.loader import load_lesson
from medialit.format.schema import SCHEMA_LINE
from medialit.paths import kit_root

ROOT = kit_root()
LESSONS = lesson_files([ROOT / "lessons"])
DRILLS = lesson_files([ROOT / "exercises"])
ALL = LESSONS + DRILLS


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_content_file_validates_strictly(path):
    result = load_lesson(path, ROOT)
    assert [str(p) for p in result.problems] == []


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_content_file_starts_with_the_schema_line(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", ALL, ids=_id)
def test_content_walked_with_ideal_answers_reaches_full_marks(path, lang):
    loaded = load_lesson(path, ROOT).loaded
    assert loaded is not None
    earned = possible = 0.0
    for question in loaded.lesson.questions:
        ctx = loaded.context(question, lang)
        result = question.score(question.ideal_answer(ctx), ctx)
        assert result.complete, (question.id, result.message)
        earned += result.earned
        possible += result.possible
    assert possible > 0
    assert earned == pytest.approx(possible)


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lesson_meets_the_kit_requirements(path):
    lesson = load_lesson(path, ROOT).loaded.lesson
    questions = lesson.questions
    assert len(questions) >= 10
    skills = Counter(q.skill for q in questions)
    assert all(skills[s] >= 2 for s in ("sourcing", "framing", "loaded_language")), skills
    assert {"highlight", "free_text", "choice", "rating", "label"} <= {q.type for q in questions}
    first, last = questions[0], questions[-1]
    assert first.type == "rating" and first.impression == "before" and not first.is_scored()
    assert last.type == "rating" and last.impression == "after" and not last.is_scored()
    assert lesson.teacher_notes.goals and lesson.teacher_notes.discussion
    assert any(q.type == "free_text" and any(c.mode == "absent" for c in q.rubric) for q in questions), \
        "a neutral rewrite (free text with an 'absent' concept) is required"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_every_student_facing_text_exists_in_french_and_english(path):
    lesson = load_lesson(path, ROOT).loaded.lesson
    missing = []

    def visit(node, where):
        from pydantic import BaseModel

        from medialit.format.text import Text

        if isinstance(node, Text):
            if not (node.has("fr") and node.has("en")):
                missing.append(where)
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                visit(getattr(node, name), f"{where}.{name}")
        elif isinstance(node, (list, tuple)):
            for i, item in enumerate(node):
                visit(item, f"{where}[{i}]")
        elif isinstance(node, dict):
            for key, item in node.items():
                visit(item, f"{where}[{key}]")

    visit(lesson, lesson.id)
    assert missing == []


def test_the_kit_ships_five_lessons_and_three_drills():
    assert len(LESSONS) >= 5 and len(DRILLS) >= 3


def test_seeds_are_the_shared_documents_byte_for_byte():
    import hashlib

    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    ours = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").iterdir()}
    theirs = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shared.iterdir()}
    assert theirs <= ours
