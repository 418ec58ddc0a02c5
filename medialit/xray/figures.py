"""X-ray detectors for dates (French, English, ISO, numeric) and figures given with no named source."""

from __future__ import annotations

import re

from medialit.language.words import strip_accents
from medialit.xray.base import Doc, Finding
from medialit.xray.links import detect_links
from medialit.xray.sources import detect_attribution

_MONTHS = {
    "fr": r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
          r"decembre|janv\.?|févr\.?|fév\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|déc\.?",
    "en": r"january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?",
}
_WEEKDAYS = {
    "fr": r"(?:(?:ce|le)\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+",
    "en": r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+",
}
_DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[5-9]\d{2}|20\d{2})"
_RELATIVE = {
    "fr": r"avant-hier|hier|aujourd['’]hui|après-demain|demain|ce matin|ce soir|cette (?:semaine|nuit|année)|"
          r"(?:la semaine|le mois|l['’]an|l['’]année) (?:dernière?|prochaine?|passée?)|"
          r"il y a (?:un|une|deux|trois|quatre|quelques|\d+) (?:jours?|semaines?|mois|ans?|années?)",
    "en": r"the day before yesterday|yesterday|today|tomorrow|this (?:morning|week|year)|"
          r"last (?:week|month|year)|(?:a|one|two|three|a few|\d+) (?:days?|weeks?|months?|years?) ago",
}


def _date_patterns(lang: str) -> list[tuple[str, bool, re.Pattern[str]]]:
    """(category, needs a month name, pattern), most specific first."""
    month, weekday = _MONTHS[lang], _WEEKDAYS[lang]
    if lang == "en":
        days = rf"{_DAY}(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*{_DAY}(?:st|nd|rd|th)?)?"
        named = [
            ("full_date", rf"(?:{weekday})?(?:{month})\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}"),
            ("full_date", rf"(?:{weekday})?{days}\s+(?:of\s+)?(?:{month}),?\s+{_YEAR}"),
            ("partial_date", rf"(?:{month})\s+{_DAY}(?:st|nd|rd|th)?\b"),
            ("partial_date", rf"(?:{weekday})?(?<![\d,.]){days}\s+(?:of\s+)?(?:{month})(?![\w])"),
        ]
    else:
        days = rf"{_DAY}(?:\s*(?:-|–|et|au)\s*{_DAY})?"
        named = [
            ("full_date", rf"(?:{weekday})?{days}\s+(?:{month})\s+{_YEAR}"),
            ("partial_date", rf"(?:{weekday})?{days}\s+(?:{month})(?![\w])"),
        ]
    patterns = [
        ("full_date", False, rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"),
        ("full_date", False, r"\b(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:\d{4}|\d{2})\b"),
        *[(category, True, rx) for category, rx in named],
        ("partial_date", True, rf"\b(?:{month})\s+{_YEAR}\b"),
        ("partial_date", False, rf"\b{_YEAR}-(?:0[1-9]|1[0-2])\b"),
        ("relative_date", False, rf"\b(?:{_RELATIVE[lang]})\b"),
        ("year", False, rf"(?<![\d\w.,/#-]){_YEAR}(?![\d\w%]|[.,]\d|[ \u00a0]?%)"),
    ]
    return [(category, needs, re.compile(rx, re.IGNORECASE)) for category, needs, rx in patterns]


_DATE_PATTERNS = {lang: _date_patterns(lang) for lang in _MONTHS}
_MONTH_WORDS = {lang: frozenset(strip_accents(w.rstrip("\\.?")) for w in rx.split("|")) for lang, rx in _MONTHS.items()}
_AROUND_MONTH = (40, 16)  # how far a date may reach before and after its month name


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _matches(text: str, pattern: re.Pattern[str], windows: list[tuple[int, int]] | None) -> list[re.Match[str]]:
    """All matches, or only those inside ``windows`` (around month names: much faster on long texts)."""
    if windows is None:
        return list(pattern.finditer(text))
    found: dict[int, re.Match[str]] = {}
    for a, b in windows:
        for match in pattern.finditer(text, a, b):
            found.setdefault(match.start(), match)
    return [found[k] for k in sorted(found)]


def detect_dates(doc: Doc) -> list[Finding]:
    """Dates: full (day, month, year), partial (no year), relative ("hier"), and bare years."""
    links = [(f.start, f.end) for f in doc.run(detect_links)]
    months = sorted(i for word in _MONTH_WORDS[doc.lang] for i in doc.index.by_form.get(word, ()))
    before, after = _AROUND_MONTH
    windows = [(max(0, doc.tokens[i].start - before), min(len(doc.text), doc.tokens[i].end + after)) for i in months]
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for category, needs_month, pattern in _DATE_PATTERNS[doc.lang]:
        for match in _matches(doc.text, pattern, windows if needs_month else None):
            start, end = match.span()
            if _inside(start, links) or any(a < end and start < b for a, b in taken):
                continue
            found.append(doc.finding(start, end, "date", category, detail=match.group()))
            taken.append((start, end))
    return sorted(found, key=lambda f: f.start)


_SCALE = r"(?:[ \u00a0]+(?:millions?|milliards?|mille|billions?|thousand|hundred))?"
_FIGURE = re.compile(
    r"(?<![\w.,\[/#-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:(?P<pct>[ \u00a0\u202f]?(?:%|pour[ \u00a0]?cent\b|per[ ]?cent\b|percent\b))|" + _SCALE + r")"
    r"(?![\w\]]|[.,]\d)"
)


def detect_unsourced_figures(doc: Doc) -> list[Finding]:
    """Percentages and numbers in a sentence with no named source (dates and link addresses left out).

    A figure is sourced by a named source anywhere in its sentence ("d'après l'Insee, …", "…, the
    department said"), or when the same figure is sourced in another sentence (a headline repeating the
    lede's figure).
    """
    skip = [(f.start, f.end) for f in doc.run(detect_links) + doc.run(detect_dates)]
    named = [f.start for f in doc.run(detect_attribution) if f.category == "named"]
    figures = []
    for match in _FIGURE.finditer(doc.text):
        start = match.start()
        if _inside(start, skip) or _MEASURE.match(doc.text, match.end()):
            continue
        sentence = doc.sentence_of(start)
        figures.append((match, any(sentence[0] <= s < sentence[1] for s in named)))
    sourced = {_value(m.group()) for m, ok in figures if ok}
    return [doc.finding(m.start(), m.end(), "unsourced_figure", "percentage" if m.group("pct") else "number",
                        detail=m.group())
            for m, ok in figures if not ok and _value(m.group()) not in sourced]


# "48 heures à l'avance", "à 45 kilomètres", "120 metres tall": a delay, an age, a distance or a size is a
# plain checkable fact, not a claim that needs a source.
_MEASURE = re.compile(r"[ \u00a0\u202f]*(?:-[ \u00a0]?)?(?:heures?|h\b|minutes?|min\b|jours?|semaines?|mois|ans|"
                      r"années?|"
                      r"hours?|days?|weeks?|months?|years?|kilomètres?|km\b|mètres?|m\b|centimètres?|cm\b|"
                      r"hectares?|ha\b|miles?|metres?|meters?|feet|foot|ft\b|yards?|acres?|storeys?|étages?)",
                      re.IGNORECASE)


def _value(figure: str) -> str:
    """A figure without its spaces and thousands separators: "18,000" and "18 000" are one figure."""
    return re.sub(r"[\s\u00a0\u202f]|(?<=\d)[,.](?=\d{3}\b)", "", figure.split("%")[0])
