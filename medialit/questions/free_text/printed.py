"""``free_text`` on paper and in Moodle: the rubric and the model answer; an essay question in GIFT
(graded by hand in Moodle; the explanation and the model answer become the general feedback, the
rubric is written in comments for the teacher)."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.export.markup import plain_text
from medialit.i18n import tr
from medialit.questions.base import Context
from medialit.questions.free_text.model import FreeTextQuestion
from medialit.questions.kind import Gift, KeyBlock, KeyItem, KeyNote, Printed, Suggestion
from medialit.questions.scoring import fmt


class FreeTextPrinted(Printed):
    def answer_key(self, q: FreeTextQuestion, ctx: Context) -> list[KeyBlock]:
        items = []
        for concept in q.rubric:
            details = [tr("key_points", ctx.lang, pts=float(concept.points))]
            if concept.mode == "absent":
                details.append(tr("key_absent", ctx.lang))
            if concept.requires:
                details.append(tr("key_requires", ctx.lang, ids=", ".join(concept.requires)))
            notes = [KeyNote(text, tr(label, ctx.lang)) for label, text in (
                ("key_if_found", ctx.t(concept.feedback_found)), ("key_if_missing", ctx.t(concept.feedback_missing)))
                if text]
            items.append(KeyItem(text=ctx.t(concept.label), detail=" — ".join(details), code=tuple(concept.terms),
                                 code_label=tr("key_terms", ctx.lang), notes=tuple(notes)))
        return [KeyBlock(title=tr("key_rubric", ctx.lang), items=tuple(items), model_answer=ctx.t(q.model_answer),
                         model_title=tr("key_model_answer", ctx.lang))]

    def gift(self, q: FreeTextQuestion, ctx: Context) -> Gift:
        notes = [f"free text (essay, graded by hand), {fmt(q.points)} pt, {q.min_words}-{q.max_words} words, "
                 f"skill {q.skill}; rubric:"]
        for concept in q.rubric:
            mode = " (earned when these words are gone)" if concept.mode == "absent" else ""
            label = plain_text(ctx.t(concept.label))
            notes.append(f"  - {label}{mode}: {fmt(concept.points)} pt; words: {', '.join(concept.terms)}")
        model = ctx.t(q.model_answer)
        return Gift(notes=tuple(notes), feedback_extra=tr("gift_model_answer", ctx.lang, text=model) if model else "")

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        return EXAMPLE


EXAMPLE = """\
- id: example-free-text
  type: free_text
  skill: sourcing
  points: 2
  prompt: {fr: "Comment vérifier ce que dit ce texte ?", en: "How could you check what this text says?"}
  min_words: 8
  max_words: 80
  rubric:
    - id: original-source
      label: {fr: "Retrouver la source d'origine", en: "Find the original source"}
      points: 1
      terms: ["source*", "origin*"]
      feedback_missing: {fr: "D'où vient l'information ?", en: "Where does the information come from?"}
    - id: other-media
      label: {fr: "Comparer avec d'autres médias", en: "Compare with other media"}
      points: 1
      terms: ["autres médias", "other media", "compar*"]
      feedback_missing: {fr: "Que disent les autres ?", en: "What do others say?"}
  model_answer:
    fr: "Je chercherais la source d'origine de l'information, puis je comparerais avec d'autres médias."
    en: "I would look for the original source of the information, then compare with other media."
  explanation: {fr: "C'est la lecture latérale.", en: "This is lateral reading."}
"""
