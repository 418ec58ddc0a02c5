"""Item analysis of one lesson, with Moodle's quiz-statistics formulas.

- facility = mean mark / max mark, over the learners who answered the question;
- discrimination index = 100 x correlation(question mark, rest of the test total), where the
  rest is the learner's total on the lesson's other scored questions (the "corrected" item-total
  correlation, so a question is not correlated with itself);
- Cronbach's alpha = p/(p-1) x (1 - sum var(question) / var(total)), p scored questions.

Discrimination and alpha need a full learners x questions table: see ``marks_matrix`` for how
missing answers are treated. Variances use n-1 (any consistent choice gives the same alpha).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from medialit.analytics.frames import Missing, answered_matrix, columns_of, marks_matrix, with_missing

MIN_STUDENTS = 3
MIN_QUESTIONS = 2


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One row of :func:`item_stats`; the statistics are NaN for a question nobody answered."""

    question_id: str
    order: int
    type: str
    skill: str
    max_mark: float
    answered: int
    mean_mark: float
    facility: float
    discrimination: float


ITEM_COLUMNS = columns_of(ItemRow)


@dataclass(frozen=True)
class Alpha:
    """Cronbach's alpha, or ``value=None`` with the ``reason`` it cannot be computed.

    ``reason`` is "" when computed, else "too_few_students" (< 3 complete), "too_few_questions"
    (< 2 scored) or "no_variance" (every learner has the same total).
    """

    value: float | None
    reason: str
    students: int
    questions: int


def discrimination(matrix: pd.DataFrame) -> pd.Series:
    """100 x corr(question mark, rest-of-test total) per column; NaN when a variance is zero or n < 2."""
    x = matrix.to_numpy(dtype=float)
    if x.shape[0] < 2 or x.shape[1] < 2:
        return pd.Series(np.nan, index=matrix.columns, dtype=float)
    rest = x.sum(axis=1, keepdims=True) - x
    xc, rc = x - x.mean(axis=0), rest - rest.mean(axis=0)
    denominator = np.sqrt((xc**2).sum(axis=0) * (rc**2).sum(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(denominator > 1e-12, (xc * rc).sum(axis=0) / denominator, np.nan)
    return pd.Series(100 * values, index=matrix.columns, dtype=float)


def cronbach_alpha(matrix: pd.DataFrame) -> Alpha:
    """Cronbach's alpha of a learners x questions marks table (see the module docstring)."""
    n, p = matrix.shape
    if p < MIN_QUESTIONS:
        return Alpha(None, "too_few_questions", n, p)
    if n < MIN_STUDENTS:
        return Alpha(None, "too_few_students", n, p)
    x = matrix.to_numpy(dtype=float)
    total_var = x.sum(axis=1).var(ddof=1)
    if total_var <= 1e-12:
        return Alpha(None, "no_variance", n, p)
    value = p / (p - 1) * (1 - x.var(axis=0, ddof=1).sum() / total_var)
    return Alpha(float(value), "", n, p)


def item_analysis(marks: pd.DataFrame, questions: pd.DataFrame, missing: Missing = "exclude"
                  ) -> tuple[pd.DataFrame, dict[str, Alpha]]:
    """Every lesson of ``questions`` at once: the item table (with ``lesson_id``) and alpha per lesson.

    ``marks`` is :func:`latest` of the answers.
    """
    items, alphas = [], {}
    slim = marks[["learner_id", "lesson_id", "question_id", "final_earned"]]
    for lesson_id in questions["lesson_id"].unique():
        table, alphas[lesson_id] = lesson_items(slim, questions, lesson_id, missing)
        items.append(table.assign(lesson_id=lesson_id))
    table = pd.concat(items, ignore_index=True) if items else pd.DataFrame(columns=[*ITEM_COLUMNS, "lesson_id"])
    return table, alphas


def lesson_items(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str, missing: Missing = "exclude"
                 ) -> tuple[pd.DataFrame, Alpha]:
    """:func:`item_stats` and :func:`lesson_alpha` of one lesson, from one marks matrix."""
    scored = questions[(questions["lesson_id"] == lesson_id) & questions["scored"]].sort_values("order")
    answered = answered_matrix(marks, questions, lesson_id)
    counts = answered.notna().sum(axis=0).to_numpy()
    with np.errstate(invalid="ignore"):
        means = np.where(counts > 0, np.nansum(answered.to_numpy(), axis=0) / np.maximum(counts, 1), np.nan)
    max_marks = scored["points"].to_numpy(dtype=float)
    matrix = with_missing(answered, missing)
    table = pd.DataFrame({
        "question_id": scored["question_id"].to_numpy(),
        "order": scored["order"].to_numpy(),
        "type": scored["type"].to_numpy(),
        "skill": scored["skill"].to_numpy(),
        "max_mark": max_marks,
        "answered": counts.astype(int),
        "mean_mark": means,
        "facility": means / np.where(max_marks > 0, max_marks, np.nan),
        "discrimination": discrimination(matrix).to_numpy(),
    }, columns=ITEM_COLUMNS)
    return table, cronbach_alpha(matrix)


def item_stats(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str, missing: Missing = "exclude"
               ) -> pd.DataFrame:
    """One row per scored question of the lesson: answered, mean mark, facility and discrimination.

    ``marks`` is :func:`latest` of the answers. Questions nobody answered have NaN statistics.
    """
    return lesson_items(marks, questions, lesson_id, missing)[0]


def lesson_alpha(marks: pd.DataFrame, questions: pd.DataFrame, lesson_id: str, missing: Missing = "exclude"
                 ) -> Alpha:
    """Cronbach's alpha of one lesson from the marks that count."""
    return cronbach_alpha(marks_matrix(marks, questions, lesson_id, missing))
