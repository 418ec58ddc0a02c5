"""Keyboard parity in real Chromium: every shipped highlight question, marked and submitted with the
keyboard alone, stores the marks and the score a mouse selection of the same passages gets.

For each highlight question of ``lessons/*.yaml`` a fresh student opens the lesson, reaches the
question with the question list (Tab, arrows, Enter), Tabs into the document's "find a passage"
field, types each expected passage as a keyboard types it (straight apostrophes and quotes, plain
spaces), presses Enter until the selection is that passage, Ctrl+Enter to mark it, then Tabs to
"Valider ma réponse" and presses Enter. No mouse event is sent. The stored answer must hold the
word-snapped spans a mouse drag over the same passages gives (``snap_to_words``), and its score the
score of those spans (full marks when they are the ideal answer).

Also here: the keyboard mode on the lesson page passes axe-core (no serious or critical
violation, widget focused), and screenshots of it at 1024×600 and 390×844 (``tests/artifacts/``,
keyboard-*.png) for a human to look at.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from browser_harness import REPO, focused, goto_app, screenshot, tab_to, wait_for_app
from playwright.sync_api import expect

from medialit.answering import evaluate
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.questions import QuestionBase
from medialit.ui.highlight import find_passages, snap_to_words

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOST = "[data-testid='stBidiComponentIsolated']"
# The keyboard selection drawn in the widget, as a code-point span (null when there is none).
_SELECTION_JS = """
(host) => {
  const segs = [...document.querySelector(host).shadowRoot.querySelectorAll('.hl-text .kb-sel')];
  if (!segs.length) return null;
  return [Math.min(...segs.map((s) => +s.dataset.s)), Math.max(...segs.map((s) => +s.dataset.e))];
}
"""
# What a French keyboard types for a passage: straight apostrophes and quotes, plain spaces.
_TYPED = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})


def _shipped_highlights() -> list[tuple[Path, str, int]]:
    found = []
    for path in sorted((REPO / "lessons").glob("*.yaml")):
        loaded = load_lesson(path, REPO).loaded
        assert loaded is not None, f"{path.name} does not load"
        found += [(path, q.id, i) for i, q in enumerate(loaded.lesson.questions) if q.type == "highlight"]
    return found


HIGHLIGHTS = _shipped_highlights()


def test_the_kit_ships_highlight_questions() -> None:
    assert len(HIGHLIGHTS) >= 6  # the parametrized test below is not vacuous


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keyboard-data")


@pytest.fixture(scope="module")
def app_url(streamlit_factory: Any, data_dir: Path) -> str:
    return streamlit_factory("app.py", env={"MEDIALIT_DATA_DIR": str(data_dir), "MEDIALIT_HOME": str(REPO)})


def settle(page: Any) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page)


def open_question(page: Any, url: str, loaded: LoadedLesson, index: int) -> None:
    """Open the lesson and go to question ``index`` with the question list, keyboard only."""
    goto_app(page, f"{url}/?lesson={loaded.lesson.id}&lang=fr")
    n = len(loaded.lesson.questions)
    expect(page.get_by_role("heading", name=f"Question 1 sur {n}")).to_be_visible()
    if index:
        tab_to(page, lambda a: a[0] == "BUTTON" and a[2] == "radio" and a[4] == "1")  # the question list
        for _ in range(index):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        settle(page)
    expect(page.get_by_role("heading", name=f"Question {index + 1} sur {n}")).to_be_visible()
    expect(page.locator(f"{HOST} .hl-tools")).to_be_visible()  # the document is open for marking


def selection(page: Any) -> tuple[int, int] | None:
    got = page.evaluate(_SELECTION_JS, HOST)
    return (got[0], got[1]) if got else None


def mark_by_search(page: Any, text: str, target: tuple[int, int]) -> int:
    """In the find field: type the passage, Enter until it is selected, Ctrl+Enter. Returns the Enters."""
    query = text[target[0] : target[1]].translate(_TYPED)
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    presses = 0
    while selection(page) != target:
        assert presses <= len(find_passages(text, query)), f"never selected {query!r}"
        page.keyboard.press("Enter")
        presses += 1
    live = page.locator(f"{HOST} .hl-live")
    expect(live).to_contain_text(re.compile(r"Résultat \d+ sur \d+"))
    page.keyboard.press("Control+Enter")
    expect(live).to_contain_text("Surligné")
    return presses


def stored(data_dir: Path, lesson_id: str, question_id: str) -> list[tuple[float, float, dict]]:
    with sqlite3.connect(f"file:{data_dir / 'medialit.db'}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT earned, possible, raw FROM answers WHERE lesson_id = ? AND question_id = ?",
                          (lesson_id, question_id)).fetchall()
    return [(earned, possible, json.loads(raw)) for earned, possible, raw in rows]


def mouse_equivalent(loaded: LoadedLesson, q: QuestionBase) -> tuple[list[tuple[int, int]], float]:
    """The ideal answer's passages as a mouse drag over each gives them, and the score of those marks."""
    ideal = q.ideal_answer(loaded.context(q, "fr"))["spans"]
    marks = snap_to_words(loaded.text, ideal)
    return marks, evaluate(loaded, q, {"spans": [list(m) for m in marks]}).earned


