"""The interface's words, numbers, dates and times, in French and English.

Words come from one gettext catalogue per language (``locales/<lang>/LC_MESSAGES/medialit.po``),
read with Babel. The code names a message by its key: ``tr("ui_submit", lang)``; the catalogue's
``msgid`` is that key and its ``msgstr`` the words. An entry with a plural form is chosen by the
value ``n`` (French: 0 and 1 are singular). A key missing in English falls back to French; a test
fails when a key is missing in a language or used by no code.

Values put into a message are written the reader's way: ``tr`` formats floats with ``number``
(``0,67`` in French, ``0.67`` in English), integers with the language's grouping, dates and times
with ``date_text``/``time_text`` in the school's time zone (``MEDIALIT_TIMEZONE``, default
Europe/Paris).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import math
import os
import threading
from functools import cache
from pathlib import Path
from typing import SupportsFloat, SupportsIndex
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime, format_time
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGS = ("fr", "en")
FALLBACK = "fr"
DOMAIN = "medialit"
LOCALES = Path(__file__).resolve().parent / "locales"
DEFAULT_TIMEZONE = "Europe/Paris"
_lock = threading.Lock()


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _read(lang: str) -> Catalog:
    with _lock, catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


@cache
def _catalogue(lang: str) -> tuple[gettext.GNUTranslations, frozenset[str], frozenset[str]]:
    """The language's translations (compiled in memory from its .po), its keys and its plural keys."""
    catalogue = _read(lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    found = messages(lang)
    plural = frozenset(key for key, forms in found.items() if len(forms) > 1)
    return gettext.GNUTranslations(compiled), frozenset(found), plural


def keys(lang: str) -> frozenset[str]:
    """Every key of the language's catalogue."""
    return _catalogue(lang)[1]


def messages(lang: str) -> dict[str, tuple[str, ...]]:
    """Every message of the language's catalogue: key -> its forms (one, or one per plural form)."""
    found: dict[str, tuple[str, ...]] = {}
    for message in _read(lang):
        if not message.id:
            continue
        key = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        found[key] = tuple(str(form or "") for form in forms)
    return found


def _template(key: str, lang: str, n: object) -> str:
    translations, known, plural = _catalogue(lang if lang in LANGS else FALLBACK)
    if key not in known:
        return key if lang == FALLBACK else _template(key, FALLBACK, n)
    if key in plural:
        count = int(n) if isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) else 2
        return translations.ngettext(key, key + "#plural", count)
    return translations.gettext(key)


def tr(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (French when missing), its placeholders filled the reader's way."""
    template = _template(key, lang, values.get("n"))
    if not values:
        return template
    return template.format(**{name: shown(value, lang) for name, value in values.items()})


def shown(value: object, lang: str) -> object:
    """A value as written in a message: numbers, dates and times the language's way; the rest unchanged."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return number(value, lang)
    if isinstance(value, int):
        return format_decimal(value, locale=lang)
    if isinstance(value, dt.datetime):
        return datetime_text(value, lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    return value


def number(value: object, lang: str, digits: int = 2) -> str:
    """A number as a teacher writes it: ``0,39`` (fr), ``0.39`` (en), at most ``digits`` decimals,
    no trailing zeros; "–" when missing or not a number."""
    if not isinstance(value, (str, bytes, SupportsFloat, SupportsIndex)):  # what float() accepts
        return "–"
    try:
        figure = float(value)
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(figure):
        return "–"
    figure = round(figure, digits)
    if figure == 0:
        figure = 0.0  # no "-0"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(figure, format=pattern, locale=lang if lang in LANGS else FALLBACK)


def either(items: list[str], lang: str) -> str:
    """``A ou B``, ``A, B ou C`` (fr); ``A or B`` (en): alternatives as the language writes them."""
    return format_list(list(items), style="or", locale=lang if lang in LANGS else FALLBACK) if items else ""


def both(items: list[str], lang: str) -> str:
    """``A et B``, ``A, B et C`` (fr); ``A and B`` (en)."""
    return format_list(list(items), style="standard", locale=lang if lang in LANGS else FALLBACK) if items else ""


def school_timezone() -> ZoneInfo:
    """The school's time zone (``MEDIALIT_TIMEZONE``, an IANA name such as Europe/Paris)."""
    return _zone(os.environ.get("MEDIALIT_TIMEZONE") or DEFAULT_TIMEZONE)


@cache
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the school's time zone (a naive time is taken as UTC, as the store writes it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(school_timezone())


def date_text(day: dt.date, lang: str, width: str = "long") -> str:
    """``26 juillet 2023`` (fr), ``26 July 2023`` (en); a date-time is first put in the school's time zone."""
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return format_date(day, format="d MMMM y" if width == "long" else "short", locale=lang)


def time_text(moment: dt.datetime, lang: str, seconds: bool = False) -> str:
    """The time of day in the school's time zone: ``14:05`` (both languages use 24 h here)."""
    return format_time(_local(moment), format="HH:mm:ss" if seconds else "HH:mm", locale=lang)


def datetime_text(moment: dt.datetime, lang: str) -> str:
    """``26 juillet 2023 à 14:05`` / ``26 July 2023 at 14:05``, in the school's time zone."""
    local = _local(moment)
    return format_datetime(local, format="d MMMM y HH:mm", locale=lang).replace(
        f" {local:%H:%M}", (" à " if lang == "fr" else " at ") + f"{local:%H:%M}")
