"""Learners: anonymous resume codes, optional pseudonyms inside a class session."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .codes import LEARNER_CODE_LENGTH, clean_pseudonym, new_code, normalize_code
from .coltypes import utcnow
from .core import StoreCore, rowcount
from .errors import PseudonymTaken, SessionClosed, UnknownClassSession, UnknownLearner
from .models import LANGS, ClassSessionRow, LearnerRow
from .records import Learner

# Retries cover a lost race on the pseudonym (re-checked, then PseudonymTaken) or, with odds of
# about 1 in 10^17 per existing learner, a duplicate random code.
_CREATE_RETRIES = 10


def check_lang(lang: str) -> str:
    """``lang`` if supported, else ValueError."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang


class LearnerMixin(StoreCore):
    """Learner creation and lookup."""

    def create_learner(
        self, lang: str = "fr", class_session_id: int | None = None, pseudonym: str | None = None
    ) -> Learner:
        """Create a learner with a fresh unique resume code.

        Raises UnknownClassSession for a missing session, SessionClosed when it is closed,
        PseudonymTaken when the pseudonym (compared case-insensitively, spaces collapsed) is
        already used in that session, ValueError for an unsupported ``lang``.
        """
        check_lang(lang)
        cleaned = clean_pseudonym(pseudonym)
        display, key = cleaned if cleaned else (None, None)

        def work(session: Session) -> Learner:
            if class_session_id is not None:
                # FOR SHARE on PostgreSQL: a concurrent close waits for this join to finish.
                row = session.get(ClassSessionRow, class_session_id, with_for_update={"read": True})
                if row is None:
                    raise UnknownClassSession(f"no class session {class_session_id}")
                if row.status != "open":
                    raise SessionClosed(class_session_id)
                if key is not None and _pseudonym_used(session, class_session_id, key):
                    raise PseudonymTaken(display or "")
            now = utcnow()
            learner = LearnerRow(
                code=_unused_code(session),
                pseudonym=display,
                pseudonym_key=key,
                class_session_id=class_session_id,
                lang=lang,
                created_at=now,
                last_seen_at=now,
            )
            session.add(learner)
            session.flush()
            return Learner.from_row(learner)

        return self._write(work, integrity_retries=_CREATE_RETRIES)

    def learner(self, learner_id: int) -> Learner | None:
        """The learner with that id, or None."""
        with self._read() as session:
            row = session.get(LearnerRow, learner_id)
            return Learner.from_row(row) if row else None

    def learner_by_code(self, code: str) -> Learner | None:
        """The learner whose resume code matches ``code`` (case, spaces and dashes ignored).

        Codes of any length handed out so far match (6 characters before, 12 now). Guessing is
        throttled by the callers (:mod:`medialit.store.auth`), not here.
        """
        wanted = normalize_code(code)
        if not wanted:
            return None
        with self._read() as session:
            row = session.scalars(select(LearnerRow).where(LearnerRow.code == wanted)).first()
            return Learner.from_row(row) if row else None

    def leave_class(self, learner_id: int) -> Learner:
        """Record that the learner left their class session (idempotent: the first time is kept).

        The learner stays in the session's lists with every answer given so far; they answer no more
        there (``record_answer`` raises SessionClosed). Raises UnknownLearner.
        """

        def work(session: Session) -> Learner | None:
            row = session.get(LearnerRow, learner_id, with_for_update=True)
            if row is None:
                return None
            if row.class_session_id is not None and row.left_at is None:
                row.left_at = utcnow()
            session.flush()
            return Learner.from_row(row)

        learner = self._write(work)
        if learner is None:
            raise UnknownLearner(f"no learner {learner_id}")
        return learner

    def touch_learner(self, learner_id: int) -> None:
        """Record that the learner was just active. Raises UnknownLearner if it no longer exists."""
        self._update_learner(learner_id, last_seen_at=utcnow())

    def set_learner_lang(self, learner_id: int, lang: str) -> None:
        """Change the learner's interface language ("fr"/"en"). Raises UnknownLearner/ValueError."""
        self._update_learner(learner_id, lang=check_lang(lang))

    def _update_learner(self, learner_id: int, **values: object) -> None:
        def work(session: Session) -> int:
            stmt = update(LearnerRow).where(LearnerRow.id == learner_id).values(**values)
            return rowcount(session.execute(stmt))

        if not self._write(work):
            raise UnknownLearner(f"no learner {learner_id}")


def _pseudonym_used(session: Session, class_session_id: int, key: str) -> bool:
    stmt = select(LearnerRow.id).where(LearnerRow.class_session_id == class_session_id, LearnerRow.pseudonym_key == key)
    return session.scalars(stmt).first() is not None


def _unused_code(session: Session) -> str:
    """A random learner code not yet in use (checked, so a collision never reaches the INSERT)."""
    while True:
        code = new_code(LEARNER_CODE_LENGTH)
        if session.scalars(select(LearnerRow.id).where(LearnerRow.code == code)).first() is None:
            return code
