"""What a student's marks mean before they are scored: defensible passages set aside, near misses forgiven.

- **Acceptable passages**: a teacher lists passages that are also defensible but not required (a loaded
  phrase the question does not ask about). What a student marks inside one costs no precision and earns
  no recall: it is left out of the mark's length.
- **Edges**: a mark that differs from an expected passage by a word at an edge ("les poncifs
  anti-russes" for "poncifs anti-russes"), or by small words only ("de la"), marks that passage.
- **Where to look**: the paragraphs (non-empty lines of the document) that hold what was missed, for
  the feedback of a retry — which never shows the expected text itself.
"""

from __future__ import annotations

from functools import lru_cache

from medialit.language.spans import Span, merge, overlap
from medialit.language.words import STOPWORDS, Token, tokens

EDGE_WORDS = 1  # words a mark may have more or fewer than an expected passage, at its edges
EDGE_SMALL_WORDS = 2  # or this many small words (articles, prepositions)


@lru_cache(maxsize=32)
def _words(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


def _inside(words: tuple[Token, ...], span: Span) -> set[int]:
    return {i for i, w in enumerate(words) if w.start >= span[0] and w.end <= span[1]}


def subtract(marks: list[Span], cuts: list[Span]) -> list[Span]:
    """``marks`` without the characters of ``cuts``."""
    result: list[Span] = []
    for start, end in marks:
        pieces = [(start, end)]
        for a, b in cuts:
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[1] > p[0]]
        result += pieces
    return merge(result)


def aside(acceptable: list[Span], gold: list[Span]) -> list[Span]:
    """What a mark may cover at no cost: the acceptable passages, but not what lies in an expected one."""
    return subtract(merge(acceptable), gold)


def prf_aside(marks: list[Span], gold: list[Span], set_aside: list[Span]) -> tuple[float, float, float]:
    """The SemEval-2020 span scores, with the characters of ``set_aside`` left out of each mark's length.

    A mark wholly inside ``set_aside`` does not count at all; a mark partly inside it is judged on the
    rest of its length (it is not cut in pieces, which would flatter a mark over a whole paragraph).
    """
    judged = []
    for mark in marks:
        length = (mark[1] - mark[0]) - sum(overlap(mark, a) for a in set_aside)
        if length > 0:
            judged.append((mark, length))
    if not judged or not gold:
        return (0.0, 0.0, 0.0) if judged or gold else (1.0, 1.0, 1.0)
    precision = sum(sum(overlap(m, t) for t in gold) / length for m, length in judged) / len(judged)
    recall = sum(overlap(m, t) / (t[1] - t[0]) for m, _ in judged for t in gold) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def forgive_edges(text: str, marks: list[Span], gold: list[Span]) -> list[Span]:
    """Each mark that covers an expected passage but for a word at an edge (or two small words) becomes it."""
    words = _words(text)
    result = []
    for mark in marks:
        near = next((g for g in gold if overlap(mark, g) and _near(words, mark, g)), None)
        result.append(near if near is not None else mark)
    return merge(result)


def _near(words: tuple[Token, ...], mark: Span, expected: Span) -> bool:
    marked, wanted = _inside(words, mark), _inside(words, expected)
    if not wanted or len(marked & wanted) * 2 < len(wanted):
        return False
    differing = marked ^ wanted
    small = all(words[i].form in STOPWORDS for i in differing)
    return len(differing) <= EDGE_WORDS or (small and len(differing) <= EDGE_SMALL_WORDS)


@lru_cache(maxsize=32)
def paragraphs(text: str) -> tuple[Span, ...]:
    """The document's paragraphs: its non-empty lines, as spans."""
    found, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(found)


def paragraphs_of(text: str, spans: list[Span]) -> list[int]:
    """The 1-based numbers of the paragraphs holding ``spans`` (sorted, distinct)."""
    blocks = paragraphs(text)
    return sorted({n for n, block in enumerate(blocks, start=1) for span in spans if overlap(block, span)})
