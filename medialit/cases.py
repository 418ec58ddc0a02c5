"""Answers written in a lesson's own words, scored in bulk: ``medialit score`` and the rubric examples.

A case names a lesson (its id or its file), a question, the interface language and an answer in the
lesson's vocabulary: a text (free text), option ids (choice), quoted passages ``[{quote, occurrence?}]``
(highlight), a number (rating), ``{excerpt id: category id}`` (label). A file holds a list of cases, or
``{lesson: …, cases: [...]}`` where ``lesson`` applies to the cases that do not name their own.
Scoring goes through ``medialit.answering.evaluate``, as a first attempt with no hint.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from medialit.answering import evaluate
from medialit.format.library import resolve
from medialit.format.loader import LoadedLesson
from medialit.format.yamlsafe import read_yaml


@dataclass(frozen=True)
class CaseResult:
    """One scored case, in the input's order. ``error`` says why it could not be scored."""

    lesson: str
    question: str
    lang: str
    earned: float = 0.0
    possible: float = 0.0
    complete: bool = False
    needs_review: bool = False
    pending: bool = False
    confidence: float = 1.0
    explanation: str = ""
    error: str = ""

    @property
    def fraction(self) -> float:
        return self.earned / self.possible if self.possible else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CaseFileError(ValueError):
    """The cases file cannot be read (its path, line and what to fix are in the message)."""


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a YAML file, each with its ``lesson`` (CaseFileError if the file is not cases)."""
    try:
        doc = read_yaml(path.read_bytes())
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if doc.problems:
        line, message = doc.problems[0]
        raise CaseFileError(f"{path}:{line}: {message}")
    data = doc.data
    default = None
    if isinstance(data, dict):
        default, data = data.get("lesson"), data.get("cases")
    if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
        raise CaseFileError(f"{path}: expected a list of cases ('- lesson: …, question: …, answer: …'), "
                            "or 'lesson:' and 'cases:'")
    return [{"lesson": default, **case} if case.get("lesson") is None else dict(case) for case in data]


def score_case(case: dict[str, Any], root: Path | None = None) -> CaseResult:
    """Score one case (see the module docstring); never raises for a bad case."""
    lesson_ref, question_id = str(case.get("lesson") or ""), str(case.get("question") or "")
    lang = str(case.get("lang")) if case.get("lang") in ("fr", "en") else "fr"
    result = CaseResult(lesson_ref, question_id, lang)
    loaded = _lesson(lesson_ref, root)
    if isinstance(loaded, str):
        return _error(result, loaded)
    question = loaded.lesson.question(question_id)
    if question is None:
        return _error(result, f"lesson '{loaded.lesson.id}' has no question '{question_id}'")
    try:
        raw = question.answer_from(case.get("answer"), loaded.context(question, lang))
    except ValueError as exc:
        return _error(result, f"question '{question_id}': {exc}")
    score = evaluate(loaded, question, raw, lang=lang)
    return CaseResult(
        lesson=loaded.lesson.id, question=question_id, lang=lang, earned=score.earned, possible=score.possible,
        complete=score.complete, needs_review=score.needs_review, pending=score.pending,
        confidence=score.confidence, explanation=score.how if score.complete else score.message,
    )


def score_cases(cases: list[dict[str, Any]], root: Path | None = None) -> list[CaseResult]:
    return [score_case(case, root) for case in cases]


def _lesson(reference: str, root: Path | None) -> LoadedLesson | str:
    if not reference:
        return "the case names no 'lesson:'"
    found = resolve(reference, root)
    if found is None:
        return f"no lesson file or lesson id '{reference}'"
    if found.loaded is None:
        return f"{found.display} has errors: fix them first (medialit validate)"
    return found.loaded


def _error(result: CaseResult, message: str) -> CaseResult:
    return CaseResult(result.lesson, result.question, result.lang, error=message)
