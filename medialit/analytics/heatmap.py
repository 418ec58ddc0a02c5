"""The class heatmap of a document: how many learners marked each character in a highlight question."""

from __future__ import annotations

import numpy as np
import pandas as pd

from medialit.analytics.frames import latest
from medialit.format.loader import LoadedLesson


def marked_spans(answers: pd.DataFrame, lesson_id: str, question_id: str, length: int) -> pd.DataFrame:
    """Each learner's marks on the question (answer that counts), clipped to the text and merged
    per learner, so that overlapping marks of one learner count once. Columns learner_id, start, end."""
    marks = latest(answers)
    rows = marks[(marks["lesson_id"] == lesson_id) & (marks["question_id"] == question_id)]
    spans = rows[["learner_id"]].assign(span=rows["raw"].str.get("spans")).explode("span").dropna(subset=["span"])
    spans = spans[spans["span"].map(_is_pair)]
    if spans.empty:
        return pd.DataFrame({"learner_id": [], "start": [], "end": []}, dtype=int)
    pairs = np.array(spans["span"].tolist(), dtype=float)
    spans = pd.DataFrame({"learner_id": spans["learner_id"].to_numpy(),
                          "start": np.clip(pairs[:, 0], 0, length), "end": np.clip(pairs[:, 1], 0, length)})
    spans = spans[spans["end"] > spans["start"]].astype({"start": int, "end": int})
    return _merge_per_learner(spans)


def _is_pair(value: object) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == 2


def _merge_per_learner(spans: pd.DataFrame) -> pd.DataFrame:
    """Union of each learner's spans (vectorised: a new run starts where the start passes the reach so far)."""
    spans = spans.sort_values(["learner_id", "start", "end"], kind="stable").reset_index(drop=True)
    reach = spans.groupby("learner_id")["end"].cummax()
    previous = reach.groupby(spans["learner_id"]).shift()
    run = (previous.isna() | (spans["start"] > previous)).cumsum()
    merged = spans.groupby(run).agg(learner_id=("learner_id", "first"), start=("start", "min"), end=("end", "max"))
    return merged.reset_index(drop=True)


def heat_counts(answers: pd.DataFrame, lesson_id: str, question_id: str, length: int) -> list[int]:
    """``length`` counts: for each character of the document, how many learners marked it."""
    spans = marked_spans(answers, lesson_id, question_id, length)
    delta = np.zeros(length + 1, dtype=np.int64)
    np.add.at(delta, spans["start"].to_numpy(dtype=np.int64), 1)
    np.add.at(delta, spans["end"].to_numpy(dtype=np.int64), -1)
    return np.cumsum(delta[:length]).astype(int).tolist()


def expected_spans(loaded: LoadedLesson, question_id: str) -> list[tuple[int, int]]:
    """The passages a question expects marked, as its scorer sees them (none for most types)."""
    question = loaded.lesson.question(question_id)
    if question is None:
        return []
    return list(question.expected_spans(loaded.context(question, loaded.lesson.language)))
