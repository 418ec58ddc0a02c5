"""What every X-ray detector shares: the ``Finding`` it returns and the ``Doc`` it reads.

A ``Doc`` computes the text's words, sentences and capitalised names once, on demand, so that
each detector stays a small pure function of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from medialit.language.lexicon import CATEGORIES, Match, scan
from medialit.language.sentences import sentences
from medialit.language.words import _WORD, STOPWORDS, Token, _lemma, strip_accents
from medialit.xray.lexicon import Entry, Lexicon, Matcher, WordIndex, find_entries, fold_word, lexicon, plain


@dataclass(frozen=True)
class Finding:
    """One thing the X-ray noticed, at code-point offsets ``start:end`` of the text.

    ``detail`` holds what the finding points at, when there is one: the named source of an
    attribution, the domain of a link, the term a lexicon entry matched.
    """

    start: int
    end: int
    kind: str
    category: str
    label_fr: str
    label_en: str
    note_fr: str
    note_en: str
    technique: str | None = None
    detail: str | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_fr


_STARTERS = frozenset(
    plain(w) for w in """
    Le La Les L Un Une Des Il Elle Ils Elles On Nous Vous Je Ce Cet Cette Ces Mais Et Ou Donc Car Pour Par Dans En
    Au Aux Du De D Depuis Lors Selon Toutefois Ainsi Alors Puis Enfin Cela Ceci Rien Personne Chacun Tout Toutes Tous
    Quand Si Comme Sans Avec Sur Sous Après Avant Même Plusieurs Certains Oui Non Pourquoi Comment Qui Que Quoi
    Désormais Justement Incidemment Manifestement Bref Immédiatement Concernant Puisque Lire Suivez Copyright
    Région Thème Analyses Articles Avis Contact Pragmatique Soupçons Ayant Vos Votre Notre Son Sa Ses Leur Leurs
    The A An It This That These Those He She They We You I In On At For With By From And Or But So If As When
    Source Sources Why What Who How Read More
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche
    """.split()
) | STOPWORDS
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"»\]\)]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SINGLE_QUOTES = re.compile(r"(?<![\w'’‘])['‘][^\W\d][^'’‘\n]{0,60}?['’](?![\w'’])")
_NAME = re.compile(
    r"(?<![\w@/.])(?:(?:M\.|Mme|Mlle|Dr|Pr)[ \u00a0]+)?[A-ZÀ-ÖØ-Þ][\w’'\-]*"
    r"(?:[ \u00a0]+(?:(?:de|du|des|von|van|al|el|da|di|la|le|d[’'])[ \u00a0]*)?"
    r"[A-ZÀ-ÖØ-Þ][\w’'\-]*)*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, trimmed; a line that goes on in lower case continues the sentence."""
    return sentences(text, wrapped_lines=True)


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, str]:
    folded = word.casefold()
    return strip_accents(folded), _lemma(folded)


