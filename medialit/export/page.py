"""What the printable pages share: the values every export template reads."""

from __future__ import annotations

from functools import partial
from typing import Any

from medialit.export.markup import line_range, wrap
from medialit.format.dates import shown_date
from medialit.format.loader import LoadedLesson
from medialit.format.text import Text
from medialit.format.vocab import category_name, vocabularies
from medialit.i18n import tr


def page_values(loaded: LoadedLesson, lang: str, kind_label: str, body_class: str) -> dict[str, Any]:
    """The lesson, its document cut into numbered lines, and the helpers the templates call."""
    lesson = loaded.lesson
    lines = wrap(loaded.text)

    def t(text: Text | None) -> str:
        return loaded.t(text, lang)

    return {
        "lang": lang, "lesson": lesson, "title": t(lesson.title), "kind_label": kind_label, "body_class": body_class,
        "text": loaded.text, "lines": lines, "t": t, "tr": partial(_tr, lang=lang),
        "skill_name": lambda skill: category_name("skills", skill, lang),
        "line_range": lambda span: line_range(lines, span), "date": lambda printed: shown_date(printed, lang),
        "vocab": lambda name: vocabularies().get(name, {}),
    }


def _tr(key: str, lang: str, **values: object) -> str:
    return tr(key, lang, **values)
