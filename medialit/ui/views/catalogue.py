"""The catalogue: every lesson and drill that can be served, as cards with the student's progress.

Files with errors are left out (the teacher sees them with ``medialit validate``); the others are
served as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from medialit.format.dates import shown_date
from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.store import Answer, get_store
from medialit.ui import actions, keys
from medialit.ui.derived import memo, skills
from medialit.ui.learner_bar import learner_class
from medialit.ui.state import current_learner

SECTION_KEYS = {"lesson": "ui_section_lesson", "drill": "ui_section_drill"}

COLUMNS = 3


@dataclass(frozen=True)
class CardProgress:
    """How far the student is in one lesson."""

    answered: int = 0
    earned: float = 0.0
    started: bool = False
    finished: bool = False


def page(lang: str) -> None:
    st.title(tr("ui_catalogue_title", lang))
    st.markdown(tr("ui_catalogue_intro", lang))
    lessons = offered_lessons()
    if not lessons:
        st.info(tr("ui_no_lessons", lang))
        return
    progress = learner_progress(lessons)
    for kind in ("lesson", "drill"):
        items = [lesson for lesson in lessons if lesson.lesson.kind == kind]
        if items:
            st.header(tr(SECTION_KEYS[kind], lang))
            grid(items, progress, lang)


def offered_lessons() -> list[LoadedLesson]:
    """What the student may open: their class session's lessons (in its order) while they belong to one,
    else every lesson and drill that can be served."""
    learner = current_learner()
    klass = learner_class(learner) if learner is not None and learner.in_class else None
    if klass is None:
        return library().published()
    # Not classroom.data.session_lessons: that module brings pandas into every student page's first load.
    return [loaded for lesson_id in klass.lesson_ids
            if (loaded := library().by_id(lesson_id)) is not None and not loaded.lesson.is_draft]


def learner_progress(lessons: list[LoadedLesson]) -> dict[str, CardProgress]:
    """Per lesson: questions answered, points earned (teacher overrides count), started, finished."""
    learner = current_learner()
    if learner is None:
        return {}
    store = get_store()
    latest: dict[tuple[str, str], Answer] = {}
    for answer in store.answers(learner.id):
        latest[(answer.lesson_id, answer.question_id)] = answer
    started = store.all_progress(learner.id)
    out = {}
    for loaded in lessons:
        lesson = loaded.lesson
        mine = [latest[(lesson.id, q.id)] for q in lesson.questions if (lesson.id, q.id) in latest]
        scored = {q.id for q in lesson.questions if q.is_scored()}
        out[lesson.id] = CardProgress(
            answered=len(mine),
            earned=sum(a.final_earned for a in mine if a.question_id in scored),
            started=lesson.id in started or bool(mine),
            finished=bool(started.get(lesson.id) and started[lesson.id].finished),
        )
    return out


def grid(items: list[LoadedLesson], progress: dict[str, CardProgress], lang: str) -> None:
    """The cards in ``COLUMNS`` columns, card ``i`` in column ``i % COLUMNS`` (one row of columns per
    section: every block and element costs each student's first load)."""
    columns = st.columns(COLUMNS)
    for i, loaded in enumerate(items):
        with columns[i % COLUMNS]:
            card(loaded, progress.get(loaded.lesson.id, CardProgress()), lang)


def card_text(loaded: LoadedLesson, mine: CardProgress, lang: str) -> str:
    """A card's words as ONE Markdown element: title, skill badges, source, length, and "not started"."""
    lesson, ref = loaded.lesson, loaded.lesson.document
    badges = [f":blue-badge[{name}]" for _, name in skills(loaded, lang)]
    if ref is not None and ref.written_for_kit:
        badges.insert(0, f":violet-badge[{tr('ui_written_for_kit', lang)}]")
    small = []
    if ref is not None:
        missing = tr("ui_not_given", lang)
        small.append(tr("ui_card_source", lang, outlet=ref.outlet or missing,
                               date=shown_date(ref.date, lang, keep_printed=False) or missing))
    small.append(" · ".join((tr("ui_minutes", lang, n=lesson.duration_minutes), loaded.t(lesson.level, lang),
                             tr("ui_n_questions", lang, n=len(lesson.questions)))))
    if not mine.answered:
        small.append(tr("ui_not_started", lang))
    lines = "  \n".join(f":small[:gray[{text}]]" for text in small)
    return f"#### {loaded.t(lesson.title, lang)}\n\n{' '.join(badges)}\n\n{lines}"  # a card title, not a section


def card(loaded: LoadedLesson, mine: CardProgress, lang: str) -> None:
    """One lesson: what it is about, how long, and where the student stands."""
    lesson = loaded.lesson
    with st.container(border=True):
        # Every first visit shows the same "not started" cards: their text is made once per lesson version.
        fresh = mine == CardProgress()
        text = memo(loaded, "catalogue-card", lang, make=lambda: card_text(loaded, mine, lang)) if fresh \
            else card_text(loaded, mine, lang)
        st.markdown(text)
        n, total = len(lesson.questions), lesson.total_points()
        if mine.answered:
            score = tr("ui_score_of", lang, pts=float(mine.earned), max=float(total)) if total else ""
            st.progress(mine.answered / n, text=" · ".join(
                x for x in (tr("ui_answered_of", lang, done=mine.answered, total=n), score) if x))
        label = "ui_review" if mine.finished else "ui_continue" if mine.started else "ui_start"
        st.button(tr(label, lang), key=keys.open_lesson(lesson.id), on_click=actions.open_lesson,
                  args=(lesson.id,), type="secondary" if mine.finished else "primary", width="stretch")
