"""What ``medialit new`` can read from a document itself: title, date, address, author (as printed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medialit.xray import xray

HEADER_ZONE = 800  # a publication date is looked for near the top of the document
_URL = re.compile(r"https?://[^\s<>\"»\])]+")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_AUTHOR = re.compile(
    rf"^\s*(?i:(?:[ée]crit|publi[ée]|r[ée]dig[ée])\s+par|par|by|written by)\s*:?\s+"
    rf"({_NAME_WORD}(?:[ \u00a0]+(?:(?:de|du|von|van|da|d[’'])[ \u00a0]*)?{_NAME_WORD}){{0,3}})"
    r"\s*(?:$|[|,·—–-]|\s\d)",
    re.MULTILINE,
)
MAX_TITLE = 200  # a longer first line is a paragraph, not a headline


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    address: str | None = None
    author: str | None = None


def _unlink(text: str) -> str:
    """Markdown links reduced to their text: "[Karine Bechet-Golovko](#)" → "Karine Bechet-Golovko"."""
    return _MD_LINK.sub(r"\1", text)


def read_title(text: str) -> str | None:
    """A Markdown ``#`` heading, else the first non-empty line that is not an address or a date line."""
    heading = re.search(r"^#{1,3}[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE)
    if heading:
        return heading.group(1).strip()
    for line in text.splitlines():
        line = line.strip()
        if line and not _URL.search(line) and len(line.split()) >= 3:
            return line if len(line) <= MAX_TITLE else None
    return None


def read_date(text: str, lang: str = "fr") -> str | None:
    """The first full date (day, month, year) near the top, else the first month-and-year one, as printed."""
    dates = [f for f in xray(text, lang) if f.kind == "date" and f.start < HEADER_ZONE]
    for wanted in ("full_date", "partial_date"):
        for finding in dates:
            printed = text[finding.start:finding.end]
            if finding.category == wanted and (wanted == "full_date" or re.search(r"\d{4}", printed)):
                return printed
    return None


def read_address(text: str) -> str | None:
    """The first web address in the document."""
    match = _URL.search(text)
    return match.group().rstrip(".,;:!?'’") if match else None


def read_author(text: str) -> str | None:
    """The name after "Par", "écrit par" or "By" at the start of a line (a byline)."""
    match = _AUTHOR.search(_unlink(text))
    return match.group(1).strip() if match else None


def read_metadata(text: str, lang: str = "fr") -> Metadata:
    return Metadata(title=read_title(text), date=read_date(text, lang), address=read_address(text),
                    author=read_author(text))
