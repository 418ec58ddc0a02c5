"""Every content file of the kit is a test case: it validates with --strict and reaches full marks."""

from __future__ import annotations

import re
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


def _choice_questions(lesson):
    return [q for q in lesson.questions if q.type == "choice"]


def _longest(options, right, lang):
    lengths = [len(o.text.get(lang)) for o in options]
    return lengths[right] >= max(lengths)


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lesson_spreads_its_right_options_over_positions(path):
    """Ticking "the first option" (or the first two) must not pay: right options sit in several positions."""
    questions = _choice_questions(load_lesson(path, ROOT).loaded.lesson)
    firsts = [next(i for i, o in enumerate(q.options) if o.correct) for q in questions]
    assert len(set(firsts)) >= min(3, len(questions)), firsts
    assert firsts.count(0) <= len(questions) // 2, firsts


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_the_right_option_is_not_the_longest_in_most_single_answer_questions(path, lang):
    singles = [q for q in _choice_questions(load_lesson(path, ROOT).loaded.lesson)
               if sum(o.correct for o in q.options) == 1]
    longest = [q.id for q in singles
               if _longest(q.options, next(i for i, o in enumerate(q.options) if o.correct), lang)]
    assert len(longest) <= len(singles) // 3, longest


def test_the_reliability_drill_is_balanced_between_reliable_and_unreliable_items():
    drill = load_lesson(ROOT / "exercises" / "reliability-check.yaml", ROOT).loaded.lesson
    kinds = Counter(getattr(q, "veracity", None) for q in drill.questions)
    assert kinds["reliable"] and kinds["unreliable"]
    assert abs(kinds["reliable"] - kinds["unreliable"]) <= 1, kinds


def test_every_text_written_for_the_kit_says_so_in_its_name_and_first_line():
    for path in sorted((ROOT / "contrast").glob("*.txt")):
        assert "texte-contraste" in path.name or "redige-pour-le-kit" in path.name, path.name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("Texte rédigé pour le kit pédagogique medialit"), path.name


def test_lessons_on_a_kit_text_mark_it_written_for_the_kit():
    for path in LESSONS:
        document = load_lesson(path, ROOT).loaded.lesson.document
        if document and document.file.startswith("contrast/"):
            assert document.written_for_kit, path.name


_QUOTED = re.compile(r"«[^»]*»|`[^`]*`|^\s*>.*$", re.MULTILINE)
_VOUS = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_student_facing_french_says_tu_not_vous(path):
    """One register for the student, as the interface: 'tu' (quotes of the documents aside)."""
    from pydantic import BaseModel

    from medialit.format.text import Text

    lesson = load_lesson(path, ROOT).loaded.lesson
    found = []

    def visit(node, where):
        if isinstance(node, Text):
            french = dict(node.values).get("fr") or dict(node.values).get("*", "")
            if _VOUS.search(_QUOTED.sub("", french)):
                found.append(where)
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                if name != "teacher_notes":
                    visit(getattr(node, name), f"{where}.{name}")
        elif isinstance(node, (list, tuple)):
            for i, item in enumerate(node):
                visit(item, f"{where}[{i}]")
        elif isinstance(node, dict):
            for key, item in node.items():
                visit(item, f"{where}[{key}]")

    visit(lesson, lesson.id)
    assert found == []
