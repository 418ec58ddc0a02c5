"""Student-facing text: one Markdown string, or one per language (``fr:`` / ``en:``).

A plain string is taken as written in the lesson's language and shown whatever the interface
language is. A per-language text is shown in the chosen language, falling back to the lesson's
own, then to any language given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

LANGUAGES = ("fr", "en")
ANY = "*"


@dataclass(frozen=True)
class Text:
    """A text in one or several languages. ``values`` maps "fr"/"en" (or "*" for any) to Markdown."""

    values: tuple[tuple[str, str], ...]

    def get(self, lang: str, fallback: str = "fr") -> str:
        """The text in ``lang``, else in ``fallback``, else the first one given."""
        table = dict(self.values)
        for wanted in (lang, ANY, fallback):
            if table.get(wanted):
                return table[wanted]
        return next((v for _, v in self.values if v), "")

    def has(self, lang: str) -> bool:
        """True when the text exists in ``lang`` (a plain string counts for every language)."""
        table = dict(self.values)
        return bool(table.get(lang) or table.get(ANY))

    def __bool__(self) -> bool:
        return any(v.strip() for _, v in self.values)

    def all_strings(self) -> list[str]:
        return [v for _, v in self.values]

    @classmethod
    def plain(cls, value: str) -> Text:
        return cls(((ANY, value),))


def _parse(value: Any) -> Text:
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        return Text.plain(value)
    if isinstance(value, dict):
        unknown = [str(k) for k in value if k not in LANGUAGES]
        if unknown:
            raise PydanticCustomError(
                "text_language",
                "unknown language '{lang}': give the text as 'fr:' and/or 'en:'",
                {"lang": unknown[0]},
            )
        if not value:
            raise PydanticCustomError("text_empty", "the text is empty: write it after 'fr:' and/or 'en:'")
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        if bad:
            raise PydanticCustomError(
                "text_type",
                "the '{lang}:' text should be text; put it in quotes if it starts with a special character",
                {"lang": bad[0]},
            )
        return Text(tuple((k, value[k]) for k in LANGUAGES if k in value))
    if value is None:
        raise PydanticCustomError("text_missing", "the text is empty: write something after the colon")
    raise PydanticCustomError(
        "text_type",
        "should be text (or 'fr:' / 'en:' texts), not {shown}; put it in quotes",
        {"shown": _shown(value)},
    )


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    return "this value"


def _dump(text: Text) -> Any:
    table = dict(text.values)
    return table[ANY] if list(table) == [ANY] else table


_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {lang: {"type": "string"} for lang in LANGUAGES},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
    "description": "Markdown text, or one text per language (fr:, en:).",
}

LText = Annotated[Text, PlainValidator(_parse), PlainSerializer(_dump), WithJsonSchema(_SCHEMA)]
"""Field type for student-facing text in lesson models."""


def localize(text: Text | None, lang: str, fallback: str = "fr") -> str:
    """``text`` in ``lang`` (with fallback); the empty string for None."""
    return text.get(lang, fallback) if text is not None else ""


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$:.])")
_LEADING_MARKER = re.compile(r"^([-+]|\d+\))")


def escape_markdown(text: object) -> str:
    """Any text (a passage, a pseudonym, a file name) as inline Markdown that shows it as written:
    white space folded; emphasis, code, links, HTML, headings, tables, Streamlit's ``:colour[…]`` and
    ``$maths$``, and bare web addresses (``www.x.fr`` autolinks: its dots are escaped) stay text; a
    leading list marker too."""
    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _LEADING_MARKER.sub(lambda m: "\\" + m.group(1) if m.group(1) in "-+" else m.group(1)[:-1] + "\\)", flat)


_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "‘": "’", "'": "'"}


def has_own_quotes(text: str) -> bool:
    """True when ``text`` is one quotation with its own marks («…», “…”, "…"): the quote closing its
    first mark is its last character ("« a » et « b »" is two quotations, not one)."""
    flat = text.strip()
    if len(flat) < 2 or flat[0] not in _PAIRS or flat[-1] != _PAIRS[flat[0]]:
        return False
    opening, closing = flat[0], _PAIRS[flat[0]]
    if opening == closing:
        return flat.count(opening) == 2
    depth = 0
    for index, char in enumerate(flat):
        depth += (char == opening) - (char == closing)
        if depth == 0:
            return index == len(flat) - 1
    return False


def quoted(text: str) -> str:
    """A passage between French quotes, unless it already is one quotation with its own marks."""
    return text.strip() if has_own_quotes(text) else "« " + text + " »"


def quoted_markdown(text: str) -> str:
    """A passage of a document as inline Markdown between French quotes (its own marks when it has them)."""
    if has_own_quotes(text):
        return escape_markdown(text)
    return "«\u00a0" + escape_markdown(text) + "\u00a0»"
