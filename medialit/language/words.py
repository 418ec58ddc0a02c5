"""Matching a student's written words against a teacher's rubric terms.

Forgiving in the ways that do not change meaning: case, accents, curly vs straight apostrophes
and quotes (words are split on them), French and English word forms (simplemma lemmas: "accusé",
"accusait" and "accusations" meet at "accuser"/"accusation"), and small typos (rapidfuzz
Levenshtein: none up to 3 letters, 1 for 4-8, 2 beyond). A term ending in ``*`` matches any word
starting with it; a word written ``=perdrait`` matches that exact form only (no word forms, no
typos). A term of several words matches them in a row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
LANGS = ("fr", "en")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_STOPWORD_TEXT = """
    le la les l un une des de du d au aux et ou mais donc or ni car que qu qui quoi dont où ce cet cette
    ces c ça il elle ils elles on nous vous je j tu se s sa son ses leur leurs est sont était être a ont
    avait avoir pas ne n plus en y dans sur par pour avec sans sous vers comme si parce lui eux moi the
    a an of to in on at for with by from and or but not is are was were be been it its this that these
    those he she they we you i his her their has have had do does did as so because which who what than
    then there here after before against over between during into about under without
    après avant contre entre pendant chez depuis selon malgré
    can could will would may might must should any all also very some such
    peut peuvent pourrait doit doivent tout tous toute toutes aussi très plusieurs
"""
STOPWORDS = frozenset(strip_accents(w) for w in _STOPWORD_TEXT.split())
# The words that make a sentence of a list of words: articles, prepositions, pronouns, links, auxiliaries.
GRAMMAR_WORDS = frozenset(strip_accents(w) for w in """
    le la les l un une des de du d au aux et ou mais donc car que qu qui dont ce cet cette ces il elle ils elles
    on nous vous je j tu se s sa son ses leur leurs est sont était a ont avait dans sur par pour avec sans vers
    en y à
    the a an of to in on at for with by from and or but that this these those he she they we you it its his
    her their is are was were has have had will would
