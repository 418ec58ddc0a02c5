"""Resuming: a refresh, a restarted server or another computer lands where the student was."""

from __future__ import annotations

from pathlib import Path

from driver import FIXTURE_LESSON, answer, errors, go_next, goto, new_app, texts

from medialit.format.loader import LoadedLesson
from medialit.store import clear_store_cache
from medialit.ui import keys


def two_answers_then_third_question(lesson: LoadedLesson):
    at = new_app(lesson=FIXTURE_LESSON)
    first, second = lesson.lesson.questions[:2]
    at = answer(at, lesson, first, {"value": 4})
    at = answer(go_next(at, lesson), lesson, second, {"selected": ["afp"]})
    return go_next(at, lesson)


def test_a_refresh_lands_on_the_same_question_with_the_same_answers(lesson: LoadedLesson) -> None:
    code = two_answers_then_third_question(lesson).query_params["code"]
    at = new_app(lesson=FIXTURE_LESSON, code=code)  # a refresh is a new session: empty session state
    assert not errors(at)
    assert at.subheader[0].value == "Question 3 sur 7"
    assert at.segmented_control(key=keys.stepper(FIXTURE_LESSON)).value == 2
    assert "Questions répondues : 2 sur 7" in texts(at)
    at = goto(at, lesson, 1)
    assert at.error[0].value == "Pas encore : 0 sur 1 pt."
    assert at.button(key=keys.retry(FIXTURE_LESSON, "who-speaks")).label == "Réessayer"
    at = goto(at, lesson, 0)
    assert "Ton choix : **4**" in [m.value for m in at.markdown]


def test_a_restarted_server_resumes_from_the_database(lesson: LoadedLesson) -> None:
    code = two_answers_then_third_question(lesson).query_params["code"]
    clear_store_cache()  # the process's store is gone: everything must come from the database
    at = new_app(code=code)
    assert at.button(key=keys.open_lesson(FIXTURE_LESSON)).label == "Continuer"
    at = at.button(key=keys.open_lesson(FIXTURE_LESSON)).click().run()
    assert at.subheader[0].value == "Question 3 sur 7"


def test_a_code_typed_on_another_computer_resumes_the_same_student(lesson: LoadedLesson) -> None:
    code = two_answers_then_third_question(lesson).query_params["code"]
    at = new_app()
    at.text_input(key=keys.CODE_INPUT).input(f" {code[:3].lower()}-{code[3:]} ")
    at = at.button(key=keys.CODE_BUTTON).click().run()
    assert at.query_params["code"] == code
    assert at.button(key=keys.open_lesson(FIXTURE_LESSON)).label == "Continuer"


def test_a_wrong_code_is_refused_with_a_message(kit: Path) -> None:
    at = new_app()
    at.text_input(key=keys.CODE_INPUT).input("ZZZ-ZZZ")
    at = at.button(key=keys.CODE_BUTTON).click().run()
    assert "code" not in at.query_params
    assert at.sidebar.error[0].value == "Aucun élève n'a le code ZZZ-ZZZ. Vérifie les lettres et les chiffres."


def test_an_unknown_code_in_the_address_is_pointed_out(kit: Path) -> None:
    at = new_app(code="ZZZZZZ")
    assert at.sidebar.warning[0].value.startswith("Le code ZZZ-ZZZ de l'adresse n'existe pas.")
