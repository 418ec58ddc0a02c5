"""medialit's storage layer: learners, class sessions, answers, progress, hints.

Use :func:`get_store` (one cached :class:`Store` per database URL per process). The schema is
managed by Alembic migrations shipped in ``medialit/store/migrations``; a Store upgrades the
database to head when it is created. See ``api.py`` for the method list and contracts.
"""

from __future__ import annotations

from .api import Store, clear_store_cache, get_store
from .codes import ALPHABET, CODE_LENGTH, display_code, normalize_code
from .errors import (
    AttemptTaken,
    NotFound,
    PseudonymTaken,
    SessionClosed,
    StoreError,
    UnknownAnswer,
    UnknownClassSession,
    UnknownLearner,
)
from .records import Answer, ClassSession, Learner, Progress

__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "Answer",
    "AttemptTaken",
    "ClassSession",
    "Learner",
    "NotFound",
    "Progress",
    "PseudonymTaken",
    "SessionClosed",
    "Store",
    "StoreError",
    "UnknownAnswer",
    "UnknownClassSession",
    "UnknownLearner",
    "clear_store_cache",
    "display_code",
    "get_store",
    "normalize_code",
]
