from __future__ import annotations

from collections.abc import Sequence

from medialit.questions.base import Context
from medialit.questions.kind import Gift, KeyBlock, KeyItem, Printed, Suggestion
from tests.questions.ordering.model import OrderingQuestion


class OrderingPrinted(Printed):
    gift_unsupported = "putting items in order"

    def answer_key(self, q: OrderingQuestion, ctx: Context) -> list[KeyBlock]:
        return [KeyBlock(title="Right order", items=tuple(KeyItem(text=ctx.t(i.text)) for i in q.items), numbered=True)]

    def gift(self, q: OrderingQuestion, ctx: Context) -> Gift | None:
        return None

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        return """\
- id: example-ordering
  type: ordering
  skill: framing
  prompt: {fr: "Dans quel ordre le texte présente-t-il les faits ?", en: "In which order does the text give the facts?"}
  items:
    - {id: first, text: {fr: "Le titre", en: "The headline"}}
    - {id: second, text: {fr: "La citation", en: "The quote"}}
  explanation: {fr: "À écrire.", en: "To write."}
"""
