"""A lesson edited, broken or deleted while a student is in it: clear words, nothing lost."""

from __future__ import annotations

from pathlib import Path

from driver import FIXTURE_LESSON, answer, errors, go_next, new_app

from medialit.format.loader import LoadedLesson
from medialit.store import Store
from medialit.ui import keys

BEING_EDITED = ("Ton professeur est en train de modifier cette leçon. Tes réponses sont enregistrées : "
                "reviens dans un moment.")


def started(lesson: LoadedLesson):
    at = new_app(lesson=FIXTURE_LESSON)
    first, second = lesson.lesson.questions[:2]
    at = answer(at, lesson, first, {"value": 3})
    return answer(go_next(at, lesson), lesson, second, {"selected": ["tass"]})


def test_a_lesson_broken_by_an_edit_says_so_keeps_the_answers_and_comes_back(
    lesson: LoadedLesson, kit: Path, store: Store
) -> None:
    at = started(lesson)
    path = kit / "lessons" / "fixture-otan.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("type: choice", "type: choise", 1), encoding="utf-8")
    at = at.run()
    assert not errors(at)
    assert at.warning[0].value == BEING_EDITED
    assert at.button(key=keys.BACK).label == "← Toutes les leçons"
    learner = store.learner_by_code(at.query_params["code"])
    assert set(store.latest_answers(learner.id, FIXTURE_LESSON)) == {"first-look", "who-speaks"}
    at = at.button(key=keys.BACK).click().run()
    titles = [m.value.split("\n", 1)[0] for m in at.markdown if m.value.startswith("#### ")]
    assert titles == ["#### Fixture : un exercice court"]
    path.write_text(original, encoding="utf-8")
    at = at.run()  # the teacher saved a good version again: the card is back
    at = at.button(key=keys.open_lesson(FIXTURE_LESSON)).click().run()
    assert at.subheader[0].value == "Question 2 sur 7"
    assert at.success[0].value == "Juste : 1 sur 1 pt."


def test_a_deleted_lesson_says_so_to_the_student_who_was_in_it(lesson: LoadedLesson, kit: Path) -> None:
    at = started(lesson)
    (kit / "lessons" / "fixture-otan.yaml").unlink()
    at = at.run()
    assert at.warning[0].value == BEING_EDITED


def test_an_unknown_lesson_in_the_address_says_it_does_not_exist(kit: Path) -> None:
    at = new_app(lesson="no-such-lesson")
    assert at.warning[0].value.startswith("La leçon « no-such-lesson » n'existe pas")


def test_an_answer_given_before_an_edit_shows_its_stored_result_and_says_so(lesson: LoadedLesson, kit: Path) -> None:
    at = started(lesson)
    path = kit / "lessons" / "fixture-otan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Lis l'article puis réponds.", "Lis bien l'article."),
                    encoding="utf-8")
    at = at.run()
    assert at.success[0].value == "Juste : 1 sur 1 pt."
    assert any(c.value.startswith("La leçon a été modifiée depuis ta réponse") for c in at.caption)
