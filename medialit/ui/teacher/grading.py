"""The grading queue: written answers waiting for the teacher, and the card to grade one of them.

Part of the dashboard's live view (same snapshot of the class, redrawn every few seconds), so the
"To review" count, the roster's per-student count and this queue always agree. The queue lists the
answers that count, flagged for review and not graded yet: those the scorer **held** (no automatic
point until the teacher grades: off topic, seemingly reversed, a bare keyword list) first, with why,
then the oldest first. One card at a time is open for grading: it stays pinned while the list around
it refreshes (what is typed in its form is kept across refreshes; Streamlit keeps unsent form input),
and after *Save the grade* the next answer in the queue opens.

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
from medialit.format.text import escape_markdown
from medialit.i18n import time_text, tr
from medialit.limits import COMMENT_MAX
from medialit.questions.registry import kind_of
from medialit.store import Answer, get_store
from medialit.store.classroom import answers_by_ids
from medialit.ui.teacher.auth import is_teacher

FILTERS = {"todo": "class_filter_todo", "all": "class_filter_all"}
HELD_KEYS = {"off_topic": "class_held_off_topic", "reversed": "class_held_reversed",
             "keyword_list": "class_held_keywords"}
FILTER_KEY, PICK_KEY = "grading-filter", "grading-pick"
SHOWN_ROWS = 8  # rows of the queue table; the picker lists them all
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


def written_answers(data: ClassData, only_to_review: bool) -> pd.DataFrame:
    """The answers that count and are flagged for the teacher's review (``only_to_review``: not graded yet)."""
    asked = data.questions[["lesson_id", "lesson_order", "question_id", "order", "prompt"]]
    rows = data.marks.merge(asked, on=["lesson_id", "question_id"], how="inner")
    rows = rows[rows["needs_review"]]
    if only_to_review:
        rows = rows[rows["override_at"].isna()]
    return rows.assign(graded=rows["override_at"].notna()).reset_index(drop=True)


def review_queue(data: ClassData, only_to_review: bool = True, details: dict[int, Answer] | None = None
                 ) -> pd.DataFrame:
    """The queue in order: held answers first (``held`` = why), then the others; graded last; oldest first.

    ``details`` (the answers by id, with their scorer's result) tells which are held; without it, they
    are read from the store (one SELECT). With ``only_to_review`` its length is the "To review" count.
    """
    rows = written_answers(data, only_to_review)
    if details is None:
        details = answers_by_ids(get_store(), [int(i) for i in rows["answer_id"]])
    rows["held"] = [held_reason(details.get(int(i))) for i in rows["answer_id"]]
    rows["_rank"] = (rows["held"] == "").astype(int)
    return rows.sort_values(["graded", "_rank", "created_at"], kind="stable").reset_index(drop=True)


def held_reason(answer: Answer | None) -> str:
    """Why the scorer held the answer for the teacher ("" when it did not, or once the teacher graded it)."""
    if answer is None or answer.overridden:
        return ""
    result = answer.result or {}
    if not result.get("pending"):
        return ""
    return str((result.get("extra") or {}).get("held") or "unsure")


def section(data: ClassData, queue: pd.DataFrame, lang: str) -> None:
    """The queue (``review_queue(data)``, the same the dashboard counts) and the open card.

    Drawn inside the dashboard's live fragment.
    """
    st.subheader(tr("class_grading_n", lang, n=len(queue)))
    choice = st.segmented_control(tr("class_grading_filter", lang), ["todo", "all"], default="todo", key=FILTER_KEY,
                                  format_func=lambda v: tr(FILTERS[v], lang), required=True)
    rows = queue if choice != "all" else review_queue(data, only_to_review=False)
    if rows.empty:
        st.caption(tr("class_grading_empty", lang))
        return
    queue_table(data, rows, lang)
    ids = [int(i) for i in rows["answer_id"]]
    if st.session_state.get(PICK_KEY) not in ids:  # graded meanwhile (or the filter changed): the next one
        st.session_state[PICK_KEY] = ids[0]
    labels = {int(r.answer_id): line_label(data, r, lang) for r in typed_rows(rows, QueueRow)}
    picked = st.selectbox(tr("class_grading_pick", lang), ids, key=PICK_KEY, format_func=labels.__getitem__,
                          filter_mode=None)
    row = next(r for r in typed_rows(rows, QueueRow) if int(r.answer_id) == picked)
    answer = answers_by_ids(get_store(), [picked]).get(picked)
    if answer is not None:
        card(data, row, answer, lang)


def line_label(data: ClassData, row: QueueRow, lang: str) -> str:
    """"Renard · L1 Q5 · off topic" (what the picker lists)."""
    why = tr(HELD_KEYS.get(row.held, "class_held_unsure"), lang) if row.held else (
        tr("class_graded", lang) if row.graded else tr("class_to_read", lang))
    where = question_label(row.lesson_order, row.order, len(data.lessons) > 1, lang)
    return f"{row.pseudonym or '?'} · {where} · {why}"


def queue_table(data: ClassData, rows: pd.DataFrame, lang: str) -> None:
    """The first rows of the queue as a table (the picker below lists them all)."""
    several = len(data.lessons) > 1
    shown = list(typed_rows(rows.head(SHOWN_ROWS), QueueRow))
    table = pd.DataFrame({
        tr("class_col_pseudonym", lang): [escape_markdown(r.pseudonym or "?") for r in shown],
        tr("class_col_question", lang): [question_label(r.lesson_order, r.order, several, lang) for r in shown],
        tr("class_col_why", lang): [
            f"**{tr(HELD_KEYS.get(r.held, 'class_held_unsure'), lang)}**" if r.held
            else tr("class_graded", lang) if r.graded else tr("class_to_read", lang) for r in shown],
        tr("class_col_since", lang): [time_text(r.created_at, lang) for r in shown],
    })
    st.table(table, hide_index=True, alt=tr("class_grading_alt", lang))
    if len(rows) > SHOWN_ROWS:
        st.caption(tr("class_grading_more", lang, n=len(rows) - SHOWN_ROWS))


def card(data: ClassData, row: QueueRow, answer: Answer, lang: str) -> None:
    """One written answer: who, the question, the text, why it waits, the automatic score explained, the form."""
    with st.container(border=True, key=f"grade-card-{answer.id}"):
        st.markdown(tr("class_answer_header", lang, name=escape_markdown(row.pseudonym or "?"),
                       lesson=escape_markdown(data.lesson_title(row.lesson_id, lang)),
                       question=question_label(row.lesson_order, row.order, len(data.lessons) > 1, lang)))
        st.caption(str(row.prompt))
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