def fast_tokens(text: str) -> list[Token]:
    """``medialit.language.words.tokens``, with each distinct word's form and lemma computed once."""
    return [Token(m.start(), m.end(), *_word(m.group())) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


class Doc:
    """A text to X-ray, with lazily computed views shared by the detectors."""

    def __init__(self, text: str, lang: str = "fr", lex: Lexicon | None = None) -> None:
        self.text = text
        self.lang = lang if lang in ("fr", "en") else "fr"
        self.lex = lex or lexicon()
        self._runs: dict[Callable[[Doc], list[Finding]], list[Finding]] = {}

    def run(self, detector: Callable[[Doc], list[Finding]]) -> list[Finding]:
        """``detector(self)``, computed once: detectors may read each other's findings."""
        if detector not in self._runs:
            self._runs[detector] = detector(self)
        return self._runs[detector]

    @cached_property
    def tokens(self) -> list[Token]:
        return fast_tokens(self.text)

    @cached_property
    def keys(self) -> list[tuple[str, str, str]]:
        """Each word's lexicon keys: plain form, inflection fold, lemma."""
        return [(t.form, fold_word(t.form), t.lemma) for t in self.tokens]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The words starting at or after ``start`` and ending by ``end``."""
        i = bisect_left(self._token_starts, start)
        found = []
        while i < len(self.tokens) and self.tokens[i].end <= end:
            found.append(self.tokens[i])
            i += 1
        return found

    @cached_property
    def prose(self) -> list[bool]:
        """For each word: is it prose (outside URLs, e-mail addresses and link targets)?"""
        flags, spans, k = [], self.code_spans, 0
        for token in self.tokens:
            while k < len(spans) and spans[k][1] <= token.start:
                k += 1
            flags.append(not (k < len(spans) and spans[k][0] <= token.start))
        return flags

    @cached_property
    def code_spans(self) -> list[tuple[int, int]]:
        """Addresses, not prose: URLs, e-mail addresses, the target of Markdown links."""
        spans = [m.span() for m in _ADDRESS.finditer(self.text)]
        spans += [m.span(1) for m in re.finditer(r"\]\(([^()\s]*)\)", self.text)]
        return sorted(spans)

    def find(self, matcher: Matcher) -> list[tuple[int, int, Entry]]:
        """The matcher's entries found in the prose of the text (not in addresses)."""
        hits = find_entries(self.text, self.tokens, matcher, self.index)
        return [h for h in hits if self.in_prose(h[0])]

    @cached_property
    def index(self) -> WordIndex:
        """Where each word occurs, by plain form, fold and lemma."""
        return WordIndex.build(self.keys)

    def in_prose(self, offset: int) -> bool:
        i = bisect_right(self._code_starts, offset) - 1
        return not any(a <= offset < b for a, b in self.code_spans[max(0, i - 2):i + 1])

    @cached_property
    def _code_starts(self) -> list[int]:
        return [a for a, _ in self.code_spans]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Spans of quotations, marks included: «…» (nested ones too), “…”, straight quotes paired in order
        within a paragraph, and single quotes around a few words ('vision', ‘vision’), never an apostrophe."""
        spans, stack = [], []
        for match in re.finditer(r"[«»“”]", self.text):
            if match.group() in "«“":
                stack.append(match.start())
            elif stack:
                spans.append((stack.pop(), match.end()))
        for paragraph in re.finditer(r"[^\n]+", self.text):
            marks = [paragraph.start() + m.start() for m in re.finditer('"', paragraph.group())]
            spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2], strict=False)]
        spans += [m.span() for m in _SINGLE_QUOTES.finditer(self.text)]
        return sorted(set(spans))

    @cached_property
    def loaded_matches(self) -> list[Match]:
        """Every loaded word or formula of the lexicon (``medialit.language.lexicon``), all categories."""
        return scan(self.text, self.tokens, self.lang, self.index, categories=CATEGORIES)

    def in_quotation(self, start: int, end: int) -> bool:
        """Is ``start:end`` inside quotation marks (someone's words, or a term the scare-quote finding shows)?"""
        i = bisect_right(self._quote_starts, start)
        return any(a < start and end < b for a, b in self.quotes[:i])

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [a for a, _ in self.quotes]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (an empty span between sentences)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return (offset, offset)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    @cached_property
    def _name_starts(self) -> list[int]:
        return [n.start for n in self.names]

    def names_between(self, start: int, end: int) -> list[Name]:
        """The names starting at or after ``start`` and ending by ``end``."""
        i = bisect_left(self._name_starts, start)
        return [n for n in self.names[i:] if n.start < end and n.end <= end]

    @cached_property
    def names(self) -> list[Name]:
        """Capitalised names and organisations; a common word opening a sentence is left out."""
        starts = {s for s, _ in self.sentences}
        found = []
        for match in _NAME.finditer(self.text):
            words = [(m.start() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
            first_start, first = words[0]
            elided = re.match(r"(?i)(?:l|d|qu)['’](?=[A-ZÀ-ÖØ-Þ])", first)
            if elided:
                words[0] = (first_start + elided.end(), first[elided.end():])
            while words and plain(words[0][1]) in _STARTERS and (
                    words[0][0] in starts or _after_opening(self.text, words[0][0]) or len(words) == 1):
                words = words[1:]
            while words and words[0][1][:1].islower():  # a particle left in front: "la Russie"
                words = words[1:]
            if words:
                found.append(Name(words[0][0], match.end(), self.text[words[0][0]:match.end()]))
        return found

    def finding(self, start: int, end: int, kind: str, category: str, *, note: tuple[str, str] | None = None,
                technique: str | None = None, detail: str | None = None) -> Finding:
        """A finding labelled from the lexicon's categories; ``note`` (fr, en) overrides the category's note."""
        note_fr, note_en = note or ("", "")
        return Finding(
            start=start, end=end, kind=kind, category=category,
            label_fr=self.lex.label(category, "fr"), label_en=self.lex.label(category, "en"),
            note_fr=note_fr or self.lex.note(category, "fr"), note_en=note_en or self.lex.note(category, "en"),
            technique=technique, detail=detail,
        )


def _after_opening(text: str, start: int) -> bool:
    """True when only an opening quote, bracket or Markdown mark separates ``start`` from a sentence start."""
    before = text[max(0, start - 3):start]
    return bool(before) and not before.strip(" «“\"(*_[\u00a0")
