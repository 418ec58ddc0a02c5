"""Charts for the printable report as plain HTML and inline SVG: no script, no external fetch.

Every function escapes what it is given; callers pass raw strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import numpy as np

BAR_COLOR = "#1f5fa8"
HEAT_RGB = "230, 120, 0"


def pct(share: float | None, lang: str = "fr") -> str:
    """``0.756`` -> ``"76 %"`` in French (a no-break space before %, so a narrow cell never splits it),
    ``"76%"`` in English; missing -> ``"–"``."""
    if share is None or _nan(share):
        return "–"
    return f"{round(share * 100)}\u00a0%" if lang == "fr" else f"{round(share * 100)}%"


def _nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)


def bar(share: float | None, label: str | None = None, lang: str = "fr") -> str:
    """A horizontal bar filled to ``share`` (0..1) with its percentage (or ``label``) beside it."""
    width = 0 if share is None or _nan(share) else max(0.0, min(1.0, share)) * 100
    text = escape(label if label is not None else pct(share, lang))
    return (f'<span class="bar"><span class="fill" style="width:{width:.1f}%"></span></span>'
            f'<span class="num">{text}</span>')


def svg_bars(items: Sequence[tuple[str, float | None]], width: int = 520, row: int = 26, lang: str = "fr",
             title: str = "") -> str:
    """A horizontal bar chart (labels left, bars scaled 0..1, percentages right) as inline SVG."""
    label_w, num_w = 170, 60
    scale = width - label_w - num_w
    height = row * len(items) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'class="chart" viewBox="0 0 {width} {height}" style="max-width:100%;height:auto" '
             f'aria-label="{escape(title)}">']  # shrinks to a narrow column (1024 px, a phone) instead of overflowing
    for i, (label, share) in enumerate(items):
        y = i * row + 4
        filled = 0 if share is None or _nan(share) else max(0.0, min(1.0, share)) * scale
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{scale}" height="16" fill="#e8eef6"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{filled:.1f}" height="16" fill="{BAR_COLOR}"/>')
        parts.append(f'<text x="{label_w + scale + 6}" y="{y + 15}" font-size="13">{escape(pct(share, lang))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heat_html(text: str, heat: Sequence[int], expected: Sequence[tuple[int, int]], students_label: str,
              gap: str | None = None) -> str:
    """The document with each passage shaded by how many learners marked it; expected passages underlined.

    ``students_label`` is a title template with ``{n}`` (e.g. "{n} student(s)"). With ``gap`` (e.g.
    "[…]"), only the paragraphs someone marked or that hold an expected passage are kept, each run of
    left-out paragraphs shown as ``gap`` once: a printed report does not reprint a page's menus and
    cookie notice that nobody marked.
    """
    counts = np.asarray(heat, dtype=int) if len(heat) == len(text) else np.zeros(len(text), dtype=int)
    top = max(int(counts.max(initial=0)), 1)
    gold = np.zeros(len(text) + 1, dtype=int)
    for start, end in expected:
        gold[max(0, start)] += 1
        gold[min(len(text), end)] -= 1
    in_gold = np.cumsum(gold[:len(text)]) > 0
    parts, skipped = [], False
    for start, end in _paragraphs(text):
        if gap is not None and not (counts[start:end].any() or in_gold[start:end].any()):
            skipped = True
            continue
        if skipped:
            parts.append(f'<p class="gap">{escape(gap or "")}</p>')
            skipped = False
        parts.append("<p>" + _shaded(text, start, end, counts, in_gold, top, students_label) + "</p>")
    if skipped:
        parts.append(f'<p class="gap">{escape(gap or "")}</p>')
    return '<div class="document">' + "".join(parts) + "</div>"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as (start, end) offsets."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _shaded(text: str, first: int, last: int, counts: np.ndarray, in_gold: np.ndarray, top: int,
            students_label: str) -> str:
    """``text[first:last]`` as HTML, cut wherever the count or the expected state changes."""
    inner_counts, inner_gold = counts[first:last], in_gold[first:last]
    cuts = sorted({0, last - first, *np.flatnonzero(np.diff(inner_counts)) + 1,
                   *np.flatnonzero(np.diff(inner_gold)) + 1})
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[first + start:first + end])
        n, underline = int(inner_counts[start]), bool(inner_gold[start])
        if not n and not underline:
            parts.append(piece)
            continue
        style = f"background: rgba({HEAT_RGB}, {0.15 + 0.75 * n / top:.2f});" if n else ""
        css = ' class="expected"' if underline else ""
        title = escape(students_label.format(n=n))
        parts.append(f'<span{css} style="{style}" title="{title}">{piece}</span>')
    return "".join(parts)
