"""What ``medialit new`` can read from a document itself: title, date, address, author and outlet (as printed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medialit.format.byline import read_byline
from medialit.xray import xray

HEADER_ZONE = 800  # a publication date is looked for near the top of the document
_URL = re.compile(r"https?://[^\s<>\"»\])]+")
MAX_TITLE = 200  # a longer first line is a paragraph, not a headline


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    address: str | None = None
    author: str | None = None
    outlet: str | None = None


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


def read_metadata(text: str, lang: str = "fr") -> Metadata:
    byline = read_byline(text)
    return Metadata(title=read_title(text), date=read_date(text, lang), address=read_address(text),
                    author=byline.author if byline else None, outlet=byline.outlet if byline else None)
