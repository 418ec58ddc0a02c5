"""The highlight widget in real Chromium: mouse marks, removal, emoji offsets, layers, reruns, and the
keyboard mode (word caret, find a passage, toolbar by touch) giving the mouse's offsets.

One Streamlit server for the module (``tests/browser/apps/highlight_app.py``), one browser for the
session, a fresh page (= Streamlit session) per test.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from apps.highlight_texts import HEAT, LAYERS, READONLY_MARKS, TEXT
from browser_harness import focused, goto_app, screenshot, tab_to, wait_for_app
from playwright.sync_api import expect

from medialit.ui.highlight import find_passages, segments, sentence_units, snap_to_words

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
    expect(page.locator(BOX)).to_have_attribute("role", "application")  # editable: see the keyboard tests
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


# The keyboard selection drawn in the widget, as a code-point span (null when there is none).
_SELECTION_JS = """
(host) => {
  const segs = [...document.querySelector(host).shadowRoot.querySelectorAll('.hl-text .kb-sel')];
  if (!segs.length) return null;
  return [Math.min(...segs.map((s) => +s.dataset.s)), Math.max(...segs.map((s) => +s.dataset.e))];
}
"""


def selection(page: Any) -> tuple[int, int] | None:
    got = page.evaluate(_SELECTION_JS, HOST)
    return (got[0], got[1]) if got else None


def live(page: Any) -> Any:
    """The widget's polite live region: what a screen reader says after each key."""
    return page.locator(f"{HOST} .hl-live")


def in_text(element: list[str]) -> bool:
    return "hl-text" in element[1].split()


