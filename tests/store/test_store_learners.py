"""Learners, resume codes, pseudonyms and class sessions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from medialit.store import (
    ALPHABET,
    Answer,
    PseudonymTaken,
    SessionClosed,
    Store,
    UnknownClassSession,
    UnknownLearner,
    display_code,
)
from medialit.store.classroom import join_class
from medialit.store.models import LearnerRow


def test_resume_code_is_long_unambiguous_and_forgiving(store: Store) -> None:
    learner = store.create_learner(lang="en")
    assert len(learner.code) == 12 and set(learner.code) <= set(ALPHABET)  # 31^12: about 59 bits
    assert not set(learner.code) & set("01OIL")
    assert display_code(learner.code) == "-".join((learner.code[:4], learner.code[4:8], learner.code[8:]))
    typed = f"  {display_code(learner.code).lower()} "  # "abcd-efgh-jkmn" as a pupil would type it
    assert store.learner_by_code(typed) == learner
    assert store.learner_by_code(learner.code[:4] + " " + learner.code[4:]) == learner
    assert store.learner_by_code("") is None
    assert store.learner_by_code(learner.code[:6]) is None
    assert store.learner_by_code(learner.code + " " * 40) is None  # longer than anyone types: not even read


def test_codes_are_unique(store: Store) -> None:
    codes = {store.create_learner().code for _ in range(200)}
    assert len(codes) == 200


def test_language_and_last_seen(store: Store) -> None:
    learner = store.create_learner()
    assert learner.lang == "fr"
    store.set_learner_lang(learner.id, "en")
    store.touch_learner(learner.id)
    reloaded = store.learner(learner.id)
    assert reloaded is not None and reloaded.lang == "en"
    assert reloaded.last_seen_at is not None and reloaded.last_seen_at >= learner.created_at
    with pytest.raises(ValueError):
        store.set_learner_lang(learner.id, "de")
    with pytest.raises(ValueError):
        store.create_learner(lang="xx")
    with pytest.raises(UnknownLearner):
        store.touch_learner(9999)


def test_pseudonym_taken_case_insensitively_within_a_session(store: Store) -> None:
    session = store.create_class_session("4e B", ["l1"])
    other = store.create_class_session("4e C", ["l1"])
    alice = store.create_learner(class_session_id=session.id, pseudonym="  Alice   Martin ")
    assert alice.pseudonym == "Alice Martin"

    for attempt in ("alice martin", "ALICE MARTIN", "Alice  Martin"):
        with pytest.raises(PseudonymTaken):
            store.create_learner(class_session_id=session.id, pseudonym=attempt)
    # Same name elsewhere is fine, and pseudonym-less learners never collide.
    assert store.create_learner(class_session_id=other.id, pseudonym="alice martin").id
    store.create_learner(class_session_id=session.id)
    store.create_learner(class_session_id=session.id, pseudonym="   ")
    assert len(store.session_learners(session.id)) == 3


def test_closed_session_refuses_new_learners(store: Store) -> None:
    session = store.create_class_session("Atelier", ["l1", "l2"])
    assert session.is_open and session.lesson_ids == ["l1", "l2"]
    member = store.create_learner(class_session_id=session.id, pseudonym="Zoé")

    closed = store.set_class_session_status(session.id, "closed")
    assert not closed.is_open and closed.closed_at is not None
    with pytest.raises(SessionClosed):
        store.create_learner(class_session_id=session.id, pseudonym="Late")
    assert store.learner_by_code(member.code) == member  # existing pupils can still resume

    reopened = store.set_class_session_status(session.id, "open")
    assert reopened.closed_at is None
    store.create_learner(class_session_id=session.id, pseudonym="Late")

    with pytest.raises(ValueError):
        store.set_class_session_status(session.id, "paused")
    with pytest.raises(UnknownClassSession):
        store.create_learner(class_session_id=9999)


def test_class_session_lookup(store: Store) -> None:
    first = store.create_class_session("  Lundi   matin ", ["l1"])
    second = store.create_class_session("Mardi", [])
    assert first.name == "Lundi matin"
    assert first.join_code != second.join_code
    assert store.class_session_by_code(display_code(first.join_code).lower()) == first
    assert store.class_session(second.id) == second
    assert store.class_session(9999) is None
    assert [s.id for s in store.class_sessions()] == [second.id, first.id]
    with pytest.raises(ValueError):
        store.create_class_session("   ", ["l1"])


def test_deleting_a_session_removes_only_its_data(store: Store, answer: Callable[..., Answer]) -> None:
    doomed = store.create_class_session("doomed", ["l1"])
    kept = store.create_class_session("kept", ["l1"])
    gone = store.create_learner(class_session_id=doomed.id, pseudonym="A")
    stays = store.create_learner(class_session_id=kept.id, pseudonym="A")
    solo = store.create_learner()
    for learner in (gone, stays, solo):
        answer(learner.id)
        store.set_progress(learner.id, "l1", 1)
        store.use_hint(learner.id, "l1", "q1")

    assert store.delete_class_session(doomed.id) is True
    assert store.delete_class_session(doomed.id) is False

    assert store.class_session(doomed.id) is None
    assert store.learner_by_code(gone.code) is None
    assert store.answers(gone.id) == [] and store.all_progress(gone.id) == {}
    assert store.hints_used(gone.id, "l1") == {}
    for learner in (stays, solo):
        assert len(store.answers(learner.id)) == 1
        assert store.progress(learner.id, "l1") is not None
        assert store.hints_used(learner.id, "l1") == {"q1": 1}
    assert set(store.answers_frame()["learner_id"]) == {stays.id, solo.id}


def test_codes_handed_out_before_keep_working(store: Store) -> None:
    old = store.create_learner()
    with store.engine.begin() as conn:  # 6 characters: what every learner got before codes had 12
        conn.execute(LearnerRow.__table__.update().where(LearnerRow.id == old.id).values(code="ABCD23"))
    assert store.learner_by_code("abc-d23").id == old.id
    assert len(store.create_learner().code) == 12


@pytest.mark.parametrize("lookalike", [
    "Al\u200bice",  # a zero-width space
    "Alice\u202e",  # a right-to-left override
    "\u2066Alice\u2069",  # an isolate
    "A\u00adlice",  # a soft hyphen
    "Alice\ufe0f",  # a variation selector
    "ＡＬＩＣＥ",  # full-width letters (NFKC)
    "Alice\u3164",  # a Hangul filler, drawn blank
])
def test_pseudonyms_that_look_the_same_are_the_same(store: Store, lookalike: str) -> None:
    session = store.create_class_session("2nde B", ["l1"])
    store.create_learner(class_session_id=session.id, pseudonym="Alice")
    with pytest.raises(PseudonymTaken):
        store.create_learner(class_session_id=session.id, pseudonym=lookalike)


def test_bidi_controls_cannot_disguise_a_pseudonym(store: Store) -> None:
    session = store.create_class_session("2nde B", ["l1"])
    learner = store.create_learner(class_session_id=session.id, pseudonym="\u202egnp.exe")
    assert learner.pseudonym == "gnp.exe"  # shown as typed, never "exe.png"
    with pytest.raises(ValueError):  # nothing visible: no pseudonym at all
        join_class(store, session.join_code, "\u200b\u200d\u2060")


def test_a_huge_pseudonym_or_class_name_is_refused_unread(store: Store) -> None:
    session = store.create_class_session("2nde B", ["l1"])
    with pytest.raises(ValueError):
        store.create_learner(class_session_id=session.id, pseudonym="A" * 20_000_000)
    with pytest.raises(ValueError):
        store.create_class_session("B" * 20_000_000, ["l1"])
    with pytest.raises(ValueError):
        store.create_class_session("B" * 201, ["l1"])
    assert store.create_class_session("B" * 200 + "\u200b", ["l1"]).name == "B" * 200
