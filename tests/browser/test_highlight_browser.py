"""The highlight widget in real Chromium: mouse marks, removal, emoji offsets, layers, reruns.

One Streamlit server for the module (``tests/browser/apps/highlight_app.py``), one browser for the
session, a fresh page (= Streamlit session) per test.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from apps.highlight_texts import HEAT, LAYERS, READONLY_MARKS, TEXT
from browser_harness import goto_app, screenshot, wait_for_app
from playwright.sync_api import expect

from medialit.ui.highlight import segments, sentence_units, snap_to_words

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOST = "[data-testid='stBidiComponentIsolated']"
BOX = f"{HOST} .hl-text"

# Viewport coordinates of the caret position before (edge="start") or after (edge="end") the
# UTF-16 range of `needle` in the widget's text, found with a DOM Range inside the shadow root.
_POINT_JS = """
([host, needle, edge]) => {
  const box = document.querySelector(host).shadowRoot.querySelector('.hl-text');
  const full = box.textContent;
  const at = full.indexOf(needle);
  if (at < 0) throw new Error('not in text: ' + needle);
  const unit = edge === 'start' ? at : at + needle.length - 1;  // UTF-16 index of the edge char
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (unit < seen + node.data.length) {
      const range = document.createRange();
      range.setStart(node, unit - seen);
      range.setEnd(node, unit - seen + 1);
      const r = range.getBoundingClientRect();
      return {x: edge === 'start' ? r.left + 1 : r.right - 1, y: r.top + r.height / 2};
    }
    seen += node.data.length;
  }
  throw new Error('offset outside text');
}
"""


@pytest.fixture(scope="module")
def app_url(streamlit_factory: Any) -> str:
    return streamlit_factory("tests/browser/apps/highlight_app.py")


def open_app(page: Any, url: str) -> None:
    """Load the page and wait until the widget's JS has rendered the text (it mounts after the run)."""
    goto_app(page, url)
    expect(page.locator(BOX)).to_contain_text("Le ministre")


def text_point(page: Any, needle: str, edge: str) -> tuple[float, float]:
    point = page.evaluate(_POINT_JS, [HOST, needle, edge])
    return point["x"], point["y"]


def drag(page: Any, start_in: str, end_in: str) -> None:
    """Press the mouse before the first char of `start_in`, release after the last of `end_in`."""
    x0, y0 = text_point(page, start_in, "start")
    x1, y1 = text_point(page, end_in, "end")
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
    page.mouse.move(x1, y1, steps=5)
    page.mouse.up()


def output(page: Any, name: str) -> Any:
    """Locator of the app's ``st.text`` line ``"<name>: ..."``."""
    return page.get_by_test_id("stText").filter(has_text=re.compile(rf"^{name}: "))


