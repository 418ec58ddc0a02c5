"""A document's date as printed ("26 juillet 2023", "30.10.2021", "July 26, 2023", "2023-07-26"), read
as a calendar date so the interface can write it in the reader's language. A date it cannot read
(a season, "n'apparaît pas", a partial date) is shown as printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from babel import Locale


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _months() -> dict[str, int]:
    """Month names and abbreviations of both languages, accents and case folded (CLDR, through Babel)."""
    names: dict[str, int] = {}
    for lang in ("fr", "en"):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in Locale(lang).months[context][width].items():
                    names[_fold(name).rstrip(".")] = number
    return names


_DAY_MONTH_YEAR = re.compile(r"^(?:\w+\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^(?:\w+,?\s+)?([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")  # day first, as printed in French and British texts
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def printed_date(printed: str | None) -> dt.date | None:
    """The calendar date ``printed`` names, or None when it does not name one day."""
    if not printed:
        return None
    text = " ".join(_fold(printed).split())
    try:
        if m := _ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH_YEAR.match(text)) and m[2] in _months():
            return dt.date(int(m[3]), _months()[m[2]], int(m[1]))
        if (m := _MONTH_DAY_YEAR.match(text)) and m[1] in _months():
            return dt.date(int(m[3]), _months()[m[1]], int(m[2]))
    except ValueError:  # 31 février: not a day
        return None
    return None


def shown_date(printed: str | None, lang: str, keep_printed: bool = True) -> str:
    """The document's date for a reader of ``lang``: "26 July 2023 (printed “26 juillet 2023”)" when the
    printed form differs (``keep_printed``: a clue in itself), the printed text when it names no day."""
    from medialit.i18n import date_text, tr  # the interface's words; the format does not need them to load

    if not printed:
        return ""
    day = printed_date(printed)
    if day is None:
        return printed
    written = date_text(day, lang)
    if not keep_printed or _fold(written) == " ".join(_fold(printed).split()):
        return written
    return tr("ui_date_as_printed", lang, date=written, printed=printed)
