"""Content checks of a ``free_text`` question: the rubric can be earned, is well formed, explains itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.language.words import MIN_STEM
from medialit.questions.base import ContentProblem, Context
from medialit.questions.scoring import fmt

if TYPE_CHECKING:
    from medialit.questions.free_text.model import Concept, FreeTextQuestion


def rubric_problems(q: FreeTextQuestion, ctx: Context) -> list[ContentProblem]:
    """Every problem of the question's rubric and limits, errors and warnings."""
    found = _totals(q) + _limits(q)
    if not q.model_answer:
        found.append(ContentProblem(("rubric",), "warning",
                                    "no 'model_answer': add a good answer, shown to students after they submit"))
    elif sum(c.points for c in q.rubric) > 0:
        found += model_answer_problems(q, ctx)
    present = {c.id for c in q.rubric if c.mode == "present"}
    seen: set[str] = set()
    for i, concept in enumerate(q.rubric):
        if concept.id in seen:
            found.append(ContentProblem(("rubric", i, "id"), "error",
                                        f"two rubric concepts have the id '{concept.id}': give each its own id"))
        seen.add(concept.id)
        found += _concept(i, concept, present)
    return found


def _totals(q: FreeTextQuestion) -> list[ContentProblem]:
    total = sum(c.points for c in q.rubric)
    if total <= 0:
        return [ContentProblem(("rubric",), "error",
                               "the rubric is worth zero points: give 'points:' to at least one concept")]
    found = []
    if q.points > 0 and total < q.points:
        found.append(ContentProblem(("rubric",), "warning",
                                    f"the rubric's concepts add up to {fmt(total)} points but the question is worth "
                                    f"{fmt(q.points)}: no answer can reach full marks"))
    if q.rubric and all(c.mode == "absent" for c in q.rubric):
        found.append(ContentProblem(("rubric",), "error", "every concept is 'mode: absent': add at least one "
                                    "concept the answer must contain"))
    return found


def _limits(q: FreeTextQuestion) -> list[ContentProblem]:
    if q.min_words > q.max_words:
        return [ContentProblem(("min_words",), "error",
                               f"'min_words' ({q.min_words}) is larger than 'max_words' ({q.max_words})")]
    return []


def _concept(i: int, concept: Concept, present: set[str]) -> list[ContentProblem]:
    found = []
    terms = [*concept.terms, *(t for group in concept.all_of for t in group)]
    if not any(t.strip("* ") for t in terms):
        found.append(ContentProblem(("rubric", i, "terms"), "error",
                                    f"the concept '{concept.id}' has no usable term: list words that show the idea"))
    if concept.all_of and concept.mode == "absent":
        found.append(ContentProblem(("rubric", i, "all_of"), "error",
                                    f"the concept '{concept.id}' is 'mode: absent': list its words in 'terms', "
                                    "not in 'all_of'"))
    for group_no, group in enumerate(concept.all_of):
        if not group:
            found.append(ContentProblem(("rubric", i, "all_of", group_no), "error",
                                        f"group {group_no + 1} of '{concept.id}' is empty: list at least one term"))
    for term in terms:
        stem = term.strip().rstrip("*")
        if term.strip().endswith("*") and " " not in stem and len(stem.lstrip("=")) < MIN_STEM:
            found.append(ContentProblem(("rubric", i), "warning",
                                        f"'{term}' in '{concept.id}': a stem this short would match unrelated words, "
                                        f"so it only matches its own word's forms; write {MIN_STEM} letters or more "
                                        "before '*', or the words in full"))
    for required in concept.requires:
        if required not in present:
            found.append(ContentProblem(("rubric", i, "requires"), "error",
                                        f"'requires' names '{required}', which is not a present concept of this "
                                        f"rubric: use one of {', '.join(sorted(present)) or '(none)'}"))
    if concept.mode == "present" and not concept.feedback_missing:
        found.append(ContentProblem(("rubric", i), "warning",
                                    f"the concept '{concept.id}' has no 'feedback_missing': say what the student "
                                    "should have written"))
    return found


def model_answer_problems(q: FreeTextQuestion, ctx: Context) -> list[ContentProblem]:
    """The model answer, in each language it is given, must earn full marks by the rubric, unheld."""
    found = []
    for lang, text in q.model_answer.values if q.model_answer else ():
        shown = lang if lang in ("fr", "en") else ctx.fallback
        result = q.score({"text": text}, Context(lang=shown, fallback=ctx.fallback, topic=ctx.topic))
        earned = result.extra.get("auto_earned", result.earned) if result.pending else result.earned
        if not result.complete:
            found.append(ContentProblem(("model_answer",), "warning",
                                        f"the model answer ({shown}) cannot be scored: {result.message}"))
        elif result.pending:
            found.append(ContentProblem(("model_answer",), "warning",
                                        f"the model answer ({shown}) would be held for review "
                                        f"({result.extra.get('held', '')}): rewrite it, or adjust the rubric"))
        elif earned < q.points - 1e-9:
            missed = ", ".join(p.key for p in result.parts if p.verdict != "right")
            found.append(ContentProblem(("model_answer",), "warning",
                                        f"the model answer ({shown}) earns only {fmt(earned)} of "
                                        f"{fmt(q.points)} points by the rubric (missed: {missed or 'keyword list'}): "
                                        "add its words to the concepts' terms, or rewrite it"))
    return found
