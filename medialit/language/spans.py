"""Span arithmetic and the SemEval-2020 Task 11 span scorer.

Spans are half-open ``(start, end)`` character offsets. With S the student's spans and T the
expected ones (each set merged first):
P = (1/|S|) sum_s sum_t |s & t| / |s|,  R = (1/|T|) sum_s sum_t |s & t| / |t|,  F1 = 2PR/(P+R).
Partial overlap earns partial credit; marking the whole document gives near-zero precision.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

Span = tuple[int, int]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans joined; empty spans dropped."""
    result: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if int(e) > int(s)):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(s, e) for s, e in result]


def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in ("P", "S")


def trim(text: str, span: Span) -> Span | None:
    """``span`` clipped to the text, without white space or punctuation at its edges (None if empty)."""
    start, end = max(0, span[0]), min(len(text), span[1])
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def clean(text: str, spans: Iterable[Span]) -> list[Span]:
    """Trim every span's edges, then merge: the form every scorer works on."""
    trimmed = [t for s in spans if (t := trim(text, (int(s[0]), int(s[1])))) is not None]
    return merge(trimmed)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(student: list[Span], gold: list[Span]) -> tuple[float, float, float]:
    """Precision, recall and F1 by the SemEval-2020 formula (both empty gives 1, 1, 1)."""
    if not student and not gold:
        return 1.0, 1.0, 1.0
    if not student or not gold:
        return 0.0, 0.0, 0.0
    precision = sum(overlap(s, t) / (s[1] - s[0]) for s in student for t in gold) / len(student)
    recall = sum(overlap(s, t) / (t[1] - t[0]) for s in student for t in gold) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def coverage(span: Span, others: list[Span]) -> float:
    """The share of ``span`` covered by ``others`` (0..1)."""
    length = span[1] - span[0]
    return sum(overlap(span, o) for o in merge(others)) / length if length else 0.0
