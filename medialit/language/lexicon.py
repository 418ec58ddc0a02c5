"""Loaded language in French and English: a general lexicon and a few rules, for the X-ray and the scorers.

``find_loaded(text, lang)`` lists the words and formulas of ``text`` that push a feeling or a verdict
instead of describing: insults and labels, dehumanising metaphors, dismissive and ironic wording,
exaggeration, fear words, certainty and false-dilemma formulas, intensifiers, judging words. It works
on a whole article as on a student's one-line rewrite, and it leaves neutral words alone (a word list is
no verdict: "régime" may be fiscal; the teacher decides).

The word lists are data (``medialit/data/loaded/``): ``<lang>.yaml`` written by hand for this kit, by
category, as general words (never sentences copied from one document), and ``derived-<lang>.tsv``
derived from established sentiment lexicons (see their headers and THIRD_PARTY_NOTICES.md). Terms match
in any of their forms (``medialit.language.matching``); ``patterns`` are regular expressions for
formulas with gaps ("soit … soit", "either … or"). Where it matters the rules are negation-aware:
"pas vraiment", "not entirely", "il n'est pas certain" are not intensifiers or certainty formulas.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from medialit.language.matching import Entry, Matcher, WordIndex, find_entries, fold_word, make_entry
from medialit.language.words import Token, tokens
from medialit.paths import DATA_FILES

LOADED_DIR = DATA_FILES / "loaded"
LANGS = ("fr", "en")
CATEGORIES: dict[str, str] = {
    "insult": "an insult: a word that attacks a person or a group",
    "label": "a pejorative label for a person, a group or a side",
    "vague_collective": "a vague group cast as the enemy (the elites, the system)",
    "dehumanising": "people or a group as vermin, disease, flood or swarm",
    "metaphor": "a charged image in place of a fact",
    "frame_label": "a ready-made phrase that imposes a frame",
    "dismissive": "belittling wording, sarcastic compounds ('pseudo-experts', 'glorified')",
    "irony": "irony and casting doubt ('so-called', 'comme par hasard', 'Genius.')",
    "exaggeration": "exaggeration and dramatisation",
    "euphemism": "a softened word hiding a harsher reality",
    "fear": "fear and threat words",
    "loaded_verb": "a verb that judges what someone says or does",
    "familiar": "a colloquial word in a text that claims to inform",
    "evaluative": "a judging word (from sentiment lexicons)",
    "certainty": "certainty formulas ('chacun sait que', 'il est évident que', 'make no mistake')",
    "false_dilemma": "false-dilemma formulas ('soit … soit', 'either … or', 'pas de juste milieu')",
    "intensifier": "intensifiers ('absolument', 'every single')",
    "generalisation": "sweeping quantifiers ('tous', 'jamais', 'everyone')",
}
DEFAULT_CATEGORIES = frozenset(CATEGORIES) - {"generalisation"}
"""What ``find_loaded`` looks for by default: everything but bare quantifiers ("tous" is not loaded)."""
NEGATABLE = frozenset({"certainty", "intensifier", "generalisation"})
EXACT = frozenset({"certainty", "intensifier", "generalisation"})  # plain forms only: "tous" is not "tout"
PRIORITY = tuple(CATEGORIES)  # among equally long matches, the first category listed wins
_NEGATIONS = {"fr": frozenset("ne n pas plus jamais guere sans nullement".split()),
              "en": frozenset("not no never t nor without hardly barely".split())}
NEGATION_REACH = 3  # words before a hit where a negation cancels it
_NEGATIVE_WORDS = frozenset("jamais personne rien aucun aucune nul nulle never nobody nothing none nowhere no".split())
"""Negative universals carry their own negation ("ne … jamais"): a "ne" before them cancels nothing."""
_CLAUSE_END = re.compile(r"[.!?;:,()\n«»“”\"]")


@dataclass(frozen=True)
class LoadedHit:
    """One loaded word or formula at code-point offsets ``start:end``; ``term`` is the lexicon's form."""

    start: int
    end: int
    term: str
    category: str


@dataclass(frozen=True)
class Match:
    """A hit with what the X-ray shows beside it (an entry's own notes and technique, when it has some)."""

    hit: LoadedHit
    entry: Entry | None = None


@dataclass(frozen=True)
class Rule:
    """A regular expression of one category (formulas with gaps or punctuation)."""

    category: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, eq=False)
class LanguageLexicon:
    lang: str
    flexible: Matcher
    exact: Matcher
    rules: tuple[Rule, ...]

    @property
    def entries(self) -> list[Entry]:
        return self.flexible.entries + self.exact.entries


def _entries(raw: dict, lang: str, source: str) -> tuple[list[Entry], list[Rule]]:
    entries, rules = [], []
    for category, block in (raw or {}).items():
        if category not in CATEGORIES:
            raise ValueError(f"{source}: unknown category '{category}' (use one of {', '.join(CATEGORIES)})")
        for item in [*(block or {}).get("terms", []), *(block or {}).get("terms_more", [])]:
            data = item if isinstance(item, dict) else {"term": item}
            entries.append(make_entry({**data, "category": category, "lang": lang}))
        for pattern in (block or {}).get("patterns", []):
            rules.append(Rule(category, re.compile(pattern, re.IGNORECASE | re.MULTILINE)))
    return entries, rules


