"""Document X-ray: a fast, deterministic first reading of a French (or English) text for teachers.

``xray(text, lang)`` lists what a careful reader would check, as ``Finding`` objects with
code-point offsets: loaded-language candidates from the general lexicon (``medialit.language.lexicon``,
word lists in ``medialit/data/loaded/``), scare quotes, absolutes, who is cited (named or anonymous),
links and where they point, dates, figures given with no source, rhetorical questions, exclamations
and punchlines. Findings are *candidates* for a teacher to confirm, never verdicts; careful reporting
(a sourced figure, an institution's statement, a negated fact, a speaker's own words) is left alone.

Each detector is a small pure function of a ``Doc``, registered in ``DETECTORS``; results are
cached per text (hash), so the X-ray can run on every page view.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable

from medialit.xray.base import Doc, Finding
from medialit.xray.figures import detect_dates, detect_unsourced_figures
from medialit.xray.lexicon import lexicon
from medialit.xray.links import detect_links
from medialit.xray.sources import detect_attribution
from medialit.xray.words import detect_absolutes, detect_loaded, detect_rhetorical, detect_scare_quotes

Detector = Callable[[Doc], list[Finding]]

DETECTORS: dict[str, Detector] = {
    "loaded": detect_loaded,
    "scare_quotes": detect_scare_quotes,
    "absolute": detect_absolutes,
    "attribution": detect_attribution,
    "link": detect_links,
    "date": detect_dates,
    "unsourced_figure": detect_unsourced_figures,
    "rhetorical": detect_rhetorical,
}
KINDS: tuple[str, ...] = tuple(DETECTORS)
LOADED_KINDS: tuple[str, ...] = ("loaded", "scare_quotes", "absolute")
"""The kinds that point at loaded language (the others are about sourcing and framing)."""
WORDING_KINDS: tuple[str, ...] = (*LOADED_KINDS, "rhetorical")
"""The kinds scored against the loaded passages teachers mark: loaded language and rhetorical sentences
(questions, exclamations and punchlines are among the techniques a teacher underlines)."""

__all__ = ["DETECTORS", "KINDS", "LOADED_KINDS", "WORDING_KINDS", "Finding", "is_suspicious", "kind_label",
           "line_col", "summary", "xray"]


def is_suspicious(finding: Finding) -> bool:
    """Does this finding tell a student to be wary? Loaded wording, a term kept at a distance, a question or
    exclamation put to the reader, an anonymous source, a figure with no source. A named source, a date,
    a link or a word reported from someone else is not (a careful text has many)."""
    if finding.kind in ("scare_quotes", "attribution"):
        return finding.category in ("disputed_term", "anonymous")
    return finding.kind in ("loaded", "absolute", "rhetorical", "unsourced_figure")


def xray(text: str, lang: str = "fr") -> list[Finding]:
    """Every finding in ``text``, sorted by position (then kind). Never raises on odd text."""
    key = (hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest(), lang)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return list(hit)
    result = _compute(text, lang)
    with _LOCK:
        _CACHE[key] = result
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return list(result)


CACHE_SIZE = 256
_CACHE: OrderedDict[tuple[str, str], tuple[Finding, ...]] = OrderedDict()
_LOCK = threading.Lock()


def _compute(text: str, lang: str) -> tuple[Finding, ...]:
    doc = Doc(text, lang)
    found = {(f.start, f.end, f.kind, f.category): f for detector in DETECTORS.values() for f in doc.run(detector)}
    order = {kind: i for i, kind in enumerate(KINDS)}
    return tuple(sorted(found.values(), key=lambda f: (f.start, f.end, order[f.kind])))


def summary(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each kind (every kind listed, zero included)."""
    counts = Counter(f.kind for f in findings)
    return {kind: counts.get(kind, 0) for kind in KINDS}


def kind_label(kind: str, lang: str = "fr") -> str:
    """The display name of a kind of finding, from the lexicon file."""
    names = lexicon().kinds.get(kind, {})
    return names.get(lang) or names.get("fr") or kind


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
