"""The grading queue: written answers waiting for the teacher, and the card to grade one of them.

Part of the dashboard's live view (same snapshot of the class, redrawn every few seconds), so the
"To review" count, the roster's per-student count and this queue always agree. The queue lists the
answers that count, flagged for review and not graded yet: those the scorer **held** (no automatic
point until the teacher grades: off topic, seemingly reversed, a bare keyword list) first, with why,
then the oldest first. The table and the picker show one page of 20 (a school year can hold
thousands); one card at a time is open for grading: it stays pinned while the list around it
refreshes, even when newer held answers push it to another page (what is typed in its form is kept
across refreshes; Streamlit keeps unsent form input), and after *Save the grade* the next answer of
the page opens. The queue itself is computed once per snapshot of the class
(:func:`medialit.classroom.queue.review_queue`).

The automatic score is never changed: the override (points + a comment the student sees within a
few seconds) is kept beside it, and can be removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from medialit.analytics import typed_rows
from medialit.classroom.csv_export import question_label
from medialit.classroom.data import ClassData
from medialit.classroom.queue import held_reason, review_queue, written_answers
from medialit.format.text import escape_markdown
from medialit.i18n import time_text, tr
from medialit.limits import COMMENT_MAX
from medialit.questions.registry import kind_of
from medialit.store import Answer, get_store
from medialit.store.classroom import answers_by_ids
from medialit.ui.teacher import paging
from medialit.ui.teacher.auth import is_teacher

__all__ = ["held_reason", "review_queue", "section", "written_answers"]

FILTERS = {"todo": "class_filter_todo", "all": "class_filter_all"}
HELD_KEYS = {"off_topic": "class_held_off_topic", "reversed": "class_held_reversed",
             "keyword_list": "class_held_keywords"}
FILTER_KEY, PICK_KEY, PAGE_KEY = "grading-filter", "grading-pick", "grading-page"
ICONS = {"right": "✓", "missed": "–", "wrong": "✗", "partial": "◐"}  # glyphs every text font has


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One row of :func:`review_queue` (the columns a line of the queue shows)."""

    answer_id: int
    pseudonym: str | None
    lesson_id: str
    lesson_order: int
    question_id: str
    order: int
    prompt: str
    created_at: datetime
    held: str
    graded: bool


def section(data: ClassData, queue: pd.DataFrame, lang: str) -> None:
    """The queue (``review_queue(data)``, the same the dashboard counts), one page of it, and the open card.

    Drawn inside the dashboard's live fragment.
    """
    st.subheader(tr("class_grading_n", lang, n=len(queue)))
    choice = st.segmented_control(tr("class_grading_filter", lang), ["todo", "all"], default="todo", key=FILTER_KEY,
                                  format_func=lambda v: tr(FILTERS[v], lang), required=True,
                                  on_change=paging.first_page, args=(PAGE_KEY,))
    rows = queue if choice != "all" else review_queue(data, only_to_review=False)
    if rows.empty:
        st.caption(tr("class_grading_empty", lang))
        return
    shown = paging.current(rows, PAGE_KEY)
    table, lines, labels = data.memo(("queue_page", choice, shown.start, shown.stop, shown.total, lang),
                                     lambda: queue_page(data, shown.rows, lang))
    st.table(table, hide_index=True, alt=tr("class_grading_alt", lang))
    paging.controls(shown, PAGE_KEY, lang)
    open_id = st.session_state.get(PICK_KEY)
    if open_id not in lines:
        pinned = rows[rows["answer_id"] == open_id] if isinstance(open_id, int) else rows.iloc[0:0]
        if len(pinned):  # still waiting, on another page now (newer held answers came first): it stays open
            row = next(typed_rows(pinned, QueueRow))
            lines = {**lines, int(row.answer_id): row}
            labels = {**labels, int(row.answer_id): line_label(data, row, lang)}
        else:  # graded meanwhile (or the filter changed): the first of the page
            st.session_state[PICK_KEY] = next(iter(lines))
    picked = st.selectbox(tr("class_grading_pick", lang), list(lines), key=PICK_KEY, format_func=labels.__getitem__,
                          filter_mode=None)
    answer = answers_by_ids(get_store(), [picked]).get(picked)
    if answer is not None:
        card(data, lines[picked], answer, lang)


def line_label(data: ClassData, row: QueueRow, lang: str) -> str:
    """"Renard · L1 Q5 · off topic" (what the picker lists)."""
    why = tr(HELD_KEYS.get(row.held, "class_held_unsure"), lang) if row.held else (
        tr("class_graded", lang) if row.graded else tr("class_to_read", lang))
    where = question_label(row.lesson_order, row.order, len(data.lessons) > 1, lang)
    return f"{row.pseudonym or '?'} · {where} · {why}"


