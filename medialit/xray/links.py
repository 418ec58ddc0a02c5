"""X-ray detector for links: URLs, Markdown links, site names and e-mail addresses, with their domain."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from medialit.xray.base import Doc, Finding

_MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\(\s*([^()\s]*)(?:\s+\"[^\"]*\")?\s*\)")
_URL = re.compile(r"<?((?:https?://|www\.)[^\s<>\"»\]\)]+)>?")
_DOMAIN = re.compile(
    r"(?<![\w@./-])((?:[\w-]+\.)+(?:com|org|net|fr|ca|ru|info|eu|uk|de|be|ch|news|tv|io))\b(?![.@-]\w)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def domain(url: str) -> str | None:
    """The site a link points to (without 'www.'), or None for a link that points nowhere."""
    if url.startswith("www."):
        url = "http://" + url
    host = urlsplit(url).hostname if "://" in url else None
    return host[4:] if host and host.startswith("www.") else host


def detect_links(doc: Doc) -> list[Finding]:
    """URLs, Markdown links (with their domain), e-mail addresses; a link to '#' goes nowhere."""
    found, taken = [], []
    for match in _MD_LINK.finditer(doc.text):
        url = match.group(2)
        if url in ("", "#") or url.lower().startswith("javascript:"):
            category, where = "empty_link", None
        else:
            category, where = ("link", domain(url)) if domain(url) else ("relative_link", url)
        found.append(doc.finding(match.start(), match.end(), "link", category, detail=where))
        taken.append(match.span())
    for match in _URL.finditer(doc.text):
        url = match.group(1).rstrip(".,;:!?'’")
        start = match.start(1)
        if any(a <= start < b for a, b in taken):
            continue
        end = start + len(url) + (1 if doc.text[start - 1:start] == "<" and match.group().endswith(">") else 0)
        start -= 1 if doc.text[start - 1:start] == "<" and match.group().startswith("<") else 0
        found.append(doc.finding(start, end, "link", "url", detail=domain(url)))
        taken.append((start, end))
    for match in _DOMAIN.finditer(doc.text):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(doc.finding(match.start(), match.end(), "link", "domain", detail=match.group(1).lower()))
            taken.append(match.span())
    for match in _EMAIL.finditer(doc.text):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(doc.finding(match.start(), match.end(), "link", "email", detail=match.group(1)))
    return found
