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


def word_matches(token: Token, term_word: str, term_lemma: str, fuzzy: bool = True) -> bool:
    """Does one student word match one word of a rubric term? (``fuzzy``: allow small typos)"""
    if term_word.startswith("="):
        return token.form == term_word[1:]
    if term_word.endswith("*"):
        return token.form.startswith(term_word[:-1])
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
    if re.search(r"[.!?]\s*$", text.strip()):
        return False  # written as a sentence; the teacher reviews every written answer anyway
    function_words = sum(1 for t in toks if t.form in STOPWORDS)
    return len(toks) >= 4 and function_words / len(toks) < 0.1
