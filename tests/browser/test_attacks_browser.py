"""Markup written by a teacher (lesson text), a student (free-text answer, pseudonym) or anyone (a link to
the app) is shown as text, never run or drawn.

A real Chromium opens a lesson whose introduction and prompt carry script and event-handler
markup, and a student submits an answer carrying the same. No dialog may open and no element
the markup describes may exist in the page. A link sent around with ``?lesson=[…](http://…)`` or
an image, and a pseudonym written as a Markdown image, draw no link, no image, and make the browser
fetch nothing (issue 13: the app's own warning showed a working phishing link).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_harness import REPO, goto_app, screenshot, wait_for_app
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"
WORD_JOINER = "\u2060"  # invisible; what keeps Markdown from turning a written-out address into a link
PIXEL_HOST = "http://127.0.0.1:9"  # nothing listens there: a fetch would show up as a request all the same


@pytest.fixture(scope="module")
def attack_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kit = tmp_path_factory.mktemp("attack-kit") / "kit"
    shutil.copytree(REPO / "tests" / "app" / "fixtures" / "kit", kit)
    shutil.copytree(REPO / "seeds", kit / "seeds")
    lesson = kit / "lessons" / "fixture-otan.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace('introduction: {fr: "Lis l\'article puis réponds."',
                        f'introduction: {{fr: "Lis l\'article puis réponds. {HOSTILE}"')
    text = text.replace('prompt: {fr: "Explique d\'où viennent les propos cités',
                        f'prompt: {{fr: "{HOSTILE} Explique d\'où viennent les propos cités')
    assert text.count(HOSTILE) == 2
    lesson.write_text(text, encoding="utf-8")
    return kit


@pytest.fixture(scope="module")
def app_url(streamlit_factory: Any, attack_kit: Path) -> str:
    return streamlit_factory("app.py", env={"MEDIALIT_HOME": str(attack_kit),
                                            "MEDIALIT_DATABASE_URL": database_url(attack_kit)})


def database_url(kit: Path) -> str:
    """The attack server's database, which the tests may open too (to create a class session)."""
    return f"sqlite:///{kit.parent / 'attack.db'}"


def fetched(page: Any) -> list[str]:
    """Every URL the page requests from now on."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def test_script_in_lesson_text_and_in_a_student_answer_is_never_executed(page: Any, app_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    goto_app(page, app_url)
    page.get_by_role("button", name="Commencer").first.click()
    wait_for_app(page)
    for _ in range(4):  # to question 5, the free-text question
        page.get_by_role("button", name=re.compile("Suivante")).click()
        page.wait_for_timeout(250)
        wait_for_app(page)
    expect(page.get_by_text(re.compile("Explique d'où viennent les propos cités"))).to_be_visible()
    box = page.locator("textarea").first
    box.fill(f"{HOSTILE} Les propos viennent de l'agence Tass, donc de seconde main.")
    box.press("Control+Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Valider ma réponse").click()
    page.wait_for_timeout(500)
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"\d+(,\d+)? sur 2 pt"))).to_be_visible()
    screenshot(page, "attack-free-text.png")
    assert dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('alert(2)'))") is False


@pytest.mark.parametrize("hostile", [
    "[Session expirée : reconnectez-vous ici](http://evil.example/login)",
    f"![x]({PIXEL_HOST}/pixel.png)",
])
def test_a_link_in_the_address_is_shown_as_text_and_fetches_nothing(page: Any, app_url: str, hostile: str) -> None:
    urls = fetched(page)
    goto_app(page, f"{app_url}/?lesson={quote(hostile)}")
    expect(page.get_by_text(re.compile("n'existe pas"))).to_be_visible()
    shown = page.locator("[data-testid='stAlert']").first.inner_text().replace(WORD_JOINER, "")
    assert hostile in shown  # written out, brackets and all
    assert page.locator("a[href^='http://evil'], img[src^='http://127.0.0.1:9']").count() == 0
    assert not [url for url in urls if url.startswith((PIXEL_HOST, "http://evil"))]
    screenshot(page, f"attack-address-{'image' if hostile.startswith('!') else 'link'}.png", full_page=False)


def test_a_pseudonym_written_as_an_image_stays_text_in_the_banner(page: Any, app_url: str, attack_kit: Path) -> None:
    from medialit.store import Store

    store = Store(database_url(attack_kit))
    klass = store.create_class_session("2nde B", ["fixture-otan"])
    store.close()
    urls = fetched(page)
    goto_app(page, f"{app_url}/join?join={klass.join_code}")
    pseudonym = f"![moi]({PIXEL_HOST}/me.png)"
    page.get_by_label("Ton pseudonyme").fill(pseudonym)
    page.get_by_role("button", name="Rejoindre", exact=True).click()
    expect(page.get_by_text(re.compile("Tu es dans la classe"))).to_be_visible()
    assert pseudonym in page.locator("[data-testid='stAlert']").first.inner_text().replace(WORD_JOINER, "")
    assert page.locator("img[src^='http://127.0.0.1:9']").count() == 0
    assert not [url for url in urls if url.startswith(PIXEL_HOST)]
