"""``free_text``: a short written answer scored by a rubric of concepts.

Each concept has points, alternative terms and feedback when found or missing; matching forgives
case, accents, apostrophes, word forms and small typos (``medialit.language.words``). A concept in
``mode: absent`` (for neutral rewrites) earns its points when none of its terms is left, but only
if the answer also earns a ``present`` concept (or all those named in ``requires``), so an
off-topic or vague answer does not collect them.
A bare list of keywords earns half. Every answer is flagged for the teacher's review.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.format.text import LText
from medialit.i18n import tr
from medialit.language.words import find_term, looks_like_keyword_list, tokens
from medialit.questions.base import ContentProblem, Context, QuestionBase, Slug, Strict
from medialit.questions.scoring import Part, Score, fmt, incomplete

KEYWORD_LIST_FACTOR = 0.5


class Concept(Strict):
    id: Slug
    label: LText = Field(description="The idea, as the teacher would name it in feedback.")
    points: float = Field(1.0, ge=0)
    terms: list[str] = Field(
        min_length=1, description="Words or phrases that show the idea (fr and en); 'word*' for any ending."
    )
    mode: Literal["present", "absent"] = Field(
        "present", description="'absent': earned when none of the terms is in the answer (neutral rewrites)."
    )
    requires: list[str] = Field(
        default_factory=list,
        description="For 'mode: absent': the present concepts (ids) the answer must contain for these points "
        "to count (default: any one).",
    )
    feedback_found: LText | None = None
    feedback_missing: LText | None = None


class FreeTextQuestion(QuestionBase):
    type: Literal["free_text"]
    rubric: list[Concept] = Field(min_length=1)
    min_words: int = Field(3, ge=0)
    max_words: int = Field(250, ge=1)
    model_answer: LText | None = Field(None, description="A good answer, shown after submission.")

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        text = str((answer or {}).get("text", "") or "")
        toks = tokens(text)
        if not toks:
            return incomplete(tr("free_text_empty", ctx.lang), self.points)
        if len(toks) < self.min_words:
            return incomplete(tr("free_text_too_short", ctx.lang, n=len(toks), min=self.min_words), self.points)
        if len(toks) > self.max_words:
            return incomplete(tr("free_text_too_long", ctx.lang, n=len(toks), max=self.max_words), self.points)
        present = [self._present(c, toks, text, ctx) for c in self.rubric if c.mode == "present"]
        found_ids = {p.key for p in present if p.verdict == "right"}
        any_present = bool(found_ids)
        absent = [self._absent(c, toks, text, set(c.requires) <= found_ids if c.requires else any_present, ctx)
                  for c in self.rubric if c.mode == "absent"]
        by_id = {p.key: p for p in present + absent}
        parts = tuple(by_id[c.id] for c in self.rubric)
        raw = sum(p.earned for p in parts)
        earned = min(raw, self.points)
        how = tr("free_text_how", ctx.lang, found=sum(p.verdict == "right" for p in parts), total=len(parts),
                 raw=float(raw), max=float(self.points), pts=float(earned))
        keyword_list = any_present and looks_like_keyword_list(text, toks)
        if keyword_list:
            earned *= KEYWORD_LIST_FACTOR
            how = f"{how} {tr('free_text_keywords', ctx.lang)}"
        how = f"{how} {tr('free_text_review', ctx.lang)}"
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=parts,
                     needs_review=True, extra={"keyword_list": keyword_list})

    def _present(self, concept: Concept, toks: list, text: str, ctx: Context) -> Part:
        hit = next((h for term in concept.terms if (h := find_term(toks, term))), None)
        if hit:
            words = text[hit[0]:hit[1]]
            feedback = " — ".join(x for x in (tr("free_text_found_at", ctx.lang, words=words),
                                               ctx.t(concept.feedback_found)) if x)
            return Part(key=concept.id, label=ctx.t(concept.label), verdict="right", feedback=feedback,
                        earned=concept.points, possible=concept.points, spans=(hit,))
        return Part(key=concept.id, label=ctx.t(concept.label), verdict="missed",
                    feedback=ctx.t(concept.feedback_missing), possible=concept.points)

    def _absent(self, concept: Concept, toks: list, text: str, content_kept: bool, ctx: Context) -> Part:
        hits = [h for term in concept.terms if (h := find_term(toks, term, fuzzy=False))]
        if hits:
            words = ", ".join(text[a:b] for a, b in hits)
            feedback = " — ".join(x for x in (tr("free_text_absent_bad", ctx.lang, words=words),
                                               ctx.t(concept.feedback_missing)) if x)
            return Part(key=concept.id, label=ctx.t(concept.label), verdict="wrong", feedback=feedback,
                        possible=concept.points, spans=tuple(hits))
        if not content_kept:
            return Part(key=concept.id, label=ctx.t(concept.label), verdict="missed",
                        feedback=tr("free_text_absent_needs_present", ctx.lang), possible=concept.points)
        feedback = " — ".join(x for x in (tr("free_text_absent_ok", ctx.lang), ctx.t(concept.feedback_found)) if x)
        return Part(key=concept.id, label=ctx.t(concept.label), verdict="right", feedback=feedback,
                    earned=concept.points, possible=concept.points)

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"text": ctx.t(self.model_answer)}

    def check(self, ctx: Context) -> list[ContentProblem]:
        found = []
        total = sum(c.points for c in self.rubric)
        if total <= 0:
            found.append(ContentProblem(("rubric",), "error",
                                 "the rubric is worth zero points: give 'points:' to at least one concept"))
        elif self.points > 0 and total < self.points:
            found.append(ContentProblem(("rubric",), "warning",
                                 f"the rubric's concepts add up to {fmt(total)} points but the question is worth "
                                 f"{fmt(self.points)}: no answer can reach full marks"))
        if self.rubric and all(c.mode == "absent" for c in self.rubric):
            found.append(ContentProblem(("rubric",), "error",
                                 "every concept is 'mode: absent': add at least one concept the answer must contain"))
        if self.min_words > self.max_words:
            found.append(ContentProblem(("min_words",), "error",
                                 f"'min_words' ({self.min_words}) is larger than 'max_words' ({self.max_words})"))
        if not self.model_answer:
            found.append(ContentProblem(("rubric",), "warning",
                                 "no 'model_answer': add a good answer, shown to students after they submit"))
        elif total > 0:
            found += self._check_model_answer(ctx)
        ids: set[str] = set()
        for i, concept in enumerate(self.rubric):
            if concept.id in ids:
                found.append(ContentProblem(("rubric", i, "id"), "error",
                                     f"two rubric concepts have the id '{concept.id}': give each its own id"))
            ids.add(concept.id)
            if not any(t.strip("* ") for t in concept.terms):
                found.append(ContentProblem(("rubric", i, "terms"), "error",
                                     f"the concept '{concept.id}' has no usable term: list words that show the idea"))
            present_ids = {c.id for c in self.rubric if c.mode == "present"}
            for required in concept.requires:
                if required not in present_ids:
                    found.append(ContentProblem(("rubric", i, "requires"), "error",
                                         f"'requires' names '{required}', which is not a present concept of this "
                                         f"rubric: use one of {', '.join(sorted(present_ids)) or '(none)'}"))
            if concept.mode == "present" and not concept.feedback_missing:
                found.append(ContentProblem(("rubric", i), "warning",
                                     f"the concept '{concept.id}' has no 'feedback_missing': say what the student "
                                     "should have written"))
        return found

    def _check_model_answer(self, ctx: Context) -> list[ContentProblem]:
        """The model answer, in each language it is given, must earn full marks by the rubric."""
        found = []
        for lang, text in self.model_answer.values if self.model_answer else ():
            shown = lang if lang in ("fr", "en") else ctx.fallback
            result = self.score({"text": text}, Context(lang=shown, fallback=ctx.fallback))
            if not result.complete:
                found.append(ContentProblem(("model_answer",), "warning",
                                     f"the model answer ({shown}) cannot be scored: {result.message}"))
            elif result.earned < self.points - 1e-9:
                missed = ", ".join(p.key for p in result.parts if p.verdict != "right")
                found.append(ContentProblem(("model_answer",), "warning",
                                     f"the model answer ({shown}) earns only {fmt(result.earned)} of "
                                     f"{fmt(self.points)} points by the rubric (missed: {missed or 'keyword list'}): "
                                     "add its words to the concepts' terms, or rewrite it"))
        return found

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        return {**super().answer_key_free(ctx), "min_words": self.min_words, "max_words": self.max_words}