def _derived(path: Path, lang: str) -> list[Entry]:
    """The derived list: one ``term<TAB>category`` per line; ``#`` lines are its header."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, category = line.split("\t")[:2]
            entries.append(make_entry({"term": term, "category": category, "lang": lang}))
    return entries


def read_language(lang: str, folder: Path = LOADED_DIR) -> LanguageLexicon:
    """The lexicon of ``lang`` from ``folder`` (raises on a malformed file: it ships with the code, tested)."""
    raw = yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8"))
    entries, rules = _entries(raw, lang, f"{lang}.yaml")
    written = {entry.words for entry in entries}
    entries += [e for e in _derived(folder / f"derived-{lang}.tsv", lang) if e.words not in written]
    flexible, exact = Matcher(), Matcher(exact=True)
    for entry in entries:
        (exact if entry.category in EXACT else flexible).add(entry)
    return LanguageLexicon(lang, flexible, exact, tuple(rules))


@lru_cache(maxsize=len(LANGS))
def language_lexicon(lang: str) -> LanguageLexicon:
    """The shipped lexicon of ``lang`` (fr or en), read once per process."""
    return read_language(lang if lang in LANGS else "fr")


def guess_language(text: str) -> str:
    """fr or en, by the share of each language's function words (fr when unsure)."""
    forms = [t.form for t in tokens(text)]
    french = sum(f in _FR_WORDS for f in forms)
    english = sum(f in _EN_WORDS for f in forms)
    return "en" if english > french else "fr"


_FR_WORDS = frozenset("le la les un une des du de et est sont pas que qui ce cette ces il elle ils nous vous je "
                      "au aux dans sur pour par avec mais ou sans leur leurs tout tous".split())
_EN_WORDS = frozenset("the a an of and is are was were not that which who this these it he she they we you i "
                      "in on for with but or without their all".split())


def _negated(text: str, toks: list[Token], position: int, lang: str) -> bool:
    """Is the hit starting at token ``position`` cancelled by a negation just before it, in its clause?"""
    negations = _NEGATIONS.get(lang, _NEGATIONS["fr"])
    for k in range(position - 1, max(-1, position - 1 - NEGATION_REACH), -1):
        if _CLAUSE_END.search(text[toks[k].end:toks[k + 1].start]):
            return False
        if toks[k].form in negations:
            return True
    return False


def _token_at(toks: list[Token], starts: list[int], offset: int) -> int:
    return min(bisect_left(starts, offset), len(toks) - 1) if toks else 0


def scan(text: str, toks: list[Token], lang: str, index: WordIndex | None = None,
         categories: Iterable[str] | None = None) -> list[Match]:
    """Every loaded word or formula of ``text`` (already split into ``toks``), longest first where they overlap.

    ``categories`` limits the search (default: ``DEFAULT_CATEGORIES``); the X-ray passes all of them.
    """
    wanted = frozenset(categories) if categories is not None else DEFAULT_CATEGORIES
    lex = language_lexicon(lang)
    index = index or WordIndex.build([(t.form, fold_word(t.form), t.lemma) for t in toks])
    found: list[Match] = []
    for matcher in (lex.flexible, lex.exact):
        for start, end, entry in find_entries(text, toks, matcher, index):
            if entry.category in wanted:
                found.append(Match(LoadedHit(start, end, entry.term, entry.category), entry))
    for rule in lex.rules:
        if rule.category in wanted:
            found += [Match(LoadedHit(m.start(), m.end(), " ".join(m.group().split()), rule.category))
                      for m in rule.pattern.finditer(text) if m.end() > m.start()]
    starts = [t.start for t in toks]
    kept: list[Match] = []
    reach = -1
    rank = {category: i for i, category in enumerate(PRIORITY)}
    for match in sorted(found, key=lambda m: (m.hit.start, -m.hit.end, rank[m.hit.category])):
        hit = match.hit
        if hit.end <= reach:
            continue  # inside a longer match already kept
        position = _token_at(toks, starts, hit.start)
        negative = toks and toks[position].form in _NEGATIVE_WORDS
        if hit.category in NEGATABLE and not negative and _negated(text, toks, position, lang):
            continue
        kept.append(match)
        reach = hit.end
    return kept


def find_loaded(text: str, lang: str | None = None, *, categories: Iterable[str] | None = None) -> list[LoadedHit]:
    """The loaded words and formulas of ``text`` (an article or one student sentence), in text order.

    ``lang`` is fr or en (guessed from the text when None). ``categories`` limits the search; by default
    every category of ``CATEGORIES`` but ``generalisation`` (a bare "tous" or "all" is not loaded wording).
    """
    language = lang if lang in LANGS else guess_language(text)
    return [match.hit for match in scan(text, tokens(text), language, categories=categories)]


__all__ = ["CATEGORIES", "DEFAULT_CATEGORIES", "LoadedHit", "Match", "find_loaded", "guess_language",
           "language_lexicon", "scan"]
