"""The grading queue and the dashboard's per-student lists, as frames: no Streamlit, no drawing.

- :func:`review_queue`: the written answers waiting for the teacher, held ones first;
- :func:`attention_order`: the roster with the students who need attention first;
- :func:`find_students`: the rows whose pseudonym contains what the teacher typed;
- :func:`page`: one page of a frame (the dashboard draws 20 rows at a time, never a whole year).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from medialit.classroom.data import ClassData
from medialit.store import Answer, Store
from medialit.store.classroom import answers_by_ids

PAGE_SIZE = 20
STRUGGLING = 50.0  # % of the points: below it, a student is listed first on the dashboard


def written_answers(data: ClassData, only_to_review: bool) -> pd.DataFrame:
    """The answers that count and are flagged for the teacher's review (``only_to_review``: not graded yet)."""
    asked = data.questions[["lesson_id", "lesson_order", "question_id", "order", "prompt"]]
    rows = data.marks.merge(asked, on=["lesson_id", "question_id"], how="inner")
    rows = rows[rows["needs_review"]]
    if only_to_review:
        rows = rows[rows["override_at"].isna()]
    return rows.assign(graded=rows["override_at"].notna()).reset_index(drop=True)


def held_reason(answer: Answer | None) -> str:
    """Why the scorer held the answer for the teacher ("" when it did not, or once the teacher graded it)."""
    if answer is None or answer.overridden:
        return ""
    result = answer.result or {}
    if not result.get("pending"):
        return ""
    return str((result.get("extra") or {}).get("held") or "unsure")


def _held_column(rows: pd.DataFrame, store: Store | None) -> list[str]:
    """:func:`held_reason` of each row: from the frame's ``pending``/``held`` columns when it has them."""
    if "pending" in rows and "held" in rows:
        pending = rows["pending"].astype(bool) & rows["override_at"].isna()
        return [str(why or "unsure") if wait else "" for wait, why in zip(pending, rows["held"], strict=True)]
    if store is None:
        raise ValueError("a frame without the scorer's verdicts needs the store to read them")
    details = answers_by_ids(store, [int(i) for i in rows["answer_id"]])
    return [held_reason(details.get(int(i))) for i in rows["answer_id"]]


def review_queue(data: ClassData, only_to_review: bool = True, store: Store | None = None) -> pd.DataFrame:
    """The queue in order: held answers first (``held`` = why), then the others; graded last; oldest first.

    With ``only_to_review`` its length is the "To review" count. Computed once per ``data`` (memoised).
    ``store`` is read only when ``data.answers`` lacks the scorer's verdicts (a frame built by hand).
    """
    def compute() -> pd.DataFrame:
        rows = written_answers(data, only_to_review)
        rows["held"] = _held_column(rows, store)
        rows["_rank"] = (rows["held"] == "").astype(int)
        return rows.sort_values(["graded", "_rank", "created_at"], kind="stable").reset_index(drop=True)

    return data.memo(("review_queue", only_to_review), compute)


@dataclass(frozen=True)
class Page:
    """Rows ``start``..``stop`` (0-based, stop excluded) of ``total``; ``number`` of ``count`` (1-based)."""

    rows: pd.DataFrame
    number: int
    count: int
    start: int
    stop: int
    total: int


def page(frame: pd.DataFrame, number: int, size: int = PAGE_SIZE) -> Page:
    """Page ``number`` (1-based, clamped to the pages there are) of ``frame``, ``size`` rows a page."""
    count = max(1, -(-len(frame) // size))
    number = min(max(1, number), count)
    start = (number - 1) * size
    stop = min(start + size, len(frame))
    return Page(frame.iloc[start:stop], number, count, start, stop, len(frame))


def folded(text: object) -> str:
    """``text`` without case or accents ("Élève" and "eleve" match), for searching names."""
    decomposed = unicodedata.normalize("NFKD", str(text or "")).casefold()
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def find_students(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows whose ``pseudonym`` contains ``query`` (case and accents ignored); all rows for a blank query."""
    wanted = folded(query)
    if not wanted:
        return frame
    return frame[[wanted in folded(name) for name in frame["pseudonym"]]]


def attention_order(roster: pd.DataFrame, left: set[int]) -> pd.DataFrame:
    """The roster, students who need attention first: those under :data:`STRUGGLING` % of their points
    (lowest first), then those with written answers waiting for review (most first), then the others in
    joining order; those who left the class last."""
    percent = roster["percent"].astype(float)
    gone = roster["learner_id"].isin(left)
    struggling = ~gone & percent.lt(STRUGGLING)
    waiting = ~gone & ~struggling & roster["to_review"].gt(0)
    rank = pd.Series(2, index=roster.index).mask(struggling, 0).mask(waiting, 1).mask(gone, 3)
    within = percent.where(struggling, 0.0).fillna(0.0) - roster["to_review"].where(waiting, 0)
    ordered = roster.assign(_rank=rank, _within=within, _joined=range(len(roster)))
    ordered = ordered.sort_values(["_rank", "_within", "_joined"], kind="stable")
    return ordered.drop(columns=["_rank", "_within", "_joined"]).reset_index(drop=True)
