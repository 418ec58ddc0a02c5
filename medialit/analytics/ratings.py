"""Ratings: first impression versus final rating, and discernment on reliability drills.

Discernment (MIST; Modirrousta-Galian & Higham 2023): a learner who got better at telling
reliable from unreliable items rates the first higher than the second, so
discernment = mean rating(reliable items) - mean rating(unreliable items); the overall mean
rating (bias) says whether they trust everything or nothing. Ratings are in the items' own
scale (the kit's drills use 1-5).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from medialit.analytics.frames import columns_of, latest

IMPRESSION_COLUMNS = ["learner_id", "pseudonym", "lesson_id", "before", "after", "change"]


@dataclass(frozen=True, slots=True)
class DiscernmentRow:
    """One row of :func:`discernment`; a mean is NaN when the learner rated no item of that kind."""

    learner_id: int
    pseudonym: str | None
    reliable: float
    unreliable: float
    discernment: float
    mean_rating: float
    items: int


@dataclass(frozen=True, slots=True)
class ImpressionMeanRow:
    """One row of :func:`impression_means`: means over the ``pairs`` learners who gave both ratings (NaN
    when none did), and how many gave only the first impression or only the final rating."""

    lesson_id: str
    before: float
    after: float
    change: float
    pairs: int
    only_before: int
    only_after: int


DISCERNMENT_COLUMNS = columns_of(DiscernmentRow)


@dataclass(frozen=True)
class ClassDiscernment:
    """The class's discernment: the mean of the learners' discernments (each learner weighs the same,
    over those who rated both kinds of item), and the mean of every rating given (bias)."""

    discernment: float | None
    mean_rating: float | None
    reliable: float | None
    unreliable: float | None
    students: int


def rating_values(answers: pd.DataFrame, questions: pd.DataFrame, column: str) -> pd.DataFrame:
    """The latest rating of each learner on the rating questions where ``column`` is set, with ``value``."""
    keys = questions.loc[questions[column].notna(),
                         ["lesson_id", "question_id", column]]
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    marks["value"] = pd.to_numeric(marks["raw"].str.get("value"), errors="coerce")
    return marks.dropna(subset=["value"])


def impressions(answers: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """Per learner and lesson: the first-impression rating (``before``), the final one (``after``), the change."""
    values = rating_values(answers, questions, "impression")
    if values.empty:
        return pd.DataFrame(columns=IMPRESSION_COLUMNS)
    table = values.pivot_table(index=["learner_id", "pseudonym", "lesson_id"], columns="impression",
                               values="value", aggfunc="mean")
    table = table.reindex(columns=["before", "after"])
    table["change"] = table["after"] - table["before"]
    return table.reset_index()[IMPRESSION_COLUMNS]


def impression_means(table: pd.DataFrame) -> pd.DataFrame:
    """Per lesson: the class's mean first impression, final rating and change, all three over the SAME
    learners (those who gave both, ``pairs``), so that after − before is the mean change; and how many
    learners gave only one of the two (left out of the means)."""
    paired = table.dropna(subset=["before", "after"])
    grouped = paired.groupby("lesson_id")
    lessons = pd.Index(table["lesson_id"].drop_duplicates(), name="lesson_id")
    means = pd.DataFrame({
        "before": grouped["before"].mean(),
        "after": grouped["after"].mean(),
        "change": grouped["change"].mean(),
        "pairs": grouped["change"].count(),
    }).reindex(lessons)
    means["pairs"] = means["pairs"].fillna(0).astype(int)
    means["only_before"] = (table["before"].notna() & table["after"].isna()).groupby(table["lesson_id"]).sum()
    means["only_after"] = (table["after"].notna() & table["before"].isna()).groupby(table["lesson_id"]).sum()
    means[["only_before", "only_after"]] = means[["only_before", "only_after"]].fillna(0).astype(int)
    return means.reset_index()[columns_of(ImpressionMeanRow)]


def discernment(answers: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """Per learner: mean rating of reliable and of unreliable items, discernment, mean rating (bias)."""
    values = rating_values(answers, questions, "veracity")
    if values.empty:
        return pd.DataFrame(columns=DISCERNMENT_COLUMNS)
    table = values.pivot_table(index=["learner_id", "pseudonym"], columns="veracity", values="value", aggfunc="mean")
    table = table.reindex(columns=["reliable", "unreliable"])
    table["discernment"] = table["reliable"] - table["unreliable"]
    overall = values.groupby(["learner_id", "pseudonym"])["value"]
    table["mean_rating"] = overall.mean()
    table["items"] = overall.size()
    return table.reset_index()[DISCERNMENT_COLUMNS]


def class_discernment(answers: pd.DataFrame, questions: pd.DataFrame) -> ClassDiscernment:
    """The class's discernment and bias (see :class:`ClassDiscernment`)."""
    values = rating_values(answers, questions, "veracity")
    per_student = discernment(answers, questions)
    both = per_student["discernment"].dropna()
    return ClassDiscernment(
        discernment=_mean(both),
        mean_rating=_mean(values["value"]),
        reliable=_mean(values.loc[values["veracity"] == "reliable", "value"]),
        unreliable=_mean(values.loc[values["veracity"] == "unreliable", "value"]),
        students=int(both.size),
    )


def _mean(values: pd.Series) -> float | None:
    return float(np.mean(values)) if len(values) else None
