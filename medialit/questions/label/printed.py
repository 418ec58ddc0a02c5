"""``label`` on paper: each excerpt with its lines and the categories it accepts; GIFT cannot express it."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.format.vocab import category_name
from medialit.format.yamlsafe import yaml_quote
from medialit.i18n import either, tr
from medialit.questions.base import Context
from medialit.questions.kind import Gift, KeyBlock, KeyItem, KeyNote, Printed, Suggestion
from medialit.questions.label.model import LabelQuestion


class LabelPrinted(Printed):
    gift_unsupported = "giving each excerpt a category"

    def answer_key(self, q: LabelQuestion, ctx: Context) -> list[KeyBlock]:
        items = []
        for i, excerpt in enumerate(q.excerpts):
            accepted = either([category_name(q.vocabulary, a, ctx.lang) for a in excerpt.answer], ctx.lang)
            explanation = ctx.t(excerpt.explanation)
            items.append(KeyItem(
                text=excerpt.quote, quote=True, detail=f"{accepted} ({tr('key_expected_category', ctx.lang)})",
                span=None if excerpt.document else ctx.span(("excerpts", i)),
                elsewhere=tr("key_other_document", ctx.lang, file=excerpt.document) if excerpt.document else "",
                notes=(KeyNote(explanation),) if explanation else ()))
        return [KeyBlock(items=tuple(items), numbered=True)]

    def gift(self, q: LabelQuestion, ctx: Context) -> Gift | None:
        return None

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        chosen = suggestions[1] if len(suggestions) > 1 else suggestions[0] if suggestions else Suggestion("")
        occurrence = f"\n      occurrence: {chosen.occurrence}" if chosen.occurrence else ""
        return f"""\
- id: example-label
  type: label
  skill: loaded_language
  points: 1
  prompt: {{fr: "Quel procédé reconnais-tu ?", en: "Which technique do you recognise?"}}
  vocabulary: techniques
  categories: [loaded_language, name_calling, doubt, exaggeration_minimisation]
  excerpts:
    - id: excerpt-1
      quote: {yaml_quote(chosen.quote)}{occurrence}
      answer: loaded_language
      explanation: {{fr: "À écrire.", en: "To write."}}
  explanation: {{fr: "À écrire.", en: "To write."}}
"""
