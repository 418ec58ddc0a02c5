"""How a word list's terms meet a text (the loaded-language lexicon, the X-ray's source markers).

A term matches the words of a text by plain form (no case, no accents), by a light French/English
inflection fold ("globalistes" = "globaliste", "piteuse" = "piteux", "massive" = "massif"), or by
lemma (``medialit.language.words``). Several words match in a row, joined only by spaces, apostrophes
or hyphens. A word ending in ``*`` matches any word starting with it. ``verb: true`` on an -er
verb matches its third-person and participle forms ("oser" finds "a osé", "osait", "osent").
An exact matcher compares plain forms only (``tous`` must not find ``tout``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from medialit.language.words import STOPWORDS, Token, _lemma, strip_accents

FUNCTION_WORDS = STOPWORDS | frozenset(
    "nos notre vos votre mon ma mes ton ta tes ce cet ces our your my its his her their me us them".split())
"""Words a term matches as written only: their lemmas join unrelated words ("nos" and "sa" meet at "son")."""
_ELISIONS = {"de": ("d",), "d": ("de",), "le": ("l",), "la": ("l",), "l": ("le", "la"), "que": ("qu",),
             "qu": ("que",), "ne": ("n",), "n": ("ne",), "se": ("s",), "s": ("se",), "je": ("j",), "j": ("je",),
             "me": ("m",), "m": ("me",), "te": ("t",), "ce": ("c",), "c": ("ce",)}
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
    hyphens: tuple[bool, ...] = ()  # for each pair of words: joined by a hyphen in the term ("would-be")

    @cached_property
    def word_keys(self) -> tuple[tuple[str, str, str], ...]:
        """Each word's (plain form, inflection fold, lemma), computed once."""
        return tuple((w, fold_word(w), _lemma(w)) for w in self.words)


@dataclass
class Matcher:
    """A list of entries matched together; ``exact`` compares plain forms only (absolutes).

    Entries are indexed by the keys of their first word, so that a text is only tried against the
    entries whose first word it contains (a one-line answer meets a few entries, not thousands).
    """

    exact: bool = False
    entries: list[Entry] = field(default_factory=list)
    _by_key: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _always: list[Entry] = field(default_factory=list, repr=False)

    def add(self, entry: Entry) -> None:
        if not entry.words:
            return
        self.entries.append(entry)
        form, fold, lemma = entry.word_keys[0]
        if form.endswith("*") or entry.verb:
            self._always.append(entry)  # prefixes and conjugated verbs: no single key to look up
            return
        keys = {form} if self.exact else {form, fold, lemma}
        for key in keys:
            self._by_key.setdefault(key, []).append(entry)

    def candidates(self, index: WordIndex) -> list[Entry]:
        """The entries whose first word occurs in the indexed text (in the order they were added)."""
        found: dict[int, Entry] = {id(e): e for e in self._always}
        tables = (index.by_form,) if self.exact else (index.by_form, index.by_fold, index.by_lemma)
        for table in tables:
            for key in table:
                for entry in self._by_key.get(key, ()):
                    found[id(entry)] = entry
        return list(found.values())


@dataclass(frozen=True)
class WordIndex:
    """Where each plain form, inflection fold and lemma occurs in a text, as word indexes."""

    by_form: dict[str, set[int]]
    by_fold: dict[str, set[int]]
    by_lemma: dict[str, set[int]]

    @classmethod
    def build(cls, keys: list[tuple[str, str, str]]) -> WordIndex:
        tables: tuple[dict[str, set[int]], ...] = ({}, {}, {})
        for i, word_keys in enumerate(keys):
            for table, key in zip(tables, word_keys, strict=True):
                table.setdefault(key, set()).add(i)
        return cls(*tables)

    def where(self, entry: Entry, k: int, exact: bool) -> set[int]:
        """The indexes of the words that match word ``k`` of ``entry``."""
        form, fold, lemma = entry.word_keys[k]
        if form.endswith("*"):
            return {i for word, found in self.by_form.items() if word.startswith(form[:-1]) for i in found}
        hits = set(self.by_form.get(form, ()))
        for elided in _ELISIONS.get(form, ()):  # "une génération de" finds "une génération d'illettrés"
            hits |= self.by_form.get(elided, set())
        if not exact and form not in FUNCTION_WORDS:  # "nos filles" must not find "sa fille" by lemma
            hits |= self.by_fold.get(fold, set()) | self.by_lemma.get(lemma, set())
        if k == 0 and entry.verb and form.endswith("er"):
            for end in _ER_FINITE + _ER_PARTICIPLE:
                hits |= self.by_form.get(form[:-2] + end, set())
        return hits


def _joined(text: str, left: Token, right: Token, hyphen: bool = False) -> bool:
    """Only spaces, apostrophes or hyphens between two words (a hyphen, and no space, when ``hyphen``)."""
    gap = text[left.end:right.start]
    if hyphen:
        return gap in ("-", "\u2011", "\u2010")
    return not gap.strip(_JOINERS)


def find_entries(text: str, toks: list[Token], matcher: Matcher,
                 index: WordIndex | None = None) -> list[tuple[int, int, Entry]]:
    """Every (start, end, entry) where an entry's words occur in a row in ``toks``, in text order.

    Each entry is looked up in the text's word index (built when not given), starting from its
    rarest word, so the cost grows with the lexicon, not with the text times the lexicon.
    """
    index = index or WordIndex.build([(t.form, fold_word(t.form), t.lemma) for t in toks])
    hits: list[tuple[int, int, Entry]] = []
    for entry in matcher.candidates(index):
        sets = [index.where(entry, k, matcher.exact) for k in range(len(entry.words))]
        if not all(sets):
            continue
        rarest = min(range(len(sets)), key=lambda k: len(sets[k]))
        for i in sorted(p - rarest for p in sets[rarest]):
            if i < 0 or i + len(sets) > len(toks) or not all(i + k in sets[k] for k in range(len(sets))):
                continue
            run = toks[i:i + len(sets)]
            hyphens = entry.hyphens or (False,) * (len(run) - 1)
            if all(_joined(text, a, b, h) for a, b, h in zip(run, run[1:], hyphens, strict=False)):
                hits.append((run[0].start, run[-1].end, entry))
    return sorted(hits, key=lambda h: (h[0], -h[1]))


def make_entry(raw: dict, default_lang: str = "fr") -> Entry:
    """An entry from its data-file form ({term, category, technique, note_fr, note_en, verb, lang})."""
    term = str(raw["term"])
    words = tuple(
        plain(w) + ("*" if w.endswith("*") else "") for w in re.findall(r"[^\W_]+\*?", term, flags=re.UNICODE)
    )
    gaps = re.split(r"[^\W_]+\*?", term, flags=re.UNICODE)[1:-1]
    return Entry(term=term, category=str(raw["category"]), lang=str(raw.get("lang", default_lang)),
                 technique=raw.get("technique"), note_fr=str(raw.get("note_fr", "")),
                 note_en=str(raw.get("note_en", "")), verb=bool(raw.get("verb", False)), words=words,
                 hyphens=tuple(gap in ("-", "\u2011") for gap in gaps))
