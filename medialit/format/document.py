"""Documents and quotes.

Teachers point at passages by QUOTING them, never by offsets. A quote is found in the document
exactly, or up to what a keyboard cannot type or a YAML line folds away: curly vs straight
apostrophes and double quotes, non-breaking spaces, and runs of white space (a line break in the
document may be a space in the quote). The result is always an offset pair into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\r": " ", "\n": " ",
    "\u2013": "-", "\u2011": "-",
})
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Folded:
    """A text folded for quote search, with the original offset of each folded character."""

    text: str
    origin: tuple[int, ...]


def fold(text: str) -> Folded:
    """Unify apostrophes, quotes and spaces; collapse white-space runs. Keeps an offset map."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch == " " and chars and chars[-1] == " ":
            continue
        chars.append(ch)
        origin.append(i)
    return Folded("".join(chars), tuple(origin))


def fold_quote(quote: str) -> str:
    return re.sub(" +", " ", quote.translate(_FOLD)).strip()


@lru_cache(maxsize=64)
def _folded(text: str) -> Folded:
    return fold(text)


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote`` occurs in ``text`` (non-overlapping), as original offsets."""
    needle = fold_quote(quote)
    if not needle:
        return []
    folded = _folded(text)
    spans = []
    start = folded.text.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((folded.origin[start], folded.origin[end - 1] + 1))
        start = folded.text.find(needle, end)
    return spans


def closest(text: str, quote: str) -> str | None:
    """The passage of ``text`` most like ``quote`` (for "did you mean"), or None if nothing is close."""
    needle = fold_quote(quote)
    folded = _folded(text).text
    if not needle or not folded:
        return None
    hit = fuzz.partial_ratio_alignment(needle, folded, score_cutoff=60)
    if hit is None:
        return None
    start, end = _widen_to_words(folded, hit.dest_start, hit.dest_end)
    return folded[start:end].strip()


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


@dataclass(frozen=True)
class QuoteLookup:
    """Where a quote was found: ``span`` when found once (or the chosen occurrence), else why not."""

    span: tuple[int, int] | None
    count: int
    problem: str | None = None


def locate(text: str, quote: str, occurrence: int | None) -> QuoteLookup:
    """Resolve a teacher's quote (+ optional 1-based occurrence) to one span, or explain why not."""
    spans = find_all(text, quote)
    shown = _shorten(quote)
    if not spans:
        near = closest(text, quote)
        hint = f' (closest: "{_shorten(near)}")' if near else ""
        return QuoteLookup(None, 0, f'the quote "{shown}" does not appear in the document{hint}')
    if occurrence is None:
        if len(spans) > 1:
            return QuoteLookup(
                None,
                len(spans),
                f'the quote "{shown}" appears {len(spans)} times in the document: '
                f"add 'occurrence: 1' (up to {len(spans)}) to say which one, or quote a longer passage",
            )
        return QuoteLookup(spans[0], 1)
    if not 1 <= occurrence <= len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        return QuoteLookup(
            None,
            len(spans),
            f'the quote "{shown}" appears {times}, so occurrence {occurrence} does not exist: '
            f"use a number from 1 to {len(spans)}",
        )
    return QuoteLookup(spans[occurrence - 1], len(spans))


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_document(path: Path) -> str:
    """The document's text exactly as stored (UTF-8, line endings untouched)."""
    data = path.read_bytes()
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValueError(f"the document is over {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
    return data.decode("utf-8")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the document's paragraphs (blocks separated by blank lines), trimmed."""
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n\s*\n|\Z))", text, flags=re.S):
        spans.append((match.start(), match.end()))
    return spans
