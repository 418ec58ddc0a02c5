"""The class's two CSV files: every answer (for analysis), and the gradebook sheet (to paste into a gradebook).

**Answers** (:func:`class_csv`): one row per answer, every attempt, ``counts`` = 1 on the attempt
that counts (each learner's latest complete attempt on a question; its ``final_score`` is the mark).
RFC 4180 — comma separator, a header row, double quotes around fields that need them, CRLF line
ends — UTF-8 **with a byte-order mark** (so Excel opens accents correctly), dot decimals: a file for
tools. Times are in the school's time zone (``MEDIALIT_TIMEZONE``), ``YYYY-MM-DD HH:MM:SS``. The raw
answer is JSON text.

**Gradebook** (:func:`gradebook_csv`): one row per student, in joining order: pseudonym, total out
of the whole session, percentage, then points per skill and the mark of each scored question (empty
when unanswered). Written for the reader's spreadsheet: in French ``;`` separators and decimal
commas (what a French Excel or LibreOffice expects when the file is opened or pasted), in English
``,`` and dots. Headers in the reader's language, each with its maximum: ``Total (/25)``.

Cells come from students (pseudonyms, answers): a text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula (OWASP's "CSV injection" advice).
"""

from __future__ import annotations

import json

import pandas as pd

from medialit import analytics as an
from medialit.classroom.data import ClassData
from medialit.format.vocab import category_name
from medialit.i18n import number, school_timezone, tr

COLUMNS = [
    "session", "pseudonym", "lesson", "question", "skill", "type", "attempt", "counts", "answer", "auto_score",
    "final_score", "max_score", "teacher_comment", "status", "answered_at", "graded_at",
]  # fmt: skip
FORMULA_START = r"^[=+\-@\t\r]"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
SEPARATORS = {"fr": ";", "en": ","}


def neutralize(column: pd.Series) -> pd.Series:
    """Prefix text cells that a spreadsheet would read as a formula with an apostrophe."""
    text = column.astype("string")
    risky = text.str.contains(FORMULA_START, regex=True, na=False)
    return text.where(~risky, "'" + text)


def answers_table(data: ClassData) -> pd.DataFrame:
    """The answers export as a frame, columns :data:`COLUMNS`, in the order the answers were given."""
    answers = data.answers
    kinds = data.questions[["lesson_id", "question_id", "skill", "type"]]
    rows = answers.merge(kinds, on=["lesson_id", "question_id"], how="left")
    counting = set(data.marks["answer_id"])
    table = pd.DataFrame(
        {
            "session": data.klass.name,
            "pseudonym": rows["pseudonym"],
            "lesson": rows["lesson_id"],
            "question": rows["question_id"],
            "skill": rows["skill"],
            "type": rows["type"],
            "attempt": rows["attempt"],
            "counts": rows["answer_id"].isin(counting).astype(int),
            "answer": rows["raw"].map(lambda raw: json.dumps(raw, ensure_ascii=False, sort_keys=True)),
            "auto_score": rows["earned"],
            "final_score": rows["final_earned"],
            "max_score": rows["possible"],
            "teacher_comment": rows["override_comment"],
            "status": rows["status"],
            "answered_at": _times(rows["created_at"]),
            "graded_at": _times(rows["override_at"]),
        },
        columns=COLUMNS,
    )
    for column in ("session", "pseudonym", "lesson", "question", "answer", "teacher_comment"):
        table[column] = neutralize(table[column])
    return table


def _times(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, utc=True).dt.tz_convert(school_timezone()).dt.strftime(TIME_FORMAT)


def class_csv(data: ClassData) -> bytes:
    """The answers file's bytes (see the module docstring for the format)."""
    text = answers_table(data).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def gradebook_table(data: ClassData, lang: str, names: dict[int, str] | None = None) -> pd.DataFrame:
    """The gradebook sheet as text cells in ``lang`` (headers included), one row per student.

    ``names`` replaces pseudonyms (the report's "Student 1, 2…"); those who left the session are marked.
    """
    book = an.gradebook(data.answers, data.questions, data.learners)
    columns = an.grade_columns(data.questions)
    several = len(data.lessons) > 1
    heads: dict[str, str] = {
        "pseudonym": tr("class_col_pseudonym", lang),
        "answered": tr("class_col_answered_n", lang, n=len(data.questions)),
        "score": tr("class_col_total", lang, max=_num(book["max_score"].max() if len(book) else 0.0, lang)),
        "percent": tr("class_col_percent", lang),
    }
    for column in columns:
        label = (category_name("skills", column.key, lang) if column.kind == "skill"
                 else question_label(column.lesson_order, column.order, several, lang))
        heads[column.name] = f"{label} (/{_num(column.maximum, lang)})"
    records = book.to_dict("records")
    out = pd.DataFrame({
        heads["pseudonym"]: [
            _pseudonym((names or {}).get(int(r["learner_id"]), r["pseudonym"]), bool(r["left"]), lang) for r in records
        ],
        heads["answered"]: book["answered"].astype(int).astype(str),
        heads["score"]: [_num(v, lang) for v in book["score"]],
        heads["percent"]: [_num(v, lang, 0) for v in book["percent"]],
    })
    for column in columns:
        out[heads[column.name]] = [_num(v, lang) for v in book[column.name]]
    out[heads["pseudonym"]] = neutralize(out[heads["pseudonym"]])
    return out


def question_label(lesson_order: int, order: int, several_lessons: bool, lang: str) -> str:
    """``Q3``, or ``L2 Q3`` when the session has several lessons (L: the lesson's place in the session)."""
    return tr("class_question_label_lesson", lang, lesson=lesson_order + 1, n=order + 1) if several_lessons \
        else tr("class_question_label", lang, n=order + 1)


def _pseudonym(name: object, left: bool, lang: str) -> str:
    text = name if isinstance(name, str) else "?"
    return tr("class_left_mark", lang, name=text) if left else text


def _num(value: object, lang: str, digits: int = 2) -> str:
    """A number as the reader's spreadsheet reads it: no thousands separator, a decimal comma in French,
    at most ``digits`` decimals; empty when missing."""
    if number(value, lang) == "–":  # None, NaN, not a number
        return ""
    text = f"{round(float(str(value)), digits):.{digits}f}".rstrip("0").rstrip(".") if digits else \
        f"{round(float(str(value)))}"
    text = "0" if text in ("-0", "") else text
    return text.replace(".", ",") if lang == "fr" else text


def gradebook_csv(data: ClassData, lang: str) -> bytes:
    """The gradebook file's bytes in ``lang``'s spreadsheet conventions (see the module docstring)."""
    sep = SEPARATORS.get(lang, ",")
    text = gradebook_table(data, lang).to_csv(index=False, sep=sep, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def csv_file_name(data: ClassData, kind: str = "answers") -> str:
    """``medialit-<session>-<date>-<kind>.csv`` with only safe characters (``kind``: answers or gradebook)."""
    safe = "".join(c if c.isalnum() else "-" for c in data.klass.name.lower()).strip("-")[:40] or "class"
    return f"medialit-{safe}-{data.klass.created_at:%Y-%m-%d}-{kind}.csv"
