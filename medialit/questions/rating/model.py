"""``rating``: a labelled scale, scored against an expected range or left unscored.

Inside the expected range earns full credit; each step outside loses ``step_penalty`` of it.
Unscored ratings (``points: 0``, no ``expected``) record opinions such as first impressions.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from medialit.format.text import LText
from medialit.i18n import tr
from medialit.questions.base import ContentProblem, Context, QuestionBase, Strict
from medialit.questions.scoring import Score, incomplete


class Range(Strict):
    min: int
    max: int


class RatingQuestion(QuestionBase):
    type: Literal["rating"]
    scale_min: int = Field(1, description="Lowest value of the scale.")
    scale_max: int = Field(5, description="Highest value of the scale.")
    labels: dict[int, LText] = Field(default_factory=dict, description="Labels of some values, e.g. 1 and 5.")
    expected: Range | None = Field(None, description="The range that earns full credit; none for an opinion.")
    step_penalty: float = Field(0.5, gt=0, le=1, description="Share of the points lost per step outside the range.")
    impression: Literal["before", "after"] | None = Field(
        None, description="'before' for the first impression, 'after' for the same question at the end."
    )
    veracity: Literal["reliable", "unreliable"] | None = Field(
        None, description="For discernment drills: is the item itself reliable or not."
    )

    @model_validator(mode="before")
    @classmethod
    def _opinions_score_nothing(cls, data: Any) -> Any:
        """Without an expected range the rating is an opinion: its points default to 0."""
        if isinstance(data, dict) and "expected" not in data and "points" not in data:
            return {**data, "points": 0}
        return data

    def is_scored(self) -> bool:
        return self.expected is not None and self.points > 0

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        given = (answer or {}).get("value")
        valid = isinstance(given, (int, float)) and not isinstance(given, bool)
        if not isinstance(given, (int, float)) or not valid or not self.scale_min <= given <= self.scale_max:
            return incomplete(tr("rating_empty", ctx.lang), self.points if self.is_scored() else 0.0)
        value = int(given)
        if self.expected is None or not self.is_scored():
            return Score(complete=True, earned=0.0, possible=0.0, how=tr("unscored", ctx.lang), scored=False,
                         extra={"value": value})
        lo, hi = self.expected.min, self.expected.max
        distance = self.distance(value)
        earned = self.credit(value) * self.points
        key = "rating_inside_how" if distance == 0 else "rating_outside_how"
        how = tr(key, ctx.lang, value=value, lo=lo, hi=hi, d=distance, step=round(self.step_penalty * 100),
                 pts=float(earned), max=float(self.points))
        return Score(complete=True, earned=earned, possible=self.points, how=how, extra={"value": value})

    def distance(self, value: int) -> int:
        """Steps between ``value`` and the expected range (0 inside it, or without one)."""
        if self.expected is None:
            return 0
        lo, hi = self.expected.min, self.expected.max
        return lo - value if value < lo else value - hi if value > hi else 0

    def credit(self, value: int) -> float:
        """The share of the points ``value`` earns: all inside the range, ``step_penalty`` less per step away."""
        return max(0.0, 1 - self.distance(value) * self.step_penalty)

    def value_text(self, value: int, lang: str, fallback: str = "fr") -> str:
        """A value with its label, as the student saw it: "4 — Plutôt fiable"."""
        label = self.labels.get(value)
        text = label.get(lang, fallback) if label is not None else ""
        return f"{value} — {text}" if text else str(value)

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, int) or isinstance(value, bool) or not self.scale_min <= value <= self.scale_max:
            raise ValueError(f"give a whole number from {self.scale_min} to {self.scale_max}")
        return {"value": value}

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        if self.expected is None:
            return {"value": (self.scale_min + self.scale_max) // 2}
        return {"value": self.expected.min}

    def check(self, ctx: Context) -> list[ContentProblem]:
        found = []
        if self.scale_min >= self.scale_max:
            found.append(ContentProblem(("scale_max",), "error",
                                 f"the scale goes from {self.scale_min} to {self.scale_max}: 'scale_max' must be "
                                 "larger than 'scale_min'"))
        for value in self.labels:
            if not self.scale_min <= value <= self.scale_max:
                found.append(ContentProblem(("labels", value), "error",
                                     f"the label for {value} is outside the scale {self.scale_min}–{self.scale_max}"))
        if self.expected is not None:
            e = self.expected
            if e.min > e.max or e.min < self.scale_min or e.max > self.scale_max:
                found.append(ContentProblem(("expected",), "error",
                                     f"the expected range {e.min}–{e.max} must lie within the scale "
                                     f"{self.scale_min}–{self.scale_max}, smallest value first"))
            if self.points == 0:
                found.append(ContentProblem(("points",), "warning",
                                     "an expected range is given but 'points' is 0: give points, or remove "
                                     "'expected' to record an opinion"))
        elif self.points > 0 and "points" in self.model_fields_set:
            found.append(ContentProblem(("points",), "error",
                                 "this rating has points but no 'expected' range: add 'expected: {min: 4, max: 5}', "
                                 "or set 'points: 0' for an unscored opinion"))
        return found

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        return {
            **super().answer_key_free(ctx),
            "points": self.points if self.is_scored() else 0,
            "scale": [self.scale_min, self.scale_max],
            "labels": {str(k): ctx.t(v) for k, v in self.labels.items()},
        }
