"""Checks for a lesson still being written: what ``medialit new`` left to fill in.

- A text that still holds the scaffold's placeholder ("À écrire" / "To write") is a warning: students
  would read it (``--strict`` turns it into a failure).
- A document that prints a byline ("Par Jeanne Martin | …") while the lesson's ``author:`` is empty is a
  warning: students would read "author: not given" under a signed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from medialit.format.byline import read_byline

Path = tuple[str | int, ...]
PLACEHOLDERS = ("À écrire", "To write")
_PLACEHOLDER = re.compile(r"^\s*(?:[ÀA] écrire|To write)\s*(?:[:.…]|$)", re.IGNORECASE)  # as medialit new writes them
_LANGS = ("fr", "en")


def _strings(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, path + (index,))


def placeholder_paths(data: Any) -> list[Path]:
    """The texts (a ``{fr, en}`` pair counts once) that still hold a placeholder, in file order."""
    found: list[Path] = []
    for path, text in _strings(data, ()):
        if not _PLACEHOLDER.search(text):
            continue
        where = path[:-1] if path and path[-1] in _LANGS else path
        if where not in found:
            found.append(where)
    return found


def placeholder_message(path: Path) -> str:
    names = [str(p) for p in path if isinstance(p, str)]
    key = names[-1] if names else "the file"
    marks = f"'{PLACEHOLDERS[0]}' / '{PLACEHOLDERS[1]}'"
    return f"'{key}' still holds the placeholder {marks} left by medialit new: write it"


def byline_message(document_text: str, author: str | None) -> str | None:
    """The warning for a printed byline with no ``author:`` (None when there is nothing to say)."""
    if author and author.strip():
        return None
    byline = read_byline(document_text)
    if byline is None:
        return None
    return (f"the document is signed (line {byline.line}: \"{byline.printed}\") but 'author:' is empty: add "
            f"author: \"{byline.author}\" under 'document:', or students will read that no author is given")


_LANGUAGE_NAMES = {"fr": "French", "en": "English"}


def untranslated_paths(data: Any) -> list[tuple[Path, str]]:
    """The ``{fr: …, en: …}`` texts that give one language only, with the language missing, in file order.

    Only in a file that translates at least one text (a lesson written in one language on purpose
    uses plain strings and is left alone). A plain string is shown as written in every language.
    """
    pairs: list[tuple[Path, dict]] = []

    def walk(node: Any, path: Path) -> None:
        if isinstance(node, dict):
            if node and set(node) <= set(_LANGS) and all(isinstance(v, str) for v in node.values()):
                pairs.append((path, node))
                return
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))

    walk(data, ())
    if not any(all(str(node.get(lang) or "").strip() for lang in _LANGS) for _, node in pairs):
        return []
    return [(path, lang) for path, node in pairs for lang in _LANGS if not str(node.get(lang) or "").strip()]


def untranslated_message(path: Path, missing: str) -> str:
    names = [str(p) for p in path if isinstance(p, str)]
    key = names[-1] if names else "the text"
    given = _LANGUAGE_NAMES[next(lang for lang in _LANGS if lang != missing)]
    return (f"'{key}' has no '{missing}:' text: students who use the kit in {_LANGUAGE_NAMES[missing]} will read "
            f"the {given}. Add a line '{missing}: \"…\"' beside the '{next(x for x in _LANGS if x != missing)}:' one")
