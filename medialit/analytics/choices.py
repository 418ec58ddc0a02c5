"""Which options the class chose on each choice question, beside the misconception each wrong one reveals."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from medialit.analytics.frames import OptionRow, columns_of, latest


@dataclass(frozen=True, slots=True)
class OptionShareRow(OptionRow):
    """One row of :func:`option_distribution`: an option, and how many learners chose it."""

    count: int
    answered: int
    share: float


DISTRIBUTION_COLUMNS = columns_of(OptionShareRow)


def option_distribution(answers: pd.DataFrame, options: pd.DataFrame) -> pd.DataFrame:
    """One row per option of every choice question in ``options`` (:func:`option_frame`).

    ``count``: learners whose answer that counts picked the option; ``answered``: learners who
    answered the question; ``share`` = count / answered (NaN when nobody answered). Options
    nobody picked are listed with 0, so a teacher sees the whole question. In lesson order.
    """
    keys = options[["lesson_id", "question_id"]].drop_duplicates()
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    picked = marks[["lesson_id", "question_id", "learner_id"]].assign(option_id=marks["raw"].str.get("selected"))
    picked = picked.explode("option_id").dropna(subset=["option_id"]).drop_duplicates()
    counts = picked.groupby(["lesson_id", "question_id", "option_id"]).size().rename("count").reset_index()
    answered = marks.groupby(["lesson_id", "question_id"])["learner_id"].nunique().rename("answered").reset_index()
    table = options.merge(counts, on=["lesson_id", "question_id", "option_id"], how="left")
    table = table.merge(answered, on=["lesson_id", "question_id"], how="left")
    table[["count", "answered"]] = table[["count", "answered"]].fillna(0).astype(int)
    table["share"] = table["count"] / table["answered"].where(table["answered"] > 0)
    return table[DISTRIBUTION_COLUMNS]


def common_misconceptions(distribution: pd.DataFrame, at_least: float = 0.0) -> pd.DataFrame:
    """The wrong options with a misconception, most chosen first (share > ``at_least``)."""
    wrong = distribution[~distribution["correct"] & distribution["misconception"].notna()]
    wrong = wrong[wrong["share"].fillna(0) > at_least]
    return wrong.sort_values(["share", "count"], ascending=False, kind="stable").reset_index(drop=True)
