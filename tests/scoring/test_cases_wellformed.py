"""The adversarial answer sets in tests/scoring/cases/ are well formed and cover the kit.

This test checks the *cases*, not the scorers: ids exist, kinds/splits/ranges are valid, every
free-text question has enough answers of every kind in both splits, every highlight quote is
found in the lesson's document, and every free-text answer has a length the question accepts
(so that it is scored, not refused as too short or too long). It reads the kit's YAML directly
(PyYAML) and never looks at rubrics, model answers or expected passages.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).resolve().parent / "cases"

FREE_TEXT_KINDS = {"good", "partial", "lazy", "keywords", "offtopic", "reversed", "loaded_rewrite"}
HIGHLIGHT_KINDS = {"good", "defensible", "lazy", "wrong"}
SPLITS = {"tune", "heldout"}
LANGS = {"fr", "en"}
CASE_KEYS = {"question", "lang", "kind", "split", "answer", "expect", "note"}

# Minimum number of cases of each kind per question.
FREE_TEXT_MIN = {"good": 5, "partial": 1, "lazy": 2, "keywords": 1, "offtopic": 2, "reversed": 2}
REWRITE_MIN = {**FREE_TEXT_MIN, "loaded_rewrite": 2}
HIGHLIGHT_MIN = {"good": 2, "defensible": 1, "lazy": 1, "wrong": 1}

# Bounds an expectation range must respect for its kind: (lowest allowed low, highest allowed high).
GAMING = {"lazy", "keywords", "offtopic", "reversed", "loaded_rewrite"}
FREE_TEXT_BOUNDS = {"good": (0.6, 1.0), "partial": (0.2, 0.8), **{k: (0.0, 0.4) for k in GAMING}}
HIGHLIGHT_BOUNDS = {"good": (0.6, 1.0), "defensible": (0.5, 1.0), "lazy": (0.0, 0.3), "wrong": (0.0, 0.2)}

_WORD = re.compile(r"[^\W_]+")  # the kit's own notion of a word (medialit.matching)


def _load_kit() -> dict[str, dict]:
    kit = {}
    for path in sorted([*ROOT.glob("lessons/*.yaml"), *ROOT.glob("exercises/*.yaml")]):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kit[data["id"]] = {"path": path, "data": data, "questions": {q["id"]: q for q in data["questions"]}}
    return kit


def _load_cases() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES_DIR.glob("*.yaml"))}


KIT = _load_kit()
CASE_FILES = _load_cases()


def _texts(value) -> str:
    """All language versions of a text field, joined."""
    return " ".join(value.values()) if isinstance(value, dict) else str(value or "")


def _is_rewrite(question: dict) -> bool:
    """A neutral-rewrite question: its prompt asks for a neutral version."""
    prompt = _texts(question.get("prompt")).lower()
    return "neutre" in prompt or "neutral" in prompt


def _targets() -> list[tuple[str, str, str]]:
    """Every question the cases must cover: (lesson id, question id, type)."""
    found = []
    for lesson_id, entry in KIT.items():
        in_lessons = entry["path"].parent.name == "lessons"
        for qid, q in entry["questions"].items():
            if q["type"] == "free_text" or (q["type"] == "highlight" and in_lessons):
                found.append((lesson_id, qid, q["type"]))
    return found


def _cases_for(lesson_id: str, question_id: str) -> list[dict]:
    data = CASE_FILES.get(lesson_id) or {}
    return [c for c in data.get("cases") or [] if c.get("question") == question_id]


def _all_cases() -> list:
    return [
        pytest.param(stem, i, c, id=f"{stem}-{i}-{c.get('question')}-{c.get('kind')}" if isinstance(c, dict) else None)
        for stem, data in CASE_FILES.items()
        for i, c in enumerate(data.get("cases") or [])
    ]


def test_there_are_case_files():
    assert CASE_FILES, f"no case files in {CASES_DIR}"


@pytest.mark.parametrize("stem", sorted(CASE_FILES))
def test_case_file_names_its_lesson(stem):
    data = CASE_FILES[stem]
    assert isinstance(data, dict) and set(data) == {"lesson", "cases"}, f"{stem}: top level must be lesson + cases"
    assert data["lesson"] == stem, f"{stem}.yaml must be named after its lesson id ({data['lesson']})"
    assert data["lesson"] in KIT, f"{stem}: no lesson or drill with id {data['lesson']!r} in the kit"
    assert isinstance(data["cases"], list) and data["cases"], f"{stem}: no cases"


@pytest.mark.parametrize(("stem", "index", "case"), _all_cases())
def test_case_is_valid(stem, index, case):
    where = f"{stem} case {index} ({case.get('question')}, {case.get('kind')})"
    assert isinstance(case, dict) and set(case) == CASE_KEYS, f"{where}: keys must be exactly {sorted(CASE_KEYS)}"
    lesson = KIT[CASE_FILES[stem]["lesson"]]
    question = lesson["questions"].get(case["question"])
    assert question is not None, f"{where}: no question {case['question']!r} in {lesson['path'].name}"
    qtype = question["type"]
    assert qtype in ("free_text", "highlight"), f"{where}: question type {qtype} is not covered by these sets"
    assert case["lang"] in LANGS, f"{where}: lang must be fr or en"
    assert case["split"] in SPLITS, f"{where}: split must be tune or heldout"
    assert isinstance(case["note"], str) and case["note"].strip(), f"{where}: a note is required"

    kinds, bounds = (FREE_TEXT_KINDS, FREE_TEXT_BOUNDS) if qtype == "free_text" else (HIGHLIGHT_KINDS, HIGHLIGHT_BOUNDS)
    assert case["kind"] in kinds, f"{where}: kind must be one of {sorted(kinds)} for a {qtype} question"

    expect = case["expect"]
    assert isinstance(expect, list) and len(expect) == 2, f"{where}: expect must be [low, high]"
    low, high = expect
    assert all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in expect), f"{where}: numbers only"
    assert 0.0 <= low < high <= 1.0, f"{where}: expect needs 0 <= low < high <= 1"
    floor, ceiling = bounds[case["kind"]]
    assert low >= floor and high <= ceiling, f"{where}: {expect} is outside [{floor}, {ceiling}] for {case['kind']}"

    if qtype == "free_text":
        _check_free_text(where, question, case["answer"])
    else:
        _check_highlight(where, lesson, case["answer"])


def _check_free_text(where: str, question: dict, answer) -> None:
    assert isinstance(answer, str) and answer.strip(), f"{where}: a free-text answer is a non-empty string"
    words = len(_WORD.findall(answer))
    low, high = question.get("min_words", 3), question.get("max_words", 250)
    assert low <= words <= high, f"{where}: {words} words, the question accepts {low}-{high} (it would not be scored)"


def _check_highlight(where: str, lesson: dict, answer) -> None:
    document = lesson["data"].get("document") or {}
    assert document.get("file"), f"{where}: the lesson has no document file"
    text = (ROOT / document["file"]).read_text(encoding="utf-8")
    assert isinstance(answer, list) and answer, f"{where}: a highlight answer is a non-empty list of passages"
    for mark in answer:
        assert isinstance(mark, dict) and set(mark) <= {"quote", "occurrence"} and "quote" in mark, (
            f"{where}: each passage is {{quote, occurrence?}}, got {mark!r}")
        quote = mark["quote"]
        assert isinstance(quote, str) and quote.strip(), f"{where}: empty quote"
        count = text.count(quote)
        assert count, f"{where}: quote not found in {document['file']}: {quote[:80]!r}"
        occurrence = mark.get("occurrence")
        if count > 1:
            assert occurrence is not None, f"{where}: {quote[:60]!r} appears {count} times: say which occurrence"
        if occurrence is not None:
            assert isinstance(occurrence, int) and 1 <= occurrence <= count, (
                f"{where}: occurrence {occurrence} of {quote[:60]!r}, which appears {count} time(s)")


@pytest.mark.parametrize(("lesson_id", "question_id", "qtype"), _targets(), ids=str)
def test_question_is_covered(lesson_id, question_id, qtype):
    cases = _cases_for(lesson_id, question_id)
    where = f"{lesson_id}/{question_id}"
    assert cases, f"{where}: no cases (expected tests/scoring/cases/{lesson_id}.yaml)"
    kinds = Counter(c["kind"] for c in cases)
    heldout = [c for c in cases if c["split"] == "heldout"]
    answers = [repr(c["answer"]) for c in cases]
    assert len(answers) == len(set(answers)), f"{where}: the same answer appears twice"

    if qtype == "free_text":
        question = KIT[lesson_id]["questions"][question_id]
        minimum = REWRITE_MIN if _is_rewrite(question) else FREE_TEXT_MIN
        assert len(cases) >= 16, f"{where}: {len(cases)} cases, at least 16 needed"
        assert len(heldout) >= 6, f"{where}: {len(heldout)} held-out cases, at least 6 needed"
        assert 0.3 <= len(heldout) / len(cases) <= 0.5, f"{where}: about 40 % of the cases should be held out"
        assert any(c["lang"] == "en" for c in cases), f"{where}: no case from the English interface"
    else:
        minimum = HIGHLIGHT_MIN
        assert len(cases) >= 8, f"{where}: {len(cases)} cases, at least 8 needed"
        assert len(heldout) >= 3, f"{where}: {len(heldout)} held-out cases, at least 3 needed"

    for kind, needed in minimum.items():
        assert kinds[kind] >= needed, f"{where}: {kinds[kind]} '{kind}' case(s), at least {needed} needed"
    for kind, count in kinds.items():
        splits = {c["split"] for c in cases if c["kind"] == kind}
        if count >= 2:
            assert splits == SPLITS, f"{where}: the {count} '{kind}' cases should be in both splits, got {splits}"
