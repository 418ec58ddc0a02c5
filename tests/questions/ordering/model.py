"""``ordering``: items written in the right order in the file, shown in another order to the student;
credit for each item in its right place."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from medialit.format.text import LText
from medialit.questions.base import ContentProblem, Context, QuestionBase, Slug, Strict
from medialit.questions.scoring import Part, Score, incomplete


class Item(Strict):
    id: Slug
    text: LText


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"]
    items: list[Item] = Field(min_length=2, description="The items, in the right order.")

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        known = [i.id for i in self.items]
        order = [x for x in (answer or {}).get("order", []) if x in known]
        if sorted(order) != sorted(known):
            return incomplete("Put every item in order." if ctx.lang == "en" else "Range chaque élément.",
                              self.points)
        each = self.points / len(known)
        parts = tuple(Part(key=item_id, label=ctx.t(self.items[known.index(item_id)].text),
                           verdict="right" if item_id == known[place] else "wrong",
                           earned=each if item_id == known[place] else 0.0, possible=each)
                      for place, item_id in enumerate(order))
        earned = sum(p.earned for p in parts)
        return Score(complete=True, earned=earned, possible=self.points, how=f"{earned:g}/{self.points:g}",
                     parts=parts)

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"order": [i.id for i in self.items]}

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, list):
            raise ValueError("give the item ids in order")
        return {"order": value}

    def check(self, ctx: Context) -> list[ContentProblem]:
        ids = [i.id for i in self.items]
        if len(set(ids)) != len(ids):
            return [ContentProblem(("items",), "error", "two items have the same id: give each its own id")]
        return []

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        shown = sorted(self.items, key=lambda i: i.id)  # never the right order
        return {**super().answer_key_free(ctx), "items": [{"id": i.id, "text": ctx.t(i.text)} for i in shown]}
