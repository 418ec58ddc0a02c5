"""The answer flow without Streamlit: score, penalties, tries, hints, a closed class, two tabs at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from medialit.answering import evaluate, oversized, submit, tries_allowed
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.store import Store

FROZEN_KIT = Path(__file__).resolve().parents[1] / "fixtures" / "format_v1"
RIGHT = {"selected": ["tass"]}
WRONG = {"selected": ["afp"]}


@pytest.fixture(scope="module")
def lesson() -> LoadedLesson:
    result = load_lesson(FROZEN_KIT / "lessons" / "frozen-v1.yaml", FROZEN_KIT)
    assert result.ok
    return result.loaded


def test_a_right_answer_is_stored_with_its_score_before_submit_returns(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    done = submit(store, lesson, learner.id, "who-quotes", RIGHT, attempt=1, lang="en")
    assert done.recorded and done.answer is not None
    assert store.latest_answers(learner.id, lesson.lesson.id)["who-quotes"] == done.answer
    assert done.answer.earned == done.answer.possible == 1


def test_an_incomplete_answer_stores_nothing_and_says_what_is_missing(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    done = submit(store, lesson, learner.id, "who-quotes", {"selected": []}, attempt=1, lang="en")
    assert done.outcome == "incomplete" and done.message == "Choose an answer."
    assert store.answers(learner.id) == []


def test_a_retry_costs_the_lessons_penalty_and_the_hints_used_are_read_from_the_store(
    store: Store, lesson: LoadedLesson
) -> None:
    learner = store.create_learner()
    assert submit(store, lesson, learner.id, "who-quotes", WRONG, attempt=1, lang="fr").answer.earned == 0
    store.use_hint(learner.id, lesson.lesson.id, "who-quotes")
    done = submit(store, lesson, learner.id, "who-quotes", RIGHT, attempt=2, lang="fr")
    assert done.answer.attempt == 2
    assert done.answer.earned == pytest.approx(1 - 0.5 - 0.1)  # retry 50 %, one hint 10 %
    how = done.answer.result["how"]
    assert "1 essai précédent : −0,5 pt" in how and "1 indice : −0,1 pt" in how


def test_no_attempt_beyond_what_the_lesson_allows(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    assert tries_allowed(lesson) == 2
    submit(store, lesson, learner.id, "who-quotes", WRONG, attempt=1, lang="en")
    submit(store, lesson, learner.id, "who-quotes", WRONG, attempt=2, lang="en")
    done = submit(store, lesson, learner.id, "who-quotes", RIGHT, attempt=3, lang="en")
    assert done.outcome == "no_tries_left" and len(store.answers(learner.id)) == 2


def test_a_finished_lesson_takes_no_retry_but_still_a_first_answer(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    submit(store, lesson, learner.id, "who-quotes", WRONG, attempt=1, lang="en")
    store.set_progress(learner.id, lesson.lesson.id, 0, finished=True)
    assert submit(store, lesson, learner.id, "who-quotes", RIGHT, attempt=2, lang="en").outcome == "no_tries_left"
    assert submit(store, lesson, learner.id, "charged", {"selected": ["poncifs"]}, attempt=1, lang="en").recorded


def test_a_closed_class_session_records_nothing(store: Store, lesson: LoadedLesson) -> None:
    klass = store.create_class_session("3e B", [lesson.lesson.id])
    learner = store.create_learner(class_session_id=klass.id, pseudonym="Renard")
    store.set_class_session_status(klass.id, "closed")
    done = submit(store, lesson, learner.id, "who-quotes", RIGHT, attempt=1, lang="fr")
    assert done.outcome == "closed" and "fermée" in done.message
    assert store.answers(learner.id) == []


def test_two_tabs_submitting_the_same_attempt_store_it_once(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def tab(raw: dict) -> None:
        barrier.wait()
        outcomes.append(submit(store, lesson, learner.id, "who-quotes", raw, attempt=1, lang="en").outcome)

    threads = [threading.Thread(target=tab, args=(raw,)) for raw in (RIGHT, WRONG)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["recorded", "taken"]
    assert [a.attempt for a in store.answers(learner.id)] == [1]


def test_a_question_gone_from_the_lesson_is_reported_not_stored(store: Store, lesson: LoadedLesson) -> None:
    learner = store.create_learner()
    done = submit(store, lesson, learner.id, "no-such-question", RIGHT, attempt=1, lang="en")
    assert done.outcome == "unknown_question" and store.answers(learner.id) == []


def test_evaluate_is_the_same_score_without_a_store(lesson: LoadedLesson) -> None:
    q = lesson.lesson.question("who-quotes")
    assert evaluate(lesson, q, RIGHT, attempt=2, hints_used=1, lang="en").earned == pytest.approx(0.4)


def test_a_huge_answer_is_refused_before_the_scorer_reads_a_word(store: Store, lesson: LoadedLesson,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    learner = store.create_learner()
    question = lesson.lesson.question("rewrite")
    read: list[str] = []
    monkeypatch.setattr(type(question), "score", lambda self, raw, ctx: read.append("scored"))
    for size in (20_000_000, 1_000_000, 10_001):
        done = submit(store, lesson, learner.id, "rewrite", {"text": "mot " * (size // 4) + "x" * (size % 4)},
                      attempt=1, lang="fr")
        assert done.outcome == "too_long"
        assert done.message == ("Ta réponse est trop longue : 10\u202f000 caractères au plus. Raccourcis-la, "
                                "puis valide-la à nouveau.")
    assert read == [] and store.answers(learner.id) == []


def test_the_size_of_an_answer_is_read_no_further_than_the_bound() -> None:
    assert not oversized({"text": "a" * 10_000})
    assert oversized({"text": "a" * 10_001})
    assert oversized({"spans": [[0, 1]] * 5_000})
    assert oversized({"selected": ["a"] * 2_000})
    assert not oversized({"labels": {f"e{i}": "source" for i in range(100)}, "value": 3})
    assert oversized({"k" * 257: 1})  # keys are names, not text
    assert oversized(["x"] * 10**7)  # one look at the length: no walk through ten million items
