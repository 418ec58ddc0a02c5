"""Accessibility and language in real Chromium: axe-core over every page of the student and teacher sides in
French and English (no serious or critical violation), none of Streamlit's own English strings in the French
interface (the input hints, the dialogs, the connection error), and a class report that prints on A4.

One server for the module on the shipped kit with a class that has answered (so the pages show their
feedback, tables, grading card and charts). axe-core comes from ``axe-playwright-python``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import goto_app, screenshot, start_streamlit, wait_for_app
from classday import LESSON, PASSWORD, SECOND, answer_lesson, log_in, record
from playwright.sync_api import expect

from medialit.format.library import library
from medialit.store import Store
from medialit.ui.agent import FRAMEWORK_STRINGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BLOCKING = ("serious", "critical")
STREAMLIT_JS = Path(__import__("streamlit").__file__).parent / "static" / "static" / "js"


@pytest.fixture(scope="module")
def classroom(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A server and a class of three who answered both lessons in part (one answer held for the teacher)."""
    database = f"sqlite:///{tmp_path_factory.mktemp('a11y-db') / 'a11y.db'}"
    url = streamlit_factory("serve.py", env={"MEDIALIT_TEACHER_PASSWORD": PASSWORD, "MEDIALIT_DATABASE_URL": database})
    store = Store(database)
    kit = library()
    klass = store.create_class_session("2nde B — accessibilité", [LESSON, SECOND])
    learners = [store.create_learner("fr", klass.id, name) for name in ("Renard", "Hibou", "Loutre")]
    for i, learner in enumerate(learners):
        answer_lesson(store, kit.by_id(LESSON), learner.id, i, upto=9)
        answer_lesson(store, kit.by_id(SECOND), learner.id, i, upto=4)
    store.set_progress(learners[0].id, LESSON, 2)
    yield {"url": url, "store": store, "klass": klass, "learners": learners}
    store.close()


def settled(page: Any, lang: str = "fr") -> None:
    """Wait until the page agent ran (it sets ``<html lang>`` first, then puts Streamlit's words in place)."""
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    page.wait_for_timeout(800)  # let the last rerun settle (fragments)


