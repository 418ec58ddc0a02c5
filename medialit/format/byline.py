"""A document's byline, as printed: "Par X | Outlet | date", "By X, Outlet", "écrit par X | date".

``medialit new`` fills ``author:`` (and ``outlet:``) from it, and the validator warns when the
document prints a byline but the lesson leaves ``author:`` empty (students would read "author: not
given" under a signed text). Pure: regular expressions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_BYLINE = re.compile(
    rf"^[ \t]*(?i:(?:[ée]crit|publi[ée]|r[ée]dig[ée])\s+par|par|by|written by)[ \t]*:?[ \t]+"
    rf"(?P<author>{_NAME_WORD}(?:[ \u00a0]+(?:(?:de|du|von|van|da|d[’'])[ \u00a0]*)?{_NAME_WORD}){{0,3}})"
    r"[ \t]*(?P<rest>$|[|,·—–-].*$|\s\d.*$)",
    re.MULTILINE,
)
_SEPARATORS = re.compile(r"\s*[|,·—–]\s*|\s+-\s+")
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche "
    "january february march april may june july august september october november december".split()
)
MAX_OUTLET_WORDS = 6


@dataclass(frozen=True)
class Byline:
    """The byline's author and outlet as printed, and its 1-based line in the document."""

    author: str
    outlet: str | None
    line: int
    printed: str


def _unlink(text: str) -> str:
    """Markdown links reduced to their text: "[Karine Bechet-Golovko](#)" → "Karine Bechet-Golovko"."""
    return _MD_LINK.sub(r"\1", text)


def _outlet(rest: str) -> str | None:
    """The first part after the author that is a name, not a date or a time ("| Le Courrier | 3 mai")."""
    for part in _SEPARATORS.split(rest.strip(" \t|,·—–-")):
        part = part.strip()
        if not part or re.search(r"\d", part) or len(part.split()) > MAX_OUTLET_WORDS:
            continue
        if part[:1].isupper() and part.split()[0].casefold() not in _NOT_NAMES:
            return part
    return None


def read_byline(text: str) -> Byline | None:
    """The first byline of ``text`` (a line starting with "Par", "By", "écrit par"… and a name)."""
    plain = _unlink(text)
    for match in _BYLINE.finditer(plain):
        author = match.group("author").strip()
        if author.split()[0].casefold() in _NOT_NAMES:
            continue
        line = plain.count("\n", 0, match.start()) + 1
        return Byline(author=author, outlet=_outlet(match.group("rest")), line=line,
                      printed=" ".join(match.group().split()))
    return None
