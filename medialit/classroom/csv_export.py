"""The gradebook CSV: one row per answer (every attempt) of a class session.

Format: RFC 4180 CSV — comma separator, a header row, double quotes around fields that need
them, CRLF line ends — encoded as UTF-8 **with a byte-order mark**, so Excel opens accents
correctly (LibreOffice, Google Sheets and pandas read it too). Numbers use a dot as decimal
separator; times are in the school's time zone (``MEDIALIT_TIMEZONE``), written
``YYYY-MM-DD HH:MM:SS``. The raw answer is JSON text.

Cells come from students (pseudonyms, answers): a text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula (OWASP's "CSV injection" advice).
"""

from __future__ import annotations

import json

import pandas as pd

from medialit.classroom.data import ClassData
from medialit.i18n import school_timezone

COLUMNS = [
    "session", "pseudonym", "lesson", "question", "skill", "type", "attempt", "answer", "auto_score",
    "final_score", "max_score", "teacher_comment", "status", "answered_at_utc", "graded_at_utc",
]  # fmt: skip
FORMULA_START = r"^[=+\-@\t\r]"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def neutralize(column: pd.Series) -> pd.Series:
    """Prefix text cells that a spreadsheet would read as a formula with an apostrophe."""
    text = column.astype("string")
    risky = text.str.contains(FORMULA_START, regex=True, na=False)
    return text.where(~risky, "'" + text)


def answers_table(data: ClassData) -> pd.DataFrame:
    """The export as a frame, columns :data:`COLUMNS`, in the order the answers were given."""
    answers = data.answers
    kinds = data.questions[["lesson_id", "question_id", "skill", "type"]]
    rows = answers.merge(kinds, on=["lesson_id", "question_id"], how="left")
    table = pd.DataFrame(
        {
            "session": data.klass.name,
            "pseudonym": rows["pseudonym"],
            "lesson": rows["lesson_id"],
            "question": rows["question_id"],
            "skill": rows["skill"],
            "type": rows["type"],
            "attempt": rows["attempt"],
            "answer": rows["raw"].map(lambda raw: json.dumps(raw, ensure_ascii=False, sort_keys=True)),
            "auto_score": rows["earned"],
            "final_score": rows["final_earned"],
            "max_score": rows["possible"],
            "teacher_comment": rows["override_comment"],
            "status": rows["status"],
            "answered_at_utc": _times(rows["created_at"]),
            "graded_at_utc": _times(rows["override_at"]),
        },
        columns=COLUMNS,
    )
    for column in ("session", "pseudonym", "lesson", "question", "answer", "teacher_comment"):
        table[column] = neutralize(table[column])
    return table


def _times(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, utc=True).dt.tz_convert(school_timezone()).dt.strftime(TIME_FORMAT)


def class_csv(data: ClassData) -> bytes:
    """The CSV file's bytes (see the module docstring for the format)."""
    text = answers_table(data).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def csv_file_name(data: ClassData) -> str:
    """``medialit-<session>-<date>.csv`` with only safe characters."""
    safe = "".join(c if c.isalnum() else "-" for c in data.klass.name.lower()).strip("-")[:40] or "class"
    return f"medialit-{safe}-{data.klass.created_at:%Y-%m-%d}.csv"
