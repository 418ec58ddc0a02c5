"""A written answer the scorer cannot trust is held for the teacher; in self-study, the student grades it."""

from __future__ import annotations

from driver import FIXTURE_LESSON, answer, goto, new_app

from medialit.format.loader import LoadedLesson
from medialit.store import Store

OFF_TOPIC = "Mon prof de maths a rapporté les frites de la cantine, une agence russe du collège les a reprises."


def _held(lesson: LoadedLesson):
    q = lesson.lesson.question("rewrite")
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, [x.id for x in lesson.lesson.questions].index("rewrite"))
    return q, answer(at, lesson, q, {"text": OFF_TOPIC})


def test_an_off_topic_answer_is_held_with_no_points_and_says_why(lesson: LoadedLesson, store: Store) -> None:
    q, at = _held(lesson)
    assert at.info[0].value.startswith("Réponse mise de côté pour ton professeur : pas de points automatiques")
    assert any("semble parler d'autre chose que du document" in c.value for c in at.caption)
    stored = store.latest_answers(store.learner_by_code(at.query_params["code"]).id, FIXTURE_LESSON)["rewrite"]
    assert stored.earned == 0 and stored.pending and stored.result["extra"]["held"] == "off_topic"


def test_in_self_study_the_student_grades_a_held_answer_against_the_criteria(lesson: LoadedLesson,
                                                                             store: Store) -> None:
    q, at = _held(lesson)
    at = at.button(key=f"retry-{FIXTURE_LESSON}-{q.id}").click().run()
    at = answer(at, lesson, q, {"text": OFF_TOPIC}, attempt=2)  # held again, no try left: the correction shows
    assert "MODEL-FR" in " ".join(m.value for m in at.markdown)
    learner = store.learner_by_code(at.query_params["code"])
    stored = store.latest_answers(learner.id, FIXTURE_LESSON)["rewrite"]
    at.checkbox(key=f"self-{stored.id}-0").check()
    at = at.button(key=f"FormSubmitter:self-{stored.id}-Enregistrer mon auto-évaluation").click().run()
    again = store.latest_answers(learner.id, FIXTURE_LESSON)["rewrite"]
    assert again.self_earned == 1.0 and again.earned == 0  # recorded apart: the automatic score stays 0
    assert at.success[0].value == "Auto-évaluation enregistrée : 1 sur 2 pt."
