"""A class that holds together, in real Chromium on the shipped kit: membership that follows the student,
remembered browsers (teacher and student), the projector lobby, and the teacher's grade reaching the student.

One server for the module, its database shared with this process (the tests set up sessions and
answers through the store, and check what the browser shows). Screenshots: tests/artifacts/day-*.png.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import goto_app, screenshot, wait_for_app
from classday import HELD, LESSON, PASSWORD, SECOND, join, log_in, menu, record
from playwright.sync_api import expect

from medialit.format.library import library
from medialit.store import Store, display_code
from medialit.ui.teacher.auth import _fingerprint
from medialit.web import tokens

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SECRET = "the secret this test shares with its server"
LIVE_WAIT = 15_000  # ms: live views refresh every 3-4 s
TEACHER_DAY = 10 * 3600


@pytest.fixture(scope="module")
def server(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    database = f"sqlite:///{tmp_path_factory.mktemp('day-db') / 'day.db'}"
    url = streamlit_factory("serve.py", env={"MEDIALIT_TEACHER_PASSWORD": PASSWORD, "MEDIALIT_DATABASE_URL": database,
                                           "MEDIALIT_SECRET": SECRET})
    store = Store(database)
    yield url, store
    store.close()


@pytest.fixture
def signing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process signs with the server's secret (to forge what a browser could hold)."""
    monkeypatch.setenv(tokens.ENV_SECRET, SECRET)
    tokens.forget_secret()
    yield
    tokens.forget_secret()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """``open_page(width, height)``: a page in a browser context of its own (another person's browser)."""
    contexts: list[Any] = []

    def make(width: int = 1100, height: int = 900, locale: str = "fr-FR") -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def cookie(page: Any, name: str, timeout: float = 10.0) -> dict[str, Any] | None:
    """The browser's cookie ``name`` once the page agent has stored it (None if it never comes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = next((c for c in page.context.cookies() if c["name"] == name), None)
        if found is not None:
            return found
        page.wait_for_timeout(200)
    return None


def no_cookie(page: Any, name: str, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(c["name"] != name for c in page.context.cookies()):
            return True
        page.wait_for_timeout(200)
    return False


def answer_rating(page: Any, value: int) -> None:
    """Choose ``value`` on the current rating question and submit it."""
    page.locator("[data-testid='stRadio'] label").filter(has_text=re.compile(rf"^{value}$")).first.click()
    page.get_by_role("button", name="Valider ma réponse", exact=True).click()
    wait_for_app(page)


def metric(page: Any, label: str) -> Any:
    return page.locator("[data-testid='stMetric']").filter(has_text=label).locator("[data-testid='stMetricValue']")


def pick_session(page: Any, name: str) -> None:
    page.get_by_label("Session", exact=True).click()
    page.get_by_role("option", name=re.compile(re.escape(name))).click()
    wait_for_app(page)


def open_dashboard(page: Any, url: str, session: str) -> None:
    """The teacher logs in on ``page`` and opens the dashboard of the class session ``session``."""
    log_in(page, url)
    menu(page, "Tableau de bord")
    pick_session(page, session)


def test_a_student_who_clicks_every_menu_entry_still_answers_and_is_counted(server: Any, open_page: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde A — menus", [LESSON])
    student = open_page(1024, 768)
    join(student, url, klass.join_code, "Renard")
    for entry in ("Rejoindre une classe", "Espace enseignant", "Leçons", "Rejoindre une classe", "Leçons"):
        menu(student, entry)
        if entry != "Espace enseignant":  # a student page: the class is shown
            expect(student.get_by_text("Classe « 2nde A — menus » · tu es")).to_be_visible()
    student.get_by_role("button", name="Commencer", exact=True).click()
    wait_for_app(student)
    answer_rating(student, 4)
    expect(student.get_by_text("Réponse enregistrée.", exact=False).first).to_be_visible()

    learners = store.session_learners(klass.id)
    assert [learner.pseudonym for learner in learners] == ["Renard"]  # no anonymous learner was created
    assert len(store.answers(learners[0].id)) == 1
    teacher = open_page(1366, 900)
    open_dashboard(teacher, url, "2nde A — menus")
    expect(metric(teacher, "Réponses")).to_have_text("1", timeout=LIVE_WAIT)
    expect(teacher.locator("[data-testid='stTable']").first).to_contain_text("Renard")
    expect(teacher.locator("[data-testid='stTable']").first).to_contain_text("1/13")


def test_a_teacher_reload_stays_logged_in_and_logout_logs_out(server: Any, open_page: Any) -> None:
    url, _ = server
    page = open_page(1366, 900)
    log_in(page, url)
    held = cookie(page, "medialit_teacher")
    assert held is not None, "the remembered login reached the browser"
    assert held["httpOnly"] and held["sameSite"] == "Strict"
    assert TEACHER_DAY - 120 < held["expires"] - time.time() <= TEACHER_DAY  # a school day
    menu(page, "Tableau de bord")
    assert held["value"] not in page.url and "token" not in page.url  # nothing to read off the projector
    assert page.evaluate("document.cookie").find("medialit_teacher") < 0  # HttpOnly: scripts cannot read it

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Tableau de bord")).to_be_visible()
    expect(page.get_by_label("Mot de passe enseignant")).to_have_count(0)
    second = page.context.new_page()  # another tab of the same browser (the lobby, for instance)
    goto_app(second, f"{url}/teacher-sessions")
    expect(second.get_by_role("heading", name="Sessions de classe")).to_be_visible()
    second.close()

    page.locator("[data-testid='stSidebar']").get_by_role("button", name="Se déconnecter").click()
    assert no_cookie(page, "medialit_teacher"), "logout clears the cookie"
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Tableau de bord")).to_have_count(0)  # not the teacher's any more
    expect(page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Tableau de bord")).to_have_count(0)
    goto_app(page, f"{url}/teacher")
    expect(page.get_by_label("Mot de passe enseignant")).to_be_visible()

    copied = open_page(1366, 900)  # a copy of the cookie taken before the logout is worth nothing
    copied.context.add_cookies([{"name": "medialit_teacher", "value": held["value"], "url": url}])
    goto_app(copied, f"{url}/teacher")
    expect(copied.get_by_label("Mot de passe enseignant")).to_be_visible()


@pytest.mark.parametrize("case", ["valid", "forged", "expired", "other password", "never opened", "other secret"])
def test_a_forged_or_expired_teacher_cookie_is_refused(server: Any, open_page: Any, signing: None, case: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    url, store = server
    sid = f"test-{case.replace(' ', '-')}"
    if case != "never opened":
        store.open_teacher_login(sid, store_time(hours=1))
    fingerprint = _fingerprint(PASSWORD)
    value = {
        "valid": lambda: tokens.sign("teacher", 3600, sid=sid, pw=fingerprint),
        "forged": lambda: tokens.sign("teacher", 3600, sid=sid, pw=fingerprint)[:-4] + "AAAA",
        "expired": lambda: tokens.sign("teacher", 60, now=time.time() - 3600, sid=sid, pw=fingerprint),
        "other password": lambda: tokens.sign("teacher", 3600, sid=sid, pw=_fingerprint("an older password")),
        "never opened": lambda: tokens.sign("teacher", 3600, sid=sid, pw=fingerprint),
        "other secret": lambda: other_secret(monkeypatch,
                                             lambda: tokens.sign("teacher", 3600, sid=sid, pw=fingerprint)),
    }[case]()
    page = open_page(1366, 900)
    page.context.add_cookies([{"name": "medialit_teacher", "value": value, "url": url, "httpOnly": True,
                               "sameSite": "Strict"}])
    goto_app(page, f"{url}/teacher")
    nav = page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Tableau de bord")
    if case == "valid":  # the control: the same steps with a good cookie log the browser in
        expect(page.get_by_text("Vous êtes connecté(e) comme enseignant(e).")).to_be_visible()
        expect(nav).to_have_count(1)
    else:
        expect(page.get_by_label("Mot de passe enseignant")).to_be_visible()
        expect(nav).to_have_count(0)


def store_time(hours: float) -> Any:
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(hours=hours)


def other_secret(monkeypatch: pytest.MonkeyPatch, make: Callable[[], str]) -> str:
    monkeypatch.setenv(tokens.ENV_SECRET, "another server's secret, not this one")
    tokens.forget_secret()
    try:
        return make()
    finally:
        monkeypatch.setenv(tokens.ENV_SECRET, SECRET)
        tokens.forget_secret()


def test_a_closed_tab_reopened_at_the_bare_address_resumes_and_not_you_starts_afresh(server: Any, open_page: Any
                                                                                       ) -> None:
    url, store = server
    page = open_page(1280, 900)
    goto_app(page, url)
    page.locator(f".st-key-open-{LESSON} button").click()  # self-study: this creates the learner
    wait_for_app(page)
    answer_rating(page, 3)
    code = re.search(r"code=([A-Z0-9]+)", page.url).group(1)
    remembered = cookie(page, "medialit_learner")
    assert remembered is not None and remembered["httpOnly"] and remembered["sameSite"] == "Strict"
    assert remembered["expires"] - time.time() > 300 * 24 * 3600  # a school year

    context = page.context
    page.close()  # the tab is closed; the address typed again, bare
    page = context.new_page()
    goto_app(page, url)
    expect(page.get_by_text(f"Ton code : {display_code(code)}")).to_be_visible()
    expect(page.locator(f".st-key-open-{LESSON} button")).to_have_text("Continuer")
    assert f"code={code}" in page.url

    page.get_by_role("button", name="Pas toi ? Recommencer à zéro").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Ton code : {display_code(code)}")).to_have_count(0)
    assert no_cookie(page, "medialit_learner")
    page.close()
    page = context.new_page()
    goto_app(page, url)  # the next student on this computer starts from nothing
    expect(page.locator(f".st-key-open-{LESSON} button")).to_have_text("Commencer")
    assert store.learner_by_code(code) is not None  # nothing was deleted: the code still resumes


def decode_qr(path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(path))]


def test_the_lobby_projects_code_qr_address_and_who_joined_and_its_qr_decodes(server: Any, open_page: Any) -> None:
    url, store = server
    klass = store.create_class_session("1re B — au tableau", [LESSON, SECOND])
    teacher = open_page(1024, 768)
    log_in(teacher, url)
    menu(teacher, "Sessions de classe")
    pick_session(teacher, "1re B — au tableau")
    lobby_address = teacher.get_by_role("link", name="Ouvrir l'écran à projeter").get_attribute("href")
    assert lobby_address.endswith(f"/teacher-lobby?class={klass.id}")
    lobby = teacher.context.new_page()  # its own tab, logged in by the remembered login
    lobby.set_viewport_size({"width": 1024, "height": 768})
    goto_app(lobby, lobby_address)
    expect(lobby.get_by_test_id("lobby-code")).to_have_text(display_code(klass.join_code))
    expect(lobby.get_by_test_id("lobby-count")).to_have_text("0 élève a rejoint")

    for name in ("Renard", "Hibou", "Mésange"):
        join(open_page(390, 844), url, klass.join_code, name)
    expect(lobby.get_by_test_id("lobby-count")).to_have_text("3 élèves ont rejoint", timeout=LIVE_WAIT)
    expect(lobby.get_by_test_id("lobby-names")).to_have_text(re.compile("Renard.*Hibou.*Mésange"))
    assert lobby.locator("button:visible, input:visible, [role='button']:visible").count() == 0  # no controls
    address = lobby.get_by_test_id("lobby-address").inner_text()
    assert address.endswith(f"/join?join={klass.join_code}")

    for width, height in ((1024, 768), (1920, 1080)):
        lobby.set_viewport_size({"width": width, "height": height})
        lobby.wait_for_timeout(500)
        for part in ("lobby-code", "lobby-qr", "lobby-address", "lobby-count"):
            box = lobby.get_by_test_id(part).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{part} cut at {width}x{height}"
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{part} below the fold at {width}x{height}"
        code_box = lobby.get_by_test_id("lobby-code").bounding_box()
        assert code_box["height"] < 0.25 * height  # one line: the code does not wrap
        assert lobby.get_by_test_id("lobby-qr").bounding_box()["width"] >= 0.3 * min(width, height)
        shot = screenshot(lobby, f"day-lobby-{width}x{height}.png", full_page=False)
        assert decode_qr(shot) == [address], f"the QR code decodes to the address shown at {width}x{height}"


def test_the_teachers_grade_reaches_the_student_without_a_reload(server: Any, open_page: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde C — correction", [LESSON])
    student = open_page(1024, 768)
    join(student, url, klass.join_code, "Loutre")
    learner = next(lr for lr in store.session_learners(klass.id) if lr.pseudonym == "Loutre")
    loaded = library().by_id(LESSON)
    index = [q.id for q in loaded.lesson.questions].index("neutral-rewrite")
    held = record(store, loaded, learner.id, "neutral-rewrite", {"text": HELD["keyword_list"]})
    assert held.result["pending"]
    store.set_progress(learner.id, LESSON, index)
    goto_app(student, f"{url}/?code={learner.code}&lesson={LESSON}")
    expect(student.get_by_text("mise de côté pour ton professeur").first).to_be_visible()
    student.evaluate("window.__sameDocument = 'no reload'")

    teacher = open_page(1366, 900)
    open_dashboard(teacher, url, "2nde C — correction")
    expect(metric(teacher, "À relire")).to_have_text("1", timeout=LIVE_WAIT)
    expect(teacher.get_by_role("heading", name="Réponses écrites à relire : 1")).to_be_visible()
    card = teacher.locator(f".st-key-grade-card-{held.id}")
    expect(card).to_contain_text("Mise de côté par le correcteur (liste de mots-clés)")
    card.get_by_label("Note de l'enseignant (sur 3)").fill("2.5")
    card.get_by_label("Commentaire pour l'élève").fill("Fais des phrases : qui a dit quoi, où ?")
    card.get_by_role("button", name="Enregistrer la note").click()
    expect(metric(teacher, "À relire")).to_have_text("0", timeout=LIVE_WAIT)
    expect(teacher.get_by_role("heading", name="Réponses écrites à relire : 0")).to_be_visible()
    expect(teacher.get_by_text("Aucune réponse écrite à relire.")).to_be_visible()

    expect(student.get_by_text("Ton professeur a relu ta réponse : 2,5 sur 3 pt.")).to_be_visible(timeout=LIVE_WAIT)
    expect(student.get_by_text("Fais des phrases : qui a dit quoi, où ?")).to_be_visible()
    assert student.evaluate("window.__sameDocument") == "no reload"
    student.get_by_text("Fais des phrases : qui a dit quoi, où ?").scroll_into_view_if_needed()
    screenshot(student, "day-student-graded.png", full_page=False)


def test_small_screens_keep_the_questions_readable_and_the_code_in_sight(server: Any, open_page: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde D — écrans", [LESSON])
    phone = open_page(390, 844)
    join(phone, url, klass.join_code, "Hibou")
    code = re.search(r"code=([A-Z0-9]+)", phone.url).group(1)
    expect(phone.get_by_text(f"Ton code : {display_code(code)}")).to_be_in_viewport()  # not folded in the menu
    screenshot(phone, "day-student-390x844-joined.png", full_page=False)
    goto_app(phone, f"{url}/?code={code}&lesson={LESSON}")
    expect(phone.get_by_text(f"Ton code : {display_code(code)}")).to_be_in_viewport()
    screenshot(phone, "day-student-390x844-lesson.png", full_page=False)

    laptop = open_page(1024, 600)
    goto_app(laptop, f"{url}/?code={code}&lesson={LESSON}")
    question = laptop.get_by_role("heading", name=re.compile("Question 1 sur 13"))
    expect(question).to_be_visible()
    wide = "() => [...document.querySelectorAll('h3')].some(h => h.textContent.startsWith('Question 1 sur 13')" \
           " && h.getBoundingClientRect().width >= 500)"
    laptop.wait_for_function(wide, timeout=15_000)  # the question column is readable at 1024x600 (once laid out)
    assert question.bounding_box()["width"] >= 500
    question.scroll_into_view_if_needed()
    screenshot(laptop, "day-student-1024x600-lesson.png", full_page=False)

    teacher = open_page(1366, 768)
    open_dashboard(teacher, url, "2nde D — écrans")
    expect(metric(teacher, "Élèves")).to_have_text("1", timeout=LIVE_WAIT)
    expect(teacher.locator("[data-testid='stTable']").first).to_contain_text("Hibou")
    for table in teacher.locator("[data-testid='stTable']").all():  # nothing cut at 1366 px: no sideways scroll
        assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), table.inner_text()[:200]
    screenshot(teacher, "day-dashboard-1366x768.png", full_page=False)


def test_a_student_joins_and_answers_with_the_keyboard_only(server: Any, open_page: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde E — clavier", [LESSON])
    page = open_page(1280, 900)
    goto_app(page, f"{url}/join?join={klass.join_code}")
    field = page.get_by_label("Ton pseudonyme (pas ton vrai nom)")
    for _ in range(40):  # Tab through the page until the pseudonym field has the focus
        page.keyboard.press("Tab")
        if field.evaluate("e => e === document.activeElement"):
            break
    assert field.evaluate("e => e === document.activeElement"), "the pseudonym field is reachable with Tab"
    page.keyboard.type("Clavier")
    page.keyboard.press("Enter")  # submits the join form
    expect(page.get_by_text("Tu es dans la classe « 2nde E — clavier »")).to_be_visible()
    button = page.get_by_role("button", name="Aller à mes leçons")
    button.focus()
    page.keyboard.press("Enter")
    start = page.locator(f".st-key-open-{LESSON} button")
    expect(start).to_be_visible()
    start.focus()
    page.keyboard.press("Enter")
    first = page.locator("[data-testid='stRadio'] input").first
    expect(first).to_be_attached()
    first.focus()  # a radio group: the arrows choose
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    submit = page.get_by_role("button", name="Valider ma réponse", exact=True)
    submit.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Réponse enregistrée.", exact=False).first).to_be_visible()
    learner = store.session_learners(klass.id)[0]
    assert [a.raw for a in store.answers(learner.id)] == [{"value": 3}]
