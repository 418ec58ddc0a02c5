"""The live class feed on both backends: the signature moves when the class changes, and the reads
return only what was asked (new answers, some ids, the grades) with the scorer's held verdict."""

from __future__ import annotations

from medialit.store import Store
from medialit.store.class_feed import class_answer_ids, class_answers, class_overrides, class_signature
from medialit.store.classroom import join_class

HELD = {"pending": True, "extra": {"held": "off_topic", "auto_earned": 1.0}}


def record(store: Store, learner_id: int, question: str, result: dict | None = None, review: bool = False) -> int:
    return store.record_answer(learner_id, "l1", question, raw={"text": "x"}, earned=0.0, possible=2.0,
                               status="complete", result=result or {}, content_hash="h", needs_review=review).id


def test_the_signature_moves_with_answers_grades_and_learners(store: Store) -> None:
    klass = store.create_class_session("2nde B", ["l1"])
    renard = join_class(store, klass.join_code, "Renard")[1].id
    first = class_signature(store, klass.id)
    assert first == class_signature(store, klass.id)
    answer_id = record(store, renard, "q1")
    added = class_signature(store, klass.id)
    assert added.answers == (1, answer_id) and added != first
    store.override_answer(answer_id, 1.5, "bien")
    graded = class_signature(store, klass.id)
    assert graded.overrides[0] == 1 and graded.overrides != added.overrides
    store.override_answer(answer_id, None, None)
    assert class_signature(store, klass.id).overrides[0] == 0
    store.leave_class(renard)
    assert class_signature(store, klass.id).learners != graded.learners


def test_the_reads_return_what_was_asked_with_the_held_verdict(store: Store) -> None:
    klass = store.create_class_session("2nde B", ["l1"])
    other = store.create_class_session("2nde C", ["l1"])
    renard = join_class(store, klass.join_code, "Renard")[1].id
    hibou = join_class(store, other.join_code, "Hibou")[1].id
    plain = record(store, renard, "q1", review=True)
    held = record(store, renard, "q2", HELD, review=True)
    record(store, hibou, "q1")
    every = class_answers(store, klass.id)
    assert every["answer_id"].tolist() == [plain, held]
    assert every["pending"].tolist() == [False, True]
    assert every["held"].tolist() == [None, "off_topic"]
    assert every["raw"].tolist() == [{"text": "x"}, {"text": "x"}]
    assert class_answers(store, klass.id, after_id=plain)["answer_id"].tolist() == [held]
    assert class_answers(store, klass.id, answer_ids=[held])["answer_id"].tolist() == [held]
    assert class_answer_ids(store, klass.id) == {plain, held}
    store.override_answer(held, 2.0, "vu")
    grades = class_overrides(store, klass.id)
    assert grades[["answer_id", "override_earned", "override_comment"]].values.tolist() == [[held, 2.0, "vu"]]
    assert str(grades["override_at"].dtype) == "datetime64[us, UTC]"
