"""A document's printed date is written in the reader's language wherever the interface shows it, with the
printed form beside it on the metadata card (the way a site prints its dates is a clue too)."""

from __future__ import annotations

import datetime as dt

import pytest

from medialit.export.worksheet import worksheet_html
from medialit.format.dates import printed_date, shown_date
from medialit.format.loader import load_lesson
from medialit.paths import kit_root
from medialit.ui.document import metadata_rows
from medialit.ui.views.catalogue import CardProgress, card_text


@pytest.mark.parametrize(("printed", "day"), [
    ("26 juillet 2023", dt.date(2023, 7, 26)), ("1er mai 2020", dt.date(2020, 5, 1)),
    ("mardi 3 mars 2020", dt.date(2020, 3, 3)), ("30.10.2021", dt.date(2021, 10, 30)),
    ("30/10/2021", dt.date(2021, 10, 30)), ("2023-07-26", dt.date(2023, 7, 26)),
    ("July 26, 2023", dt.date(2023, 7, 26)), ("3 Oct 2021", dt.date(2021, 10, 3)),
    ("28 FÉVRIER 2024", dt.date(2024, 2, 28)), ("28 fevrier 2024", dt.date(2024, 2, 28)),
])
def test_printed_dates_are_read_as_days(printed, day):
    assert printed_date(printed) == day


@pytest.mark.parametrize("printed", ["printemps 2020", "juillet 2023", "31 février 2023", "n'apparaît pas", "", None])
def test_what_names_no_single_day_is_shown_as_printed(printed):
    assert printed_date(printed) is None
    assert shown_date(printed, "en") == (printed or "")


def _lesson(name: str):
    result = load_lesson(kit_root() / "lessons" / name)
    assert result.loaded is not None, result.problems
    return result.loaded


def test_the_catalogue_card_writes_the_date_in_the_readers_language():
    blog = _lesson("blog-2023-generaux-otan.yaml")
    assert blog.lesson.document.date == "26 juillet 2023"
    assert "26 July 2023" in card_text(blog, CardProgress(), "en")
    assert "juillet" not in card_text(blog, CardProgress(), "en")
    assert "26 juillet 2023" in card_text(blog, CardProgress(), "fr")


def test_the_metadata_card_keeps_the_printed_form_beside_the_readers_date():
    blog, sputnik = _lesson("blog-2023-generaux-otan.yaml"), _lesson("sputnik-france-2021-otan-invitation.yaml")
    assert "26 July 2023 (printed “26 juillet 2023”)" in metadata_rows(blog, "en")
    assert "26 juillet 2023" in metadata_rows(blog, "fr") and "imprimée" not in metadata_rows(blog, "fr")
    assert sputnik.lesson.document.date == "30.10.2021"
    assert "30 octobre 2021 (imprimée « 30.10.2021 »)" in metadata_rows(sputnik, "fr")


def test_the_printed_worksheet_writes_the_date_in_its_language():
    blog = _lesson("blog-2023-generaux-otan.yaml")
    assert "26 July 2023" in worksheet_html(blog, "en")
