"""The Jinja environment of the printable exports: autoescape on, lesson Markdown through safe filters.

Templates live in ``medialit/export/templates``; each question type's worksheet template is its own
``worksheet.html``, reached as ``type/<name>``. Every value is escaped unless a filter makes it
markup: ``md`` / ``md_inline`` render lesson Markdown with raw HTML escaped and unsafe links dropped.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, Environment, FunctionLoader, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from medialit.export.markup import md, md_inline
from medialit.format.text import quoted
from medialit.questions.registry import KINDS

TYPE_PREFIX = "type/"


def _type_template(name: str) -> tuple[str, str, Any] | None:
    """``type/<name>``: that question type's ``worksheet.html``."""
    if not name.startswith(TYPE_PREFIX) or name[len(TYPE_PREFIX):] not in KINDS:
        return None
    path = KINDS[name[len(TYPE_PREFIX):]].worksheet_template
    source = path.read_text(encoding="utf-8")
    return source, str(path), lambda: path.read_text(encoding="utf-8") == source


@cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("medialit.export", "templates"), FunctionLoader(_type_template)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: Markup(md(text or ""))
    env.filters["md_inline"] = lambda text: Markup(md_inline(text or ""))
    env.filters["quoted"] = quoted  # escaped by autoescape like any text
    return env


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)
