"""The live feed of one class session: what changed since the last look, read in cheap queries.

The teacher's dashboard looks at a class every few seconds. Reading every answer each time cost
seconds with a school year of answers; instead it asks :func:`class_signature` (a few aggregate
queries answered from indexes) and, when something changed, reads only that:

- new answers: :func:`class_answers` with ``after_id`` (the ids above the largest one seen);
  when the count of answers is not what the cached rows plus the new ones make (a transaction
  that committed late with a smaller id, on PostgreSQL), :func:`class_answer_ids` says which;
- grades: :func:`class_overrides`, the override columns of the class's graded answers only
  (the signature's override part is global and served by the index on ``override_at``);
- learners and progress: small tables, read again whole (:mod:`.classroom`).

A learner's self-assessment (``self_earned``) is not in the frames, so it is not watched. An
automatic score replaced by :meth:`Store.rescore_answer` changes no watched column: the
dashboard shows it when the class next changes otherwise (the app never rescores a class's
answers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, case, func, select

from .answer_feed import FRAME_COLUMNS, answer_select, answers_to_frame
from .models import AnswerRow, LearnerRow, ProgressRow

if TYPE_CHECKING:
    import pandas as pd

    from .api import Store

CLASS_FRAME_COLUMNS = (*FRAME_COLUMNS, "pending", "held")
OVERRIDE_COLUMNS = ("answer_id", "override_earned", "override_comment", "override_at")


@dataclass(frozen=True)
class ClassSignature:
    """Cheap aggregates that change whenever what the dashboard shows of a class changes.

    ``answers``: the class's answer count and largest id; ``overrides``: every graded answer's count
    and latest grade time (all classes: the index answers it without reading the table);
    ``learners``: count, latest join, count and latest of those who left, latest seen;
    ``progress``: count and latest update of the class's progress rows.
    """

    answers: tuple[int, int]
    overrides: tuple[int, Any]
    learners: tuple[Any, ...]
    progress: tuple[int, Any]


def class_signature(store: Store, class_session_id: int) -> ClassSignature:
    """The :class:`ClassSignature` of the class session now (four small queries, one read transaction)."""
    a, learner, p = AnswerRow, LearnerRow, ProgressRow
    in_class = learner.class_session_id == class_session_id
    answers = select(func.count(), func.max(a.id)).join(learner, learner.id == a.learner_id).where(in_class)
    overrides = select(func.count(), func.max(a.override_at)).where(a.override_at.is_not(None))
    learners = select(func.count(), func.max(learner.created_at), func.count(learner.left_at),
                      func.max(learner.left_at), func.max(learner.last_seen_at)).where(in_class)
    progress = select(func.count(), func.max(p.updated_at)).join(learner, learner.id == p.learner_id).where(in_class)
    with store._read() as session:
        count, top = session.execute(answers).one()
        graded, graded_at = session.execute(overrides).one()
        people = tuple(session.execute(learners).one())
        steps, step_at = session.execute(progress).one()
    return ClassSignature((int(count), int(top or 0)), (int(graded), graded_at), people, (int(steps), step_at))


def _class_select(class_session_id: int, by_answer_id: bool) -> Select[*tuple[Any, ...]]:
    a = AnswerRow
    # Only an answer flagged for review can be held (the scorer flags what it holds): the other rows'
    # results (1-2 KB of JSON each) are not parsed, a tenth of the time a school year's read takes.
    pending = case((a.needs_review, a.result["pending"].as_boolean()), else_=None)
    held = case((a.needs_review, a.result[("extra", "held")].as_string()), else_=None)
    return (answer_select(pending.label("pending"), held.label("held"), by_answer_id=by_answer_id)
            .where(LearnerRow.class_session_id == class_session_id))


def class_answers(store: Store, class_session_id: int, *, after_id: int | None = None,
                  answer_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """The class's answers (every attempt), columns :data:`CLASS_FRAME_COLUMNS`, oldest first.

    :data:`~.answer_feed.FRAME_COLUMNS` plus what the grading queue needs of the scorer's result:
    ``pending`` (True when the scorer held the answer for the teacher: no automatic point yet) and
    ``held`` (why, or None). ``after_id`` keeps the answers whose id is larger; ``answer_ids`` those ids.
    """
    stmt = _class_select(class_session_id, by_answer_id=after_id is not None or answer_ids is not None)
    if after_id is not None:
        stmt = stmt.where(AnswerRow.id > after_id)
    if answer_ids is not None:
        stmt = stmt.where(AnswerRow.id.in_(list(answer_ids)))
    with store._read() as session:
        rows = session.connection().execute(stmt).all()
    frame = answers_to_frame(rows, CLASS_FRAME_COLUMNS)
    frame["pending"] = frame["pending"].fillna(False).astype(bool)
    frame["held"] = frame["held"].astype(object).where(frame["held"].notna(), None)
    return frame


def class_answer_ids(store: Store, class_session_id: int) -> set[int]:
    """The ids of the class's answers (read from the indexes alone)."""
    stmt = (select(AnswerRow.id).join(LearnerRow, LearnerRow.id == AnswerRow.learner_id)
            .where(LearnerRow.class_session_id == class_session_id))
    with store._read() as session:
        return {int(i) for i in session.scalars(stmt)}


def class_overrides(store: Store, class_session_id: int) -> pd.DataFrame:
    """The teacher's grades in the class: one row per graded answer, columns :data:`OVERRIDE_COLUMNS`."""
    import pandas as pd

    a = AnswerRow
    stmt = (select(a.id, a.override_earned, a.override_comment, a.override_at)
            .join(LearnerRow, LearnerRow.id == a.learner_id)
            .where(LearnerRow.class_session_id == class_session_id, a.override_at.is_not(None)))
    with store._read() as session:
        rows = [tuple(row) for row in session.execute(stmt)]
    frame = pd.DataFrame.from_records(rows, columns=list(OVERRIDE_COLUMNS))
    frame["override_at"] = pd.to_datetime(frame["override_at"], utc=True).astype("datetime64[us, UTC]")
    return frame

