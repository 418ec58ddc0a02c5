"""The one string catalogue: every key in both languages, every key used, numbers and dates the reader's way."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from medialit.i18n import LANGS, date_text, datetime_text, keys, messages, number, time_text, tr
from medialit.paths import PACKAGE_DIR

ROOT = PACKAGE_DIR.parent


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_key_exists_in_french_and_english() -> None:
    assert sorted(keys("fr") ^ keys("en")) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_words_in_every_form(lang: str) -> None:
    empty = [key for key, forms in messages(lang).items() if not all(form.strip() for form in forms)]
    assert empty == []


def test_both_languages_fill_the_same_placeholders() -> None:
    french, english = messages("fr"), messages("en")
    differ = [key for key in french
              if set().union(*map(_placeholders, french[key])) != set().union(*map(_placeholders, english[key]))]
    assert differ == []


def _string_literals() -> set[str]:
    """Every string constant of the package's code (and the app's entry point) and of its templates."""
    found: set[str] = set()
    for path in [*PACKAGE_DIR.rglob("*.py"), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    for path in PACKAGE_DIR.rglob("*.html"):
        found.update(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", path.read_text(encoding="utf-8")))
    return found


def test_every_key_is_used_by_the_code() -> None:
    """A key no code names is dead text: keys are written out in full in the code, never assembled."""
    literals = _string_literals()
    assert sorted(key for key in keys("fr") if key not in literals) == []


def test_a_plural_message_follows_the_count_in_each_language() -> None:
    assert tr("penalty_retry", "fr", n=1, pts=0.25) == "1 essai précédent : −0,25 pt"
    assert tr("penalty_retry", "fr", n=0, pts=0) .startswith("0 essai précédent")  # French: 0 is singular
    assert tr("penalty_retry", "fr", n=2, pts=0.5) == "2 essais précédents : −0,5 pt"
    assert tr("penalty_retry", "en", n=1, pts=0.25) == "1 earlier try: −0.25 pt"
    assert tr("penalty_retry", "en", n=0, pts=0) .startswith("0 earlier tries")


def test_numbers_in_messages_are_written_the_readers_way() -> None:
    assert tr("ui_result_partial", "fr", pts=2 / 3, max=1.0).count("0,67") == 1
    assert tr("ui_result_partial", "en", pts=2 / 3, max=1.0).count("0.67") == 1
    assert number(1234.5, "fr") == "1\u202f234,5" and number(1234.5, "en") == "1,234.5"


def test_dates_and_times_are_in_the_school_time_zone_and_the_readers_language(monkeypatch) -> None:
    moment = dt.datetime(2023, 7, 26, 22, 30, tzinfo=dt.UTC)
    monkeypatch.setenv("MEDIALIT_TIMEZONE", "Europe/Paris")
    assert date_text(moment, "fr") == "27 juillet 2023"  # already the next day in Paris
    assert date_text(moment, "en") == "27 July 2023"
    assert time_text(moment, "fr") == "00:30"
    assert datetime_text(moment, "fr") == "27 juillet 2023 à 00:30"
    monkeypatch.setenv("MEDIALIT_TIMEZONE", "America/Montreal")
    assert datetime_text(moment, "en") == "26 July 2023 at 18:30"


def test_a_missing_key_shows_itself_and_a_missing_language_falls_back_to_french() -> None:
    assert tr("no-such-key", "en") == "no-such-key"
    assert tr("ui_submit", "de") == tr("ui_submit", "fr")


def test_the_catalogues_are_gettext_files_a_translator_can_open() -> None:
    for lang in LANGS:
        path = Path(PACKAGE_DIR / "i18n" / "locales" / lang / "LC_MESSAGES" / "medialit.po")
        head = path.read_text(encoding="utf-8")
        assert f'"Language: {lang}\\n"' in head and "Plural-Forms:" in head
