"""Matching a rubric's concepts against an answer read by ``medialit.language.reading``.

A concept is met by one of its ``terms``, or by ``all_of``: one term of each group in the same sentence
(who + what). A term counts only in a sentence about the document (not an off-topic one) and with the
polarity the teacher wrote: "critiqu*" is not met by "n'a formulé aucune critique", and "aucune source"
is met by "ne nomme jamais sa source". A term met with the opposite polarity is a *reversal*.
A concept in ``mode: absent`` is lost by any of its terms (exact, no typo tolerance) or by loaded
wording from the kit's general lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from medialit.language.lexicon import find_loaded
from medialit.language.reading import Hit, Reading
from medialit.language.words import find_all_terms, negative_term


@dataclass
class Match:
    """What the answer does with one concept: where it is met, reversed, or (absent concepts) broken."""

    met: list[Hit] = field(default_factory=list)
    reversed: list[Hit] = field(default_factory=list)
    off_topic: list[Hit] = field(default_factory=list)
    loaded: list[tuple[int, int]] = field(default_factory=list)


def _hits(reading: Reading, term: str, fuzzy: bool) -> list[tuple[Hit, bool]]:
    """Each place the term's core is found, with whether its polarity is the term's own.

    "aucune source" wants the source itself negated ("pas de source", "jamais sa source"), not a negated
    verb before it: "Russia does not cut off dialogue" does not say "plus de dialogue"."""
    core, negative, direct = negative_term(term)
    found = []
    for first, last in find_all_terms(reading.toks, core, fuzzy):
        hit = reading.hit(first, last)
        negated = reading.directly_negated(first) if direct else hit.negated
        found.append((hit, negated == negative))
    return found


def match_terms(reading: Reading, terms: Sequence[str]) -> Match:
    """A present concept given by alternative terms."""
    found = Match()
    for term in terms:
        for hit, right_polarity in _hits(reading, term, fuzzy=True):
            if not hit.grounded:
                found.off_topic.append(hit)
            elif right_polarity:
                found.met.append(hit)
            else:
                found.reversed.append(hit)
    return found


def match_all_of(reading: Reading, groups: Sequence[Sequence[str]]) -> Match:
    """A present concept given as groups that must all be met in one sentence."""
    found = Match()
    per_group = [[h for term in group for h in _hits(reading, term, fuzzy=True)] for group in groups]
    for sentence in range(reading.sentence_count):
        chosen = [[(h, ok) for h, ok in hits if h.sentence == sentence] for hits in per_group]
        if not all(chosen):
            continue
        hits = [h for group in chosen for h, _ in group]
        if not all(h.grounded for h in hits):
            found.off_topic += hits
        elif all(any(ok for _, ok in group) for group in chosen):
            found.met += [h for group in chosen for h, ok in group if ok]
        else:
            found.reversed += [h for group in chosen for h, ok in group if not ok]
    return found


def match_absent(reading: Reading, terms: Sequence[str], lang: str | None) -> Match:
    """An absent concept: every term left in the answer (exact), and the general lexicon's loaded words."""
    found = Match()
    for term in terms:
        found.loaded += [(reading.toks[a].start, reading.toks[b].end)
                         for a, b in find_all_terms(reading.toks, term, fuzzy=False)]
    # The scorer forgives case everywhere: capitals typed by a student (a name in capitals) are not
    # shouting, so the lexicon reads the answer in lower case (same offsets; else as written).
    lowered = reading.text.lower()
    for hit in find_loaded(lowered if len(lowered) == len(reading.text) else reading.text, lang):
        if not any(a <= hit.start < b for a, b in found.loaded):
            found.loaded.append((hit.start, hit.end))
    found.loaded.sort()
    return found