def test_keyboard_caret_marks_word_by_word_with_the_mouse_offsets(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    tab_to(page, in_text)
    box = page.locator(BOX)
    expect(box).to_have_attribute("role", "application")  # screen readers pass the arrow keys through
    expect(box).to_have_attribute("aria-roledescription", "texte à surligner")
    page.keyboard.press("ArrowRight")  # the caret appears on the first word
    assert selection(page) == span("Le")
    expect(live(page)).to_have_text("Sélection : « Le »")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert selection(page) == span("ministre a déclaré")
    expect(live(page)).to_have_text("Sélection : « ministre a déclaré »")
    page.keyboard.press("Enter")
    # The drag test gets these very offsets from "nistre".."a décla" with the mouse.
    expect_marks(page, [span("ministre a déclaré")])
    expect(live(page)).to_have_text("Surligné : « ministre a déclaré »")
    expect(output(page, "changes")).to_have_text("changes: 1")

    drag(page, "affirm", "forte")  # the mouse marks too, into the same set of marks
    expect_marks(page, [span("ministre a déclaré"), span("affirmation forte")])
    tab_to(page, in_text, key="Shift+Tab")  # back into the text box (the mouse took the focus away)
    page.keyboard.press("ArrowDown")  # the caret shows again where it was, then goes a line down
    page.keyboard.press("ArrowDown")
    caret = selection(page)
    assert caret is not None and caret[0] > TEXT.index("\n")  # on the second line
    page.keyboard.press("Home")  # to the start of the sentence ("C’" is an elided word of its own)
    assert selection(page) == span("C")
    page.keyboard.press("Shift+End")  # extended to its last word
    sentence = snap_to_words(TEXT, [sentence_units(TEXT)[1]])
    assert [selection(page)] == sentence
    expect(live(page)).to_have_text(re.compile("^Sélection : « C’est une affirmation forte, sans source précise »$"))
    page.keyboard.press(" ")  # Space marks too: it takes in the mouse's mark
    expect_marks(page, [span("ministre a déclaré"), *sentence])
    page.keyboard.press("Escape")  # back to the caret word
    assert selection(page) == span("précise")
    expect(live(page)).to_have_text("Sélection : « précise », déjà surlignée")
    page.keyboard.press("Delete")  # the whole mark under the caret goes, as a click on it does
    expect_marks(page, [span("ministre a déclaré")])
    expect(live(page)).to_have_text("Surlignage retiré : « C’est une affirmation forte, sans source précise »")
    page.keyboard.press("Delete")
    expect(live(page)).to_have_text("Aucun surlignage ici")
    expect(output(page, "changes")).to_have_text("changes: 4")
    outline = page.evaluate(
        "(h) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector('.kb-caret')).outlineStyle", HOST
    )
    assert outline == "solid"  # the caret word is visible
    screenshot(page, "keyboard-caret.png")


def test_find_a_passage_anywhere_then_mark_it_from_the_field_or_the_toolbar(page: Any, app_url: str) -> None:
    open_app(page, app_url)
    tab_to(page, in_text)
    page.keyboard.press("/")  # from the text to the find field
    assert "hl-find" in (focused(page) or ["", ""])[1].split()
    page.keyboard.type("l'economie va tres")  # straight apostrophe, no accents: still found, deep in the sentence
    assert selection(page) == span("L’économie va très")
    expect(page.locator(f"{HOST} .hl-find-count")).to_have_text("Résultat 1 sur 1")
    expect(live(page)).to_have_text("Résultat 1 sur 1 : « L’économie va très »")
    page.keyboard.press("Control+Enter")
    expect_marks(page, [span("L’économie va très")])

    page.keyboard.press("Control+A")
    page.keyboard.type("re")  # many matches, inside words too: each one in turn, as Python finds them
    found = find_passages(TEXT, "re")
    assert len(found) > 3
    assert selection(page) == found[0]
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert selection(page) == found[2]
    expect(page.locator(f"{HOST} .hl-find-count")).to_have_text(f"Résultat 3 sur {len(found)}")
    page.keyboard.press("Shift+Enter")
    assert selection(page) == found[1]
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")  # wraps around
    assert selection(page) == found[-1]

    page.keyboard.press("Control+A")
    page.keyboard.type("sans source")
    page.keyboard.press("Tab")  # the toolbar: one tab stop, arrows between its buttons
    assert (focused(page) or [""] * 4)[3] == "Résultat précédent"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert (focused(page) or [""] * 5)[4] == "Surligner"
    page.keyboard.press("Enter")
    expect_marks(page, [span("L’économie va très"), span("sans source")])
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # "Retirer"
    expect_marks(page, [span("L’économie va très")])

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("zzz")
    expect(page.locator(f"{HOST} .hl-find-count")).to_have_text("Aucun résultat")
    expect(live(page)).to_have_text("Aucun passage ne contient « zzz »")
    page.keyboard.press("Escape")  # back to the text, where the last selection still is
    assert in_text(focused(page) or ["", ""])
    assert selection(page) == span("sans source")
    screenshot(page, "keyboard-find.png")
    tab_to(page, lambda a: a[0] == "SUMMARY", key="Shift+Tab")  # the keys, folded into one line until opened
    page.keyboard.press("Enter")
    expect(page.locator(f"{HOST} .hl-keys")).to_be_visible()
    expect(page.locator(f"{HOST} .hl-keys")).to_contain_text("Maj pour étendre la sélection")
    screenshot(page, "keyboard-help.png")


def test_toolbar_by_touch_on_a_phone(browser: Any, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                                  locale="en-GB")
    try:
        page = context.new_page()
        open_app(page, f"{app_url}/?lang=en")
        tools = page.locator(f"{HOST} .hl-tools")
        expect(tools.get_by_text("Find a passage")).to_be_visible()
        mark = tools.get_by_role("button", name="Highlight", exact=True)
        expect(mark).to_have_attribute("aria-disabled", "true")  # nothing selected yet
        page.locator(f"{HOST} .hl-find").tap()
        page.keyboard.type("source precise")
        expect(tools.get_by_text("Match 1 of 1")).to_be_visible()
        mark.tap()
        expect_marks(page, [span("source précise")])
        box = page.locator(BOX).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # no sideways scrolling
        for button in tools.get_by_role("button").all():
            size = button.bounding_box()
            assert size is not None and size["height"] >= 40 and size["width"] >= 40  # big enough for a finger
        screenshot(page, "keyboard-phone-widget.png")
        tools.get_by_role("button", name="Remove", exact=True).tap()
        expect_marks(page, [])
    finally:
        context.close()


def test_readonly_layers_render_python_segments(page: Any, app_url: str) -> None:
    open_app(page, f"{app_url}/?mode=readonly")
    expect(page.locator(f"{HOST} mark.hl-mark")).to_have_count(2)
    expect(page.locator(BOX)).to_have_attribute("role", "document")  # read-only: read like any text
    expect(page.locator(f"{HOST} .hl-tools")).to_be_hidden()
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
