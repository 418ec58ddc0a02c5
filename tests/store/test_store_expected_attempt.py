"""Two tabs submitting the same attempt: the store keeps one, atomically."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from medialit.store import AttemptTaken, Store


def _record(store: Store, learner_id: int, attempt: int):
    return store.record_answer(learner_id, "l1", "q1", raw={"selected": ["a"]}, earned=1, possible=1,
                               status="complete", result={}, content_hash="h", expected_attempt=attempt)


def test_the_expected_attempt_is_stored_once_and_the_second_tab_is_told(store: Store) -> None:
    learner = store.create_learner()
    assert _record(store, learner.id, 1).attempt == 1
    with pytest.raises(AttemptTaken):
        _record(store, learner.id, 1)
    assert _record(store, learner.id, 2).attempt == 2
    assert [a.attempt for a in store.answers(learner.id)] == [1, 2]


def test_ten_tabs_racing_on_the_same_attempt_store_exactly_one(store: Store) -> None:
    learner = store.create_learner()

    def attempt_one(_: int) -> str:
        try:
            _record(store, learner.id, 1)
        except AttemptTaken:
            return "refused"
        return "stored"

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = sorted(pool.map(attempt_one, range(10)))
    assert outcomes.count("stored") == 1 and outcomes.count("refused") == 9
    assert [a.attempt for a in store.answers(learner.id)] == [1]


def test_a_closed_class_session_accepts_no_answer(store: Store) -> None:
    from medialit.store import SessionClosed

    session = store.create_class_session("3e B", ["l1"])
    learner = store.create_learner(class_session_id=session.id, pseudonym="Loutre")
    assert _record(store, learner.id, 1).attempt == 1
    store.set_class_session_status(session.id, "closed")
    with pytest.raises(SessionClosed):
        _record(store, learner.id, 2)
    store.set_class_session_status(session.id, "open")
    assert _record(store, learner.id, 2).attempt == 2
