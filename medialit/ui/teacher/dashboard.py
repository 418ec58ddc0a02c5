"""The live dashboard: a class's answers as they arrive, redrawn every 3 s without reloading the page.

The pickers (session, lesson, highlight question, live on/off) are drawn once per full run; the
panels live in an ``st.fragment(run_every="3s")`` that asks for the class and redraws only itself.
The class comes from :func:`~medialit.classroom.live.class_snapshot`: a process-wide copy that a
refresh brings up to date with what changed only (nothing read but a few aggregates when nothing
did), and the same object while nothing changed, so the analyses memoised on it are not computed
again. Long tables show 20 rows a page. The grading queue is part of the fragment, drawn from the
same snapshot, so the "To review" count, the roster's column and the queue always agree; the
answer being graded stays put and what the teacher types in its form survives the refreshes.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from medialit.classroom.data import session_lessons
from medialit.classroom.live import class_snapshot
from medialit.classroom.queue import review_queue
from medialit.format.loader import LoadedLesson
from medialit.i18n import time_text, tr
from medialit.store import get_store
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher import grading, panels
from medialit.ui.teacher.auth import is_teacher, require_teacher
from medialit.ui.teacher.selection import session_picker

URL_PATH = "teacher-dashboard"
REFRESH = "3s"
LESSON_KEY, HEAT_KEY, LIVE_KEY = "dash-lesson", "dash-heat-question", "dash-live"


def page() -> None:
    """The page (guarded: teacher only)."""
    lang = ui_lang()
    require_teacher(lang)
    st.title(tr("class_nav_dashboard", lang))
    klass = session_picker(lang)
    if klass is None:
        return
    lessons, missing = session_lessons(klass)
    if missing:
        st.warning(tr("class_lessons_missing", lang, ids=", ".join(missing)))
    loaded = lesson_picker(lessons, lang)
    question_id = heat_question_picker(loaded, lang) if loaded else None
    live = st.toggle(tr("class_live", lang), value=True, key=LIVE_KEY)
    view = live_view if live else still_view
    view(klass.id, loaded.lesson.id if loaded else None, question_id, lang)


def lesson_picker(lessons: list[LoadedLesson], lang: str) -> LoadedLesson | None:
    if not lessons:
        return None
    by_id = {lo.lesson.id: lo for lo in lessons}
    chosen = st.selectbox(tr("class_lesson_pick", lang), list(by_id), key=LESSON_KEY, filter_mode=None,
                          format_func=lambda i: by_id[i].lesson.title.get(lang, by_id[i].lesson.language))
    return by_id.get(chosen) or lessons[0]


def heat_question_picker(loaded: LoadedLesson, lang: str) -> str | None:
    highlights = [q for q in loaded.lesson.questions if q.marks_text]
    if not highlights:
        return None
    if len(highlights) == 1:
        return highlights[0].id
    names = {q.id: f"{q.id} · {q.prompt.get(lang, loaded.lesson.language)[:60]}" for q in highlights}
    return st.selectbox(tr("class_heat_pick", lang), list(names), format_func=names.__getitem__, key=HEAT_KEY,
                        filter_mode=None)


def draw(class_session_id: int, lesson_id: str | None, question_id: str | None, lang: str) -> None:
    """Read the class from the store and draw every panel (the fragment's body)."""
    if not is_teacher():  # the login may have been revoked (password changed) since the page was drawn
        st.stop()
    data = class_snapshot(get_store(), class_session_id, lang)
    if data is None:
        return
    queue = review_queue(data)
    panels.metrics(data, queue, lang)
    st.caption(tr("class_updated", lang, time=time_text(datetime.now(UTC), lang, seconds=True)))
    query = panels.roster_panel(data, queue, lang)
    grading.section(data, queue, lang)
    loaded = data.lesson(lesson_id) if lesson_id else None
    if loaded is not None:
        panels.items_panel(data, loaded.lesson.id, lang)
    left, right = st.columns([3, 2], gap="large")
    with left:
        if loaded is not None:
            panels.heatmap_panel(data, loaded, question_id, lang)
    with right:
        panels.skills_panel(data, lang)
    panels.ratings_panel(data, lang, query)


live_view = st.fragment(run_every=REFRESH)(draw)
still_view = st.fragment(draw)
