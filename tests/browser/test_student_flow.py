"""A student in real Chromium: open a lesson, mark passages by dragging the mouse, submit, reload.

One server for the module on a controlled kit (the app tests' fixture lesson); screenshots of each
page go to ``tests/artifacts/`` (student-*.png) for a human to look at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from browser_harness import REPO, goto_app, screenshot, wait_for_app
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOST = "[data-testid='stBidiComponentIsolated']"
BOX = f"{HOST} .hl-text"
SHOT_SIZE = {"width": 1280, "height": 1500}  # tall enough to show a whole page in one picture

# Viewport points just inside the first UTF-16 unit of `first` and the last unit of `last` in the
# widget's text, measured with DOM Ranges inside the component's shadow root after scrolling the
# passage into the middle of the document box (both measured after that single scroll).
_POINTS_JS = """
([host, first, last]) => {
  const box = document.querySelector(host).shadowRoot.querySelector('.hl-text');
  const text = box.textContent;
  const range = (unit) => {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (unit < seen + node.data.length) {
        const r = document.createRange();
        r.setStart(node, unit - seen);
        r.setEnd(node, unit - seen + 1);
        return r;
      }
      seen += node.data.length;
    }
    throw new Error('offset outside text');
  };
  const a = text.indexOf(first);
  const b = text.indexOf(last, a);
  if (a < 0 || b < 0) throw new Error('not in text: ' + first + ' / ' + last);
  box.scrollIntoView({block: 'nearest'});
  const inside = box.getBoundingClientRect();
  box.scrollTop += range(a).getBoundingClientRect().top - inside.top - inside.height / 2;
  const r0 = range(a).getBoundingClientRect();
  const r1 = range(b + last.length - 1).getBoundingClientRect();
  return [{x: r0.left + 1, y: r0.top + r0.height / 2}, {x: r1.right - 1, y: r1.top + r1.height / 2}];
}
"""


@pytest.fixture(scope="module")
def app_url(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    kit = tmp_path_factory.mktemp("student-kit") / "kit"
    shutil.copytree(REPO / "tests" / "app" / "fixtures" / "kit", kit)
    shutil.copytree(REPO / "seeds", kit / "seeds")
    return streamlit_factory("app.py", env={"MEDIALIT_HOME": str(kit)})


def settle(page: Any) -> None:
    """Let the rerun an interaction started begin, then wait for it to finish."""
    page.wait_for_timeout(250)
    wait_for_app(page)


def drag(page: Any, start_in: str, end_in: str) -> None:
    """Press the mouse before the first char of ``start_in`` and release after the last of ``end_in``."""
    start, end = page.evaluate(_POINTS_JS, [HOST, start_in, end_in])
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.mouse.move((start["x"] + end["x"]) / 2, (start["y"] + end["y"]) / 2, steps=5)
    page.mouse.move(end["x"], end["y"], steps=5)
    page.mouse.up()


def shoot(page: Any, name: str) -> Path:
    """A screenshot of the whole page (the viewport is made tall for it, then restored)."""
    size = page.viewport_size
    page.set_viewport_size(SHOT_SIZE)
    settle(page)
    path = screenshot(page, name, full_page=False)
    page.set_viewport_size(size)
    return path


def submit(page: Any) -> None:
    page.get_by_role("button", name="Valider ma réponse").click()
    settle(page)


def next_question(page: Any) -> None:
    page.get_by_role("button", name=re.compile("Suivante")).click()
    settle(page)


def test_a_student_marks_by_dragging_submits_reloads_and_finds_everything_kept(page: Any, app_url: str) -> None:
    goto_app(page, app_url)
    expect(page.get_by_role("heading", name="Leçons et exercices")).to_be_visible()
    shoot(page, "student-catalogue.png")

    page.get_by_role("button", name="Commencer").first.click()
    settle(page)
    expect(page.locator(BOX)).to_contain_text("Stoltenberg")
    expect(page).to_have_url(re.compile(r"code=[A-Z2-9]{6}"))
    shoot(page, "student-lesson.png")

    scale = page.get_by_role("radiogroup", name=re.compile("échelle"))  # the rating scale
    scale.get_by_text("3", exact=True).click()
    submit(page)
    next_question(page)
    page.locator("[data-testid='stRadio'] label").filter(has_text="Tass").click()
    submit(page)
    expect(page.get_by_text("Juste : 1 sur 1 pt.")).to_be_visible()
    next_question(page)

    expect(page.locator(BOX)).to_contain_text("poncifs")
    drag(page, "poncifs", "anti-russes")
    settle(page)
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(1)
    drag(page, "pêle-mêle", "pêle-mêle")
    settle(page)
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(2)
    submit(page)
    expect(page.get_by_text("Juste : 2 sur 2 pt.")).to_be_visible()
    shoot(page, "student-feedback.png")

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Question 3 sur 7")).to_be_visible()
    expect(page.get_by_text("Juste : 2 sur 2 pt.")).to_be_visible()
    expect(page.get_by_text("Questions répondues : 3 sur 7")).to_be_visible()
    student = page.locator(f"{HOST} .seg.layer-student")
    expect(student.first).to_be_visible()
    marked = " ".join(student.all_text_contents())
    assert "poncifs anti-russes" in marked and "pêle-mêle" in marked
    expect(page.locator(f"{HOST} .seg.layer-expected").first).to_be_visible()

    page.get_by_role("button", name="Terminer la leçon").click()
    settle(page)
    page.get_by_role("button", name="Terminer et voir mes résultats").click()
    settle(page)
    expect(page.get_by_text("3 / 10 pt")).to_be_visible()
    shoot(page, "student-summary.png")
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("3 / 10 pt")).to_be_visible()
