"""Markup written by a teacher (lesson text) or a student (free-text answer) is shown as text, never run.

A real Chromium opens a lesson whose introduction and prompt carry script and event-handler
markup, and a student submits an answer carrying the same. No dialog may open and no element
the markup describes may exist in the page.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest
from browser_harness import REPO, goto_app, screenshot, wait_for_app
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"


@pytest.fixture(scope="module")
def app_url(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
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
    return streamlit_factory("app.py", env={"MEDIALIT_HOME": str(kit)})


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
