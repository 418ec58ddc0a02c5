"""The question blocks ``medialit new`` writes: one real question and one commented example per type.

Uncommenting an example (removing the leading ``# `` of its lines) gives a valid question; a test
checks this for every seed. ``$quote`` and ``$label_quote`` are passages of the document chosen from
the X-ray's findings.
"""

from __future__ import annotations

from string import Template

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

EXAMPLES = Template("""\
  # --- Examples: one of each question type. Uncomment one (remove "# " at the start of its lines),
  # --- then rewrite its texts. See docs/lesson-format.md.
  # - id: example-choice
  #   type: choice
  #   skill: sourcing
  #   points: 1
  #   prompt: {fr: "Qui a écrit ce texte ?", en: "Who wrote this text?"}
  #   options:
  #     - id: named-author
  #       text: {fr: "Un auteur nommé, en tête du texte.", en: "A named author, at the top of the text."}
  #       correct: true
  #       feedback: {fr: "Oui : son nom est imprimé.", en: "Yes: the name is printed."}
  #     - id: no-author
  #       text: {fr: "On ne peut pas le savoir.", en: "There is no way to know."}
  #       feedback: {fr: "Relis le haut du texte.", en: "Reread the top of the text."}
  #       misconception: {fr: "Ne cherche pas dans la page elle-même.", en: "Does not look on the page itself."}
  #   explanation:
  #     fr: "Cherche d'abord dans la page : signature, mentions légales."
  #     en: "Look on the page first: byline, legal notice."
  # - id: example-highlight
  #   type: highlight
  #   skill: loaded_language
  #   points: 2
  #   prompt: {fr: "Surligne les mots qui jugent au lieu de décrire.", en: "Mark the words that judge."}
  #   passages:
  #       - quote: $quote$occurrence
  #         technique: loaded_language
  #         explanation: {fr: "À écrire : pourquoi ce mot juge.", en: "To write: why this word judges."}
  #   explanation: {fr: "À écrire.", en: "To write."}
  # - id: example-free-text
  #   type: free_text
  #   skill: sourcing
  #   points: 2
  #   prompt: {fr: "Comment vérifier ce que dit ce texte ?", en: "How could you check what this text says?"}
  #   min_words: 8
  #   max_words: 80
  #   rubric:
  #     - id: original-source
  #       label: {fr: "Retrouver la source d'origine", en: "Find the original source"}
  #       points: 1
  #       terms: ["source*", "origin*"]
  #       feedback_missing: {fr: "D'où vient l'information ?", en: "Where does the information come from?"}
  #     - id: other-media
  #       label: {fr: "Comparer avec d'autres médias", en: "Compare with other media"}
  #       points: 1
  #       terms: ["autres médias", "other media", "compar*"]
  #       feedback_missing: {fr: "Que disent les autres ?", en: "What do others say?"}
  #   model_answer:
  #     fr: "Je chercherais la source d'origine de l'information, puis je comparerais avec d'autres médias."
  #     en: "I would look for the original source of the information, then compare with other media."
  #   explanation: {fr: "C'est la lecture latérale.", en: "This is lateral reading."}
  # - id: example-rating
  #   type: rating
  #   skill: framing
  #   points: 1
  #   prompt: {fr: "Le titre rend-il fidèlement le texte ?", en: "Does the headline render the text faithfully?"}
  #   labels: {1: {fr: "Pas du tout", en: "Not at all"}, 5: {fr: "Tout à fait", en: "Completely"}}
  #   expected: {min: 2, max: 3}
  #   explanation: {fr: "À écrire.", en: "To write."}
  # - id: example-label
  #   type: label
  #   skill: loaded_language
  #   points: 1
  #   prompt: {fr: "Quel procédé reconnais-tu ?", en: "Which technique do you recognise?"}
  #   vocabulary: techniques
  #   categories: [loaded_language, name_calling, doubt, exaggeration_minimisation]
  #   excerpts:
  #       - id: excerpt-1
  #         quote: $label_quote$label_occurrence
  #         answer: loaded_language
  #         explanation: {fr: "À écrire.", en: "To write."}
  #   explanation: {fr: "À écrire.", en: "To write."}
""")
