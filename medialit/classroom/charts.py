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


def pct(share: float | None) -> str:
    """``0.756`` -> ``"76 %"`` (a no-break space before %, so a narrow cell never splits it); missing -> ``"–"``."""
    return "–" if share is None or _nan(share) else f"{round(share * 100)}\u00a0%"


def _nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)


def bar(share: float | None, label: str | None = None) -> str:
    """A horizontal bar filled to ``share`` (0..1) with its percentage (or ``label``) beside it."""
    width = 0 if share is None or _nan(share) else max(0.0, min(1.0, share)) * 100
    text = escape(label if label is not None else pct(share))
    return (f'<span class="bar"><span class="fill" style="width:{width:.1f}%"></span></span>'
            f'<span class="num">{text}</span>')


def svg_bars(items: Sequence[tuple[str, float | None]], width: int = 520, row: int = 26) -> str:
    """A horizontal bar chart (labels left, bars scaled 0..1, percentages right) as inline SVG."""
    label_w, num_w = 170, 60
    scale = width - label_w - num_w
    height = row * len(items) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'class="chart" viewBox="0 0 {width} {height}">']
    for i, (label, share) in enumerate(items):
        y = i * row + 4
        filled = 0 if share is None or _nan(share) else max(0.0, min(1.0, share)) * scale
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{scale}" height="16" fill="#e8eef6"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{filled:.1f}" height="16" fill="{BAR_COLOR}"/>')
        parts.append(f'<text x="{label_w + scale + 6}" y="{y + 15}" font-size="13">{escape(pct(share))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heat_html(text: str, heat: Sequence[int], expected: Sequence[tuple[int, int]], students_label: str) -> str:
    """The document with each passage shaded by how many learners marked it; expected passages underlined.

    ``students_label`` is a title template with ``{n}`` (e.g. "{n} student(s)").
    """
    counts = np.asarray(heat, dtype=int) if len(heat) == len(text) else np.zeros(len(text), dtype=int)
    top = max(int(counts.max(initial=0)), 1)
    gold = np.zeros(len(text) + 1, dtype=int)
    for start, end in expected:
        gold[max(0, start)] += 1
        gold[min(len(text), end)] -= 1
    in_gold = np.cumsum(gold[:len(text)]) > 0
    cuts = sorted({0, len(text), *np.flatnonzero(np.diff(counts)) + 1, *np.flatnonzero(np.diff(in_gold)) + 1})
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end]).replace("\n", "<br>")
        n, underline = int(counts[start]), bool(in_gold[start])
        if not n and not underline:
            parts.append(piece)
            continue
        style = f"background: rgba({HEAT_RGB}, {0.15 + 0.75 * n / top:.2f});" if n else ""
        css = ' class="expected"' if underline else ""
        title = escape(students_label.format(n=n))
        parts.append(f'<span{css} style="{style}" title="{title}">{piece}</span>')
    return '<div class="document">' + "".join(parts) + "</div>"
