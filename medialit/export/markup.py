"""Safe HTML for exports: lesson Markdown rendered with raw HTML escaped, everything else escaped.

Lesson text is Markdown written by teachers; documents are text from the web. Neither may put
markup in the page: raw HTML in Markdown is shown as text (``<script>`` prints as ``<script>``), and
links may only point to http(s), mailto or inside the page.
"""

from __future__ import annotations

import html
import re
import threading
from bisect import bisect_right
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("", "http", "https", "mailto")
DOCUMENT_WIDTH = 88  # characters per printed line of the document (fits A4 at the stylesheet's size)


def esc(value: object) -> str:
    """Escape any text for HTML (element content and quoted attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


class _SafeLinks(Treeprocessor):
    """Drops link and image addresses whose scheme is not http(s), mailto or none (no javascript:)."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and urlsplit(value.strip()).scheme.lower() not in SAFE_SCHEMES:
                    element.set(attribute, "#")


_LOCAL = threading.local()  # a Markdown converter is not thread-safe: one per thread, reset between uses


def _markdown() -> markdown.Markdown:
    converter = getattr(_LOCAL, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
        converter.treeprocessors.register(_SafeLinks(converter), "safe_links", 0)
        _LOCAL.converter = converter
    return converter.reset()


_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")


def _lists_interrupt_paragraphs(text: str) -> str:
    """A blank line before a list that follows a paragraph line, as CommonMark (and the app) read it."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if _LIST_ITEM.match(line) and previous.strip() and not _LIST_ITEM.match(previous) \
                and not previous.startswith((" ", "\t")):
            out.append("")
        out.append(line)
    return "\n".join(out)


def md(text: str) -> str:
    """Lesson Markdown as HTML blocks; raw HTML in it is escaped, unsafe links neutralised."""
    return _markdown().convert(_lists_interrupt_paragraphs(text or ""))


def md_inline(text: str) -> str:
    """Lesson Markdown as inline HTML (a single paragraph loses its ``<p>``)."""
    rendered = md(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def plain_text(text: str) -> str:
    """Lesson Markdown as plain text (for GIFT names and comments)."""
    return html.unescape(re.sub(r"<[^>]+>", "", md(text))).strip()


@lru_cache(maxsize=32)
def wrap(text: str, width: int = DOCUMENT_WIDTH) -> tuple[tuple[int, int], ...]:
    """The document cut into printed lines, as (start, end) offsets; blank lines give empty spans.

    Lines break between words; a word longer than ``width`` (an address) is cut. Numbering these
    lines gives the same numbers on the worksheet and in the answer key.
    """
    lines: list[tuple[int, int]] = []
    offset = 0
    for source in text.split("\n"):
        lines += _wrap_line(source, offset, width)
        offset += len(source) + 1
    while lines and lines[-1][0] == lines[-1][1]:
        lines.pop()
    return tuple(lines)


def _wrap_line(source: str, offset: int, width: int) -> list[tuple[int, int]]:
    words = [(offset + m.start(), offset + m.end()) for m in re.finditer(r"\S+", source)]
    if not words:
        return [(offset, offset)]
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for ws, we in words:
        while we - ws > width:  # an address longer than a line is cut
            if start is not None:
                lines.append((start, end))
            lines.append((ws, ws + width))
            ws, start = ws + width, None
        if start is None:
            start, end = ws, we
        elif we - start <= width:
            end = we
        else:
            lines.append((start, end))
            start, end = ws, we
    if start is not None:
        lines.append((start, end))
    return lines


def line_number(lines: tuple[tuple[int, int], ...], offset: int) -> int:
    """The 1-based printed line holding ``offset``."""
    return max(1, bisect_right([start for start, _ in lines], offset))


def line_range(lines: tuple[tuple[int, int], ...], span: tuple[int, int]) -> str:
    """'12' or '12-14': the printed lines a passage covers."""
    first, last = line_number(lines, span[0]), line_number(lines, max(span[0], span[1] - 1))
    return str(first) if first == last else f"{first}-{last}"
