"""``highlight``: the student marks passages of the document.

Expected passages are QUOTED by the teacher, and so are *acceptable* ones (defensible, not required).
Scoring is the SemEval-2020 span F1 (see ``medialit.language.spans``) on marks trimmed of white space
and punctuation at their edges, after ``medialit.questions.highlight.marking``: what lies in an
acceptable passage is set aside, and a mark one word off an expected passage's edge counts as that
passage. While a retry remains, the feedback says how many passages were found, how much of the marking
lies outside them and which paragraphs to reread — never the expected text.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.format.document import locate
from medialit.format.text import LText
from medialit.format.vocab import category_name, vocabularies
from medialit.i18n import both, tr
from medialit.language.spans import clean, coverage, merge, overlap, trim
from medialit.questions.base import ContentProblem, Context, QuestionBase, Quoted, QuoteRef
from medialit.questions.highlight.marking import aside, forgive_edges, paragraphs, paragraphs_of, prf_aside
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
    acceptable: list[Passage] = Field(
        default_factory=list,
        description="Passages also defensible but not required: marking them costs nothing and earns nothing.",
    )

    def quote_refs(self) -> list[QuoteRef]:
        return ([QuoteRef(("passages", i), p.quote, p.occurrence) for i, p in enumerate(self.passages)]
                + [QuoteRef(("acceptable", i), p.quote, p.occurrence) for i, p in enumerate(self.acceptable)])

    def acceptable_spans(self, ctx: Context) -> list[tuple[int, int]]:
        return [trim(ctx.text, span) or span for i in range(len(self.acceptable))
                if (span := ctx.span(("acceptable", i)))]

    def gold(self, ctx: Context) -> list[tuple[int, int]]:
        """The expected passages' spans, trimmed like the student's marks (quotes marks, spaces)."""
        return [span for i in range(len(self.passages)) if (span := self._span(i, ctx))]

    def _span(self, i: int, ctx: Context) -> tuple[int, int] | None:
        span = ctx.span(("passages", i))
        return (trim(ctx.text, span) or span) if span else None

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        marked = clean(ctx.text, (answer or {}).get("spans", []))
        if not marked:
            return incomplete(tr("highlight_empty", ctx.lang), self.points)
        gold = merge(self.gold(ctx))
        free = aside(self.acceptable_spans(ctx), gold)
        marks = forgive_edges(ctx.text, marked, gold)
        precision, recall, f1 = prf_aside(marks, gold, free)
        earned = f1 * self.points
        parts = [self._passage_part(i, p, marks, ctx) for i, p in enumerate(self.passages)]
        for mark in marks:
            if not any(overlap(mark, g) for g in gold) and not any(overlap(mark, a) for a in free):
                parts.append(Part(key=f"extra-{mark[0]}", label=ctx.text[mark[0]:mark[1]], verdict="extra",
                                  feedback=tr("highlight_extra", ctx.lang), spans=(mark,), quoted=True))
        how = tr("highlight_how", ctx.lang, p=round(precision * 100), r=round(recall * 100),
                 f=round(f1 * 100), max=float(self.points), pts=float(earned))
        if any(overlap(m, a) for m in marks for a in free):
            how = f"{how} {tr('highlight_set_aside', ctx.lang)}"
        missed = [p.spans[0] for p in parts if p.key.startswith(EXPECTED_PART) and p.verdict != "right" and p.spans]
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=tuple(parts),
                     extra={"precision": precision, "recall": recall, "f1": f1,
                            "look_here": [list(s) for n in paragraphs_of(ctx.text, missed)
                                          for s in [paragraphs(ctx.text)[n - 1]]]},
                     retry_lines=self._retry_lines(parts, precision, missed, ctx))

    def _retry_lines(self, parts: list[Part], precision: float, missed: list[tuple[int, int]],
                     ctx: Context) -> tuple[str, ...]:
        """What the student sees while a retry remains: counts and where to look, never the passages."""
        expected = [p for p in parts if p.key.startswith(EXPECTED_PART)]
        lines = [tr("highlight_retry_found", ctx.lang, found=sum(p.verdict == "right" for p in expected),
                    total=len(expected)),
                 tr("highlight_retry_outside", ctx.lang, pct=round((1 - precision) * 100))]
        where = paragraphs_of(ctx.text, missed)
        if where:
            lines.append(tr("highlight_retry_where", ctx.lang, n=len(where),
                            which=both([str(n) for n in where], ctx.lang), total=len(paragraphs(ctx.text))))
        return tuple(lines)

    def _passage_part(self, i: int, passage: Passage, marks: list[tuple[int, int]], ctx: Context) -> Part:
        span = self._span(i, ctx)
        share = coverage(span, marks) if span else 0.0
        verdict: Verdict
        reduced: Reduced
        if share >= FOUND_AT:
            verdict, word, reduced = "right", "highlight_found", "hidden"
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
        expected = {ctx.span(("passages", i)) for i in range(len(self.passages))}
        for i, passage in enumerate(self.acceptable):
            if ctx.span(("acceptable", i)) in expected:
                found.append(ContentProblem(("acceptable", i), "warning",
                                            f'"{passage.quote[:40]}" is both expected and acceptable: keep it in one '
                                            "list ('passages' if it is required)"))
        return found
