"""The grading queue: written answers, their automatic score and how it was computed, the teacher's override.

The automatic score is never changed: the override (points + a comment the student sees) is kept
beside it, and can be removed. A fragment without ``run_every``: saving a grade redraws the queue
only, and nothing refreshes under a teacher who is typing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from medialit.analytics import typed_rows
from medialit.classroom.data import ClassData, load_class
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.limits import COMMENT_MAX
from medialit.questions.registry import kind_of
from medialit.store import Answer, get_store
from medialit.store.classroom import answers_by_ids
from medialit.ui.teacher.auth import is_teacher

FILTERS = {"todo": "class_filter_todo", "all": "class_filter_all"}

FILTER_KEY, REFRESH_KEY = "grading-filter", "grading-refresh"
ICONS = {"right": "✓", "missed": "–", "wrong": "✗", "partial": "◐"}  # glyphs every text font has


@dataclass(frozen=True, slots=True)
class WrittenAnswerRow:
    """The columns of :func:`written_answers` that a card shows."""

    answer_id: int
    pseudonym: str | None
    lesson_id: str
    question_id: str
    order: int
    prompt: str


def written_answers(data: ClassData, only_to_review: bool) -> pd.DataFrame:
    """The answers that count and are flagged for the teacher's review, ungraded first, then oldest first."""
    asked = data.questions[["lesson_id", "question_id", "order", "prompt"]]
    rows = data.marks.merge(asked, on=["lesson_id", "question_id"], how="inner")
    rows = rows[rows["needs_review"]]
    if only_to_review:
        rows = rows[rows["override_at"].isna()]
    rows = rows.assign(graded=rows["override_at"].notna())
    return rows.sort_values(["graded", "created_at"], kind="stable").reset_index(drop=True)


@st.fragment
def queue(class_session_id: int, lang: str) -> None:
    """The queue for one class session."""
    if not is_teacher():
        st.stop()
    st.subheader(tr("class_grading", lang))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    choice = left.segmented_control(tr("class_grading_filter", lang), ["todo", "all"], default="todo", key=FILTER_KEY,
                                    format_func=lambda v: tr(FILTERS[v], lang), required=True)
    right.button(tr("class_grading_refresh", lang), key=REFRESH_KEY, width="stretch")  # a click reruns this fragment
    st.caption(tr("class_grading_still", lang))
    data = load_class(get_store(), class_session_id, lang)
    if data is None:
        return
    rows = written_answers(data, only_to_review=choice != "all")
    if rows.empty:
        st.caption(tr("class_grading_empty", lang))
        return
    details = answers_by_ids(get_store(), [int(i) for i in rows["answer_id"]])
    for row in typed_rows(rows, WrittenAnswerRow):
        answer = details.get(int(row.answer_id))
        if answer is not None:
            card(data, row, answer, lang)


def card(data: ClassData, row: WrittenAnswerRow, answer: Answer, lang: str) -> None:
    """One written answer: who, the question, the text, the automatic score explained, the override form."""
    with st.container(border=True, key=f"grade-card-{answer.id}"):
        st.markdown(tr("class_answer_header", lang, name=escape_markdown(row.pseudonym or "?"),
                      lesson=escape_markdown(data.lesson_title(row.lesson_id, lang)), question=f"Q{row.order + 1}"))
        st.caption(str(row.prompt))
        loaded = data.lesson(row.lesson_id)
        q = loaded.lesson.question(row.question_id) if loaded else None
        if loaded is not None and q is not None:
            st.markdown(kind_of(q).widget.given(q, loaded, answer, lang))
        result = answer.result or {}
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
