"""Text-highlight widget: students mark passages of a document; teachers overlay answers.

Offsets everywhere are **code-point** offsets into the Python ``str`` (``text[s:e]``), never
UTF-16: the browser converts, so an emoji before a mark does not shift it.

Public API
----------
``highlight_text(text, *, key, marks, layers, heat, readonly, height, labels, on_change)``
    The widget (a ``st.components.v2`` component). Returns the student's marks.
``sentence_units``, ``snap_to_words``, ``merge_spans``, ``segments``, ``find_passages``
    Pure helpers (no Streamlit calls), usable and tested without a browser.

Mouse, finger and keyboard
--------------------------
The student marks with the mouse or a finger (a selection, snapped to whole words), or with the
keyboard inside the same widget: a word caret in the text (arrows move it word by word or line by
line, Shift extends the selection, Home/End go to the sentence's edges, Enter or Space marks,
Delete removes the mark under the selection) and a "find a passage" field that moves the selection
to every match anywhere in the text (``find_passages`` is its Python twin). A toolbar (previous /
next match, mark, remove) does the same with a tap. Every way ends in the same word-snapped spans
sent the same way (``setStateValue("spans", ...)``), so a keyboard mark and a mouse mark of the
same words are the same offsets, saved and scored alike.

Who wins when marks change from several sides
---------------------------------------------
Per run, in order: an edit made in the browser (or a ``{"spans": ...}`` value seeded into
``st.session_state[key]`` by a test); else a change of the ``marks`` argument since the previous
run (the page reloaded them, e.g. from the database, or reset them); else the marks kept from the
previous run. So ``marks`` may be a constant initial value or the page's current value; both work.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from medialit.language.sentences import sentences
from medialit.language.spans import merge as merge_spans

Span = tuple[int, int]

__all__ = [
    "DEFAULT_LABELS",
    "Segment",
    "find_passages",
    "fold_for_search",
    "highlight_text",
    "layer_class",
    "merge_spans",
    "segments",
    "sentence_units",
    "snap_to_words",
]

_ASSETS = Path(__file__).resolve().parent / "assets"

# English defaults; pages pass localized strings in ``labels`` ("{n}" is replaced by a count).
DEFAULT_LABELS: dict[str, str] = {
    "hint": "Select a passage with the mouse or your finger to highlight it. Click a highlight to remove it.",
    "remove": "Highlighted passage, click to remove",
    "marked": "Highlighted passage",
    "empty": "No passage highlighted yet.",
    "count": "Highlighted passages: {n}",
    "mine": "Your highlights",
    "heat": "Marked by {n} student(s)",
    "heat_legend": "Class heatmap: darker = more students",
    "keys": "With the keyboard, in the text: ←/→ word by word, ↑/↓ line by line, Home/End to the edge of the "
            "sentence, Shift to extend the selection, Enter to highlight, Delete to remove a highlight, / to find.",
    "help": "Keyboard shortcuts",
    "region": "Text to highlight",
    "region_role": "text to highlight",
    "find": "Find a passage",
    "find_placeholder": "Type a few words of the text",
    "find_help": "Enter: next match, Shift+Enter: previous, Ctrl+Enter: highlight it, Escape: back to the text.",
    "find_count": "Match {i} of {n}",
    "find_none": "No match",
    "tools": "Highlight with the keyboard",
    "prev": "Previous match",
    "next": "Next match",
    "mark": "Highlight",
    "unmark": "Remove",
    "selected": "Selected: {text}",
    "selected_marked": "Selected: {text}, already highlighted",
    "found": "Match {i} of {n}: {text}",
    "not_found": "No passage contains “{text}”",
    "did_mark": "Highlighted: {text}",
    "already": "Already highlighted: {text}",
    "did_unmark": "Highlight removed: {text}",
    "no_mark_here": "No highlight here",
    "no_selection": "Nothing selected: find a passage or move with the arrow keys.",
    "quote": "“{text}”",
}

# Apostrophes and hyphens glue letters into one word ("aujourd’hui", "peut-être", "don't")...
_JOINERS = frozenset("'\u2019-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
# ...except after a French elided word: "l’économie" is two words, so marking "économie" stays
# "économie" (a teacher quotes "enfoncer un coin" out of "d’enfoncer un coin"). Keep these three
# in sync with assets/highlight.js.
_ELISIONS = frozenset("c ç d j l m n s t qu jusqu lorsqu puisqu quoiqu".split())

# The "find a passage" field compares folded text: case, accents and the kind of apostrophe, quote,
# dash or space do not matter (a student types "l'OTAN" for "l’Otan"). Keep in sync with highlight.js.
_SEARCH_FOLDS = {
    **dict.fromkeys("'\u2019\u2018\u02bc\u2032`\u00b4", "'"),
    **dict.fromkeys('"\u00ab\u00bb\u201c\u201d\u201e\u2033', '"'),
    **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
    "\u2026": "...",
    "\u0153": "oe",
    "\u0152": "oe",
    "\u00e6": "ae",
    "\u00c6": "ae",
}
_SPACE_CONTROLS = frozenset("\t\n\v\f\r")


# --------------------------------------------------------------------------- pure helpers


def _is_word_char(char: str) -> bool:
    """Letters, digits and combining marks: the same set as JS ``/[\\p{L}\\p{N}\\p{M}]/u``."""
    return unicodedata.category(char)[0] in "LNM"


def _in_word(text: str, i: int) -> bool:
    """True when ``text[i]`` belongs to a word (a joiner counts only between two word chars)."""
    if not 0 <= i < len(text):
        return False
    char = text[i]
    if _is_word_char(char):
        return True
    return (
        char in _JOINERS
        and 0 < i < len(text) - 1
        and _is_word_char(text[i - 1])
        and _is_word_char(text[i + 1])
        and not (char in _APOSTROPHES and _after_elision(text, i))
    )


def _after_elision(text: str, i: int) -> bool:
    """True when the word ending just before position ``i`` is a French elision ("l", "qu"...)."""
    start = i
    while start > 0 and i - start < 7 and _is_word_char(text[start - 1]):
        start -= 1
    if start > 0 and _is_word_char(text[start - 1]):
        return False  # longer than any elided word
    return text[start:i].lower() in _ELISIONS


def _coerce_spans(raw: Any) -> list[Span]:
    """Keep the well-formed ``[start, end]`` pairs of untrusted input (JSON from the browser)."""
    if not isinstance(raw, (list, tuple)):
        return []
    spans: list[Span] = []
    for item in raw:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        start, end = item
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in item):
            spans.append((int(start), int(end)))
    return spans


def _snap_one(text: str, start: int, end: int) -> Span | None:
    """Snap one span; ``None`` when nothing but spaces/punctuation was selected."""
    n = len(text)
    start, end = max(0, min(n, start)), max(0, min(n, end))
    if start >= end:
        return None
    # Grow a cut word to the whole word...
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < n and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    # ...then trim whitespace and punctuation at both edges.
    while start < end and not _in_word(text, start):
        start += 1
    while end > start and not _in_word(text, end - 1):
        end -= 1
    return (start, end) if start < end else None


def snap_to_words(text: str, spans: Iterable[Sequence[int]]) -> list[Span]:
    """Snap code-point spans of ``text`` to word boundaries, then merge them.

    Contract: each span is clamped to the text; a span that cuts a word grows to the whole word
    (apostrophes and hyphens between letters are part of the word); whitespace and punctuation
    (anything that is not a letter, digit or combining mark) are trimmed from both edges; spans
    left empty are dropped; the result is ``merge_spans`` of the rest. Idempotent. Malformed items
    (not a pair of numbers) are ignored, so browser input can be passed as is.
    """
    snapped = (_snap_one(text, s, e) for s, e in _coerce_spans(list(spans)))
    return merge_spans(span for span in snapped if span is not None)


def _fold_char(char: str) -> str:
    """What one character compares as in a search: see ``fold_for_search``."""
    if char in _SPACE_CONTROLS or unicodedata.category(char)[0] == "Z":
        return " "
    if char in _SEARCH_FOLDS:
        return _SEARCH_FOLDS[char]
    return "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c)[0] != "M").lower()


def fold_for_search(text: str) -> tuple[str, list[int]]:
    """``text`` as the "find a passage" field compares it, and where each folded char comes from.

    Folding: lower case; accents and other combining marks dropped (``é`` → ``e``); apostrophes,
    double quotes (« » “ ”) and dashes each folded to one ASCII character; ``…`` to ``...``, ``œ``
    and ``æ`` to two letters; every run of white space (non-breaking spaces and line breaks
    included) to one space. Returns the folded string and, for each of its characters, the
    code-point offset in ``text`` of the character it comes from.
    """
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for piece in _fold_char(char):
            if piece == " " and folded and folded[-1] == " ":
                continue
            folded.append(piece)
            origin.append(i)
    return "".join(folded), origin


def find_passages(text: str, query: str) -> list[Span]:
    """Every passage of ``text`` that the "find a passage" field selects for ``query``, in order.

    Contract: ``query`` and ``text`` are compared folded (``fold_for_search``; the query's edge
    spaces dropped), at every position (inside words too, overlapping matches included); each
    match is snapped to whole words like a mouse selection (``snap_to_words``), matches left empty
    (punctuation only) are dropped, and a passage found twice in a row (two matches inside one
    word) is given once. The browser's ``findPassages`` returns the same spans (tested).
    """
    needle = fold_for_search(query)[0].strip(" ")
    if not needle:
        return []
    haystack, origin = fold_for_search(text)
    found: list[Span] = []
    at = haystack.find(needle)
    while at >= 0:
        span = _snap_one(text, origin[at], origin[at + len(needle) - 1] + 1)
        if span is not None and (not found or found[-1] != span):
            found.append(span)
        at = haystack.find(needle, at + 1)
    return found


def sentence_units(text: str) -> list[Span]:
    """The document's sentences and lines (``medialit.language.sentences``): Home and End in the widget."""
    return sentences(text)


