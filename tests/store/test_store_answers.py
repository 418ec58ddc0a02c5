"""Answers, attempts, overrides, rescoring, progress and hints, as the app and teacher see them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

import pytest

from medialit.store import Answer, Store, UnknownAnswer, UnknownLearner


def test_answer_survives_a_server_restart(open_store: Callable[[], Store]) -> None:
    first = open_store()
    learner = first.create_learner()
    first.record_answer(
        learner.id,
        "l1",
        "q1",
        raw={"text": "Élise — « guillemets »"},
        earned=1.5,
        possible=2,
        status="complete",
        result={"why": ["a", "b"]},
        content_hash="h1",
    )
    first.close()

    restarted = open_store()  # a brand-new Store on the same database
    [stored] = restarted.answers(learner.id)
    assert stored.raw == {"text": "Élise — « guillemets »"}
    assert stored.result == {"why": ["a", "b"]}
    assert (stored.earned, stored.possible, stored.attempt, stored.content_hash) == (1.5, 2.0, 1, "h1")
    assert restarted.learner_by_code(learner.code) == learner


def test_attempts_number_1_2_3_per_question(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()
    assert [answer(learner.id).attempt for _ in range(3)] == [1, 2, 3]
    assert answer(learner.id, question="q2").attempt == 1
    assert answer(learner.id, lesson="l2").attempt == 1
    assert store.attempts_used(learner.id, "l1", "q1") == 3
    assert store.attempts_used(learner.id, "l1", "q9") == 0


def test_answers_order_and_latest_per_question(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()
    answer(learner.id, question="q1", earned=0)
    answer(learner.id, question="q2", earned=1)
    answer(learner.id, question="q1", earned=2)
    answer(learner.id, lesson="other")

    in_lesson = store.answers(learner.id, "l1")
    assert [(a.question_id, a.attempt) for a in in_lesson] == [("q1", 1), ("q2", 1), ("q1", 2)]
    assert len(store.answers(learner.id)) == 4
    latest = store.latest_answers(learner.id, "l1")
    assert {q: (a.attempt, a.earned) for q, a in latest.items()} == {"q1": (2, 2.0), "q2": (1, 1.0)}


def test_answers_are_detached_frozen_records(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()
    recorded = answer(learner.id)
    with pytest.raises(AttributeError):
        recorded.earned = 2.0  # type: ignore[misc]
    assert recorded.created_at.tzinfo is not None
    assert recorded.created_at.utcoffset() == UTC.utcoffset(None)
    assert store.answer(recorded.id) == recorded


def test_unknown_learner_and_bad_scores_are_refused(store: Store, answer: Callable[..., Answer]) -> None:
    with pytest.raises(UnknownLearner):
        answer(9999)
    learner = store.create_learner()
    with pytest.raises(ValueError):
        answer(learner.id, status="done")
    with pytest.raises(ValueError):
        answer(learner.id, earned=float("nan"))
    assert store.answers(learner.id) == []


def test_override_keeps_the_automatic_score(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()
    original = answer(learner.id, earned=0.5)

    overridden = store.override_answer(original.id, 2.0, "  Good reasoning, wrong box.  ")
    assert overridden.earned == 0.5
    assert overridden.final_earned == 2.0
    assert overridden.override_comment == "Good reasoning, wrong box."
    assert overridden.override_at is not None
    assert store.answer(original.id) == overridden

    with pytest.raises(ValueError):
        store.override_answer(original.id, 3.0, "more than possible")
    with pytest.raises(UnknownAnswer):
        store.override_answer(424242, 1.0, None)

    cleared = store.override_answer(original.id, None, None)
    assert (cleared.final_earned, cleared.override_earned, cleared.override_at) == (0.5, None, None)


def test_rescore_updates_score_and_hash_but_keeps_override(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()
    original = answer(learner.id, earned=1.0, needs_review=True)
    store.override_answer(original.id, 2.0, "ok")

    rescored = store.rescore_answer(
        original.id, earned=0.0, possible=3.0, status="incomplete", result={"v": 2}, content_hash="hash-v2"
    )
    assert (rescored.earned, rescored.possible, rescored.status) == (0.0, 3.0, "incomplete")
    assert (rescored.result, rescored.content_hash) == ({"v": 2}, "hash-v2")
    assert (rescored.raw, rescored.attempt, rescored.needs_review) == (original.raw, 1, True)
    assert rescored.final_earned == 2.0


def test_progress_is_created_then_updated(store: Store) -> None:
    learner = store.create_learner()
    assert store.progress(learner.id, "l1") is None

    first = store.set_progress(learner.id, "l1", 0, content_hash="v1")
    later = store.set_progress(learner.id, "l1", 4, content_hash="v2")
    assert (later.current_index, later.content_hash, later.finished) == (4, "v1", False)
    assert later.started_at == first.started_at
    assert later.updated_at >= first.updated_at

    done = store.set_progress(learner.id, "l1", 5, finished=True)
    revisited = store.set_progress(learner.id, "l1", 1)
    assert revisited.finished and revisited.finished_at == done.finished_at
    assert store.progress(learner.id, "l1") == revisited

    store.set_progress(learner.id, "l2", 2)
    assert {k: p.current_index for k, p in store.all_progress(learner.id).items()} == {"l1": 1, "l2": 2}
    with pytest.raises(UnknownLearner):
        store.set_progress(9999, "l1", 0)


def test_hints_count_up_per_question(store: Store) -> None:
    learner = store.create_learner()
    assert [store.use_hint(learner.id, "l1", "q1") for _ in range(3)] == [1, 2, 3]
    store.use_hint(learner.id, "l1", "q2")
    store.use_hint(learner.id, "l2", "q1")
    assert store.hints_used(learner.id, "l1") == {"q1": 3, "q2": 1}
    assert store.hints_used(learner.id, "l3") == {}
    with pytest.raises(UnknownLearner):
        store.use_hint(9999, "l1", "q1")
