"""The teacher's live dashboard in real Chromium: answers arrive from several students at once and the
dashboard shows them within seconds, without the page being reloaded.

One server for the module on the classroom test kit, its database shared with this process (the
students answer through the store, from several threads at once; one more joins through the
browser). Screenshots: tests/artifacts/dashboard-*.png.
"""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from browser_harness import REPO, goto_app, screenshot, wait_for_app
from playwright.sync_api import expect

sys.path.insert(0, str(REPO / "tests" / "classroom"))
from classkit import DRILL, KIT, LESSON, answer  # noqa: E402 - needs the path above

from medialit.format.library import library  # noqa: E402
from medialit.store import Store  # noqa: E402
from medialit.store.classroom import join_class  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "phrase de passe du test"
LIVE_WAIT = 15_000  # ms: the dashboard refreshes every 3 s
SHOT = {"width": 1400, "height": 2200}
NAMES = ("Renard", "Hibou", "Loutre", "Blaireau", "Mésange", "Castor")
WRITTEN = "Le secrétaire général Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."


@pytest.fixture(scope="module")
def server(streamlit_factory: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Store]:
    database = f"sqlite:///{tmp_path_factory.mktemp('class-db') / 'class.db'}"
    url = streamlit_factory("app.py", env={"MEDIALIT_HOME": str(KIT), "MEDIALIT_TEACHER_PASSWORD": PASSWORD,
                                           "MEDIALIT_DATABASE_URL": database})
    store = Store(database)
    yield url, store
    store.close()


def metric(page: Any, label: str) -> Any:
    return page.locator("[data-testid='stMetric']").filter(has_text=label).locator("[data-testid='stMetricValue']")


def log_in_and_open_dashboard(page: Any, url: str) -> None:
    goto_app(page, f"{url}/teacher")
    page.get_by_label("Mot de passe enseignant").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Vous êtes connecté(e) comme enseignant(e).")).to_be_visible()
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", name="Tableau de bord")).to_be_visible()
    wait_for_app(page)


def everything(store: Store, learner_id: int, i: int) -> None:
    """One student's whole lesson and drill (what a class does in ten minutes), written to the store."""
    kit = library(KIT)
    lesson, drill = kit.by_id(LESSON), kit.by_id(DRILL)
    answer(store, lesson, learner_id, "first-impression", {"value": 4 - i % 3})
    answer(store, lesson, learner_id, "who-quotes", {"selected": ["interview" if i % 3 == 0 else "tass"]})
    text = lesson.text
    start = text.index("poncifs anti-russes")
    answer(store, lesson, learner_id, "scare", {"spans": [[start - 10 * (i % 2), start + 19]]})
    answer(store, lesson, learner_id, "charged", {"selected": ["poncifs", "pele-mele", "sommet"][: 1 + i % 3]})
    answer(store, lesson, learner_id, "rewrite", {"text": WRITTEN})
    answer(store, lesson, learner_id, "label-words",
           {"labels": {"poncifs": "loaded_language", "annexion": ("doubt", "appeal_to_authority")[i % 2]}})
    answer(store, lesson, learner_id, "final-rating", {"value": 1 + i % 3})
    for item, value in (("item-agency", 5 - i % 2), ("item-rumour", 1 + i % 3), ("item-report", 4),
                        ("item-viral", 2)):
        answer(store, drill, learner_id, item, {"value": value})


