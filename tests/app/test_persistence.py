"""Every answer is committed before its feedback is drawn; navigation and hints are saved too."""

from __future__ import annotations

from pathlib import Path

import pytest
from driver import FIXTURE_LESSON, answer, go_next, goto, new_app, submit

from medialit.format.loader import LoadedLesson
from medialit.store import Store
from medialit.store.engine import resolve_url
from medialit.ui import feedback, keys


def test_an_answer_is_committed_before_its_feedback_is_drawn(
    lesson: LoadedLesson, kit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, bool]] = []
    real = feedback.render

    def check_then_render(loaded, q, stored, lang, full, **rest):  # noqa: ANN001, ANN202 - as render
        other = Store(resolve_url())  # another connection: it only sees committed rows
        try:
            latest = other.latest_answers(stored.learner_id, loaded.lesson.id)
        finally:
            other.close()
        drawn.append((q.id, q.id in latest and latest[q.id].attempt == stored.attempt))
        real(loaded, q, stored, lang, full, **rest)

    monkeypatch.setattr(feedback, "render", check_then_render)
    at = new_app(lesson=FIXTURE_LESSON)
    first, second = lesson.lesson.questions[:2]
    at = answer(at, lesson, first, {"value": 2})
    at = answer(go_next(at, lesson), lesson, second, {"selected": ["reporter"]})
    assert drawn and all(ok for _, ok in drawn)
    assert {qid for qid, _ in drawn} == {first.id, second.id}


def test_an_incomplete_answer_says_what_is_missing_and_is_not_stored(lesson: LoadedLesson, store: Store) -> None:
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, 1)
    q = lesson.lesson.question("who-speaks")
    at = submit(at, lesson, q)
    assert at.warning[0].value == "Choisis une réponse."
    learner = store.learner_by_code(at.query_params["code"])  # navigating created the learner
    assert store.attempts_used(learner.id, FIXTURE_LESSON, q.id) == 0
    at = answer(at, lesson, q, {"selected": ["tass"]})
    assert store.attempts_used(learner.id, FIXTURE_LESSON, q.id) == 1
    assert at.success[0].value == "Juste : 1 sur 1 pt."


def test_every_move_saves_the_current_question(lesson: LoadedLesson, store: Store) -> None:
    at = go_next(go_next(new_app(lesson=FIXTURE_LESSON), lesson), lesson)
    learner = store.learner_by_code(at.query_params["code"])
    assert store.progress(learner.id, FIXTURE_LESSON).current_index == 2
    at = at.button(key=keys.step(FIXTURE_LESSON, "prev")).click().run()
    assert store.progress(learner.id, FIXTURE_LESSON).current_index == 1
    goto(at, lesson, 5)
    progress = store.progress(learner.id, FIXTURE_LESSON)
    assert progress.current_index == 5 and progress.content_hash == lesson.content_hash


def test_a_hint_is_counted_and_costs_the_lessons_hint_penalty(lesson: LoadedLesson, store: Store) -> None:
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, 1)
    hint = at.button(key=keys.hint(FIXTURE_LESSON, "who-speaks"))
    assert hint.label == "Montrer un indice (−10 % des points)"
    at = hint.click().run()
    assert "HINT-WHO" in at.info[0].value
    learner = store.learner_by_code(at.query_params["code"])
    assert store.hints_used(learner.id, FIXTURE_LESSON) == {"who-speaks": 1}
    at = answer(at, lesson, lesson.lesson.question("who-speaks"), {"selected": ["tass"]})
    assert at.warning[0].value == "En partie juste : 0,9 sur 1 pt."
    assert any("1 indice : −0,1 pt" in c.value for c in at.caption)


def test_the_word_count_follows_the_free_text_answer(lesson: LoadedLesson) -> None:
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, 4)
    box = keys.answer(FIXTURE_LESSON, "rewrite", 1)
    at = at.text_area(key=box).input("C'est Tass.").run()
    assert any(c.value.startswith("3 mots : écris-en au moins 5") for c in at.caption)
    at = submit(at, lesson, lesson.lesson.question("rewrite"))
    assert at.warning[0].value == "Ta réponse fait 3 mots : écris-en au moins 5."
    assert at.text_area(key=box).value == "C'est Tass."  # nothing typed is lost


def test_an_answer_given_meanwhile_in_another_tab_is_not_counted_twice(lesson: LoadedLesson, store: Store) -> None:
    first_tab = goto(new_app(lesson=FIXTURE_LESSON), lesson, 1)
    code = first_tab.query_params["code"]
    second_tab = goto(new_app(lesson=FIXTURE_LESSON, code=code), lesson, 1)
    q = lesson.lesson.question("who-speaks")
    first_tab = answer(first_tab, lesson, q, {"selected": ["tass"]})
    second_tab = answer(second_tab, lesson, q, {"selected": ["afp"]})  # a stale view of the same question
    learner = store.learner_by_code(code)
    assert store.attempts_used(learner.id, FIXTURE_LESSON, q.id) == 1
    assert second_tab.success[0].value == "Juste : 1 sur 1 pt."  # it now shows what the store holds