@functools.lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[Span, ...]:
    """``sentence_units`` kept per text: the widget sends them on every run."""
    return tuple(sentences(text))


def layer_class(name: str) -> str:
    """CSS class of a layer: ``layer-`` + the name lower-cased, other chars replaced by ``-``."""
    return "layer-" + re.sub(r"[^a-z0-9_-]+", "-", str(name).lower())


@dataclass(frozen=True)
class Segment:
    """A run of text with uniform decoration; the widget renders one ``<span>`` per segment."""

    start: int
    end: int
    text: str
    mark: bool
    layers: tuple[str, ...]  # CSS classes of the covering layers, in layer order
    titles: tuple[str, ...]  # titles of the covering layer spans, de-duplicated
    heat: int = 0  # per-character count (constant over the segment)
    heat_level: int = 0  # 1..5 relative to the text's maximum, 0 when no heat

    @property
    def classes(self) -> tuple[str, ...]:
        """The ``class`` attribute the browser gives the segment's ``<span>``, in order."""
        classes = ["seg"]
        if self.mark:
            classes.append("mark-student")
        classes.extend(self.layers)
        if self.heat_level:
            classes.append(f"heat-{self.heat_level}")
        return tuple(classes)


def _normalize_layers(layers: Sequence[Mapping[str, Any]] | None, n: int) -> list[dict[str, Any]]:
    """Validate layers for the browser: spans clamped to ``[0, n]``, empty spans dropped."""
    out: list[dict[str, Any]] = []
    for layer in layers or []:
        name = str(layer.get("name") or "layer")
        raw_titles = list(layer.get("titles") or [])
        spans: list[list[int]] = []
        titles: list[str | None] = []
        for i, item in enumerate(layer.get("spans") or []):
            pair = _coerce_spans([item])
            if not pair:
                continue
            start, end = max(0, min(n, pair[0][0])), max(0, min(n, pair[0][1]))
            if start < end:
                spans.append([start, end])
                titles.append(str(raw_titles[i]) if i < len(raw_titles) and raw_titles[i] else None)
        title = layer.get("title")
        out.append(
            {
                "name": name,
                "cls": layer_class(name),
                "title": str(title) if title else None,
                "spans": spans,
                "titles": titles,
            }
        )
    return out


