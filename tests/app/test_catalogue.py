"""The catalogue: good lessons as cards with the student's progress; broken files left out."""

from __future__ import annotations

from pathlib import Path

from driver import FIXTURE_LESSON, answer, errors, go_next, new_app, texts

from medialit.format.loader import LoadedLesson
from medialit.ui import keys


def test_the_catalogue_lists_the_good_lessons_and_not_a_broken_one_beside_them(kit: Path) -> None:
    (kit / "lessons" / "broken.yaml").write_text(
        "id: broken-lesson\nkind: lesson\ntitle: {fr: BROKEN-TITLE, en: BROKEN-TITLE}\nquestions: []\n",
        encoding="utf-8",
    )
    at = new_app()
    assert not errors(at)
    titles = [m.value.split("\n", 1)[0].removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    assert titles == ["Fixture : le sommet de l'OTAN vu par RT", "Fixture : un exercice court"]
    assert "BROKEN-TITLE" not in texts(at)
    assert [h.value for h in at.header] == ["Leçons", "Exercices courts"]


def test_a_page_view_creates_no_learner(kit: Path) -> None:
    at = new_app()
    at = new_app(lesson=FIXTURE_LESSON)
    assert "code" not in at.query_params
    assert "Tu recevras un code dès que tu commences une leçon." in texts(at)


def test_starting_a_lesson_creates_the_learner_and_shows_the_code_to_write_down(kit: Path) -> None:
    at = new_app()
    at = at.button(key=keys.open_lesson(FIXTURE_LESSON)).click().run()
    code = at.query_params["code"]
    assert at.query_params["lesson"] == FIXTURE_LESSON
    assert at.sidebar.code[0].value == f"{code[:3]}-{code[3:]}"
    assert "Note ce code" in texts(at)


def test_a_card_shows_the_students_progress_and_score(lesson: LoadedLesson) -> None:
    at = new_app(lesson=FIXTURE_LESSON)
    questions = lesson.lesson.questions
    at = answer(at, lesson, questions[0], {"value": 3})
    at = answer(go_next(at, lesson), lesson, questions[1], {"selected": ["tass"]})
    at = at.button(key=keys.BACK).click().run()
    assert "lesson" not in at.query_params
    page = texts(at)
    assert "répondues : 2/7 · 1/10 pt" in page
    assert at.button(key=keys.open_lesson(FIXTURE_LESSON)).label == "Continuer"
    assert at.button(key=keys.open_lesson("fixture-drill")).label == "Commencer"


def test_a_document_written_for_the_kit_carries_the_badge(kit: Path) -> None:
    source = (kit / "lessons" / "fixture-otan.yaml").read_text(encoding="utf-8")
    mine = source.replace("id: fixture-otan", "id: fixture-own-text").replace(
        "  outlet: RT en français\n", "  outlet: RT en français\n  written_for_kit: true\n")
    (kit / "lessons" / "fixture-own-text.yaml").write_text(mine, encoding="utf-8")
    at = new_app()
    badges = [line for m in at.markdown for line in m.value.splitlines() if "violet-badge" in line]
    assert badges == [":violet-badge[Écrit pour le kit] :blue-badge[Sources] :blue-badge[Cadrage] "
                      ":blue-badge[Langage chargé]"]
