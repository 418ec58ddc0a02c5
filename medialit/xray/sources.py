"""X-ray detector for who is cited: verbs of saying and markers ("selon"), with the named source nearby.

A source is "named" when a name, an organisation or a role ("le ministre", "l'agence Tass") stands
next to the verb or marker (before it, or after it when the verb follows a quotation or a comma,
or for "selon X", "rapporté par X"), or when a pronoun refers back to someone ("a-t-il noté"). It
is "anonymous" for vague sources ("des sources", "on nous disait", "chacun reconnaît") and for a
verb with no identifiable subject ("des dirigeants ont déclaré").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from medialit.language.words import Token
from medialit.xray.base import Doc, Finding, Name
from medialit.xray.lexicon import Lexicon, Matcher, make_entry, plain

SOURCE_REACH = 80  # characters around a verb or marker where its source is looked for
MERGE_GAP = 30  # a source this close to its verb or marker is included in the finding's span
INVERSION_GAP = 4  # ", estime l'amiral": after a comma, the subject follows the verb at once
ROLE_NAME_GAP = 25  # "l'agence Tass": a name this close after a role noun is the same source
_FIRST_PERSON = frozenset("je j tu nous vous i we you".split())
_SKIP = frozenset("t il elle on ils elles bien encore aussi deja ainsi egalement notamment pourtant alors meme "
                  "toujours lui l le la leur y en ne n pas jamais d ailleurs enfin then also".split())
_DETERMINERS = frozenset("le la les l un une des du de d sa son ses leur leurs cette ce cet mon ma notre votre au "
                         "aux quel quelle the a an this that his her their its".split())
_PRONOUNS = frozenset("il elle ils elles he she they".split())


@dataclass(frozen=True)
class _Attribution:
    markers: Matcher
    anonymous: Matcher
    finite: frozenset[str]
    participles: frozenset[str]
    plain_forms: frozenset[str]
    auxiliaries: frozenset[str]
    roles: frozenset[str]


def _conjugate(verb: str) -> tuple[set[str], set[str]]:
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


@lru_cache(maxsize=4)
def _attribution(lex: Lexicon, lang: str) -> _Attribution:
    raw = lex.attribution.get(lang, {})
    finite = {w.casefold() for w in raw.get("forms", [])}
    participles = {w.casefold() for w in raw.get("participles", [])}
    for verb in raw.get("verbs", []):
        if verb.endswith("er") and lang == "fr":
            more_finite, more_participles = _conjugate(verb.casefold())
            finite |= more_finite
            participles |= more_participles
        else:
            finite.add(verb.casefold())
    markers, anonymous = Matcher(), Matcher()
    for term in raw.get("markers", []):
        markers.add(make_entry({"term": term, "category": "named", "lang": lang}))
    for item in raw.get("anonymous", []):
        data = item if isinstance(item, dict) else {"term": item}
        anonymous.add(make_entry({"category": "anonymous", "lang": lang, **data}))
    return _Attribution(markers, anonymous, frozenset(finite), frozenset(participles),
                        frozenset(plain(w) for w in finite | participles),
                        frozenset(plain(w) for w in raw.get("auxiliaries", [])),
                        frozenset(plain(w) for w in raw.get("roles", [])))


def _raw(doc: Doc, token: Token) -> str:
    return doc.text[token.start:token.end].casefold().replace("’", "'")


def _verb_at(doc: Doc, i: int, table: _Attribution) -> bool:
    """Is token ``i`` a third-person verb of saying (or a participle after an auxiliary, or before 'par')?"""
    word, toks = _raw(doc, doc.tokens[i]), doc.tokens
    previous = [t.form for t in toks[max(0, i - 2):i]]
    if _FIRST_PERSON & set(previous) or (previous and previous[-1] in ("s", "se")):
        return False  # "je vous annonce" is the speaker's own words; "s'annonce" is no attribution
    if word in table.participles:
        before = [t.form for t in toks[max(0, i - 5):i]]
        while before and (before[-1] in _SKIP or before[-1].endswith("ment")):
            before.pop()
        after = toks[i + 1].form if i + 1 < len(toks) else ""
        if (before and before[-1] in table.auxiliaries) or after in ("par", "by"):
            return True
    return word in table.finite and (not previous or previous[-1] not in _DETERMINERS)


def _quote_of(doc: Doc, offset: int) -> tuple[tuple[int, int], ...]:
    return tuple(q for q in doc.quotes if q[0] < offset < q[1])


def _role(doc: Doc, toks: list[Token], table: _Attribution) -> tuple[int, int, str] | None:
    """A role noun among ``toks`` ("l'amiral", "le secrétaire général"), with its determiner."""
    for k, token in enumerate(toks):
        if token.form in table.roles:
            first = toks[k - 1] if k and toks[k - 1].form in _DETERMINERS else token
            last = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].form in ("general", "generale") else token
            return first.start, last.end, doc.text[first.start:last.end]
    return None


def _with_name(doc: Doc, role: tuple[int, int, str], names: list[Name]) -> tuple[int, int, str]:
    """A role followed closely by a name ("l'agence Tass", "un amiral US") is one source."""
    after = [n for n in names if 0 <= n.start - role[1] <= ROLE_NAME_GAP]
    if after:
        return role[0], after[0].end, doc.text[role[0]:after[0].end]
    return role


def _forward(doc: Doc, end: int, table: _Attribution) -> tuple[int, int, str] | None:
    """The source named just after a marker ("selon X"), an inverted verb ("», estime l'amiral") or 'par'."""
    limit = min(doc.sentence_of(end - 1)[1], end + SOURCE_REACH)
    names = [n for n in doc.names_between(end, limit + 60) if n.start < limit
             and _quote_of(doc, n.start) == _quote_of(doc, end)]
    role = _role(doc, doc.tokens_between(end, min(limit, end + 40))[:4], table)
    if role and (not names or role[0] < names[0].start):
        return _with_name(doc, role, names)
    return (names[0].start, names[0].end, names[0].text) if names else None


def _backward(doc: Doc, start: int, table: _Attribution) -> tuple[int, int, str] | None:
    """The subject before a verb: the nearest name or role in the sentence, in the same quotation."""
    floor = max(doc.sentence_of(start)[0], start - SOURCE_REACH)
    names = [n for n in doc.names_between(floor, start) if _quote_of(doc, n.start) == _quote_of(doc, start)]
    role = _role(doc, doc.tokens_between(floor, start)[-5:], table)
    if role and (not names or role[0] > names[-1].start or names[-1].start - role[1] <= ROLE_NAME_GAP):
        return _with_name(doc, role, names)
    return (names[-1].start, names[-1].end, names[-1].text) if names else None


def _subject_pronoun(doc: Doc, i: int) -> str | None:
    """'il' in "il a déclaré" or "a-t-il noté" (the source was named earlier in the text)."""
    for token in reversed(doc.tokens[max(0, i - 4):i]):
        if token.form in _PRONOUNS:
            return doc.text[token.start:token.end]
        if token.form not in _SKIP and token.form not in ("a", "ont", "avait", "avaient", "has", "have", "had"):
            return None
    return None


def _inverted(doc: Doc, i: int, table: _Attribution) -> str | None:
    """'quote' after a quotation ("», a déclaré M. Séjourné"), 'comma' after a comma (", estime l'amiral")."""
    k = i
    while k > 0 and (doc.tokens[k - 1].form in table.auxiliaries or doc.tokens[k - 1].form in ("t", "il", "elle")):
        k -= 1
    before = doc.text[max(0, doc.tokens[k].start - 4):doc.tokens[k].start].rstrip()
    if before.endswith(("»", "\"", "”")):
        return "quote"
    return "comma" if before.endswith(",") else None


def _source(doc: Doc, i: int, table: _Attribution) -> tuple[str, tuple[int, int, str] | None] | None:
    """('named', source) or ('anonymous', None) for the verb at token ``i``; None when it says nothing."""
    token = doc.tokens[i]
    following = doc.tokens[i + 1].form if i + 1 < len(doc.tokens) else ""
    source, inverted = None, _inverted(doc, i, table)
    if following in ("par", "by") or inverted:
        source = _forward(doc, token.end, table)
        if inverted == "comma" and source and source[0] - token.end > INVERSION_GAP:
            source = None  # "Stéphane Séjourné, a déclaré qu'une aide à l'Ukraine…": no inversion
    pronoun = _subject_pronoun(doc, i)
    if source is None and pronoun:
        return "named", (token.start, token.start, pronoun)
    if source is None and "on" not in [t.form for t in doc.tokens[max(0, i - 3):i]]:
        source = _backward(doc, token.start, table)
    if source is not None:
        return "named", source
    finite_only = _raw(doc, token) not in table.participles
    return None if finite_only else ("anonymous", None)


def _attribution_finding(doc: Doc, start: int, end: int, source: tuple[int, int, str] | None) -> Finding:
    if source is None:
        return doc.finding(start, end, "attribution", "anonymous")
    s, e, who = source
    if s < e and (0 <= s - end <= MERGE_GAP or 0 <= start - e <= MERGE_GAP):
        start, end = min(start, s), max(end, e)
    return doc.finding(start, end, "attribution", "named", detail=who)


def _merge(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Overlapping or adjacent attributions become one ("écrit" + "dans un article pour Bloomberg").

    A vague source from the list wins ("des sources proches du Kremlin ont déclaré" stays anonymous);
    otherwise a named source wins over a verb whose subject was not found.
    """
    merged: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if merged and (f.start < merged[-1].end or not doc.text[merged[-1].end:f.start].strip()):
            keep = max((merged[-1], f), key=_strength)
            merged[-1] = replace(keep, start=merged[-1].start, end=max(f.end, merged[-1].end))
        else:
            merged.append(f)
    return merged


