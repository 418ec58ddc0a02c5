"""The X-ray's own data (``medialit/data/lexicon.yaml``): the names and notes of its kinds and categories,
and the words that tell who is cited. The loaded-language word lists are ``medialit.language.lexicon``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from medialit.language.matching import Entry, Matcher, WordIndex, find_entries, fold_word, make_entry, plain
from medialit.paths import DATA_FILES

LEXICON_FILE = DATA_FILES / "lexicon.yaml"

__all__ = ["LEXICON_FILE", "Entry", "Lexicon", "Matcher", "WordIndex", "find_entries", "fold_word", "lexicon",
           "make_entry", "plain", "read_lexicon"]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the X-ray reads from its data file."""

    kinds: dict[str, dict[str, str]]
    categories: dict[str, dict[str, str]]
    attribution: dict[str, dict[str, list[str]]]

    def label(self, category: str, lang: str) -> str:
        info = self.categories.get(category, {})
        return info.get(lang) or info.get("fr") or category

    def note(self, category: str, lang: str) -> str:
        info = self.categories.get(category, {})
        return info.get(f"note_{lang}") or info.get("note_fr") or ""

    def technique(self, category: str) -> str | None:
        return self.categories.get(category, {}).get("technique")


def read_lexicon(path: Path) -> Lexicon:
    """Parse the X-ray's data file (raises on a malformed file: it ships with the code and is tested)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(kinds=raw.get("kinds", {}), categories=raw.get("categories", {}),
                   attribution=raw.get("attribution", {}))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped data file, read once per process."""
    return read_lexicon(LEXICON_FILE)
