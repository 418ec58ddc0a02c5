"""X-ray detectors for the wording: loaded terms, absolutes, scare quotes, rhetorical sentences."""

from __future__ import annotations

import re

from medialit.xray.base import Doc, Finding
from medialit.xray.lexicon import fold_word
from medialit.xray.sources import detect_attribution

MAX_SCARE_WORDS = 4
# Words that, shortly before a short quote, show it reports someone's word rather than the author's doubt.
_REPORTING = ("qualifi", "jug", "appel", "surnomm", "nomm", "baptis", "decri", "denonc", "parl", "call", "dub",
              "term", "label", "describ")
# French wire copy writes quotation marks inside a quotation as plus signs: "la stratégie de +méfiance+"
_PLUS_QUOTES = re.compile(r"(?<![\w+])\+[^\W\d][^+\n]{0,60}?\+(?![\w+])")


ABSOLUTE_CATEGORIES = frozenset({"generalisation", "certainty", "intensifier"})
"""Lexicon categories shown as "absolutes and intensifiers"; the others are "loaded language"."""
_NEGATIVE_UNIVERSALS = frozenset(
    "jamais personne rien aucun aucune nul nulle never nobody nothing nowhere none no".split())
_COUNTED = re.compile(r"^[\s\u00a0]*(?:les |the |of the )?(?:\d+|deux|trois|quatre|cinq|six|dix|quinze|two|three|four|"
                      r"five|six|ten|fifteen|heures?|jours?|semaines?|mois|ans|années?|matins?|soirs?|hours?|days?|"
                      r"weeks?|months?|years?|mornings?|evenings?|nights?|monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?)\b",
                      re.IGNORECASE)
# What makes a negative sentence a report of a fact ("aucun sondage n'a été publié à ce stade"), not a sweep.
_FACTUAL = re.compile(r"\b(?:à ce jour|à ce stade|pour l['’]instant|pour le moment|jusqu['’]à présent|jusqu['’]ici|"
                      r"encore|cette année|ce mois|cette semaine|so far|yet|to date|this year|this month|this week|"
                      r"at this stage|for now|n['’](?:a|ont|avait|avaient) (?:été|pas été)|has been|have been|"
                      r"had been|selon|d['’]après|according to)\b", re.IGNORECASE)


def _wording(doc: Doc, kind: str) -> list[Finding]:
    """The lexicon's hits of ``kind`` (loaded or absolute) in the author's own words.

    Left out: words inside quotation marks (a speaker's words, or a term the scare-quote finding
    shows), inside addresses, and quantifiers that sweep nothing ("tous les deux ans", "no poll has
    been published so far").
    """
    found = []
    for match in doc.loaded_matches:
        hit = match.hit
        if ("absolute" if hit.category in ABSOLUTE_CATEGORIES else "loaded") != kind:
            continue
        if not doc.in_prose(hit.start) or doc.in_quotation(hit.start, hit.end):
            continue
        if hit.category == "generalisation" and not _sweeping(doc, hit.start, hit.end):
            continue
        entry = match.entry
        found.append(doc.finding(
            hit.start, hit.end, kind, hit.category, note=(entry.note_fr, entry.note_en) if entry else None,
            technique=(entry.technique if entry else None) or doc.lex.technique(hit.category), detail=hit.term))
    return found


def _sweeping(doc: Doc, start: int, end: int) -> bool:
    """Does this quantifier sweep a whole class, or count something ("tous les deux ans", "every Saturday")?

    A negative one ("aucun", "never", "nobody") in a sentence that reports a fact (a date, a stage, a
    source, a passive "n'a été publié") states an absence: it is not a generalisation.
    """
    if _COUNTED.match(doc.text, end):
        return False
    word = doc.text[start:end].split()[0].casefold()
    if word not in _NEGATIVE_UNIVERSALS:
        return True
    sentence = doc.sentence_of(start)
    return not _FACTUAL.search(doc.text, sentence[0], sentence[1])


def detect_loaded(doc: Doc) -> list[Finding]:
    """Loaded-language candidates: the lexicon's words and formulas, in any of their forms."""
    return _wording(doc, "loaded")


def detect_absolutes(doc: Doc) -> list[Finding]:
    """Sweeping quantifiers, certainty formulas and intensifiers ("tous", "chacun le sait", "absolument")."""
    return _wording(doc, "absolute")


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


PUNCHLINE_WORDS = 3  # "Genius.", "They die.", "Simple as that.": a sentence this short is a rhetorical effect


def detect_rhetorical(doc: Doc) -> list[Finding]:
    """Sentences the author addresses to the reader: questions, exclamations, and punchlines (a sentence of
    one to three words, "Genius.", "Triplé !", "They die."). A speaker's sentence in quotation marks is theirs.
    """
    found = []
    for start, end in doc.sentences:
        if doc.in_quotation(start, end) or not doc.in_prose(start):
            continue
        body = _closing(doc.text[start:end])
        ending = body[-1:]
        if ending == "?":
            found.append(doc.finding(start, end, "rhetorical", "question"))
        elif ending == "!":
            found.append(doc.finding(start, end, "rhetorical", "exclamation"))
        elif ending in ".…" and _punchline(doc, start, end):
            found.append(doc.finding(start, end, "rhetorical", "punchline"))
    return found


def _punchline(doc: Doc, start: int, end: int) -> bool:
    """A sentence of one to three words that is not an abbreviation, a number or a signature."""
    words = doc.tokens_between(start, end)
    if not 0 < len(words) <= PUNCHLINE_WORDS or any(t.form.isdigit() for t in words):
        return False
    line_start = doc.text.rfind("\n", 0, start) + 1
    return not doc.text[line_start:start].strip() or doc.text[start - 2:start].strip() in (".", "!", "?", "…")