def _strength(finding: Finding) -> int:
    listed_vague = finding.category == "anonymous" and finding.detail is not None
    return 2 if listed_vague else 1 if finding.category == "named" else 0


_SOURCE_LINE = re.compile(r"\b(?:Sources?|Crédits?|Credits?)\s?:\s*")


def detect_attribution(doc: Doc) -> list[Finding]:
    """Who is quoted or cited: verbs of saying and markers ("selon", "d'après"), named or anonymous."""
    table = _attribution(doc.lex, doc.lang)
    found = [doc.finding(s, e, "attribution", "anonymous", note=(entry.note_fr, entry.note_en),
                         technique=entry.technique, detail=entry.term)
             for s, e, entry in doc.find(table.anonymous)]
    for s, e, _marker in doc.find(table.markers):
        found.append(_attribution_finding(doc, s, e, _forward(doc, e, table)))
    for match in _SOURCE_LINE.finditer(doc.text):
        found.append(_attribution_finding(doc, match.start(), match.end(), _forward(doc, match.end(), table)))
    taken = [(f.start, f.end) for f in found]
    for i, token in enumerate(doc.tokens):
        if doc.keys[i][0] not in table.plain_forms or not doc.prose[i] or not _verb_at(doc, i, table):
            continue
        if any(a < token.end and token.start < b for a, b in taken):
            continue
        verdict = _source(doc, i, table)
        if verdict is not None:
            found.append(_attribution_finding(doc, token.start, token.end, verdict[1]))
    return _merge(doc, found)