def queue_page(data: ClassData, rows: pd.DataFrame, lang: str
               ) -> tuple[pd.DataFrame, dict[int, QueueRow], dict[int, str]]:
    """One page of the queue: as a table, its lines by answer id, and their labels in the picker."""
    several = len(data.lessons) > 1
    shown = list(typed_rows(rows, QueueRow))
    table = pd.DataFrame({
        tr("class_col_pseudonym", lang): [escape_markdown(r.pseudonym or "?") for r in shown],
        tr("class_col_question", lang): [question_label(r.lesson_order, r.order, several, lang) for r in shown],
        tr("class_col_why", lang): [
            f"**{tr(HELD_KEYS.get(r.held, 'class_held_unsure'), lang)}**" if r.held
            else tr("class_graded", lang) if r.graded else tr("class_to_read", lang) for r in shown],
        tr("class_col_since", lang): [time_text(r.created_at, lang) for r in shown],
    })
    lines = {int(r.answer_id): r for r in shown}
    return table, lines, {answer_id: line_label(data, row, lang) for answer_id, row in lines.items()}


def card(data: ClassData, row: QueueRow, answer: Answer, lang: str) -> None:
    """One written answer: who, the question, the text, why it waits, the automatic score explained, the form."""
    with st.container(border=True, key=f"grade-card-{answer.id}"):
        st.markdown(tr("class_answer_header", lang, name=escape_markdown(row.pseudonym or "?"),
                       lesson=escape_markdown(data.lesson_title(row.lesson_id, lang)),
                       question=question_label(row.lesson_order, row.order, len(data.lessons) > 1, lang)))
        st.markdown(str(row.prompt))  # a prompt may quote the document (a blockquote): too pale in a caption
        loaded = data.lesson(row.lesson_id)
        q = loaded.lesson.question(row.question_id) if loaded else None
        if loaded is not None and q is not None:
            st.markdown(kind_of(q).widget.given(q, loaded, answer, lang))
        result = answer.result or {}
        held = held_reason(answer)
        if held:
            would = float((result.get("extra") or {}).get("auto_earned", 0.0))
            st.warning(tr("class_held_note", lang, why=tr(HELD_KEYS.get(held, "class_held_unsure"), lang),
                          pts=would, max=float(answer.possible)))
        st.markdown(tr("class_auto_score", lang, pts=float(answer.earned), max=float(answer.possible)))
        if result.get("how"):
            st.caption(result["how"])
        parts = [f"{ICONS.get(p.get('verdict'), '•')} {p.get('label', '')}" for p in result.get("parts", [])]
        if parts:
            st.caption(" · ".join(parts))
        if answer.overridden:
            st.info(tr("class_teacher_score", lang, pts=float(answer.final_earned), max=float(answer.possible)))
        override_form(answer, row.pseudonym or "?", lang)


def override_form(answer: Answer, name: str, lang: str) -> None:
    with st.form(f"grade-{answer.id}", border=False):
        st.number_input(tr("class_override_points", lang, max=float(answer.possible)), min_value=0.0,
                        max_value=float(answer.possible), step=0.25, value=float(answer.final_earned),
                        key=f"grade-points-{answer.id}")
        st.text_area(tr("class_override_comment", lang), value=answer.override_comment or "", height=80,
                     key=f"grade-comment-{answer.id}", max_chars=COMMENT_MAX)
        st.form_submit_button(
            tr("class_save_grade", lang),
            type="primary",
            key=f"grade-save-{answer.id}",
            on_click=_save,
            args=(answer.id, name, lang),
        )
    if answer.overridden:
        st.button(tr("class_remove_override", lang), key=f"grade-reset-{answer.id}", on_click=_reset, args=(answer.id,))


def _save(answer_id: int, name: str, lang: str) -> None:
    if not is_teacher():
        return
    points = st.session_state.get(f"grade-points-{answer_id}")
    if points is None:  # the form's state is gone (an expired session): there is nothing to save
        return
    comment = (st.session_state.get(f"grade-comment-{answer_id}") or "")[:COMMENT_MAX] or None
    get_store().override_answer(answer_id, float(points), comment)
    st.toast(tr("class_saved", lang, name=escape_markdown(name)))


def _reset(answer_id: int) -> None:
    if is_teacher():
        get_store().override_answer(answer_id, None, None)
