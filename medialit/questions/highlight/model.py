"""``highlight``: the student marks passages of the document.

Expected passages are QUOTED by the teacher. Scoring is the SemEval-2020 span F1 (see
``medialit.language.spans``) on marks trimmed of white space and punctuation at their edges.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.format.document import locate
from medialit.format.text import LText
from medialit.format.vocab import category_name, vocabularies
from medialit.i18n import tr
from medialit.language.spans import clean, coverage, merge, overlap, prf, trim
from medialit.questions.base import ContentProblem, Context, QuestionBase, Quoted, QuoteRef
from medialit.questions.scoring import Part, Reduced, Score, Verdict, incomplete

FOUND_AT = 0.5  # a passage counts as "found" in the feedback when half of it is marked
EXPECTED_PART = "passage-"  # the key prefix of the parts that stand for expected passages


class Passage(Quoted):
    technique: str | None = Field(None, description="Optional persuasion technique id (see vocabularies).")
    explanation: LText | None = Field(None, description="Why this passage matters; shown when it is missed.")


class HighlightQuestion(QuestionBase):
    marks_text = True
    type: Literal["highlight"]
    passages: list[Passage] = Field(min_length=1, description="The expected passages, quoted.")

    def quote_refs(self) -> list[QuoteRef]:
        return [QuoteRef(("passages", i), p.quote, p.occurrence) for i, p in enumerate(self.passages)]

    def gold(self, ctx: Context) -> list[tuple[int, int]]:
        """The expected passages' spans, trimmed like the student's marks (quotes marks, spaces)."""
        return [span for i in range(len(self.passages)) if (span := self._span(i, ctx))]

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
                                  feedback=tr("highlight_extra", ctx.lang), spans=(mark,), quoted=True))
        how = tr("highlight_how", ctx.lang, p=round(precision * 100), r=round(recall * 100),
                 f=round(f1 * 100), max=float(self.points), pts=float(earned))
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=tuple(parts),
                     extra={"precision": precision, "recall": recall, "f1": f1})

    def _passage_part(self, i: int, passage: Passage, marks: list[tuple[int, int]], ctx: Context) -> Part:
        span = self._span(i, ctx)
        share = coverage(span, marks) if span else 0.0
        verdict: Verdict
        reduced: Reduced
        if share >= FOUND_AT:
            verdict, word, reduced = "right", "highlight_found", "all"
        elif share > 0:
            verdict, word, reduced = "partial", "highlight_partly", "verdict_only"
        else:
            verdict, word, reduced = "missed", "highlight_missed", "hidden"
        technique = category_name("techniques", passage.technique, ctx.lang) if passage.technique else ""
        feedback = ". ".join(x for x in (technique, ctx.t(passage.explanation)) if x)
        return Part(key=f"{EXPECTED_PART}{i}", label=passage.quote, verdict=verdict, feedback=feedback,
                    spans=(span,) if span else (), quoted=True, word=tr(word, ctx.lang), reduced=reduced)

    def expected_spans(self, ctx: Context) -> list[tuple[int, int]]:
        return self.gold(ctx)

    @staticmethod
    def expected_in_result(result: dict[str, Any]) -> list[list[int]]:
        """The expected passages' spans, read back from a stored score (for the "expected" layer)."""
        return [list(s) for part in result.get("parts", []) if str(part.get("key", "")).startswith(EXPECTED_PART)
                for s in part.get("spans", [])]

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        items = [value] if isinstance(value, (str, dict)) else value
        if not isinstance(items, list):
            raise ValueError("give the marked passages as a list of quotes ('- quote: …')")
        spans = []
        for item in items:
            quote, occurrence = (item, None) if isinstance(item, str) else (item.get("quote"), item.get("occurrence"))
            if not isinstance(quote, str) or not quote.strip():
                raise ValueError("each marked passage needs its 'quote:'")
            found = locate(ctx.text, quote, occurrence)
            if found.span is None:
                raise ValueError(found.problem or f'"{quote}" is not in the document')
            spans.append(list(found.span))
        return {"spans": spans}

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"spans": [list(s) for s in self.gold(ctx)]}

    def check(self, ctx: Context) -> list[ContentProblem]:
        found = []
        techniques = vocabularies()["techniques"]
        for i, passage in enumerate(self.passages):
            if passage.technique and passage.technique not in techniques:
                found.append(ContentProblem(("passages", i, "technique"), "error",
                                     f"unknown technique '{passage.technique}': use one of the ids in "
                                     "medialit/data/vocabularies.yaml (techniques), e.g. 'loaded_language'"))
            if not passage.explanation:
                found.append(ContentProblem(("passages", i), "warning",
                                     f'the passage "{passage.quote[:40]}" has no explanation: add one, it is shown '
                                     "to students who miss it"))
        return found
