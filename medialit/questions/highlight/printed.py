"""``highlight`` on paper: the expected passages with their lines; GIFT cannot express it."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.format.vocab import category_name
from medialit.format.yamlsafe import yaml_quote
from medialit.i18n import tr
from medialit.questions.base import Context
from medialit.questions.highlight.model import HighlightQuestion
from medialit.questions.kind import Gift, KeyBlock, KeyItem, KeyNote, Printed, Suggestion


class HighlightPrinted(Printed):
    gift_unsupported = "marking passages of a document"

    def answer_key(self, q: HighlightQuestion, ctx: Context) -> list[KeyBlock]:
        items = []
        for i, passage in enumerate(q.passages):
            technique = category_name("techniques", passage.technique, ctx.lang) if passage.technique else ""
            explanation = ctx.t(passage.explanation)
            items.append(KeyItem(text=passage.quote, quote=True, detail=technique, span=ctx.span(("passages", i)),
                                 notes=(KeyNote(explanation),) if explanation else ()))
        blocks = [KeyBlock(title=tr("key_expected_passages", ctx.lang), items=tuple(items), numbered=True)]
        if q.acceptable:
            also = tuple(KeyItem(text=p.quote, quote=True, span=ctx.span(("acceptable", i)),
                                 notes=(KeyNote(ctx.t(p.explanation)),) if p.explanation else ())
                         for i, p in enumerate(q.acceptable))
            blocks.append(KeyBlock(title=tr("key_acceptable_passages", ctx.lang), items=also))
        return blocks

    def gift(self, q: HighlightQuestion, ctx: Context) -> Gift | None:
        return None

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        first = suggestions[0] if suggestions else Suggestion("")
        occurrence = f"\n      occurrence: {first.occurrence}" if first.occurrence else ""
        return f"""\
- id: example-highlight
  type: highlight
  skill: loaded_language
  points: 2
  prompt: {{fr: "Surligne les mots qui jugent au lieu de décrire.", en: "Mark the words that judge."}}
  passages:
    - quote: {yaml_quote(first.quote)}{occurrence}
      technique: loaded_language
      explanation: {{fr: "À écrire : pourquoi ce mot juge.", en: "To write: why this word judges."}}
  explanation: {{fr: "À écrire.", en: "To write."}}
"""
