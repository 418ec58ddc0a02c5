"""Loaded wording anywhere: the kit's general lexicon of words that judge instead of describing.

``find_loaded(text, lang)`` lists the loaded words of a text (or of a short student answer) with their
category. Used by the written-answer scorer to judge neutral rewrites, and by the X-ray.
For now this reads the X-ray's word lists (``medialit/data/lexicon.yaml``) in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadedHit:
    start: int
    end: int
    term: str
    category: str


def find_loaded(text: str, lang: str | None = None) -> list[LoadedHit]:
    """The loaded words of ``text`` (both languages when ``lang`` is None), sorted, not overlapping."""
    from medialit.xray.base import Doc
    from medialit.xray.words import detect_loaded

    found: dict[tuple[int, int], LoadedHit] = {}
    for language in ([lang] if lang else ["fr", "en"]):
        for f in detect_loaded(Doc(text, language)):
            found.setdefault((f.start, f.end), LoadedHit(f.start, f.end, f.detail or text[f.start:f.end], f.category))
    kept, reach = [], -1
    for hit in sorted(found.values(), key=lambda h: (h.start, -h.end)):
        if hit.start >= reach:
            kept.append(hit)
            reach = hit.end
    return kept
