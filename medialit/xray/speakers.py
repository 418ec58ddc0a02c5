"""The words that tell who is cited, read from the X-ray's data file (``attribution:`` in lexicon.yaml).

Verbs of saying (regular French -er verbs conjugated here), markers ("selon", "in a statement"), vague
sources, and the nouns of a source: people (``roles``), institutions and groups (``bodies``) and what
they publish (``documents``), each matched by plain form or inflection fold ("syndicats" = "syndicat").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medialit.xray.lexicon import Lexicon, Matcher, fold_word, make_entry, plain

PERSON, BODY, DOCUMENT = "person", "body", "document"


@dataclass(frozen=True)
class Speakers:
    markers: Matcher
    anonymous: Matcher
    finite: frozenset[str]
    participles: frozenset[str]
    plain_forms: frozenset[str]
    auxiliaries: frozenset[str]
    nouns: dict[str, str]  # folded noun -> PERSON, BODY or DOCUMENT
    time: frozenset[str]

    def kind_of(self, form: str) -> str | None:
        """PERSON, BODY or DOCUMENT for a word's plain form, or None."""
        return self.nouns.get(form) or self.nouns.get(fold_word(form))


def conjugate(verb: str) -> tuple[set[str], set[str]]:
    """Third-person and participle forms of a regular -er verb (with accents, as printed)."""
    stem = verb[:-2]
    finite, participles = set(), {stem + e for e in ("é", "ée", "és", "ées")}
    for end in ("e", "ent", "ait", "aient", "a", "èrent", "era", "eront", "erait", "eraient"):
        s = stem
        if end[0] == "a" and s.endswith("g"):
            s += "e"
        elif end[0] == "a" and s.endswith("c"):
            s = s[:-1] + "ç"
        elif end in ("e", "ent"):
            s = re.sub(r"é([^aeiouyé]+)$", r"è\1", s)
        finite.add(s + end)
    return finite, participles


def _nouns(raw: dict) -> dict[str, str]:
    nouns: dict[str, str] = {}
    for key, kind in (("documents", DOCUMENT), ("bodies", BODY), ("roles", PERSON)):
        for word in raw.get(key, []):
            head = re.split(r"[\s'’-]+", plain(word))[0]  # "Cour des comptes" is found by "cour"
            nouns[head] = kind
            nouns[fold_word(head)] = kind
    return nouns


@lru_cache(maxsize=4)
def speakers(lex: Lexicon, lang: str) -> Speakers:
    """The table of ``lang`` (built once per lexicon and language)."""
    raw = lex.attribution.get(lang, {})
    finite = {w.casefold() for w in raw.get("forms", [])}
    participles = {w.casefold() for w in raw.get("participles", [])}
    for verb in raw.get("verbs", []):
        if verb.endswith("er") and lang == "fr":
            more_finite, more_participles = conjugate(verb.casefold())
            finite |= more_finite
            participles |= more_participles
        else:
            finite.add(verb.casefold())
    markers, anonymous = Matcher(), Matcher(exact=True)
    for term in raw.get("markers", []):
        markers.add(make_entry({"term": term, "category": "named", "lang": lang}))
    for item in raw.get("anonymous", []):
        data = item if isinstance(item, dict) else {"term": item}
        anonymous.add(make_entry({"category": "anonymous", "lang": lang, **data}))
    return Speakers(markers, anonymous, frozenset(finite), frozenset(participles),
                    frozenset(plain(w) for w in finite | participles),
                    frozenset(plain(w) for w in raw.get("auxiliaries", [])), _nouns(raw),
                    frozenset(plain(w) for w in raw.get("time", [])))