def violations(page: Any, lang: str) -> list[str]:
    """axe-core's serious and critical violations on the page (in ``lang``) as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    settled(page, lang)
    found = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    return [f"{v['impact']} {v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in found if v["impact"] in BLOCKING]


def student_states(url: str, code: str, join_code: str, lang: str) -> list[str]:
    """Every student page, in several states: visitor, member, a question to answer, feedback, summary."""
    base = f"{url}/?lang={lang}"
    return [
        base,
        f"{base}&code={code}",
        f"{base}&code={code}&lesson={LESSON}",
        f"{base}&code={code}&lesson={SECOND}",
        f"{base}&code={code}&lesson={LESSON}&view=summary",
        f"{url}/join?lang={lang}&join={join_code}",
        f"{url}/join?lang={lang}&code={code}",
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_student_page_has_no_serious_or_critical_axe_violation(classroom: dict, browser: Any, lang: str
                                                                     ) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{lang}-FR")
    page = context.new_page()
    found = {}
    klass, learner = classroom["klass"], classroom["learners"][0]
    for address in student_states(classroom["url"], learner.code, klass.join_code, lang):
        goto_app(page, address)
        found[address] = violations(page, lang)
    goto_app(page, f"{classroom['url']}/?lang={lang}&code={learner.code}&lesson={LESSON}")
    page.locator(".st-key-bar-leave button").click()  # the confirmation dialog
    expect(page.get_by_role("dialog")).to_be_visible()
    found["leave dialog"] = violations(page, lang)
    screenshot(page, f"a11y-leave-dialog-{lang}.png", full_page=False)
    context.close()
    assert {where: v for where, v in found.items() if v} == {}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_teacher_page_has_no_serious_or_critical_axe_violation(classroom: dict, browser: Any, lang: str
                                                                     ) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale=f"{lang}-FR")
    page = context.new_page()
    url, klass = classroom["url"], classroom["klass"]
    found = {}
    goto_app(page, f"{url}/teacher?lang={lang}")
    found["login"] = violations(page, lang)
    log_in_any_language(page, url, lang)
    for path in ("teacher", "teacher-sessions", "teacher-dashboard", "teacher-exports", "teacher-lab",
                 f"teacher-lobby?class={klass.id}"):
        goto_app(page, f"{url}/{path}{'&' if '?' in path else '?'}lang={lang}&class={klass.id}")
        found[path] = violations(page, lang)
    context.close()
    assert {where: v for where, v in found.items() if v} == {}


def log_in_any_language(page: Any, url: str, lang: str) -> None:
    goto_app(page, f"{url}/teacher?lang={lang}")
    page.locator("input[type='password']").fill(PASSWORD)
    page.locator("input[type='password']").press("Enter")
    expect(page.locator("[data-testid='stSidebarNav']").get_by_role("link")).to_have_count(7)
    wait_for_app(page)


def framework_phrases() -> set[str]:
    """English phrases Streamlit's frontend writes itself (from its bundle), and the agent's list."""
    phrases = set(FRAMEWORK_STRINGS)
    pattern = re.compile(r"`([A-Z][a-z]+(?: [A-Za-z][A-Za-z'+]*){1,14}[.?:]?)`")
    for script in STREAMLIT_JS.glob("*.js"):
        phrases.update(pattern.findall(script.read_text(encoding="utf-8", errors="replace")))
    return phrases


def shown_strings(page: Any) -> set[str]:
    """Every line of visible text and every label a screen reader reads (aria-label, title, placeholder)."""
    settled(page)
    lines = page.evaluate("""() => {
        const out = document.body.innerText.split('\\n');
        for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]'))
            for (const name of ['aria-label', 'title', 'placeholder'])
                if (e.getAttribute(name)) out.push(e.getAttribute(name));
        return out; }""")
    return {line.strip() for line in lines if line.strip()}


def test_the_french_interface_shows_none_of_streamlits_english_strings(classroom: dict, browser: Any) -> None:
    phrases = framework_phrases()
    assert {"Press Enter to apply", "Connection error", "Select all"} <= phrases  # the extraction works
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    url, klass, learner = classroom["url"], classroom["klass"], classroom["learners"][0]
    english: dict[str, set[str]] = {}
    for address in student_states(url, learner.code, klass.join_code, "fr"):
        goto_app(page, address)
        english[address] = shown_strings(page) & phrases
    goto_app(page, f"{url}/join?lang=fr")
    page.get_by_label("Ton pseudonyme (pas ton vrai nom)").fill("Ren")  # the input's hint appears
    expect(page.get_by_test_id("InputInstructions")).to_contain_text("Entrée pour envoyer")
    english["typing"] = shown_strings(page) & phrases
    goto_app(page, f"{url}/nowhere?lang=fr")  # Streamlit's "page not found" dialog
    expect(page.get_by_role("dialog")).to_contain_text("Page introuvable")
    english["page not found"] = shown_strings(page) & phrases
    log_in(page, url)
    for path in ("teacher-sessions", "teacher-dashboard", "teacher-exports", "teacher-lab"):
        goto_app(page, f"{url}/{path}?class={klass.id}")
        english[path] = shown_strings(page) & phrases
    context.close()
    assert {where: found for where, found in english.items() if found} == {}


def test_a_lost_connection_is_explained_in_french(browser: Any, tmp_path: Path) -> None:
    server = start_streamlit("serve.py", data_dir=tmp_path / "data")
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="fr-FR")
    page = context.new_page()
    try:
        goto_app(page, server.url)
        server.stop()  # the school's server goes away while a student works
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("Connexion au serveur perdue", timeout=60_000)
        expect(dialog).to_contain_text("les réponses déjà envoyées sont enregistrées")
        assert not shown_strings(page) & framework_phrases()
        screenshot(page, "a11y-connection-lost-fr.png", full_page=False)
    finally:
        server.stop()
        context.close()


def test_the_class_report_prints_on_a4_without_anything_cut(classroom: dict, browser: Any, tmp_path: Path) -> None:
    from medialit.classroom.data import load_class
    from medialit.classroom.report import class_report

    store, klass = classroom["store"], classroom["klass"]
    extra = store.create_learner("fr", klass.id, "Mésange")  # five students, as in the issue
    kit = library()
    answer_lesson(store, kit.by_id(LESSON), extra.id, 4)
    record(store, kit.by_id(SECOND), store.create_learner("fr", klass.id, "Castor").id, "first-impression",
           {"value": 3})
    report = tmp_path / "report.html"
    report.write_text(class_report(load_class(store, klass.id, "fr", kit)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 700, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    # A4 portrait minus the report's margins is 184 mm = 695 px at 96 dpi: nothing wider than the page
    overflow = page.evaluate("""() => [...document.querySelectorAll('table, svg, .document, body')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > 700)
        .map(e => e.tagName + ' ' + e.scrollWidth + ' ' + e.clientWidth + ' ' + e.innerText.slice(0, 80))""")
    assert overflow == [], "\n".join(overflow)
    assert "**" not in page.inner_text("body")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert 1 <= pages <= 14, f"{pages} A4 pages"
    screenshot(page, "a11y-report-print.png", full_page=True)
    context.close()
