"""The join address and QR code, and the classroom strings (both languages, numbers as teachers write them)."""

from __future__ import annotations

import pytest

from medialit.classroom.joinlink import app_base, is_local, join_url, qr_png, with_host
from medialit.i18n import number, tr


@pytest.mark.parametrize(("page_url", "base"), [
    ("http://192.168.1.20:8501/teacher-sessions", "http://192.168.1.20:8501"),
    ("https://lycee.example/medialit/teacher-sessions", "https://lycee.example/medialit"),
    ("https://lycee.example/medialit/teacher-sessions?class=3#top", "https://lycee.example/medialit"),
    (None, "http://localhost:8501"),
])
def test_the_app_base_is_the_page_address_without_the_page(page_url, base):
    assert app_base(page_url, "teacher-sessions") == base


def test_the_join_address_opens_the_join_page_with_the_code():
    assert join_url("https://lycee.example/medialit", "ABC234") == "https://lycee.example/medialit/join?join=ABC234"


def test_a_local_address_is_recognised_and_can_be_given_the_network_host():
    assert is_local("http://localhost:8501") and is_local("http://127.0.0.1:8501")
    assert not is_local("http://10.0.0.5:8501")
    assert with_host("http://localhost:8501", "10.0.0.5") == "http://10.0.0.5:8501"


def test_the_qr_code_is_a_png_large_enough_to_project():
    png = qr_png("http://192.168.1.20:8501/join?join=ABC234")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    assert width >= 300


def test_an_unknown_key_is_shown_as_itself_and_missing_english_falls_back_to_french():
    assert tr("class_no-such-key", "en") == "class_no-such-key"
    assert (
        tr("class_join_taken", "en", name="Renard") == 'The pseudonym "Renard" is already taken in this class: please '
        "choose another one."
    )


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (0.3912, "fr", "0,39"),
        (0.3912, "en", "0.39"),
        (2.0, "fr", "2"),
        (None, "fr", "–"),
        (float("nan"), "en", "–"),
        (-0.001, "en", "0"),
    ],
)
def test_numbers_are_written_as_teachers_read_them(value, lang, shown):
    assert number(value, lang) == shown
