"""X-ray detectors for the wording: loaded terms, absolutes, scare quotes, rhetorical sentences."""

from __future__ import annotations

import re

from medialit.xray.base import Doc, Finding
from medialit.xray.lexicon import Entry, Matcher, fold_word
from medialit.xray.sources import detect_attribution

MAX_SCARE_WORDS = 3
# Words that, shortly before a short quote, show it reports someone's word rather than the author's doubt.
_REPORTING = ("qualifi", "jug", "appel", "surnomm", "nomm", "baptis", "decri", "denonc", "parl", "call", "dub",
              "term", "label", "describ")
# French wire copy writes quotation marks inside a quotation as plus signs: "la stratégie de +méfiance+"
_PLUS_QUOTES = re.compile(r"(?<![\w+])\+[^\W\d][^+\n]{0,60}?\+(?![\w+])")


def _lexicon_findings(doc: Doc, matchers: dict[str, Matcher], kind: str) -> list[Finding]:
    """The entries found in the text; where matches overlap, the longest one (from its first word) wins."""
    matcher = matchers.get(doc.lang)
    hits = doc.find(matcher) if matcher else []
    kept: list[tuple[int, int, Entry]] = []
    reach = -1
    for start, end, entry in sorted(hits, key=lambda h: (h[0], -h[1])):
        if end > reach:  # not inside a longer match already kept
            kept.append((start, end, entry))
            reach = end
    return [
        doc.finding(start, end, kind, entry.category, note=(entry.note_fr, entry.note_en),
                    technique=entry.technique or doc.lex.categories.get(entry.category, {}).get("technique"),
                    detail=entry.term)
        for start, end, entry in kept
    ]


def detect_loaded(doc: Doc) -> list[Finding]:
    """Loaded-language candidates: the lexicon's terms, in any of their forms."""
    return _lexicon_findings(doc, doc.lex.loaded, "loaded")


def detect_absolutes(doc: Doc) -> list[Finding]:
    """Absolutes and intensifiers ("tous", "jamais", "chacun le sait", "évidemment"...), as listed."""
    return _lexicon_findings(doc, doc.lex.absolutes, "absolute")


def _is_short_term(inner: str) -> bool:
    words = inner.split()
    return (
        0 < len(words) <= MAX_SCARE_WORDS
        and any(ch.isalpha() for ch in inner)
        and not inner.rstrip().endswith((".", "!", "?", "…", ":"))
    )


def _reported(doc: Doc, start: int) -> bool:
    """Is the quote preceded, in its sentence, by a verb of naming/judging or an attribution?"""
    sentence = doc.sentence_of(start)
    before = doc.tokens_between(max(sentence[0], start - 80), start)[-6:]
    if any(fold_word(t.form).startswith(_REPORTING) for t in before):
        return True
    return any(f.category == "named" and sentence[0] <= f.start < sentence[1] for f in doc.run(detect_attribution))


def detect_scare_quotes(doc: Doc) -> list[Finding]:
    """Quotation marks around one to three words: a term the author may be keeping at a distance."""
    found = []
    spans = sorted(set(doc.quotes) | {m.span() for m in _PLUS_QUOTES.finditer(doc.text)})
    for start, end in spans:
        inner = doc.text[start + 1:end - 1].strip(" \u00a0\u202f")
        if not _is_short_term(inner) or inner[:1].isupper() or not doc.in_prose(start):
            continue
        category = "reported_term" if _reported(doc, start) else "disputed_term"
        found.append(doc.finding(start, end, "scare_quotes", category,
                                 technique="loaded_language" if category == "disputed_term" else None, detail=inner))
    return found


def _closing(text: str) -> str:
    return text.rstrip(" \u00a0\u202f»”\"')]*_")


def detect_rhetorical(doc: Doc) -> list[Finding]:
    """Sentences ending in a question mark (questions the text asks its reader) or an exclamation mark."""
    found = []
    for start, end in doc.sentences:
        ending = _closing(doc.text[start:end])[-1:]
        if ending == "?":
            found.append(doc.finding(start, end, "rhetorical", "question"))
        elif ending == "!":
            found.append(doc.finding(start, end, "rhetorical", "exclamation"))
    return found
