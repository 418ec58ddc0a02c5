"""The public :class:`Store` and the per-process cache :func:`get_store`."""

from __future__ import annotations

import threading

from .answer_feed import AnalyticsMixin
from .answers import AnswerMixin
from .auth import ThrottleMixin
from .classes import ClassSessionMixin
from .engine import resolve_url
from .learners import LearnerMixin
from .progress import ProgressMixin
from .teacher_logins import TeacherLoginMixin


class Store(
    LearnerMixin,
    ClassSessionMixin,
    AnswerMixin,
    ProgressMixin,
    AnalyticsMixin,
    ThrottleMixin,
    TeacherLoginMixin,
):
    """medialit's persistence API over SQLite or PostgreSQL.

    ``Store(url=None)`` connects (URL: argument, else ``$MEDIALIT_DATABASE_URL``, else SQLite in
    ``medialit.paths.data_dir()``) and runs the Alembic migrations to head before returning.
    Thread-safe; every method is its own transaction and, for writes, commits before returning.
    Methods return frozen dataclasses (:mod:`medialit.store.records`), dicts, lists or a
    DataFrame, never ORM objects. Construction is not cheap: use :func:`get_store` in the app.
    """


_STORES: dict[str, Store] = {}
_STORES_GUARD = threading.Lock()


def get_store(url: str | None = None) -> Store:
    """The process-wide Store for ``url`` (resolved as in :class:`Store`), created on first use.

    Cheap after the first call (a dict lookup), so the Streamlit app may call it on every rerun.
    """
    resolved = resolve_url(url)
    store = _STORES.get(resolved)
    if store is not None:
        return store
    with _STORES_GUARD:  # so two first requests do not both build (and migrate) a Store
        store = _STORES.get(resolved)
        if store is None:
            store = _STORES[resolved] = Store(resolved)
        return store


def clear_store_cache() -> None:
    """Forget (and close) every cached Store; for tests and for reconfiguring a process."""
    with _STORES_GUARD:
        stores = list(_STORES.values())
        _STORES.clear()
    for store in stores:
        store.close()
