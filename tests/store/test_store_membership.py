"""Membership is stored: a learner belongs to their class session until they leave it; remembered teacher logins."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from medialit.store import Answer, SessionClosed, Store, UnknownLearner
from medialit.store.classroom import accepts_answers, check_accepts_answers, learners_frame


def test_a_learner_who_leaves_stays_listed_with_their_answers_but_answers_no_more(
        store: Store, answer: Callable[..., Answer]) -> None:
    klass = store.create_class_session("2nde B", ["l1"])
    renard = store.create_learner("fr", klass.id, "Renard")
    hibou = store.create_learner("fr", klass.id, "Hibou")
    answer(renard.id)
    assert renard.in_class and accepts_answers(store, renard.id)

    left = store.leave_class(renard.id)
    assert left.left_at is not None and not left.in_class and left.class_session_id == klass.id
    assert store.leave_class(renard.id).left_at == left.left_at  # leaving again changes nothing
    frame = learners_frame(store, klass.id)
    assert frame["pseudonym"].tolist() == ["Renard", "Hibou"]  # still listed, in joining order
    assert frame["left_at"].notna().tolist() == [True, False]
    assert len(store.answers(renard.id)) == 1  # the answers stay with the teacher
    assert not accepts_answers(store, renard.id) and accepts_answers(store, hibou.id)
    with pytest.raises(SessionClosed) as refused:
        answer(renard.id, question="q2")
    assert refused.value.left and refused.value.class_session_id == klass.id
    with pytest.raises(SessionClosed):
        check_accepts_answers(store, left)
    answer(hibou.id)  # the session itself is still open


def test_a_closed_session_refuses_answers_without_saying_the_learner_left(
        store: Store, answer: Callable[..., Answer]) -> None:
    klass = store.create_class_session("2nde B", ["l1"])
    learner = store.create_learner("fr", klass.id, "Renard")
    store.set_class_session_status(klass.id, "closed")
    with pytest.raises(SessionClosed) as refused:
        answer(learner.id)
    assert not refused.value.left


def test_self_study_learners_have_no_class_to_leave(store: Store) -> None:
    learner = store.create_learner()
    assert not learner.in_class and store.leave_class(learner.id).left_at is None
    with pytest.raises(UnknownLearner):
        store.leave_class(10_000)


def test_a_teacher_login_is_valid_until_it_expires_or_is_revoked(store: Store) -> None:
    now = datetime.now(UTC)
    store.open_teacher_login("day", now + timedelta(hours=10))
    store.open_teacher_login("gone", now - timedelta(seconds=1))
    assert store.teacher_login_valid("day")
    assert not store.teacher_login_valid("gone")  # expired
    assert not store.teacher_login_valid("never-opened") and not store.teacher_login_valid("")
    assert store.revoke_teacher_login("day") and not store.teacher_login_valid("day")
    assert not store.revoke_teacher_login("day")  # already revoked
    store.open_teacher_login("next", now + timedelta(hours=10))  # opening one forgets expired ones
    assert not store.revoke_teacher_login("gone")
    with pytest.raises(ValueError):
        store.open_teacher_login("x" * 65, now)
