"""The X-ray's word lists (``medialit/data/lexicon.yaml``) and how their terms meet a text.

A term matches the words of a text by plain form (no case, no accents), by a light French/English
inflection fold ("globalistes" = "globaliste", "piteuse" = "piteux", "massive" = "massif"), or by
lemma (``medialit.matching``). Several words match in a row, joined only by spaces, apostrophes
or hyphens. A word ending in ``*`` matches any word starting with it. ``verb: true`` on an -er
verb matches its third-person and participle forms ("oser" finds "a osé", "osait", "osent").
Absolutes match exactly the forms listed (``tous`` must not find ``tout``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from medialit.matching import Token, _lemma, strip_accents
from medialit.paths import DATA_FILES

LEXICON_FILE = DATA_FILES / "lexicon.yaml"
_JOINERS = " \t\n\r\u00a0\u202f'\u2019-\u2011"
_ER_FINITE = ("e", "ent", "ait", "aient", "a", "erent", "era", "eront", "erait", "eraient")
_ER_PARTICIPLE = ("e", "ee", "es", "ees")  # accents are folded away: "é" is "e"


@lru_cache(maxsize=65536)
def fold_word(plain: str) -> str:
    """A word's inflection-free key: plural, feminine and -aux endings folded (both sides alike)."""
    w = plain
    if len(w) > 4 and w.endswith("aux"):
        return w[:-3] + "al"
    if len(w) > 3 and w[-1] in "sx" and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 5:
        for end, repl in (("euse", "eu"), ("ive", "if"), ("elle", "el"), ("enne", "en"), ("ee", "e")):
            if w.endswith(end):
                return w[: -len(end)] + repl
    return w


def plain(word: str) -> str:
    return strip_accents(word.casefold())


@dataclass(frozen=True, eq=False)
class Entry:
    """One lexicon line: a term (one or more words) with its category, technique and notes."""

    term: str
    category: str
    lang: str = "fr"
    technique: str | None = None
    note_fr: str = ""
    note_en: str = ""
    verb: bool = False
    words: tuple[str, ...] = ()

    @cached_property
    def word_keys(self) -> tuple[tuple[str, str, str], ...]:
        """Each word's (plain form, inflection fold, lemma), computed once."""
        return tuple((w, fold_word(w), _lemma(w)) for w in self.words)


@dataclass
class Matcher:
    """Entries indexed by the key of their first word, for one pass over a text's tokens."""

    exact: bool = False
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    prefixes: list[tuple[str, Entry]] = field(default_factory=list)

    def add(self, entry: Entry) -> None:
        first = entry.words[0]
        if first.endswith("*"):
            self.prefixes.append((first[:-1], entry))
            return
        keys = {first} if self.exact else {first, fold_word(first), _lemma(first)}
        if entry.verb and len(entry.words) == 1 and first.endswith("er"):
            keys |= {first[:-2] + end for end in _ER_FINITE + _ER_PARTICIPLE}
        for key in keys:
            self.by_key.setdefault(key, []).append(entry)


def _word_ok(keys: tuple[str, str, str], word: tuple[str, str, str], exact: bool) -> bool:
    """Does a word with ``keys`` (plain, fold, lemma) match one word of a term?"""
    if word[0].endswith("*"):
        return keys[0].startswith(word[0][:-1])
    return keys[0] == word[0] or (not exact and (keys[1] == word[1] or keys[2] == word[2]))


def _joined(text: str, left: Token, right: Token) -> bool:
    return not text[left.end:right.start].strip(_JOINERS)


def key_positions(keys: list[tuple[str, str, str]]) -> dict[str, list[int]]:
    """Where each key (plain form, fold or lemma) occurs, as word indexes."""
    positions: dict[str, list[int]] = {}
    for i, word_keys in enumerate(keys):
        for key in set(word_keys):
            positions.setdefault(key, []).append(i)
    return positions


def find_entries(text: str, toks: list[Token], matcher: Matcher, keys: list[tuple[str, str, str]] | None = None,
                 positions: dict[str, list[int]] | None = None) -> list[tuple[int, int, Entry]]:
    """Every (start, end, entry) where an entry's words occur in a row in ``toks``.

    Looks up the matcher's first words in the text's index of keys (built when not given), so the
    cost grows with the lexicon, not with the text times the lexicon.
    """
    keys = keys if keys is not None else [(t.form, fold_word(t.form), t.lemma) for t in toks]
    positions = positions if positions is not None else key_positions(keys)
    starts: dict[tuple[int, int], tuple[int, Entry]] = {}
    for key, entries in matcher.by_key.items():
        for i in positions.get(key, ()):
            if matcher.exact and keys[i][0] != key:
                continue
            for entry in entries:
                starts[(i, id(entry))] = (i, entry)
    for prefix, entry in matcher.prefixes:
        for i, word_keys in enumerate(keys):
            if word_keys[0].startswith(prefix):
                starts[(i, id(entry))] = (i, entry)
    hits: list[tuple[int, int, Entry]] = []
    for i, entry in sorted(starts.values(), key=lambda pair: pair[0]):
        n = len(entry.words)
        if i + n > len(toks) or not all(_word_ok(keys[i + k], entry.word_keys[k], matcher.exact) for k in range(1, n)):
            continue
        run = toks[i:i + n]
        if all(_joined(text, a, b) for a, b in zip(run, run[1:], strict=False)):
            hits.append((run[0].start, run[-1].end, entry))
    return hits


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the X-ray reads from the data file."""

    kinds: dict[str, dict[str, str]]
    categories: dict[str, dict[str, str]]
    loaded: dict[str, Matcher]
    absolutes: dict[str, Matcher]
    attribution: dict[str, dict[str, list[str]]]
    entries: tuple[Entry, ...]

    def label(self, category: str, lang: str) -> str:
        info = self.categories.get(category, {})
        return info.get(lang) or info.get("fr") or category

    def note(self, category: str, lang: str) -> str:
        info = self.categories.get(category, {})
        return info.get(f"note_{lang}") or info.get("note_fr") or ""


def _entry(raw: dict, default_lang: str = "fr") -> Entry:
    term = str(raw["term"])
    words = tuple(
        plain(w) + ("*" if w.endswith("*") else "") for w in re.findall(r"[^\W_]+\*?", term, flags=re.UNICODE)
    )
    return Entry(term=term, category=str(raw["category"]), lang=str(raw.get("lang", default_lang)),
                 technique=raw.get("technique"), note_fr=str(raw.get("note_fr", "")),
                 note_en=str(raw.get("note_en", "")), verb=bool(raw.get("verb", False)), words=words)


def _matchers(entries: list[Entry], exact: bool) -> dict[str, Matcher]:
    result: dict[str, Matcher] = {}
    for entry in entries:
        if entry.words:
            result.setdefault(entry.lang, Matcher(exact=exact)).add(entry)
    return result


def read_lexicon(path: Path) -> Lexicon:
    """Parse a lexicon file (raises on a malformed file: it ships with the code and is tested)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded = [_entry(e) for e in raw.get("loaded", [])]
    absolutes = [_entry(e) for e in raw.get("absolutes", [])]
    return Lexicon(
        kinds=raw.get("kinds", {}),
        categories=raw.get("categories", {}),
        loaded=_matchers(loaded, exact=False),
        absolutes=_matchers(absolutes, exact=True),
        attribution=raw.get("attribution", {}),
        entries=tuple(loaded + absolutes),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return read_lexicon(LEXICON_FILE)
