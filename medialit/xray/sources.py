"""X-ray detector for who is cited: verbs of saying and markers ("selon"), with the source nearby.

A source is "named" when a name, a person's role ("le ministre", "the trust's chair"), an institution or
a group ("la mairie", "the department", "des parents d'élèves") or one of its documents ("le rapport",
"a survey by Kingsworth University") stands next to the verb or marker: before it (the subject), or
after it when the verb follows a quotation or a comma, or for "selon X", "rapporté par X". An
institution speaking through a statement or a report is a named source; "published" is no source. It
is "anonymous" for vague sources ("des sources", "on nous disait", "a nurse told me", "selon une
étude"), and for a verb whose subject cannot be found ("des dirigeants ont déclaré").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from medialit.language.words import Token
from medialit.xray.base import Doc, Finding, Name
from medialit.xray.speakers import BODY, DOCUMENT, PERSON, Speakers, speakers

SOURCE_REACH = 140  # characters before a verb where its subject is looked for
FORWARD_REACH = 80  # characters after a marker or an inverted verb where the source is looked for
MERGE_GAP = 30  # a source this close to its verb or marker is included in the finding's span
INVERSION_GAP = 4  # ", estime l'amiral": after a comma, the subject follows the verb at once (time words aside)
ROLE_NAME_GAP = 25  # "l'agence Tass": a name this close after a source noun is the same source
FORWARD_WORDS = 6  # words after a marker where its source noun may stand ("selon les premières estimations de")
COMPLEMENT_WORDS = 4  # words after a source noun where "de", "of" or "published by" may say whose it is
_FIRST_PERSON = frozenset("je j tu nous vous i we you".split())
_SKIP = frozenset("t il elle on ils elles bien encore aussi deja ainsi egalement notamment pourtant alors meme "
                  "toujours lui l le la leur y en ne n pas jamais d ailleurs enfin then also".split())
_DETERMINERS = frozenset("le la les l un une des du de d sa son ses leur leurs cette ce cet mon ma notre votre au "
                         "aux quel quelle the a an this that his her their its our".split())
_INDEFINITE = frozenset("un une des quelques certains certaines plusieurs a an some several".split())
_COMPLEMENT = frozenset("de du des d par by of from commissioned published released run conducted".split())
_PRONOUNS = frozenset("il elle ils elles he she they it".split())
_CLAUSE_BREAK = re.compile(r"[,;:.!?()«»“”\"]")


@dataclass(frozen=True)
class Source:
    """Who a verb or marker points at: its span and text, and whether it is too vague to be checked."""

    start: int
    end: int
    text: str
    vague: bool = False


def _raw(doc: Doc, token: Token) -> str:
    return doc.text[token.start:token.end].casefold().replace("’", "'")


def _verb_at(doc: Doc, i: int, table: Speakers) -> bool:
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


def _noun_source(doc: Doc, toks: list[Token], k: int, kind: str, names: list[Name], *, after_marker: bool) -> Source:
    """The source noun ``toks[k]`` with its determiner, a "de …"/"of …"/"published by …" complement and a
    name right after it. A person with "un"/"a" and no name is vague; so is a document after "selon" or
    "according to" with nothing saying whose it is ("selon une étude")."""
    first = toks[k - 1] if k and toks[k - 1].form in _DETERMINERS else toks[k]
    end = toks[k].end
    if k + 1 < len(toks) and toks[k + 1].form in ("general", "generale"):
        end = toks[k + 1].end
    link = next((j for j in range(k + 1, min(k + COMPLEMENT_WORDS + 1, len(toks) - 1))
                 if toks[j].form in _COMPLEMENT and not _CLAUSE_BREAK.search(doc.text, toks[k].end, toks[j].start)),
                None)
    if link is not None and (kind != PERSON or link == k + 1):
        j = link + 1
        while j < len(toks) - 1 and toks[j].form in _DETERMINERS:
            j += 1
        end = toks[j].end
    after = [n for n in names if 0 <= n.start - end <= ROLE_NAME_GAP]
    if after:
        end = max(end, after[0].end)
    indefinite = first.form in _INDEFINITE
    vague = indefinite and not after and (kind == PERSON or (kind == DOCUMENT and after_marker and link is None))
    return Source(first.start, end, doc.text[first.start:end], vague)


def _nouns_between(doc: Doc, start: int, end: int, table: Speakers) -> list[tuple[int, str, list[Token]]]:
    toks = doc.tokens_between(start, end)
    return [(k, kind, toks) for k, t in enumerate(toks) if (kind := table.kind_of(t.form))]


def _forward(doc: Doc, end: int, table: Speakers) -> Source | None:
    """The source named just after a marker ("selon X"), an inverted verb ("», estime l'amiral") or 'par'."""
    limit = min(doc.sentence_of(end - 1)[1], end + FORWARD_REACH)
    names = [n for n in doc.names_between(end, limit + 60) if n.start < limit
             and _quote_of(doc, n.start) == _quote_of(doc, end)]
    nouns = [(k, kind, toks) for k, kind, toks in _nouns_between(doc, end, limit, table) if k < FORWARD_WORDS]
    if nouns and (not names or nouns[0][2][nouns[0][0]].start < names[0].start):
        k, kind, toks = nouns[0]
        return _noun_source(doc, toks, k, kind, names, after_marker=True)
    return Source(names[0].start, names[0].end, names[0].text) if names else None


def _backward(doc: Doc, start: int, table: Speakers) -> Source | None:
    """The subject before a verb or marker, in its sentence and quotation: the nearest name, or the first
    source noun of the clause ("La métropole, autorité organisatrice…, a rappelé")."""
    floor = max(doc.sentence_of(start)[0], start - SOURCE_REACH)
    where = _quote_of(doc, start)
    names = [n for n in doc.names_between(floor, start) if _quote_of(doc, n.start) == where]
    nouns = [(k, kind, toks) for k, kind, toks in _nouns_between(doc, floor, start, table)
             if _quote_of(doc, toks[k].start) == where]
    if nouns:
        k, kind, toks = nouns[0]
        source = _noun_source(doc, toks, k, kind, names, after_marker=False)
        if not names or source.start > names[-1].start or names[-1].start < source.end + ROLE_NAME_GAP:
            return source
    return Source(names[-1].start, names[-1].end, names[-1].text) if names else None


def _subject_pronoun(doc: Doc, i: int) -> str | None:
    """'il' in "il a déclaré" or "a-t-il noté" (the source was named earlier in the text)."""
    for token in reversed(doc.tokens[max(0, i - 4):i]):
        if token.form in _PRONOUNS:
            return doc.text[token.start:token.end]
        if token.form not in _SKIP and token.form not in ("a", "ont", "avait", "avaient", "has", "have", "had",
                                                          "which", "that", "who"):
            return None
    return None


def _inverted(doc: Doc, i: int, table: Speakers) -> str | None:
    """'quote' after a quotation ("», a déclaré M. Séjourné"), 'comma' after a comma (", estime l'amiral")."""
    k = i
    while k > 0 and (doc.tokens[k - 1].form in table.auxiliaries or doc.tokens[k - 1].form in ("t", "il", "elle")):
        k -= 1
    before = doc.text[max(0, doc.tokens[k].start - 6):doc.tokens[k].start].rstrip()
    if before.rstrip(",").rstrip().endswith(("»", "\"", "”")):
        return "quote"
    return "comma" if before.endswith(",") else None


def _close_after(doc: Doc, end: int, source: Source, table: Speakers) -> bool:
    """Only time words ("mardi", "on Thursday") stand between the verb and the source that follows it."""
    between = [t.form for t in doc.tokens_between(end, source.start)]
    return source.start - end <= INVERSION_GAP or all(w in table.time for w in between)


def _source(doc: Doc, i: int, table: Speakers) -> tuple[str, Source | None] | None:
    """('named', source) or ('anonymous', vague source or None) for the verb at token ``i``; None for nothing."""
    token = doc.tokens[i]
    following = doc.tokens[i + 1].form if i + 1 < len(doc.tokens) else ""
    source, inverted = None, _inverted(doc, i, table)
    if following in ("par", "by") or inverted:
        source = _forward(doc, token.end, table)
        if inverted == "comma" and source and not _close_after(doc, token.end, source, table):
            source = None  # "Stéphane Séjourné, a déclaré qu'une aide à l'Ukraine…": no inversion
    pronoun = _subject_pronoun(doc, i)
    if source is None and pronoun:
        return "named", Source(token.start, token.start, pronoun)
    if source is None and "on" not in [t.form for t in doc.tokens[max(0, i - 3):i]]:
        source = _backward(doc, token.start, table)
    if source is not None:
        return ("anonymous" if source.vague else "named"), source
    finite_only = _raw(doc, token) not in table.participles
    return None if finite_only else ("anonymous", None)


def _attribution_finding(doc: Doc, start: int, end: int, source: Source | None) -> Finding:
    if source is None or source.vague:
        if source is not None and (0 <= source.start - end <= MERGE_GAP or 0 <= start - source.end <= MERGE_GAP):
            start, end = min(start, source.start), max(end, source.end)
        return doc.finding(start, end, "attribution", "anonymous")
    if source.start < source.end and (0 <= source.start - end <= MERGE_GAP or 0 <= start - source.end <= MERGE_GAP):
        start, end = min(start, source.start), max(end, source.end)
    return doc.finding(start, end, "attribution", "named", detail=source.text)


def _merge(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Overlapping or adjacent attributions become one ("a indiqué" + "dans un communiqué").

    A vague source from the list wins ("des sources proches du Kremlin ont déclaré" stays anonymous);
    otherwise a named source wins over a verb or marker whose source was not found.
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


_SOFT_ENDS = frozenset("par by consulter".split())  # "publié par", "commissioned by": a source only when one is found
_LOOKS_BACK = frozenset("dans in a ont que".split())  # "dans un communiqué", "in a statement", "a pu consulter"


def _marker_source(doc: Doc, start: int, end: int, table: Speakers) -> Source | None:
    """After "selon", "according to" or "seen by", the source that follows; after "dans un communiqué" or
    "in a statement" (nothing named after it), the body speaking before it."""
    source = _forward(doc, end, table)
    first = doc.tokens_between(start, end)[:1]
    if (source is None or source.vague) and first and first[0].form in _LOOKS_BACK:
        source = _backward(doc, start, table) or source
    return source


def detect_attribution(doc: Doc) -> list[Finding]:
    """Who is quoted or cited: verbs of saying and markers ("selon", "d'après"), named or anonymous."""
    table = speakers(doc.lex, doc.lang)
    found = [doc.finding(s, e, "attribution", "anonymous", note=(entry.note_fr, entry.note_en),
                         technique=entry.technique, detail=entry.term)
             for s, e, entry in doc.find(table.anonymous)]
    for s, e, marker in doc.find(table.markers):
        source = _marker_source(doc, s, e, table)
        if (source is None or source.vague) and marker.words[-1] in _SOFT_ENDS:
            continue  # "un article publié par un média": publishing names no one; only a source found counts
        found.append(_attribution_finding(doc, s, e, source))
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


__all__ = ["BODY", "DOCUMENT", "PERSON", "Source", "detect_attribution"]
