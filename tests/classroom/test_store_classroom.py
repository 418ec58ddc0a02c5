"""The classroom reads and rules over the store: joining, closed sessions, the class frames."""

from __future__ import annotations

import pytest
from classkit import LESSON, answer

from medialit.store import PseudonymTaken, SessionClosed, UnknownClassSession
from medialit.store.classroom import (
    LEARNER_COLUMNS,
    PROGRESS_COLUMNS,
    accepts_answers,
    answers_by_ids,
    check_accepts_answers,
    join_class,
    learners_frame,
    progress_frame,
)


def test_joining_by_code_forgives_case_and_dashes_and_refuses_what_it_must(store):
    klass = store.create_class_session("2nde B", [LESSON])
    code = klass.join_code
    joined, learner = join_class(store, f"{code[:3].lower()}-{code[3:]}", "Renard")
    assert (joined.id, learner.class_session_id, learner.pseudonym) == (klass.id, klass.id, "Renard")
    with pytest.raises(PseudonymTaken):
        join_class(store, code, "RENARD")
    with pytest.raises(UnknownClassSession):
        join_class(store, "ZZZZZZ", "Hibou")
    with pytest.raises(ValueError):
        join_class(store, code, "   ")
    store.set_class_session_status(klass.id, "closed")
    with pytest.raises(SessionClosed):
        join_class(store, code, "Hibou")


def test_a_closed_session_takes_no_answers_and_self_study_always_does(store):
    klass = store.create_class_session("2nde B", [LESSON])
    pupil = join_class(store, klass.join_code, "Renard")[1]
    alone = store.create_learner("fr")
    assert accepts_answers(store, pupil.id) and accepts_answers(store, alone.id)
    store.set_class_session_status(klass.id, "closed")
    assert not accepts_answers(store, pupil.id) and accepts_answers(store, alone.id)
    with pytest.raises(SessionClosed):
        check_accepts_answers(store, pupil)
    check_accepts_answers(store, alone)


def test_class_frames_list_learners_in_joining_order_and_their_progress(store, kit):
    klass = store.create_class_session("2nde B", [LESSON])
    other = store.create_class_session("2nde C", [LESSON])
    ids = [join_class(store, klass.join_code, name)[1].id for name in ("Renard", "Hibou")]
    join_class(store, other.join_code, "Loutre")
    store.set_progress(ids[1], LESSON, 3)
    learners = learners_frame(store, klass.id)
    assert list(learners.columns) == LEARNER_COLUMNS
    assert learners["pseudonym"].tolist() == ["Renard", "Hibou"]
    progress = progress_frame(store, klass.id)
    assert list(progress.columns) == PROGRESS_COLUMNS
    assert progress[["learner_id", "current_index"]].values.tolist() == [[ids[1], 3]]
    assert str(progress["updated_at"].dt.tz) == "UTC"


def test_answers_by_ids_reads_several_answers_at_once(store, kit):
    klass = store.create_class_session("2nde B", [LESSON])
    learner = join_class(store, klass.join_code, "Renard")[1].id
    first = answer(store, kit.by_id(LESSON), learner, "first-impression", {"value": 3})
    found = answers_by_ids(store, [first.id, 999])
    assert list(found) == [first.id] and found[first.id].raw == {"value": 3}
    assert answers_by_ids(store, []) == {}
