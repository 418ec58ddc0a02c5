"""Rubric tests written in the lesson file: ``examples:`` — sample answers with the score they must get.

A teacher tunes a rubric the way a developer tests code: "a good paraphrase gets at least 70 %, a bare
list of keywords at most 40 %, an answer about something else is held for review". ``medialit validate``
scores every example like a first attempt and reports the ones that miss, on their line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medialit.questions.base import ContentProblem, Context, Example
from medialit.questions.scoring import fmt

if TYPE_CHECKING:
    from medialit.questions.base import QuestionBase


def example_problems(question: QuestionBase, ctx: Context) -> list[ContentProblem]:
    """The examples that do not score as the teacher says (warnings), or cannot be scored (errors)."""
    found = []
    for i, example in enumerate(question.examples):
        lang = example.lang or ctx.fallback
        local = Context(lang=lang, fallback=ctx.fallback, text=ctx.text, spans=ctx.spans, texts=ctx.texts,
                        topic=ctx.topic)
        try:
            raw = question.answer_from(example.answer, local)
        except ValueError as exc:
            found.append(ContentProblem(("examples", i, "answer"), "error", f"example {i + 1}: {exc}"))
            continue
        score = question.score(raw, local)
        miss = _miss(example, score.complete, score.pending, 100 * score.fraction)
        if miss:
            found.append(ContentProblem(("examples", i), "warning", f"example {i + 1} ({_short(example.answer)}): "
                                        f"{miss}: adjust the rubric, or the example"))
    return found


def _miss(example: Example, complete: bool, held: bool, percent: float) -> str:
    if not complete:
        return "it cannot be scored (an incomplete answer)"
    if example.held is not None and example.held != held:
        return "it is held for review, not expected" if held else "it was expected to be held for review"
    if held:
        return ""
    if example.at_least is not None and percent < example.at_least - 1e-9:
        return f"it scores {fmt(percent)} %, expected at least {fmt(example.at_least)} %"
    if example.at_most is not None and percent > example.at_most + 1e-9:
        return f"it scores {fmt(percent)} %, expected at most {fmt(example.at_most)} %"
    return ""


def _short(answer: Any, limit: int = 50) -> str:
    if isinstance(answer, list):  # marked passages: their quotes
        answer = " + ".join(str(a.get("quote", a)) if isinstance(a, dict) else str(a) for a in answer)
    text = " ".join(str(answer).split())
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit - 1]}…"'
