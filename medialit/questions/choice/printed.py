"""``choice`` on paper and in Moodle: its answer key, its GIFT question, its ``medialit new`` example.

GIFT: one right option is ``=right`` / ``~wrong``. Several: every option gets a weight, +1/n for
each of the n right options and -1/n for each wrong one, which is the kit's own rule (right ticks
minus wrong ticks, never below zero; Moodle adds the weights and floors the total at zero). Each
option keeps its feedback (``#``).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialit.export.giftsyntax import answer, weight
from medialit.i18n import tr
from medialit.questions.base import Context
from medialit.questions.choice.model import ChoiceQuestion
from medialit.questions.kind import Gift, KeyBlock, KeyItem, KeyNote, Printed, Suggestion
from medialit.questions.scoring import fmt


class ChoicePrinted(Printed):
    def answer_key(self, q: ChoiceQuestion, ctx: Context) -> list[KeyBlock]:
        items = []
        for option in q.options:
            notes = [KeyNote(ctx.t(option.feedback))] if option.feedback else []
            if option.misconception:
                notes.append(KeyNote(ctx.t(option.misconception), tr("key_misconception", ctx.lang)))
            items.append(KeyItem(
                text=ctx.t(option.text), mark="right" if option.correct else "wrong",
                verdict=tr("key_right_option" if option.correct else "key_wrong_option", ctx.lang),
                notes=tuple(notes)))
        return [KeyBlock(items=tuple(items))]

    def gift(self, q: ChoiceQuestion, ctx: Context) -> Gift:
        right = sum(o.correct for o in q.options)
        answers = []
        for option in q.options:
            if q.is_multiple():
                mark = "~" + weight((1 if option.correct else -1) / right)
            else:
                mark = "=" if option.correct else "~"
            answers.append(answer(mark, ctx.t(option.text), ctx.t(option.feedback)))
        how = "multiple answers" if q.is_multiple() else "one answer"
        return Gift(answers=tuple(answers), notes=(f"choice ({how}), {fmt(q.points)} pt, skill {q.skill}",))

    def scaffold_example(self, suggestions: Sequence[Suggestion]) -> str:
        return EXAMPLE


EXAMPLE = """\
- id: example-choice
  type: choice
  skill: sourcing
  points: 1
  prompt: {fr: "Qui a écrit ce texte ?", en: "Who wrote this text?"}
  options:
    - id: no-author
      text: {fr: "On ne peut pas le savoir : rien ne l'indique.", en: "There is no way to know: nothing says so."}
      feedback: {fr: "Relis le haut du texte.", en: "Reread the top of the text."}
      misconception: {fr: "Ne cherche pas dans la page elle-même.", en: "Does not look on the page itself."}
    - id: named-author
      text: {fr: "Un auteur nommé, en tête du texte.", en: "A named author, at the top of the text."}
      correct: true
      feedback: {fr: "Oui : son nom est imprimé.", en: "Yes: the name is printed."}
  explanation:
    fr: "Cherche d'abord dans la page : signature, mentions légales."
    en: "Look on the page first: byline, legal notice."
"""