def _heat_runs(heat: Sequence[int] | None, n: int) -> tuple[list[list[int]], int]:
    """Run-length encode per-character counts: ``[[start, end, count], ...]`` (zeros omitted)."""
    if heat is None:
        return [], 0
    if len(heat) != n:
        raise ValueError(f"heat has {len(heat)} counts but the text has {n} characters")
    runs: list[list[int]] = []
    for i, raw in enumerate(heat):
        count = max(0, int(raw))
        if runs and runs[-1][1] == i and runs[-1][2] == count:
            runs[-1][1] = i + 1
        elif count:
            runs.append([i, i + 1, count])
    return runs, max((r[2] for r in runs), default=0)


def _heat_level(count: int, maximum: int) -> int:
    """1..5 (same formula as the JS: ``ceil(count / max * 5)``), 0 for no count."""
    return math.ceil(count / maximum * 5) if count > 0 and maximum > 0 else 0


@dataclass
class _Cell:
    """The decoration of the text between two neighbouring cut points, filled in by :func:`segments`."""

    mark: bool = False
    layers: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    heat: int = 0


def segments(
    text: str,
    marks: Iterable[Sequence[int]] | None,
    layers: Sequence[Mapping[str, Any]] | None,
    heat: Sequence[int] | None = None,
) -> list[Segment]:
    """Cut ``text`` at every mark, layer-span and heat boundary: the widget's rendering model.

    Contract: the segments are non-empty, contiguous and cover ``text`` exactly (their texts
    joined equal ``text``); ``mark`` is true where a (merged) mark covers the segment; ``layers``
    lists the layer classes covering it; ``titles`` the covering spans' titles (per-span
    ``titles`` first, else the layer ``title``). The browser builds the same segments (tested).
    Raises ValueError when ``heat`` does not have one count per character.
    """
    n = len(text)
    merged = merge_spans((max(0, min(n, s)), max(0, min(n, e))) for s, e in _coerce_spans(list(marks or [])))
    norm_layers = _normalize_layers(layers, n)
    runs, heat_max = _heat_runs(heat, n)
    if n == 0:
        return []
    bounds = _cut_points(n, merged, norm_layers, runs)
    cells = [_Cell() for _ in range(len(bounds) - 1)]
    _paint_marks(cells, bounds, merged)
    _paint_layers(cells, bounds, norm_layers)
    _paint_heat(cells, bounds, runs)
    return [
        Segment(
            start=bounds[i],
            end=bounds[i + 1],
            text=text[bounds[i] : bounds[i + 1]],
            mark=cell.mark,
            layers=tuple(cell.layers),
            titles=tuple(cell.titles),
            heat=cell.heat,
            heat_level=_heat_level(cell.heat, heat_max),
        )
        for i, cell in enumerate(cells)
    ]