def expect_marks(page: Any, spans: list[tuple[int, int]]) -> None:
    expect(output(page, "marks")).to_have_text("marks: " + json.dumps([list(s) for s in spans]))
    wait_for_app(page)


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def test_drag_across_half_words_marks_whole_words(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    expect(page.locator(BOX)).to_have_attribute("role", "document")
    # "nistre a décla": starts inside "ministre", ends inside "déclaré".
    drag(page, "nistre", "a décla")
    expected = snap_to_words(TEXT, [(TEXT.index("nistre"), TEXT.index("a décla") + len("a décla"))])
    assert expected == [span("ministre a déclaré")]
    expect_marks(page, expected)
    expect(output(page, "words")).to_have_text('words: ["ministre a déclaré"]')
    expect(output(page, "changes")).to_have_text("changes: 1")
    mark = page.locator(f"{HOST} mark.hl-mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text("ministre a déclaré")
    expect(mark).to_have_attribute("aria-label", re.compile("ministre a déclaré"))
    screenshot(page, "highlight-student.png")


def test_click_on_mark_removes_it(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    drag(page, "affirm", "forte")
    expect_marks(page, [span("affirmation forte")])
    page.locator(f"{HOST} mark.hl-mark").click()
    expect_marks(page, [])
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(0)
    expect(output(page, "changes")).to_have_text("changes: 2")


def test_emoji_before_mark_gives_code_point_offsets(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    drag(page, "ier so", "soi")  # half of "hier" .. half of "soir", after the 😀
    expected = [span("hier soir")]
    utf16_start = len(TEXT[: expected[0][0]].encode("utf-16-le")) // 2
    assert utf16_start == expected[0][0] + 1  # the emoji is two UTF-16 units, one code point
    expect_marks(page, expected)
    expect(output(page, "words")).to_have_text('words: ["hier soir"]')


def test_marks_merge_and_survive_a_rerun_from_another_widget(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    drag(page, "ministre", "minis")
    expect_marks(page, [span("ministre")])
    drag(page, "a déc", "déclaré")  # adjacent after snapping? no: separated by a space
    expect_marks(page, [span("ministre"), span("a déclaré")])
    drag(page, "stre a", "stre a")  # overlaps both: they merge into one
    expect_marks(page, [span("ministre a déclaré")])
    page.get_by_text("Autre widget").click()
    expect(output(page, "other")).to_have_text("other: True")
    wait_for_app(page)
    expect_marks(page, [span("ministre a déclaré")])
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_text("ministre a déclaré")
    expect(output(page, "changes")).to_have_text("changes: 3")


def test_keyboard_marker_shares_marks_with_the_mouse(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    sentence = snap_to_words(TEXT, [sentence_units(TEXT)[1]])  # "C’est une ... précise"
    combo = page.get_by_role("combobox", name=re.compile("clavier"))

    def choose_sentence_2() -> None:
        combo.click()
        page.get_by_role("option", name=re.compile(r"^2\. C’est une affirmation")).click()
        page.keyboard.press("Escape")

    def unchoose_last() -> None:
        combo.click()
        combo.press("Backspace")  # removes the last chosen sentence, keyboard only
        page.keyboard.press("Escape")

    drag(page, "ministre", "ministre")
    expect_marks(page, [span("ministre")])
    choose_sentence_2()  # keyboard adds: merged with the mouse mark
    expect_marks(page, [span("ministre"), *sentence])
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(2)
    unchoose_last()  # keyboard removes exactly that sentence
    expect_marks(page, [span("ministre")])
    drag(page, "C’est une", "précise")  # the mouse marks the sentence: the multiselect follows
    expect_marks(page, [span("ministre"), *sentence])
    expect(page.get_by_text("2. C’est une affirmation")).to_be_visible()
    unchoose_last()
    expect_marks(page, [span("ministre")])
    # The browser last sent [ministre, sentence]; marking the sentence again sends that same value.
    # The widget re-synced the browser state after the keyboard edit, so this still registers.
    drag(page, "C’est une", "précise")
    expect_marks(page, [span("ministre"), *sentence])
    expect(output(page, "changes")).to_have_text("changes: 6")  # re-syncs call no on_change


def test_readonly_layers_render_python_segments(page: Any, app_url: str) -> None:
    open_app(page, f"{app_url}/?mode=readonly")
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(2)
    rendered = page.evaluate(
        """(h) => [...document.querySelector(h).shadowRoot.querySelectorAll('.hl-text span.seg')]
              .map((s) => [s.textContent, s.className, s.title])""",
        HOST,
    )
    expected = segments(TEXT, READONLY_MARKS, LAYERS, heat=HEAT)
    assert [r[0] for r in rendered] == [s.text for s in expected]
    assert [r[1].split() for r in rendered] == [list(s.classes) for s in expected]
    very = next(r for r in rendered if r[0] == "très ")
    assert very[2] == "Passage attendu · Intensif"
    assert "layer-excerpt" in next(r for r in rendered if r[0].startswith("C’est"))[1]
    assert any("heat-5" in r[1] and "élève" in r[2] for r in rendered)
    legend = page.locator(f"{HOST} .hl-legend li")
    expect(legend).to_have_text(["Vos surlignages", "Passage attendu", "Rayons X", "Extrait", "Carte de la classe"])
    expect(page.locator(f"{HOST} .hl-hint")).to_be_hidden()
    # Read-only: neither a drag nor a click changes anything.
    drag(page, "affirm", "forte")
    page.locator(f"{HOST} mark.hl-mark").first.click()
    page.wait_for_timeout(500)
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(2)
    expect_marks(page, [tuple(m) for m in READONLY_MARKS])
    screenshot(page, "highlight-readonly.png")


def test_markup_shows_as_text_and_focus_is_visible(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    shown = page.evaluate("(h) => document.querySelector(h).shadowRoot.querySelector('.hl-text').textContent", HOST)
    assert shown == TEXT  # verbatim, "<script>" included as text
    assert page.locator(f"{HOST} .hl-text script").count() == 0
    page.locator(BOX).focus()  # keyboard-style focus (no mouse used yet): :focus-visible applies
    outline = page.evaluate(
        "(h) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector('.hl-text')).outlineStyle",
        HOST,
    )
    assert outline == "solid"
