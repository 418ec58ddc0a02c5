"""The gradebook: one row per learner with the marks that count, ready to copy into a school's gradebook.

Pure pandas. Unlike the roster (how well a learner did on what they answered so far), the totals
here are out of the WHOLE session: an unanswered scored question counts 0 in ``score`` and its
points in ``max_score``, as a mark in a gradebook must.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from medialit.analytics.frames import QuestionRow, latest, typed_rows
from medialit.analytics.roster import SKILLS

BASE_COLUMNS = ["learner_id", "pseudonym", "left", "answered", "score", "max_score", "percent"]


@dataclass(frozen=True, slots=True)
class GradeColumn:
    """A column of the gradebook after the base ones: a skill's points, or one scored question's mark."""

    name: str  # the frame column
    kind: str  # "skill" or "question"
    key: str  # the skill id, or "<lesson_id>/<question_id>"
    maximum: float
    lesson_order: int = 0
    order: int = 0


def grade_columns(questions: pd.DataFrame) -> list[GradeColumn]:
    """The skill columns (in :data:`SKILLS` order, those the session asks about), then one per scored
    question in lesson and question order."""
    scored = questions[questions["scored"].astype(bool)].sort_values(["lesson_order", "order"], kind="stable")
    skills = [
        GradeColumn(f"skill:{skill}", "skill", skill, float(scored.loc[scored["skill"] == skill, "points"].sum()))
        for skill in SKILLS if (scored["skill"] == skill).any()
    ]
    items = [
        GradeColumn(f"q:{row.lesson_id}/{row.question_id}", "question", f"{row.lesson_id}/{row.question_id}",
                    float(row.points), int(row.lesson_order), int(row.order))
        for row in typed_rows(scored, QuestionRow)
    ]
    return skills + items


def gradebook(answers: pd.DataFrame, questions: pd.DataFrame, learners: pd.DataFrame) -> pd.DataFrame:
    """One row per learner of ``learners`` (joining order; also those who never answered).

    Columns: :data:`BASE_COLUMNS` (``left``: they left the session; ``answered``: questions answered,
    scored or not; ``percent``: score / max_score x 100), then the :func:`grade_columns`: points
    earned per skill, and the mark that counts per scored question (NaN when unanswered).
    """
    columns = grade_columns(questions)
    table = learners[["learner_id", "pseudonym"]].drop_duplicates("learner_id").set_index("learner_id")
    left = learners.set_index("learner_id")["left_at"] if "left_at" in learners else None
    table["left"] = left.notna().reindex(table.index, fill_value=False) if left is not None else False
    keys = questions[["lesson_id", "question_id", "skill", "points", "scored"]]
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    table["answered"] = marks.groupby("learner_id").size().reindex(table.index).fillna(0).astype(int)
    scored = marks[marks["scored"].astype(bool)]
    table["score"] = scored.groupby("learner_id")["final_earned"].sum().reindex(table.index).fillna(0.0)
    table["max_score"] = float(questions.loc[questions["scored"].astype(bool), "points"].sum())
    table["percent"] = table["score"] / table["max_score"].where(table["max_score"] > 0) * 100
    per_skill = _sums(scored, "skill")
    per_item = _sums(scored.assign(key=scored["lesson_id"] + "/" + scored["question_id"]), "key")
    for column in columns:
        source = per_skill if column.kind == "skill" else per_item
        values = source[column.key].reindex(table.index) if column.key in source.columns else float("nan")
        table[column.name] = values
        if column.kind == "skill":
            table[column.name] = table[column.name].fillna(0.0)
    return table.reset_index()[BASE_COLUMNS + [c.name for c in columns]]


def _sums(marks: pd.DataFrame, by: str) -> pd.DataFrame:
    """Learners x values of ``by``: the sum of the marks that count (empty frame when there are none)."""
    if marks.empty:
        return pd.DataFrame(index=pd.Index([], name="learner_id"))
    return marks.groupby(["learner_id", by])["final_earned"].sum().unstack(by)
