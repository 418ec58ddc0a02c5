"""The real question every lesson ``medialit new`` writes starts with: the first impression.

The commented examples that follow it, one per question type, come from each type's
``printed.scaffold_example`` (``medialit.questions.kind``); uncommenting one gives a valid question
(a test checks this for every seed).
"""

from __future__ import annotations

FIRST_IMPRESSION = """\
  - id: first-impression
    type: rating
    skill: sourcing
    prompt:
      fr: "**Avant d'analyser.** À première vue, après une lecture rapide, ce texte te paraît-il fiable ?"
      en: "**Before analysing.** At first sight, after a quick read, does this text look reliable to you?"
    scale_min: 1
    scale_max: 5
    labels:
      1: {fr: "Pas du tout fiable", en: "Not reliable at all"}
      3: {fr: "Je ne sais pas", en: "I can't tell"}
      5: {fr: "Tout à fait fiable", en: "Completely reliable"}
    impression: before   # no 'expected': an opinion, scored 0 points
    explanation:
      fr: "C'est ta première impression : elle n'est pas notée. Tu répondras à la même question à la fin."
      en: "This is your first impression: it is not scored. You will answer the same question at the end."
"""
