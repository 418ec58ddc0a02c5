"""Who is in the class and how far each learner got; the class's profile per skill.

Pure pandas. ``answers`` is the store's answers frame (every attempt), ``questions`` the
:func:`question_frame` of the session's lessons, ``learners`` one row per learner of the
session (``learner_id``, ``pseudonym``, ``last_seen_at``) so that learners who joined but have
not answered yet are listed too, and ``progress`` (optional) one row per learner x lesson
(``learner_id``, ``lesson_id``, ``current_index``, ``updated_at``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from medialit.analytics.frames import columns_of, latest

if TYPE_CHECKING:
    from pandas._libs.tslibs.nattype import NaTType

SKILLS = ("sourcing", "framing", "loaded_language")


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One row of :func:`roster`. ``percent`` is NaN before any scored answer; ``current_lesson`` and
    ``current_question`` are NaN (a float) and ``last_activity`` NaT until the learner does something."""

    learner_id: int
    pseudonym: str | None
    answered: int
    total: int
    progress: float
    score: float
    possible: float
    percent: float
    current_lesson: str | float
    current_question: str | float
    last_activity: pd.Timestamp | NaTType
    to_review: int


@dataclass(frozen=True, slots=True)
class SkillShareRow:
    """One row of :func:`skill_profile`; ``share`` is NaN for a skill with no scored answer."""

    skill: str
    earned: float
    possible: float
    students: int
    share: float


ROSTER_COLUMNS = columns_of(RosterRow)


def roster(answers: pd.DataFrame, questions: pd.DataFrame, learners: pd.DataFrame | None = None,
           progress: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per learner: answered/total questions, score (of the scored questions answered), where
    they are now, last activity, and how many written answers wait for the teacher's review.

    ``score`` sums the marks that count; ``possible`` sums the max marks of the scored questions
    they answered, so ``percent`` is how well they did so far, not how far they got.
    """
    keys = questions[["lesson_id", "question_id", "points", "scored"]]
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    if learners is None:
        learners = answers[["learner_id", "pseudonym"]].drop_duplicates("learner_id")
    table = learners[["learner_id", "pseudonym"]].drop_duplicates("learner_id").set_index("learner_id")
    scored = marks[marks["scored"]]
    table["answered"] = marks.groupby("learner_id").size()
    table["score"] = scored.groupby("learner_id")["final_earned"].sum()
    table["possible"] = scored.groupby("learner_id")["points"].sum()
    review = marks[marks["needs_review"] & marks["override_at"].isna()]
    table["to_review"] = review.groupby("learner_id").size()
    table[["answered", "to_review"]] = table[["answered", "to_review"]].fillna(0).astype(int)
    table[["score", "possible"]] = table[["score", "possible"]].fillna(0.0)
    table["total"] = len(questions)
    table["progress"] = table["answered"] / table["total"] if len(questions) else 0.0
    table["percent"] = (table["score"] / table["possible"].where(table["possible"] > 0)) * 100
    table = table.join(_current(answers, questions, progress))
    table["last_activity"] = _last_activity(answers, learners, progress).reindex(table.index)
    return table.reset_index()[ROSTER_COLUMNS]


def _current(answers: pd.DataFrame, questions: pd.DataFrame, progress: pd.DataFrame | None) -> pd.DataFrame:
    """Where each learner is: the question their progress points at, else the one they answered last."""
    frames = []
    if progress is not None and len(progress):
        rows = progress.sort_values("updated_at", kind="stable").drop_duplicates("learner_id", keep="last")
        rows = rows.merge(questions[["lesson_id", "order", "question_id"]],
                          left_on=["lesson_id", "current_index"], right_on=["lesson_id", "order"], how="left")
        frames.append(rows[["learner_id", "lesson_id", "question_id"]])
    if len(answers):
        ordered = answers if _in_time_order(answers) else answers.sort_values(["created_at", "answer_id"],
                                                                             kind="stable")
        last = ordered.drop_duplicates("learner_id", keep="last")
        frames.append(last[["learner_id", "lesson_id", "question_id"]])
    if not frames:
        return pd.DataFrame(columns=["current_lesson", "current_question"], index=pd.Index([], name="learner_id"))
    found = pd.concat(frames).drop_duplicates("learner_id", keep="first").set_index("learner_id")
    return found.rename(columns={"lesson_id": "current_lesson", "question_id": "current_question"})


def _in_time_order(answers: pd.DataFrame) -> bool:
    """True when the frame is already in (time, id) order, as the store gives it: no sort needed."""
    return bool(answers["created_at"].is_monotonic_increasing and answers["answer_id"].is_monotonic_increasing)


def _last_activity(answers: pd.DataFrame, learners: pd.DataFrame, progress: pd.DataFrame | None) -> pd.Series:
    times = [answers[["learner_id", "created_at"]].rename(columns={"created_at": "at"})]
    if "last_seen_at" in learners:
        times.append(learners[["learner_id", "last_seen_at"]].rename(columns={"last_seen_at": "at"}))
    if progress is not None and len(progress):
        times.append(progress[["learner_id", "updated_at"]].rename(columns={"updated_at": "at"}))
    times = [t for t in times if len(t)]
    if not times:
        return pd.Series(dtype="datetime64[us, UTC]")
    stacked = pd.concat(times)
    stacked["at"] = pd.to_datetime(stacked["at"], utc=True)
    return stacked.groupby("learner_id")["at"].max()


def skill_profile(answers: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """Per skill, the class's earned/possible points on the scored questions answered (and the share).

    Rows in the order sourcing, framing, loaded_language (skills with no scored answer: 0/0, NaN share).
    """
    keys = questions.loc[questions["scored"], ["lesson_id", "question_id", "skill", "points"]]
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    table = marks.groupby("skill").agg(earned=("final_earned", "sum"), possible=("points", "sum"),
                                       students=("learner_id", "nunique"))
    table = table.reindex(list(SKILLS)).fillna({"earned": 0.0, "possible": 0.0, "students": 0})
    table["students"] = table["students"].astype(int)
    table["share"] = table["earned"] / table["possible"].where(table["possible"] > 0)
    return table.rename_axis("skill").reset_index()


def student_skills(answers: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """Learners x skills: each learner's share of the points on the scored questions they answered."""
    keys = questions.loc[questions["scored"], ["lesson_id", "question_id", "skill", "points"]]
    marks = latest(answers).merge(keys, on=["lesson_id", "question_id"], how="inner")
    sums = marks.groupby(["learner_id", "skill"])[["final_earned", "points"]].sum()
    share = (sums["final_earned"] / sums["points"].where(sums["points"] > 0)).unstack("skill")
    return share.reindex(columns=[s for s in SKILLS if s in share.columns])
