"""The frames every analysis starts from: the questions of some lessons, and the marks that count.

Pure pandas (no Streamlit, no database). The answers frame is the store's
``answers_frame()`` (one row per attempt; ``final_earned`` is the teacher's override when set).

The mark that counts for a learner on a question is the ``final_earned`` of their **latest
complete attempt** (:func:`latest`): an incomplete (empty) answer is not a mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from medialit.model import Lesson

KEY = ["learner_id", "lesson_id", "question_id"]
QUESTION_COLUMNS = [
    "lesson_id", "lesson_order", "question_id", "order", "type", "skill", "points", "scored",
    "impression", "veracity", "prompt",
]  # fmt: skip
OPTION_COLUMNS = ["lesson_id", "question_id", "option_id", "option_order", "text", "correct", "misconception"]
Missing = Literal["exclude", "zero"]


def question_frame(lessons: Sequence[Lesson], lang: str = "fr") -> pd.DataFrame:
    """One row per question of ``lessons`` (in lesson then question order), columns :data:`QUESTION_COLUMNS`.

    ``points`` is the question's maximum mark; ``scored`` is False for opinions (unscored ratings).
    """
    rows = [
        {
            "lesson_id": lesson.id,
            "lesson_order": i,
            "question_id": q.id,
            "order": j,
            "type": q.type,
            "skill": q.skill,
            "points": float(q.points) if q.is_scored() else 0.0,
            "scored": q.is_scored(),
            "impression": getattr(q, "impression", None),
            "veracity": getattr(q, "veracity", None),
            "prompt": q.prompt.get(lang, lesson.language),
        }
        for i, lesson in enumerate(lessons)
        for j, q in enumerate(lesson.questions)
    ]
    frame = pd.DataFrame(rows, columns=QUESTION_COLUMNS)
    return frame.astype({"lesson_order": int, "order": int, "points": float, "scored": bool})


def option_frame(lessons: Sequence[Lesson], lang: str = "fr") -> pd.DataFrame:
    """One row per option of every choice question, with its ``misconception`` in ``lang`` (or None)."""
    rows = [
        {
            "lesson_id": lesson.id,
            "question_id": q.id,
            "option_id": o.id,
            "option_order": k,
            "text": o.text.get(lang, lesson.language),
            "correct": o.correct,
            "misconception": o.misconception.get(lang, lesson.language) if o.misconception else None,
        }
        for lesson in lessons
        for q in lesson.questions
        if q.type == "choice"
        for k, o in enumerate(q.options)
    ]
    return pd.DataFrame(rows, columns=OPTION_COLUMNS).astype({"option_order": int, "correct": bool})


def latest(answers: pd.DataFrame) -> pd.DataFrame:
    """The latest complete attempt per learner x lesson x question (the marks that count).

    Idempotent: every analysis accepts either the whole answers frame or these marks.
    """
    done = answers[(answers["status"] == "complete").astype(bool)]
    done = done.sort_values(["attempt", "answer_id"], kind="stable")
    # An empty frame from the store has object columns: a boolean mask on them would select columns.
    done = done.astype({"needs_review": bool, "earned": float, "possible": float, "final_earned": float})
    return done.drop_duplicates(KEY, keep="last").reset_index(drop=True)




def marks_matrix(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str, missing: Missing = "exclude"
                 ) -> pd.DataFrame:
    """Learners x scored questions of one lesson: the marks that count (``final_earned``).

    ``missing="exclude"`` keeps only learners who answered every scored question (complete
    cases); ``"zero"`` keeps every learner with at least one answer and counts the others as 0
    (Moodle's treatment of unanswered questions in a finished attempt). Columns are in lesson order.
    """
    scored = questions[(questions["lesson_id"] == lesson_id) & questions["scored"]]
    columns = list(scored.sort_values("order")["question_id"])
    slim = marks[["learner_id", "lesson_id", "question_id", "final_earned"]]  # filter few columns: faster
    rows = slim[(slim["lesson_id"] == lesson_id) & slim["question_id"].isin(columns)]
    rows = rows.drop_duplicates(["learner_id", "question_id"], keep="last")
    matrix = rows.set_index(["learner_id", "question_id"])["final_earned"].unstack("question_id")
    matrix = matrix.reindex(columns=columns).astype(float)
    matrix.columns.name = None
    if missing == "zero":
        return matrix.fillna(0.0)
    return matrix.dropna(axis=0, how="any") if columns else matrix.iloc[0:0]


def as_float(values: object) -> np.ndarray:
    """A float array of ``values`` (NaN for anything that is not a number)."""
    return pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