def _cut_points(n: int, marks: Iterable[Span], layers: Iterable[Mapping[str, Any]], runs: Iterable[Sequence[int]]
                ) -> list[int]:
    """Every offset where a decoration starts or ends, with 0 and ``n``, sorted and unique.

    ``marks`` are clamped spans, ``layers`` come from :func:`_normalize_layers`, ``runs`` from
    :func:`_heat_runs`: all inside ``[0, n]``.
    """
    cuts = {0, n}
    for s, e in marks:
        cuts.update((s, e))
    for layer in layers:
        for s, e in layer["spans"]:
            cuts.update((s, e))
    for s, e, _count in runs:
        cuts.update((s, e))
    return sorted(cuts)


def _covered(bounds: Sequence[int], start: int, end: int) -> range:
    """The indices of the cells that ``[start, end)`` covers; both ends are cut points in ``bounds``."""
    return range(bisect.bisect_left(bounds, start), bisect.bisect_left(bounds, end))


def _paint_marks(cells: Sequence[_Cell], bounds: Sequence[int], marks: Iterable[Span]) -> None:
    """Flag the cells covered by a (merged) student mark."""
    for s, e in marks:
        for i in _covered(bounds, s, e):
            cells[i].mark = True


def _paint_layers(cells: Sequence[_Cell], bounds: Sequence[int], layers: Iterable[Mapping[str, Any]]) -> None:
    """Add each layer's class, and its spans' titles (else the layer's title), to the cells it covers.

    Classes keep the layers' order and titles their first appearance; neither is repeated in a cell.
    """
    for layer in layers:
        for (s, e), span_title in zip(layer["spans"], layer["titles"], strict=True):
            title = span_title or layer["title"]
            for i in _covered(bounds, s, e):
                cell = cells[i]
                if layer["cls"] not in cell.layers:
                    cell.layers.append(layer["cls"])
                if title and title not in cell.titles:
                    cell.titles.append(title)


