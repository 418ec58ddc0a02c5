"""``free_text``: a short written answer scored by a rubric of concepts, read before it is counted.

Each concept has points, alternative terms (or ``all_of`` groups that must meet in one sentence: who +
what) and feedback when found or missing. Matching forgives case, accents, apostrophes, word forms and
small typos (``medialit.language.words``), but a term counts only where the answer talks about the
document, and with the polarity the teacher wrote (``medialit.questions.free_text.rubric``).
A concept in ``mode: absent`` (neutral rewrites) earns its points when none of its terms, and no loaded
word of the kit's general lexicon, is left — and only if the answer also earns a ``present`` concept (or
those named in ``requires``), so an off-topic or vague answer does not collect them.

The scorer says how sure it is. An answer that meets the rubric only in sentences about something else,
that seems to say the opposite of a concept, or that is a bare list of keywords, is *held for review*:
no point until the teacher reads it (what it would earn is kept for the teacher). Every written answer
may be reviewed by the teacher.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.format.text import LText
from medialit.i18n import tr
from medialit.language.reading import Reading
from medialit.language.words import looks_like_keyword_list
from medialit.questions.base import ContentProblem, Context, QuestionBase, Slug, Strict
from medialit.questions.free_text.rubric import Match, match_absent, match_all_of, match_terms
from medialit.questions.scoring import Part, Score, incomplete

HELD_CONFIDENCE = 0.3
STILL_LOADED_CAP = 0.4  # a "neutral rewrite" that keeps judging words has not done the task
HELD_KEYS = {"off_topic": "free_text_held_off_topic", "reversed": "free_text_held_reversed",
             "keyword_list": "free_text_held_keywords"}


class Concept(Strict):
    id: Slug
    label: LText = Field(description="The idea, as the teacher would name it in feedback.")
    points: float = Field(1.0, ge=0)
    terms: list[str] = Field(
        default_factory=list,
        description="Words or phrases that show the idea (fr and en), any one is enough; 'word*' for any ending; "
        "'aucune source' / 'no source' is met by 'il ne cite jamais sa source'.",
    )
    all_of: list[list[str]] = Field(
        default_factory=list,
        description="Groups of alternatives that must ALL appear in one sentence, e.g. who + what: "
        "[[russie, moscou], [suspend*, rompt*, arrête*]]. Met by 'terms' or by 'all_of'.",
    )
    core: bool | None = Field(
        None, description="The answer's central idea: an answer that misses every core idea earns at most 40 % "
        "(default: true for an 'all_of' concept, a who + what idea; false otherwise).",
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


def is_core(concept: Concept) -> bool:
    return concept.core if concept.core is not None else bool(concept.all_of) and concept.mode == "present"


class FreeTextQuestion(QuestionBase):
    type: Literal["free_text"]
    rubric: list[Concept] = Field(min_length=1)
    min_words: int = Field(3, ge=0)
    max_words: int = Field(250, ge=1)
    model_answer: LText | None = Field(None, description="A good answer, shown after submission.")

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        text = str((answer or {}).get("text", "") or "")
        reading = Reading(text, ctx.topic)
        n = len(reading.toks)
        if not n:
            return incomplete(tr("free_text_empty", ctx.lang), self.points)
        if n < self.min_words:
            return incomplete(tr("free_text_too_short", ctx.lang, n=n, min=self.min_words), self.points)
        if n > self.max_words:
            return incomplete(tr("free_text_too_long", ctx.lang, n=n, max=self.max_words), self.points)
        present = {c.id: self._match(c, reading) for c in self.rubric if c.mode == "present"}
        met = {cid for cid, m in present.items() if m.met}
        parts = [self._present_part(c, present[c.id], reading, ctx) if c.mode == "present"
                 else self._absent_part(c, reading, set(c.requires) <= met if c.requires else bool(met), ctx)
                 for c in self.rubric]
        raw = sum(p.earned for p in parts)
        earned = min(raw, self.points)
        how = tr("free_text_how", ctx.lang, found=sum(p.verdict == "right" for p in parts), total=len(parts),
                 raw=float(raw), max=float(self.points), pts=float(earned))
        if any(c.mode == "absent" and p.verdict == "wrong" for c, p in zip(self.rubric, parts, strict=True)):
            earned = min(earned, STILL_LOADED_CAP * self.points)
            how = f"{how} {tr('free_text_still_loaded_cap', ctx.lang, pct=round(STILL_LOADED_CAP * 100))}"
        core = [p for c, p in zip(self.rubric, parts, strict=True) if is_core(c)]
        if core and not any(p.verdict == "right" for p in core):
            earned = min(earned, STILL_LOADED_CAP * self.points)
            how = f"{how} {tr('free_text_core_missed_cap', ctx.lang, pct=round(STILL_LOADED_CAP * 100))}"
        held = self._held(present, reading)
        if held:
            how = f"{how} {tr(HELD_KEYS[held], ctx.lang)}"
            return Score(complete=True, earned=0.0, possible=self.points, how=how, parts=tuple(parts),
                         needs_review=True, confidence=HELD_CONFIDENCE, pending=True,
                         extra={"auto_earned": earned, "held": held})
        how = f"{how} {tr('free_text_review', ctx.lang)}"
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=tuple(parts),
                     needs_review=True, confidence=self._confidence(present))

    @staticmethod
    def _match(concept: Concept, reading: Reading) -> Match:
        found = match_terms(reading, concept.terms)
        if concept.all_of:
            grouped = match_all_of(reading, concept.all_of)
            found.met += grouped.met
            found.reversed += grouped.reversed
            found.off_topic += grouped.off_topic
        return found

    @staticmethod
    def _held(present: dict[str, Match], reading: Reading) -> str:
        """Why the answer must wait for the teacher ("" when the automatic score can stand)."""
        anything = any(m.met or m.off_topic or m.reversed for m in present.values())
        if anything and (reading.off_topic or (all(not m.met for m in present.values())
                                               and any(m.off_topic for m in present.values()))):
            return "off_topic"
        if any(m.reversed and not m.met for m in present.values()):
            return "reversed"
        if reading.dismissal and any(m.met for m in present.values()):
            return "reversed"
        if any(m.met for m in present.values()) and looks_like_keyword_list(reading.text, reading.toks):
            return "keyword_list"
        return ""

    @staticmethod
    def _confidence(present: dict[str, Match]) -> float:
        """1 when every concept met was met plainly; less when met only next to an off-topic sentence."""
        shaky = sum(1 for m in present.values() if m.met and m.off_topic)
        return max(0.5, 1.0 - 0.2 * shaky)

    def _present_part(self, concept: Concept, match: Match, reading: Reading, ctx: Context) -> Part:
        label = ctx.t(concept.label)
        if match.met:
            hit = match.met[0]
            feedback = " — ".join(x for x in (tr("free_text_found_at", ctx.lang, words=text_of(reading, hit)),
                                               ctx.t(concept.feedback_found)) if x)
            return Part(key=concept.id, label=label, verdict="right", feedback=feedback, earned=concept.points,
                        possible=concept.points, spans=((hit.start, hit.end),))
        if match.reversed:
            hit = match.reversed[0]
            return Part(key=concept.id, label=label, verdict="wrong", possible=concept.points,
                        feedback=tr("free_text_reversed", ctx.lang, words=text_of(reading, hit)),
                        spans=((hit.start, hit.end),))
        return Part(key=concept.id, label=label, verdict="missed", feedback=ctx.t(concept.feedback_missing),
                    possible=concept.points)

    def _absent_part(self, concept: Concept, reading: Reading, content_kept: bool, ctx: Context) -> Part:
        label = ctx.t(concept.label)
        loaded = match_absent(reading, concept.terms, ctx.lang).loaded
        if loaded:
            words = ", ".join(reading.text[a:b] for a, b in loaded)
            feedback = " — ".join(x for x in (tr("free_text_absent_bad", ctx.lang, words=words),
                                               ctx.t(concept.feedback_missing)) if x)
            return Part(key=concept.id, label=label, verdict="wrong", feedback=feedback, possible=concept.points,
                        spans=tuple(loaded))
        if not content_kept:
            return Part(key=concept.id, label=label, verdict="missed",
                        feedback=tr("free_text_absent_needs_present", ctx.lang), possible=concept.points)
        feedback = " — ".join(x for x in (tr("free_text_absent_ok", ctx.lang), ctx.t(concept.feedback_found)) if x)
        return Part(key=concept.id, label=label, verdict="right", feedback=feedback, earned=concept.points,
                    possible=concept.points)

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"text": ctx.t(self.model_answer)}

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, str):
            raise ValueError("give the written answer as text")
        return {"text": value}

    def check(self, ctx: Context) -> list[ContentProblem]:
        from medialit.questions.free_text.checks import rubric_problems

        return rubric_problems(self, ctx)

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        return {**super().answer_key_free(ctx), "min_words": self.min_words, "max_words": self.max_words}


def text_of(reading: Reading, hit: Any) -> str:
    return reading.text[hit.start:hit.end]