@pytest.mark.parametrize(("path", "question_id", "index"), HIGHLIGHTS,
                         ids=[f"{p.stem}:{qid}" for p, qid, _ in HIGHLIGHTS])
def test_keyboard_only_marking_scores_like_the_mouse(page: Any, app_url: str, data_dir: Path, path: Path,
                                                     question_id: str, index: int) -> None:
    loaded = load_lesson(path, REPO).loaded
    assert loaded is not None
    q = loaded.lesson.questions[index]
    text = loaded.text
    marks, mouse_score = mouse_equivalent(loaded, q)
    page.set_viewport_size({"width": 1024, "height": 600})
    open_question(page, app_url, loaded, index)

    tab_to(page, lambda a: "hl-find" in a[1].split())
    for target in snap_to_words(text, q.ideal_answer(loaded.context(q, "fr"))["spans"]):
        query = text[target[0] : target[1]].translate(_TYPED)
        presses = mark_by_search(page, text, target)
        assert presses == find_passages(text, query).index(target)  # the browser finds what Python finds
    status = page.locator(f"{HOST} .hl-status")
    expect(status).to_have_text(f"Passages surlignés : {len(marks)}")
    settle(page)  # the marks reached the server

    tab_to(page, lambda a: a[0] == "BUTTON" and a[4] == "Valider ma réponse")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_text(re.compile(r"(Juste|En partie juste|Pas encore) :"))).to_be_visible()

    rows = stored(data_dir, loaded.lesson.id, q.id)
    assert len(rows) == 1
    earned, possible, raw = rows[0]
    assert [tuple(s) for s in raw["spans"]] == marks  # the offsets a mouse selection gives
    assert earned == pytest.approx(mouse_score)
    assert earned == pytest.approx(possible)  # the ideal answer, marked from the keyboard: full marks
    print(f"{loaded.lesson.id}:{q.id} keyboard {earned:.2f} / mouse {mouse_score:.2f} / {possible:g} pts")


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page (shadow roots included), one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(str(n["target"]) for n in v["nodes"][:4])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("size", [(1024, 600), (390, 844)], ids=["1024x600", "390x844"])
def test_keyboard_mode_passes_axe_and_fits_the_screen(page: Any, app_url: str, size: tuple[int, int]) -> None:
    path, _question_id, index = next(h for h in HIGHLIGHTS if h[0].stem.startswith("rt-france"))
    loaded = load_lesson(path, REPO).loaded
    assert loaded is not None
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_question(page, app_url, loaded, index)
    tab_to(page, lambda a: "hl-find" in a[1].split())
    page.keyboard.type("poncifs anti")
    page.keyboard.press("Control+Enter")
    expect(page.locator(f"{HOST} .hl-status")).to_have_text("Passages surlignés : 1")
    settle(page)
    assert "hl-find" in (focused(page) or ["", ""])[1].split()  # the page reran: the focus stayed
    page.keyboard.press("Control+A")
    page.keyboard.type("pêle-mêle")
    page.keyboard.press("Escape")  # into the text, the match selected, the caret shown
    page.keyboard.press("Shift+ArrowRight")
    assert "hl-text" in (focused(page) or ["", ""])[1].split()
    expect(page.locator(f"{HOST} .hl-live")).to_contain_text("Sélection : « pêle-mêle")

    violations = serious_violations(page)
    assert not violations, "\n".join(violations)
    tools = page.locator(f"{HOST} .hl-tools").bounding_box()
    assert tools is not None and tools["x"] >= 0 and tools["x"] + tools["width"] <= width  # no sideways scroll
    # What the student sees: the tools at the top of the screen, then the caret in the text.
    page.evaluate("(h) => document.querySelector(h).shadowRoot.querySelector('.hl-tools').scrollIntoView()", HOST)
    screenshot(page, f"keyboard-lesson-{width}x{height}-tools.png", full_page=False)
    page.evaluate("(h) => document.querySelector(h).shadowRoot.querySelector('.kb-caret')"
                  ".scrollIntoView({block: 'center'})", HOST)
    screenshot(page, f"keyboard-lesson-{width}x{height}-caret.png", full_page=False)