def _paint_heat(cells: Sequence[_Cell], bounds: Sequence[int], runs: Iterable[Sequence[int]]) -> None:
    """Give the cells covered by each heat run (``[start, end, count]``) that run's count."""
    for s, e, count in runs:
        for i in _covered(bounds, s, e):
            cells[i].heat = count


# --------------------------------------------------------------------------- Streamlit side


def _read_asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


_HTML = """
<div class="hl">
  <p class="hl-hint" id="hl-hint"></p>
  <div class="hl-tools" hidden>
    <label class="hl-find-label" for="hl-find"></label>
    <input class="hl-find" id="hl-find" type="search" autocomplete="off" spellcheck="false"
           enterkeyhint="search" aria-describedby="hl-find-count hl-find-help">
    <div class="hl-tools-row">
      <div class="hl-toolbar" role="toolbar">
        <button type="button" class="hl-btn hl-prev" data-act="prev"><span aria-hidden="true">▲</span></button>
        <button type="button" class="hl-btn hl-next" data-act="next"><span aria-hidden="true">▼</span></button>
        <button type="button" class="hl-btn hl-do-mark" data-act="mark"></button>
        <button type="button" class="hl-btn hl-do-unmark" data-act="unmark"></button>
      </div>
      <span class="hl-find-count" id="hl-find-count"></span>
    </div>
    <details class="hl-help">
      <summary class="hl-help-title"></summary>
      <p class="hl-keys" id="hl-keys"></p>
      <p class="hl-find-help" id="hl-find-help"></p>
    </details>
  </div>
  <div class="hl-text" role="document" tabindex="0" aria-describedby="hl-hint hl-keys"></div>
  <p class="hl-status" aria-live="polite"></p>
  <p class="hl-live" aria-live="polite" aria-atomic="true"></p>
  <ul class="hl-legend"></ul>
</div>
"""

# Registered once at import: re-registering per rerun would log a warning and re-send the code.
_COMPONENT = st.components.v2.component(
    "medialit_highlight",
    html=_HTML,
    css=_read_asset("highlight.css"),
    js=_read_asset("highlight.js"),
)


def _store_key(key: str) -> str:
    return f"_medialit_highlight::{key}"


def _store(key: str, text: str) -> dict[str, Any]:
    """This widget's state across reruns: marks, last ``marks`` argument, last browser value.

    A new text under the same key starts a fresh store (old offsets mean nothing there); the
    browser's current value is recorded as already seen so it is not mistaken for an edit.
    """
    store = st.session_state.get(_store_key(key))
    text_id = hash(text)
    if not isinstance(store, dict) or store.get("text_id") != text_id:
        store = {"text_id": text_id, "seen": _browser_spans(key)}
        st.session_state[_store_key(key)] = store
    return store


