"""Builders of small answers frames shaped like the store's ``answers_frame()`` (for the pure tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd

from medialit.store.answer_feed import FRAME_COLUMNS

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def answers(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A frame with the store's columns; each row gives at least learner, question and earned.

    Defaults: lesson "L", attempt 1, complete, possible 1, no override, one second apart.
    ``override`` sets the teacher's score (``final_earned``) beside the automatic ``earned``.
    """
    full = []
    for i, row in enumerate(rows):
        row = dict(row)
        override = row.pop("override", None)
        base = {
            "answer_id": i + 1,
            "pseudonym": f"S{row['learner_id']}",
            "class_session_id": 1,
            "lesson_id": "L",
            "attempt": 1,
            "raw": {},
            "possible": 1.0,
            "status": "complete",
            "needs_review": False,
            "override_comment": None,
            "content_hash": "h",
            "created_at": T0 + timedelta(seconds=i),
            "override_at": None if override is None else T0 + timedelta(hours=1),
        }
        base.update(row)
        base["final_earned"] = base["earned"] if override is None else override
        full.append(base)
    frame = pd.DataFrame(full, columns=list(FRAME_COLUMNS))
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    frame["override_at"] = pd.to_datetime(frame["override_at"], utc=True)
    return frame


def questions(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A question frame: each row gives question_id (and optionally points, skill, type, ...)."""
    full = []
    for j, row in enumerate(rows):
        base = {"lesson_id": "L", "lesson_order": 0, "order": j, "type": "choice", "skill": "sourcing",
                "points": 1.0, "impression": None, "veracity": None, "prompt": row["question_id"]}
        base.update(row)
        base.setdefault("scored", base["points"] > 0)
        full.append(base)
    return pd.DataFrame(full)
