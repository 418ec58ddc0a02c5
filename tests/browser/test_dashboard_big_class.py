"""A class bigger than a page on the dashboard, in real Chromium: 45 students, the roster and the
grading queue in pages of 20 with *Previous*/*Next*, a student found by pseudonym; at 1366x768 and
1024x600, French and English, and no serious or critical axe-core violation.

Screenshots: tests/artifacts/dashboard-pages-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_harness import goto_app, screenshot, wait_for_app
from classday import LESSON, PASSWORD, SECOND, answer_lesson
from playwright.sync_api import expect
from test_accessibility import log_in_any_language, violations

from medialit.format.library import library
from medialit.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STUDENTS = 45
TEXT = {
    "fr": {"next": "Suivants ›", "find": "Trouver un élève", "roster_where": "21 à 40 sur 45 · page 2 sur 3"},
    "en": {"next": "Next ›", "find": "Find a student", "roster_where": "21 to 40 of 45 · page 2 of 3"},
}


@pytest.fixture(scope="module")
def big_class(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    database = f"sqlite:///{tmp_path_factory.mktemp('pages-db') / 'pages.db'}"
    url = streamlit_factory("serve.py", env={"MEDIALIT_TEACHER_PASSWORD": PASSWORD, "MEDIALIT_DATABASE_URL": database})
    store = Store(database)
    kit = library()
    klass = store.create_class_session("1re C — toute l'année", [LESSON, SECOND])
    for i in range(STUDENTS):
        learner = store.create_learner("fr", klass.id, f"Élève {i + 1:02d}")
        answer_lesson(store, kit.by_id(LESSON), learner.id, i)
        answer_lesson(store, kit.by_id(SECOND), learner.id, i, upto=4)
    yield {"url": url, "klass": klass}
    store.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_big_class_pages_by_20_and_a_student_is_found(big_class: dict, browser: Any, lang: str) -> None:
    words = TEXT[lang]
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale=f"{lang}-FR")
    page = context.new_page()
    url, klass = big_class["url"], big_class["klass"]
    log_in_any_language(page, url, lang)
    goto_app(page, f"{url}/teacher-dashboard?lang={lang}&class={klass.id}")
    roster = page.locator("[data-testid='stTable']").first
    expect(roster.locator("tbody tr")).to_have_count(20)
    assert violations(page, lang) == []
    screenshot(page, f"dashboard-pages-{lang}-1366x768.png", full_page=False)

    page.locator(".st-key-roster-page-next button").click()
    expect(page.get_by_text(words["roster_where"])).to_be_visible()
    wait_for_app(page)
    expect(roster.locator("tbody tr")).to_have_count(20)
    search = page.get_by_label(words["find"])
    search.fill("eleve 07")
    search.press("Enter")
    expect(roster.locator("tbody tr")).to_have_count(1)
    expect(roster).to_contain_text("Élève 07")

    page.set_viewport_size({"width": 1024, "height": 600})
    page.locator(".st-key-grading-page-next").scroll_into_view_if_needed()
    wait_for_app(page)
    screenshot(page, f"dashboard-pages-{lang}-1024x600.png", full_page=False)
    screenshot(page, f"dashboard-pages-{lang}-1024x600-full.png")
    assert violations(page, lang) == []
    context.close()