def test_the_dashboard_shows_a_class_answering_at_once_without_a_reload(server: Any, page: Any, browser: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde B — en direct", [LESSON, DRILL])
    learners = [join_class(store, klass.join_code, name)[1].id for name in NAMES]

    page.set_viewport_size(SHOT)
    log_in_and_open_dashboard(page, url)
    expect(metric(page, "Élèves")).to_have_text(str(len(NAMES)))
    expect(metric(page, "Réponses")).to_have_text("0")
    page.evaluate("window.__sameDocument = 'no reload'")
    screenshot(page, "dashboard-before.png")

    student = browser.new_context(viewport={"width": 1000, "height": 900}, locale="fr-FR").new_page()
    goto_app(student, f"{url}/join?join={klass.join_code}")
    student.get_by_label("Ton pseudonyme (pas ton vrai nom)").fill("Navigateur")
    student.get_by_role("button", name="Rejoindre").click()
    expect(student.get_by_text("Tu es dans la classe « 2nde B — en direct »")).to_be_visible()
    screenshot(student, "dashboard-student-joined.png")

    with ThreadPoolExecutor(max_workers=len(learners)) as pool:  # a class answering at the same time
        list(pool.map(lambda pair: everything(store, pair[1], pair[0]), enumerate(learners)))
    total = len(store.answers_frame(class_session_id=klass.id))
    assert total == len(NAMES) * 11

    expect(metric(page, "Réponses")).to_have_text(str(total), timeout=LIVE_WAIT)
    expect(metric(page, "Élèves")).to_have_text(str(len(NAMES) + 1), timeout=LIVE_WAIT)
    expect(metric(page, "À relire")).to_have_text(str(len(NAMES)), timeout=LIVE_WAIT)
    expect(page.get_by_text("α = ")).to_be_visible(timeout=LIVE_WAIT)
    expect(page.get_by_text("Classe : discernement")).to_be_visible(timeout=LIVE_WAIT)
    skills = page.get_by_role("img", name="Profil de la classe par compétence")  # drawn, not sanitised away
    expect(skills).to_be_visible()
    expect(skills.locator("text")).to_contain_text(["Sources", "%", "Cadrage", "%", "Langage chargé", "%"])
    box, column = skills.bounding_box(), skills.locator("xpath=ancestor::*[@data-testid='stColumn'][1]").bounding_box()
    assert box["height"] > 60 and box["x"] + box["width"] <= column["x"] + column["width"] + 1  # fits its column
    assert page.evaluate("window.__sameDocument") == "no reload"
    heat = page.locator("[data-testid='stBidiComponentIsolated']").first
    expect(heat).to_be_visible()
    heat.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot = screenshot(page, "dashboard-live.png")
    assert Path(shot).stat().st_size > 50_000
    page.get_by_role("heading", name="Discernement : fiable ou peu fiable ?").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(page, "dashboard-ratings.png")


def test_the_teacher_grades_a_written_answer_in_the_browser(server: Any, page: Any) -> None:
    url, store = server
    klass = store.create_class_session("2nde C — correction", [LESSON])
    learner = join_class(store, klass.join_code, "Renard")[1].id
    page.set_viewport_size(SHOT)
    log_in_and_open_dashboard(page, url)
    page.get_by_label("Session", exact=True).click()
    page.get_by_role("option", name="2nde C — correction").click()
    expect(metric(page, "Élèves")).to_have_text("1", timeout=LIVE_WAIT)
    written = answer(store, library(KIT).by_id(LESSON), learner, "rewrite", {"text": WRITTEN})

    card = page.locator(f".st-key-grade-card-{written.id}")  # the queue is live: no refresh needed
    expect(card).to_be_visible(timeout=LIVE_WAIT)
    card.get_by_label("Commentaire pour l'élève").fill("Précise qui parle")
    page.wait_for_timeout(4000)  # a refresh of the live view happens while the teacher types...
    expect(card.get_by_label("Commentaire pour l'élève")).to_have_value("Précise qui parle")  # ...and keeps it
    expect(card).to_contain_text(WRITTEN)
    card.get_by_label("Note de l'enseignant (sur 3)").fill("2.5")
    card.get_by_label("Commentaire pour l'élève").fill("Précise qui parle : l'agence Tass.")
    card.get_by_role("button", name="Enregistrer la note").click()
    expect(page.get_by_text("Aucune réponse écrite à relire.")).to_be_visible(timeout=LIVE_WAIT)
    graded = store.answer(written.id)
    assert (graded.final_earned, graded.override_comment) == (2.5, "Précise qui parle : l'agence Tass.")
    assert graded.earned == written.earned  # the automatic score is kept beside the override
    page.get_by_role("radio", name="Toutes").click()  # graded answers too
    page.get_by_label("Réponse à noter").click()
    page.get_by_role("option", name=re.compile("Renard")).click()
    expect(card).to_contain_text("Note de l'enseignant : 2,5/3 pt", timeout=LIVE_WAIT)
    card.scroll_into_view_if_needed()
    screenshot(page, "dashboard-grading.png")


def test_the_sessions_page_projects_the_join_code_and_a_qr_code(server: Any, page: Any) -> None:
    url, store = server
    klass = store.create_class_session("1re A — projection", [LESSON, DRILL])
    page.set_viewport_size({"width": 1400, "height": 1000})
    goto_app(page, f"{url}/teacher")
    page.get_by_label("Mot de passe enseignant").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Sessions de classe").click()
    page.get_by_label("Session", exact=True).click()
    page.get_by_role("option", name="1re A — projection").click()
    code = klass.join_code
    expect(page.get_by_text(f"{code[:3]}-{code[3:]}", exact=True)).to_be_visible()
    expect(page.get_by_text(f"{url}/join?join={code}")).to_be_visible()
    qr = page.locator("[data-testid='stImage'] img")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 300  # big enough to project
    screenshot(page, "dashboard-join-code.png", full_page=False)


def test_the_printable_report_renders_offline_in_a_browser(page: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from medialit.classroom.data import load_class
    from medialit.classroom.report import class_report

    monkeypatch.setenv("MEDIALIT_HOME", str(KIT))
    store = Store(f"sqlite:///{tmp_path / 'report.db'}")
    klass = store.create_class_session("2nde B — rapport", [LESSON, DRILL])
    for i, name in enumerate(("Renard", "Hibou", "<script>alert(1)</script>", "Castor")):
        everything(store, join_class(store, klass.join_code, name)[1].id, i)
    report = tmp_path / "report.html"
    report.write_text(class_report(load_class(store, klass.id, "fr", library(KIT))), encoding="utf-8")
    store.close()

    fetched: list[str] = []
    page.route("**/*", lambda route: (fetched.append(route.request.url), route.continue_()))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size({"width": 1000, "height": 1400})
    page.goto(report.as_uri())
    expect(page.get_by_role("heading", name="Rapport de classe — 2nde B — rapport")).to_be_visible()
    expect(page.get_by_text("<script>alert(1)</script>").first).to_be_visible()  # shown as text, never run
    assert dialogs == []
    assert fetched == [report.as_uri()]  # nothing fetched but the file itself
    screenshot(page, "dashboard-report.png", full_page=True)
