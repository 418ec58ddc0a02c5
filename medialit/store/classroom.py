"""Classroom reads and rules on top of the Store: the class's learners and progress as frames,
joining a class by its code, and whether a learner's answers may still be recorded.

Free functions over a :class:`~medialit.store.Store` (no schema change): the teacher dashboard
polls :func:`learners_frame` and :func:`progress_frame` every few seconds, one SELECT each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from .codes import clean_pseudonym
from .errors import SessionClosed, UnknownClassSession
from .models import AnswerRow, ClassSessionRow, LearnerRow, ProgressRow
from .records import Answer, ClassSession, Learner

if TYPE_CHECKING:
    import pandas as pd

    from .api import Store

LEARNER_COLUMNS = ["learner_id", "pseudonym", "code", "joined_at", "last_seen_at", "left_at"]
PROGRESS_COLUMNS = ["learner_id", "lesson_id", "current_index", "updated_at", "finished_at"]


def learners_frame(store: Store, class_session_id: int) -> pd.DataFrame:
    """The session's learners in joining order, columns :data:`LEARNER_COLUMNS` (one SELECT).

    Learners who left are listed too (``left_at`` set): their answers still count for the class.
    """
    stmt = (
        select(LearnerRow.id, LearnerRow.pseudonym, LearnerRow.code, LearnerRow.created_at, LearnerRow.last_seen_at,
               LearnerRow.left_at)
        .where(LearnerRow.class_session_id == class_session_id)
        .order_by(LearnerRow.created_at, LearnerRow.id)
    )
    with store._read() as session:
        rows = [tuple(row) for row in session.execute(stmt)]
    return _frame(rows, LEARNER_COLUMNS, ("joined_at", "last_seen_at", "left_at"))


def progress_frame(store: Store, class_session_id: int) -> pd.DataFrame:
    """Where each learner of the session is in each lesson, columns :data:`PROGRESS_COLUMNS`."""
    stmt = (
        select(ProgressRow.learner_id, ProgressRow.lesson_id, ProgressRow.current_index, ProgressRow.updated_at,
               ProgressRow.finished_at)
        .join(LearnerRow, LearnerRow.id == ProgressRow.learner_id)
        .where(LearnerRow.class_session_id == class_session_id)
    )
    with store._read() as session:
        rows = [tuple(row) for row in session.execute(stmt)]
    return _frame(rows, PROGRESS_COLUMNS, ("updated_at", "finished_at"))


def _frame(rows: list[tuple], columns: list[str], times: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in times:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def accepts_answers(store: Store, learner_id: int) -> bool:
    """False when the learner's class session is closed or the learner left it (self-study: always True)."""
    stmt = (
        select(ClassSessionRow.status, LearnerRow.left_at)
        .join(LearnerRow, LearnerRow.class_session_id == ClassSessionRow.id)
        .where(LearnerRow.id == learner_id)
    )
    with store._read() as session:
        row = session.execute(stmt).first()
    return row is None or (row[0] == "open" and row[1] is None)


def check_accepts_answers(store: Store, learner: Learner) -> None:
    """Raise :class:`SessionClosed` when ``learner``'s class session no longer takes answers.

    The student app calls this before ``record_answer``: a closed session records nothing new.
    """
    if learner.class_session_id is not None and not accepts_answers(store, learner.id):
        raise SessionClosed(learner.class_session_id, left=learner.left_at is not None)


def join_class(store: Store, code: str, pseudonym: str, lang: str = "fr") -> tuple[ClassSession, Learner]:
    """A new learner in the session whose join code is ``code``, under ``pseudonym``.

    Raises UnknownClassSession (no such code), SessionClosed, PseudonymTaken (used in that
    session, compared case-insensitively), ValueError (blank or too long pseudonym).
    """
    if clean_pseudonym(pseudonym) is None:
        raise ValueError("a pseudonym is needed to join a class")
    klass = store.class_session_by_code(code)
    if klass is None:
        raise UnknownClassSession(f"no class session with the code {code!r}")
    if not klass.is_open:
        raise SessionClosed(klass.id)
    return klass, store.create_learner(lang, class_session_id=klass.id, pseudonym=pseudonym)


def answers_by_ids(store: Store, answer_ids: list[int]) -> dict[int, Answer]:
    """``{id: Answer}`` for the given ids (missing ids are left out), in one SELECT."""
    if not answer_ids:
        return {}
    stmt = select(AnswerRow).where(AnswerRow.id.in_(list(answer_ids)))
    with store._read() as session:
        return {row.id: Answer.from_row(row) for row in session.scalars(stmt)}
