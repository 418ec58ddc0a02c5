"""Exceptions raised by the store.

Every error the store raises on purpose derives from :class:`StoreError`, so callers can catch the
whole family at once. Lookup failures are also :class:`LookupError` so generic handlers work.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every deliberate store error."""


class PseudonymTaken(StoreError):
    """The pseudonym is already used (case-insensitively) in that class session."""

    def __init__(self, pseudonym: str) -> None:
        super().__init__(f"pseudonym already taken in this class session: {pseudonym!r}")
        self.pseudonym = pseudonym


class SessionClosed(StoreError):
    """The class session is closed: it accepts no new learners (nor answers). ``left``: it is still
    open, but this learner left it, so it takes no more answers from them."""

    def __init__(self, class_session_id: int, left: bool = False) -> None:
        state = "was left by this learner" if left else "is closed"
        super().__init__(f"class session {class_session_id} {state}")
        self.class_session_id = class_session_id
        self.left = left


class NotFound(StoreError, LookupError):
    """A row the caller referred to by id does not exist (or no longer does)."""


class UnknownLearner(NotFound):
    """No learner with that id."""


class UnknownClassSession(NotFound):
    """No class session with that id."""


class UnknownAnswer(NotFound):
    """No answer with that id."""


class AttemptTaken(StoreError):
    """The attempt the caller meant to store was already stored (another tab, a double click)."""

    def __init__(self, expected: int, stored: int) -> None:
        super().__init__(f"attempt {expected} was expected but {stored} attempt(s) are already stored")
        self.expected = expected
        self.stored = stored
