"""A class on the shipped kit, for the real-browser tests: a teacher, students in their own browser contexts,
and answers written the way the student app writes them (scored, then recorded).

``answer_lesson`` gives each student a different mix: the ideal answer, or a wrong option on choice
questions, and for the written answers either the model answer or one the scorer holds for the teacher
(a keyword list, an off-topic text).
"""

from __future__ import annotations

from typing import Any

from browser_harness import goto_app, wait_for_app
from playwright.sync_api import expect

from medialit import answering
from medialit.format.loader import LoadedLesson
from medialit.store import Answer, Store

PASSWORD = "une longue phrase de passe pour la classe"
LESSON, SECOND = "rt-france-2018-sommet-otan", "sputnik-france-2021-otan-invitation"
# Texts the free-text scorer holds for the teacher (no automatic point), from tests/scoring/cases.
HELD = {
    "keyword_list": "Stoltenberg, OTAN, Bruxelles, 11 juillet, sommet, Russie, critiques, Alliance",
    "off_topic": "Lors de l'ouverture du conseil de classe le 11 juillet, notre délégué a rappelé les critiques "
                 "des élèves contre la cantine et le prof de maths.",
}


def record(store: Store, loaded: LoadedLesson, learner_id: int, question_id: str, raw: dict[str, Any]) -> Answer:
    """Score ``raw`` like the student app does and store it as the next attempt."""
    question = loaded.lesson.question(question_id)
    assert question is not None, question_id
    score = answering.evaluate(loaded, question, raw)
    return store.record_answer(learner_id, loaded.lesson.id, question_id, raw=raw, earned=score.earned,
                               possible=score.possible, status="complete" if score.complete else "incomplete",
                               result=score.to_dict(), content_hash=loaded.content_hash,
                               needs_review=score.needs_review)


def varied_answer(loaded: LoadedLesson, question_id: str, student: int) -> dict[str, Any]:
    """Student ``student``'s answer: ideal for most, a wrong option on every third choice, held texts for two."""
    q = loaded.lesson.question(question_id)
    assert q is not None
    ctx = loaded.context(q, "fr")
    ideal = q.ideal_answer(ctx)
    position = [question.id for question in loaded.lesson.questions].index(question_id)
    if q.type == "choice" and (student + position) % 3 == 0:
        wrong = [o.id for o in getattr(q, "options", []) if not o.correct]
        return {"selected": wrong[:1]} if wrong else ideal
    if q.type == "free_text" and question_id == "neutral-rewrite" and student in (1, 3):
        return {"text": HELD["keyword_list" if student == 1 else "off_topic"]}
    if q.type == "rating":
        return {"value": 1 + (student + len(question_id)) % 5}
    return ideal


def answer_lesson(store: Store, loaded: LoadedLesson, learner_id: int, student: int, upto: int | None = None
                  ) -> list[Answer]:
    """The student answers the lesson's questions in order (the first ``upto`` of them)."""
    questions = loaded.lesson.questions[:upto]
    return [record(store, loaded, learner_id, q.id, varied_answer(loaded, q.id, student)) for q in questions]


def log_in(page: Any, url: str, password: str = PASSWORD) -> None:
    """The teacher logs in on the teacher page."""
    goto_app(page, f"{url}/teacher")
    page.get_by_label("Mot de passe enseignant").fill(password)
    page.get_by_role("button", name="Se connecter", exact=True).click()
    expect(page.get_by_text("Vous êtes connecté(e) comme enseignant(e).")).to_be_visible()
    wait_for_app(page)


def join(page: Any, url: str, join_code: str, pseudonym: str) -> None:
    """A student opens the join address and joins under ``pseudonym``."""
    goto_app(page, f"{url}/join?join={join_code}")
    page.get_by_label("Ton pseudonyme (pas ton vrai nom)").fill(pseudonym)
    page.get_by_role("button", name="Rejoindre", exact=True).click()
    expect(page.get_by_text("Tu es dans la classe")).to_be_visible()
    wait_for_app(page)


def menu(page: Any, entry: str) -> None:
    """Click an entry of the sidebar's menu and wait for the page."""
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=entry, exact=True).click()
    page.wait_for_timeout(300)
    wait_for_app(page)
