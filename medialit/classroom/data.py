"""Everything the teacher's views need about one class session, read in a few queries.

No Streamlit: the dashboard, the exports and the tests all call :func:`load_class`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from medialit.analytics import latest, option_frame, question_frame
from medialit.format.library import Library, library
from medialit.format.loader import LoadedLesson
from medialit.store import ClassSession, Store
from medialit.store.classroom import learners_frame, progress_frame


@dataclass(frozen=True)
class ClassData:
    """One class session: its lessons (those that load now), answers, learners and progress.

    ``answers`` is the store's answers frame (every attempt); ``questions``/``options`` describe
    the session's lessons, their texts in ``lang``; ``missing`` lists lesson ids of the session that
    cannot be served now.
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

    @cached_property
    def marks(self) -> pd.DataFrame:
        """The marks that count (each learner's latest complete attempt per question), computed once."""
        return latest(self.answers)

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
        answers=store.answers_frame(class_session_id=class_session_id),
        learners=learners_frame(store, class_session_id),
        progress=progress_frame(store, class_session_id),
        questions=question_frame(models, lang),
        options=option_frame(models, lang),
    )
