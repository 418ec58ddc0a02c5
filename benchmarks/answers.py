"""Answers a simulated student gives, and how they map onto the app's widgets.

``make_answer(loaded, q, lang, rng, right=...)`` returns a raw answer in the store's format
(``{"selected": [...]}``, ``{"spans": [...]}``, ...): the question's ideal answer, or a plausible
wrong one. ``widget_values(...)`` turns it into ``{widget key: wire value}`` for the app's
answer widgets (keys from ``medialit.ui.keys``, labels as the page formats them), split into
what a browser sends at once (an *edit*, which causes a rerun: text areas and highlight marks)
and what rides along with the Submit click (radio, checkboxes, selectboxes use
``on_change="ignore"``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.questions import QuestionBase
from medialit.ui import keys
from medialit.ui.highlight import sentence_units

WRONG_TEXT = {
    "fr": "Je pense que ce texte est plutôt correct et je le partagerais tel quel.",
    "en": "I think this text is mostly fine and I would share it as it is.",
}


def wrong_text(lang: str, min_words: int, max_words: int) -> str:
    """An off-the-point answer with a word count the question accepts."""
    sentence = WRONG_TEXT.get(lang, WRONG_TEXT["fr"])
    words = sentence.split()
    count = max(min_words, min(len(words), max_words))
    return " ".join(words[i % len(words)] for i in range(count))


@dataclass
class WidgetInput:
    """Widget values for one attempt: ``edit`` first (its own rerun), then ``submit`` with the click."""

    edit: dict[str, Any] = field(default_factory=dict)
    submit: dict[str, Any] = field(default_factory=dict)


def make_answer(loaded: LoadedLesson, q: QuestionBase, lang: str, rng: random.Random, *, right: bool) -> dict:
    """The ideal answer when ``right``, else a wrong (but complete) one."""
    ctx = loaded.context(q, lang)
    ideal = q.ideal_answer(ctx)
    if right:
        return ideal
    if q.type == "choice":
        wrong = [o.id for o in q.options if not o.correct]
        return {"selected": [rng.choice(wrong)]} if wrong else ideal
    if q.type == "rating":
        values = list(range(q.scale_min, q.scale_max + 1))
        outside = [v for v in values if q.expected is None or not q.expected.min <= v <= q.expected.max]
        return {"value": rng.choice(outside or values)}
    if q.type == "free_text":
        return {"text": wrong_text(lang, q.min_words, q.max_words)}
    if q.type == "label":
        offered = q.offered()
        labels = {}
        for excerpt in q.excerpts:
            others = [c for c in offered if c not in excerpt.answer] or offered
            labels[excerpt.id] = rng.choice(others)
        return {"labels": labels}
    if q.type == "highlight":
        units = sentence_units(loaded.text)
        return {"spans": [list(rng.choice(units))]} if units else ideal
    return ideal


def widget_values(loaded: LoadedLesson, q: QuestionBase, raw: dict, attempt: int, lang: str) -> WidgetInput:
    """The widget values that make the app read back ``raw`` for this attempt."""
    key = keys.answer(loaded.lesson.id, q.id, attempt)
    fallback = loaded.lesson.language
    out = WidgetInput()
    if q.type == "choice" and q.is_multiple():
        picked = set(raw.get("selected", []))
        out.submit = {f"{key}-{o.id}": o.id in picked for o in q.options if o.id in picked}
    elif q.type == "choice":
        names = {o.id: o.text.get(lang, fallback) for o in q.options}
        out.submit = {key: names[raw["selected"][0]]}
    elif q.type == "rating":
        out.submit = {key: int(raw["value"]) - q.scale_min}  # by position: the labels are decorated
    elif q.type == "label":
        out.submit = {f"{key}-{eid}": category_name(q.vocabulary, cat, lang) for eid, cat in raw["labels"].items()}
    elif q.type == "free_text":
        out.edit = {key: raw["text"]}
    elif q.type == "highlight":
        out.edit = {key: {"spans": [list(s) for s in raw["spans"]]}}
    return out
