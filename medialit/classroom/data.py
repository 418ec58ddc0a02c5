"""Everything the teacher's views need about one class session, read in a few queries.

No Streamlit: the exports and the tests call :func:`load_class` (a fresh read); the live dashboard
calls :func:`medialit.classroom.live.class_snapshot` (the same data, kept up to date in the process).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd

from medialit.analytics import latest, option_frame, question_frame
from medialit.format.library import Library, library
from medialit.format.loader import LoadedLesson
from medialit.store import ClassSession, Store
from medialit.store.class_feed import class_answers
from medialit.store.classroom import learners_frame, progress_frame

T = TypeVar("T")


@dataclass(frozen=True)
class ClassData:
    """One class session: its lessons (those that load now), answers, learners and progress.

    ``answers`` is the store's answers frame (every attempt; with ``pending``/``held``, see
    :func:`~medialit.store.class_feed.class_answers`); ``questions``/``options`` describe the
    session's lessons, their texts in ``lang``; ``missing`` lists lesson ids of the session that
    cannot be served now. Frozen: what is computed from it is computed once (:meth:`memo`).
    """

    klass: ClassSession
    lang: str
    lessons: tuple[LoadedLesson, ...]
    missing: tuple[str, ...]
    answers: pd.DataFrame
    learners: pd.DataFrame
    progress: pd.DataFrame
    questions: pd.DataFrame
    options: pd.DataFrame
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _memo_lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False, compare=False)

    @cached_property
    def marks(self) -> pd.DataFrame:
        """The marks that count (each learner's latest complete attempt per question), computed once."""
        return self.memo("marks", lambda: latest(self.answers))

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, done once per ``key`` for this data (tabs asking at once wait for the first).

        The live dashboard shares one ClassData between refreshes and tabs while the class does not
        change: an analysis memoised here costs nothing on the next refresh. ``compute`` must depend
        only on this data and on what ``key`` names.
        """
        with self._memo_lock:
            if key not in self._memo:
                self._memo[key] = compute()
            return self._memo[key]  # stored by the same key's compute

    def lesson(self, lesson_id: str) -> LoadedLesson | None:
        return next((loaded for loaded in self.lessons if loaded.lesson.id == lesson_id), None)

    def lesson_title(self, lesson_id: str, lang: str) -> str:
        loaded = self.lesson(lesson_id)
        return loaded.lesson.title.get(lang, loaded.lesson.language) if loaded else lesson_id


def session_lessons(klass: ClassSession, kit: Library | None = None) -> tuple[list[LoadedLesson], list[str]]:
    """The session's lessons that load now (in the session's order), and the ids that do not."""
    kit = kit or library()
    found, missing = [], []
    for lesson_id in klass.lesson_ids:
        loaded = kit.by_id(lesson_id)
        if loaded is None:
            missing.append(lesson_id)
        else:
            found.append(loaded)
    return found, missing


def load_class(store: Store, class_session_id: int, lang: str = "fr", kit: Library | None = None
               ) -> ClassData | None:
    """The class session's data, or None when it does not exist (any more)."""
    klass = store.class_session(class_session_id)
    if klass is None:
        return None
    lessons, missing = session_lessons(klass, kit)
    models = [loaded.lesson for loaded in lessons]
    return ClassData(
        klass=klass,
        lang=lang,
        lessons=tuple(lessons),
        missing=tuple(missing),
        answers=class_answers(store, class_session_id),
        learners=learners_frame(store, class_session_id),
        progress=progress_frame(store, class_session_id),
        questions=question_frame(models, lang),
        options=option_frame(models, lang),
    )
