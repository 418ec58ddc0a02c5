"""``rating`` on paper and in Moodle.

GIFT: with an expected range, a single choice over the scale, 100% inside the range and the kit's
step penalty outside it (weights rounded to Moodle's list of grades). Without one (an opinion, e.g.
the first impression): a single choice in which EVERY value is right (``=1`` then ``~%100%2`` …:
Moodle refuses a choice with no right answer, and reads answers with no ``~`` as a short-answer
question). It records the opinion; give it a mark of 0 in the quiz so that it scores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialit.export.giftsyntax import answer, moodle_grade, weight
from medialit.i18n import tr
from medialit.questions.base import Context
from medialit.questions.kind import Gift, KeyBlock, Printed, Suggestion
from medialit.questions.rating.model import RatingQuestion
from medialit.questions.scoring import fmt

IMPRESSION_KEYS = {"before": "key_impression_before", "after": "key_impression_after"}
VERACITY_KEYS = {"reliable": "key_reliable", "unreliable": "key_unreliable"}


class RatingPrinted(Printed):
    def answer_key(self, q: RatingQuestion, ctx: Context) -> list[KeyBlock]:
        if q.is_scored() and q.expected is not None:
            sentences = [tr("key_expected_range", ctx.lang, lo=q.expected.min, hi=q.expected.max,
                            step=round(q.step_penalty * 100))]
        else:
            sentences = [tr("key_opinion", ctx.lang)]
        if q.impression:
            sentences.append(tr(IMPRESSION_KEYS[q.impression], ctx.lang))
        if q.veracity:
            sentences.append(tr("key_veracity", ctx.lang, value=tr(VERACITY_KEYS[q.veracity], ctx.lang)))
        return [KeyBlock(sentences=tuple(sentences))]

    def gift(self, q: RatingQuestion, ctx: Context) -> Gift:
        values = range(q.scale_min, q.scale_max + 1)
        scored = q.is_scored() and q.expected is not None
        grades = [moodle_grade(q.credit(value)) if scored else 1.0 for value in values]
        answers = []
        for k, (value, grade) in enumerate(zip(values, grades, strict=True)):
            label = ctx.t(q.labels[value]) if value in q.labels else ""
            text = f"{value} — {label}" if label else str(value)
            if grade == 1.0 and (k == 0 or min(grades) < 1.0):
                mark = "="
            elif grade > 0:
                mark = "~" + weight(grade)  # "~%100%" when every value is right: Moodle needs a "~" to see a choice
            else:
                mark = "~"
            answers.append(answer(mark, text))
        if scored and q.expected is not None:
            note = f"rating, {fmt(q.points)} pt, expected {q.expected.min}-{q.expected.max}, skill {q.skill}"
        else:
            note = f"rating, unscored opinion (every value is right): give it a mark of 0 in the quiz, skill {q.skill}"
        return Gift(answers=tuple(answers), notes=(note,))

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        return EXAMPLE


EXAMPLE = """\
- id: example-rating
  type: rating
  skill: framing
  points: 1
  prompt: {fr: "Le titre rend-il fidèlement le texte ?", en: "Does the headline render the text faithfully?"}
  labels: {1: {fr: "Pas du tout", en: "Not at all"}, 5: {fr: "Tout à fait", en: "Completely"}}
  expected: {min: 2, max: 3}
  explanation: {fr: "À écrire.", en: "To write."}
"""
