"""``highlight``: the student marks passages of the document.

Expected passages are QUOTED by the teacher. Scoring is the SemEval-2020 span F1 (see
``medialit.spans``) on marks trimmed of white space and punctuation at their edges.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.i18n import tr
from medialit.questions.base import Context, Finding, QuestionBase, Quoted, QuoteRef
from medialit.scoring import Part, Score, fmt, incomplete
from medialit.spans import clean, coverage, merge, overlap, prf, trim
from medialit.text import LText
from medialit.vocab import category_name, vocabularies

FOUND_AT = 0.5  # a passage counts as "found" in the feedback when half of it is marked


class Passage(Quoted):
    technique: str | None = Field(None, description="Optional persuasion technique id (see vocabularies).")
    explanation: LText | None = Field(None, description="Why this passage matters; shown when it is missed.")


class HighlightQuestion(QuestionBase):
    type: Literal["highlight"]
    passages: list[Passage] = Field(min_length=1, description="The expected passages, quoted.")

    def quote_refs(self) -> list[QuoteRef]:
        return [QuoteRef(("passages", i), p.quote, p.occurrence) for i, p in enumerate(self.passages)]

    def gold(self, ctx: Context) -> list[tuple[int, int]]:
        """The expected passages' spans, trimmed like the student's marks (quotes marks, spaces)."""
        return [self._span(i, ctx) for i in range(len(self.passages)) if self._span(i, ctx)]

    def _span(self, i: int, ctx: Context) -> tuple[int, int] | None:
        span = ctx.span(("passages", i))
        return (trim(ctx.text, span) or span) if span else None

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        marks = clean(ctx.text, (answer or {}).get("spans", []))
        if not marks:
            return incomplete(tr("highlight_empty", ctx.lang), self.points)
        gold = merge(self.gold(ctx))
        precision, recall, f1 = prf(marks, gold)
        earned = f1 * self.points
        parts = [self._passage_part(i, p, marks, ctx) for i, p in enumerate(self.passages)]
        for mark in marks:
            if not any(overlap(mark, g) for g in gold):
                parts.append(Part(key=f"extra-{mark[0]}", label=ctx.text[mark[0]:mark[1]], verdict="extra",
                                  feedback=tr("highlight_extra", ctx.lang), spans=(mark,)))
        how = tr("highlight_how", ctx.lang, p=round(precision * 100), r=round(recall * 100),
                 f=round(f1 * 100), max=fmt(self.points), pts=fmt(earned))
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=tuple(parts),
                     extra={"precision": precision, "recall": recall, "f1": f1})

    def _passage_part(self, i: int, passage: Passage, marks: list[tuple[int, int]], ctx: Context) -> Part:
        span = self._span(i, ctx)
        share = coverage(span, marks) if span else 0.0
        if share >= FOUND_AT:
            verdict, word = "right", tr("highlight_found", ctx.lang)
        elif share > 0:
            verdict, word = "partial", tr("highlight_partly", ctx.lang)
        else:
            verdict, word = "missed", tr("highlight_missed", ctx.lang)
        technique = f" — {category_name('techniques', passage.technique, ctx.lang)}" if passage.technique else ""
        return Part(key=f"passage-{i}", label=passage.quote, verdict=verdict,
                    feedback=f"**{word}**{technique}. {ctx.t(passage.explanation)}".strip(),
                    spans=(span,) if span else ())

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"spans": [list(s) for s in self.gold(ctx)]}

    def check(self, ctx: Context) -> list[Finding]:
        found = []
        techniques = vocabularies()["techniques"]
        for i, passage in enumerate(self.passages):
            if passage.technique and passage.technique not in techniques:
                found.append(Finding(("passages", i, "technique"), "error",
                                     f"unknown technique '{passage.technique}': use one of the ids in "
                                     "medialit/data/vocabularies.yaml (techniques), e.g. 'loaded_language'"))
            if not passage.explanation:
                found.append(Finding(("passages", i), "warning",
                                     f'the passage "{passage.quote[:40]}" has no explanation: add one, it is shown '
                                     "to students who miss it"))
        return found
