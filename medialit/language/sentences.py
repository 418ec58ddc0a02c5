"""Sentences of a document: one splitter, one list of abbreviations, for the X-ray and the highlight widget.

A sentence ends at terminal punctuation (``. ! ? …``, with closing quotes or brackets after it)
followed by white space and a new sentence (not a lower-case word, a digit or a comma), except after
an abbreviation ("M.", "Mme", "cf.", "J."); and at a line break — unless ``wrapped_lines`` is true
and the next line goes on in lower case after a line that ends mid-sentence (text wrapped by hand).
Spans are code-point offsets, trimmed of white space; spans without a letter or digit are dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from medialit.language.spans import Span

ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle mr mrs ms dr pr me mgr st ste etc cf ex p pp n no vol art av ap bd vs j c".split()
)
_TERMINATOR = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"'’)\]*_]+)*")
_ENDS_MID_SENTENCE = ".!?…:»\"”"


def _word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the ``.`` at ``dot`` ends an abbreviation ("M.", "Mme.", "cf.") or an initial ("J.")."""
    start = dot
    while start > 0 and _word_char(text[start - 1]):
        start -= 1
    word = text[start:dot]
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return (len(word) == 1 and word.isupper()) or plain in ABBREVIATIONS


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    end = match.end()
    if end < len(text) and not text[end].isspace():
        return False
    if match.group().startswith(".") and _abbreviation_before(text, match.start()):
        return False
    following = text[end:end + 3].lstrip(" \u00a0\u202f")[:1]
    return not (following and (following.islower() or following.isdigit() or following in ",;:"))


@functools.lru_cache(maxsize=128)
def _sentences(text: str, wrapped_lines: bool) -> tuple[Span, ...]:
    cuts = {0, len(text)} | {m.end() for m in _TERMINATOR.finditer(text) if _ends_sentence(text, m)}
    for match in re.finditer(r"\n", text):
        after = re.match(r"\s*(\S?)", text[match.end():match.end() + 200])
        following = after.group(1) if after else ""
        line_before = text[max(0, match.start() - 200):match.start()].rstrip()
        if not (wrapped_lines and following.islower() and line_before[-1:] not in _ENDS_MID_SENTENCE):
            cuts.add(match.start())
    bounds = sorted(cuts)
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if any(_word_char(c) for c in text[a:b]):
            spans.append((a, b))
    return tuple(spans)


def sentences(text: str, *, wrapped_lines: bool = False) -> list[Span]:
    """The sentences (and lines) of ``text``, as sorted, disjoint, trimmed spans (see the module doc)."""
    return list(_sentences(text, wrapped_lines))