""".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    form: str  # lower case, no accents
    lemma: str  # lemma, lower case, no accents


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    try:
        return strip_accents(simplemma.lemmatize(word, lang=LANGS).casefold())
    except Exception:  # noqa: BLE001 - an odd token must never break scoring; keep its plain form
        return strip_accents(word)


def tokens(text: str) -> list[Token]:
    """Words of ``text`` with their offsets, plain forms and lemmas."""
    result = []
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        result.append(Token(match.start(), match.end(), strip_accents(word), _lemma(word)))
    return result


def word_count(text: str) -> int:
    """The number of words in ``text``, as the scorers and the word limits count them."""
    return sum(1 for _ in _WORD.finditer(text))


def _allowed_typos(length: int) -> int:
    """No typo on short words (tous/trous, all/wall would meet), 1 up to 8 letters, 2 beyond."""
    return 0 if length <= 4 else 1 if length <= 8 else 2


# What may follow a wildcard stem that is a whole French word ("trou*": trou, trous, trouée — not trouve).
_INFLECTIONS = frozenset(("", "s", "x", "e", "es", "ee", "ees"))
MIN_STEM = 4  # a wildcard stem shorter than this matches its word and that word's forms only


@lru_cache(maxsize=4096)
def _is_base_word(stem: str) -> bool:
    """True when ``stem`` is a French word in its base form ("trou", "source"; not "suspend", "critiqu").

    Such a stem followed by ``*`` means that word: "trou*" must not catch "trouve" (trouver). A stem that
    is only the start of words ("critiqu*", "suspend*") matches every word starting with it.
    """
    try:
        return bool(simplemma.is_known(stem, lang="fr")) and strip_accents(simplemma.lemmatize(stem, lang="fr")) == stem
    except Exception:  # noqa: BLE001 - an odd stem must never break scoring
        return False


def _english_endings(stem: str) -> frozenset[str]:
    """English inflections of a stem that is also a French word ("plan*": plans, planned, planning)."""
    double = stem[-1] if stem[-1:] in "bdglmnprt" else ""
    return frozenset({"s", "es", "ed", "ing", "er", "ers", f"{double}ed", f"{double}ing", f"{double}er"})


def _wildcard_matches(token: Token, stem: str) -> bool:
    """``stem*``: words starting with the stem; for a short stem or a whole word, only its own forms."""
    if not token.form.startswith(stem):
        return False
    if len(stem) < MIN_STEM:
        return token.form == stem or token.lemma == stem
    if _is_base_word(stem):
        rest = token.form[len(stem):]
        return token.lemma == stem or rest in _INFLECTIONS or rest in _english_endings(stem)
    return True


def word_matches(token: Token, term_word: str, term_lemma: str, fuzzy: bool = True) -> bool:
    """Does one student word match one word of a rubric term? (``fuzzy``: allow small typos)"""
    if term_word.startswith("="):
        return token.form == term_word[1:]
    if term_word.endswith("*"):
        return _wildcard_matches(token, term_word[:-1])
    if token.form == term_word or token.lemma == term_lemma or token.lemma == term_word:
        return True
    allowed = _allowed_typos(len(term_word)) if fuzzy else 0
    return bool(allowed) and Levenshtein.distance(token.form, term_word, score_cutoff=allowed) <= allowed


@lru_cache(maxsize=4096)
def _term_words(term: str) -> tuple[tuple[str, str], ...]:
    words = []
    for raw in re.findall(r"=?[^\W_]+\*?", term.casefold()):
        if raw.startswith("="):
            words.append(("=" + strip_accents(raw[1:].rstrip("*")), ""))
            continue
        star = raw.endswith("*")
        plain = strip_accents(raw.rstrip("*"))
        words.append((plain + ("*" if star else ""), plain if star else _lemma(raw)))
    return tuple(words)


def find_term(toks: list[Token], term: str, fuzzy: bool = True) -> tuple[int, int] | None:
    """The first place (char offsets in the answer) where ``term`` occurs, or None.

    ``fuzzy=False`` turns typo tolerance off (used for words that must be absent: a false match
    there would cost the student points for a word they did not write).
    """
    words = _term_words(term)
    if not words:
        return None
    for i in range(len(toks) - len(words) + 1):
        if all(word_matches(toks[i + j], w, lemma, fuzzy) for j, (w, lemma) in enumerate(words)):
            return toks[i].start, toks[i + len(words) - 1].end
    return None


def find_all_terms(toks: list[Token], term: str, fuzzy: bool = True) -> list[tuple[int, int]]:
    """Every place ``term`` occurs, as (first, last) token indices."""
    words = _term_words(term)
    if not words:
        return []
    return [(i, i + len(words) - 1) for i in range(len(toks) - len(words) + 1)
            if all(word_matches(toks[i + j], w, lemma, fuzzy) for j, (w, lemma) in enumerate(words))]


# Words that make a rubric term mean "no X" ("aucune source", "pas de source", "sans source", "not named").
_TERM_NEGATORS = frozenset(strip_accents(w) for w in
                           "ne n pas plus aucun aucune aucuns aucunes sans jamais rien ni no not never without none"
                           .split())


# Negators that determine a noun: "aucune source", "pas de source", "plus de dialogue", "sans source", "no source"
# ("pas" and "plus" only with "de": "pas exclu" negates a verb).
_DETERMINING = frozenset(strip_accents(w) for w in "pas plus aucun aucune aucuns aucunes sans no without".split())


@lru_cache(maxsize=4096)
def negative_term(term: str) -> tuple[str, bool, bool]:
    """A term's core, whether it says "no X", and whether its negation determines the core directly.

    ``aucune source`` → (``source``, True, True): met by "il ne cite jamais sa source", "pas de sources";
    ``n'envisage pas`` → (``envisage``, True, False): met by any negated "envisager"; ``source*`` →
    (``source*``, False, False). A term made only of negation words stays as it is.
    """
    plain = [strip_accents(w.lstrip("=").rstrip("*")) for w in re.findall(r"=?[^\W_]+\*?", term.casefold())]
    core, negative = negative_core(term)
    head = core.split()[0].lstrip("=").rstrip("*") if core.split() else ""
    at = next((k for k, w in enumerate(plain) if w == strip_accents(head)), 0)
    partitive = at > 0 and plain[at - 1] in ("de", "d")
    negator = plain[at - 2] if partitive and at > 1 else plain[at - 1] if at > 0 else ""
    direct = negator in _DETERMINING and (partitive or negator not in ("pas", "plus"))
    return core, negative, negative and direct


@lru_cache(maxsize=4096)
def negative_core(term: str) -> tuple[str, bool]:
    """A term's core and whether it says "no X": ``aucune source`` → (``source``, True); ``source*`` →
    (``source*``, False). A term made only of negation words stays as it is."""
    words = re.findall(r"=?[^\W_]+\*?", term.casefold())
    core, negative, skip_de = [], False, False
    for word in words:
        plain = strip_accents(word.lstrip("=").rstrip("*"))
        if plain in _TERM_NEGATORS:
            negative, skip_de = True, plain in ("pas", "plus")
            continue
        if skip_de and plain in ("de", "d"):
            skip_de = False
            continue
        skip_de = False
        core.append(word)
    if not negative or not core:
        return term, False
    return " ".join(core), True


def looks_like_keyword_list(text: str, toks: list[Token]) -> bool:
    """True for a bare list of words: short items between commas/semicolons/lines, or no function words.

    A headline-style sentence ("Russia cuts ties with NATO after the expulsions") is not a list:
    it has a few function words and no separators.
    """
    if len(toks) < 3:
        return False
    items = [part for part in re.split(r"[,;/\n•·|]+", text) if _WORD.search(part)]
    if len(items) >= 3 and sum(len(_WORD.findall(i)) for i in items) / len(items) <= 2.5:
        return True
    grammar = sum(1 for t in toks if t.form in GRAMMAR_WORDS)
    if len(toks) >= 5 and grammar <= 1:
        return True  # "réunion Ukraine Élysée Macron troupes pas exclu": words, not a sentence
    if re.search(r"[.!?]\s*$", text.strip()):
        return False  # written as a sentence; the teacher reviews every written answer anyway
    function_words = sum(1 for t in toks if t.form in STOPWORDS)
    return len(toks) >= 4 and function_words / len(toks) < 0.1