def _browser_spans(key: str) -> list[list[int]] | None:
    """The raw ``spans`` the browser last sent (``None`` before any edit).

    ``st.session_state[key]`` holds a dict subclass whose attribute access never fails, so it is
    converted with ``dict()`` first.
    """
    if key not in st.session_state:
        return None
    value = st.session_state[key]
    if not isinstance(value, Mapping):
        return None
    spans = dict(value).get("spans")
    return [list(span) for span in _coerce_spans(spans)] if isinstance(spans, list) else None


def _notify(store: Mapping[str, Any]) -> None:
    callback = store.get("on_change")
    if callable(callback):
        callback()


def _on_browser_change(key: str, text: str) -> None:
    """Component callback (runs before the script): adopt the browser's edit, notify the page."""
    store = _store(key, text)
    raw = _browser_spans(key)
    if raw is None:
        return
    store["seen"] = raw
    marks = snap_to_words(text, raw)
    if marks != store.get("marks"):
        store["marks"] = marks
        _notify(store)


def _resolve(store: dict[str, Any], text: str, raw: list[list[int]] | None, arg: list[Span] | None) -> list[Span]:
    """Pick this run's marks (see the module docstring, "Who wins")."""
    if raw is not None and raw != store.get("seen"):
        return snap_to_words(text, raw)
    if arg is not None and arg != store.get("arg"):
        return arg
    if "marks" in store:
        return list(store["marks"])
    return arg or []


def highlight_text(
    text: str,
    *,
    key: str,
    marks: list[tuple[int, int]] | None = None,
    layers: list[dict] | None = None,
    heat: list[int] | None = None,
    readonly: bool = False,
    height: int | None = None,
    labels: dict | None = None,
    on_change: Callable[[], None] | None = None,
) -> list[tuple[int, int]]:
    """Show ``text`` and let the student mark passages; return the marks.

    Args:
        text: the document, shown verbatim (paragraphs and line breaks kept, never parsed as HTML).
        key: unique widget key (also names the state kept for it in ``st.session_state``).
        marks: initial or current marks, code-point spans; snapped and merged before use.
        layers: read-only overlays ``{"name", "spans", "title", "titles"}``; CSS class
            ``layer_class(name)``; known names: expected, student, xray, excerpt.
        heat: per-character counts (``len(heat) == len(text)``, else ``ValueError``) shown as an
            orange heatmap.
        readonly: no selection handling (teacher views, corrections).
        height: max height in px of the scroll box (``None``: as tall as the text).
        labels: UI strings overriding ``DEFAULT_LABELS`` (the caller localizes).
        on_change: called (as a Streamlit callback, before the script) when the student's marks
            change in the browser (mouse, finger or keyboard).

    Returns:
        The student's marks: code-point ``(start, end)`` spans, sorted, merged, word-snapped.
    """
    store = _store(key, text)
    raw = _browser_spans(key)
    arg = snap_to_words(text, marks) if marks is not None else None
    resolved = _resolve(store, text, raw, arg)
    store.update(marks=resolved, arg=arg, seen=raw, on_change=on_change)
    runs, heat_max = _heat_runs(heat, len(text))
    data = {
        "text": text,
        "marks": [list(span) for span in resolved],
        "seen": raw,
        "layers": _normalize_layers(layers, len(text)),
        "heat": runs,
        "heat_max": heat_max,
        "readonly": bool(readonly),
        "sentences": [] if readonly else [list(unit) for unit in _sentences(text)],
        "height": int(height) if height else None,
        "labels": {**DEFAULT_LABELS, **(labels or {})},
    }
    _COMPONENT(
        key=key,
        data=data,
        height="content",
        on_spans_change=functools.partial(_on_browser_change, key, text),
    )
    return list(resolved)
