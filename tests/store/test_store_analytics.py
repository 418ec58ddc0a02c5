"""The dashboard feed (answers_frame) and teacher-login throttling."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event

from medialit.store import Answer, Store
from medialit.store.answer_feed import FRAME_COLUMNS


def test_answers_frame_has_one_row_per_answer(store: Store, answer: Callable[..., Answer]) -> None:
    session = store.create_class_session("5e A", ["l1"])
    other = store.create_class_session("5e B", ["l1"])
    lea = store.create_learner(class_session_id=session.id, pseudonym="Léa")
    tom = store.create_learner(class_session_id=session.id, pseudonym="Tom")
    outsider = store.create_learner(class_session_id=other.id, pseudonym="Max")
    first = answer(lea.id, earned=0.0, needs_review=True)
    answer(lea.id, earned=2.0)
    answer(tom.id, question="q2", earned=1.0, raw={"text": "une source"})
    answer(outsider.id)
    store.override_answer(first.id, 1.5, "partly right")

    frame = store.answers_frame(class_session_id=session.id)
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert len(frame) == 3
    by_attempt = frame[frame.learner_id == lea.id].set_index("attempt")
    assert by_attempt.loc[1, "earned"] == 0.0 and by_attempt.loc[1, "final_earned"] == 1.5
    assert by_attempt.loc[1, "override_comment"] == "partly right" and bool(by_attempt.loc[1, "needs_review"])
    assert by_attempt.loc[2, "final_earned"] == 2.0
    assert frame[frame.learner_id == tom.id].iloc[0]["raw"] == {"text": "une source"}
    assert set(frame.pseudonym) == {"Léa", "Tom"}
    assert str(frame.created_at.dt.tz) == "UTC"

    assert len(store.answers_frame()) == 4
    assert set(store.answers_frame(learner_ids=[tom.id, outsider.id]).learner_id) == {tom.id, outsider.id}
    assert store.answers_frame(class_session_id=session.id, learner_ids=[outsider.id]).empty
    empty = store.answers_frame(learner_ids=[])
    assert empty.empty and list(empty.columns) == list(FRAME_COLUMNS)


def test_answers_frame_is_a_single_query(store: Store, answer: Callable[..., Answer]) -> None:
    session = store.create_class_session("big", ["l1"])
    for n in range(30):
        learner = store.create_learner(class_session_id=session.id, pseudonym=f"p{n}")
        answer(learner.id)
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        frame = store.answers_frame(class_session_id=session.id)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(frame) == 30
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1, statements
