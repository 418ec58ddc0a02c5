"""The syntax of Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format): escaping and answer weights.

Used by each question type's ``printed.gift`` and by ``medialit.export.gift``, which writes the file.
"""

from __future__ import annotations

# Moodle's grades for an answer (question_bank::fraction_options); other weights are refused on import.
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
                 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text as GIFT needs it: backslash and ``~ = # { } :`` escaped, line breaks as ``\\n``."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def moodle_grade(fraction: float) -> float:
    """The nearest grade Moodle accepts (its list, positive or negative)."""
    sign = -1.0 if fraction < 0 else 1.0
    return sign * min(MOODLE_GRADES, key=lambda g: abs(g - abs(fraction)))


def weight(fraction: float) -> str:
    """A GIFT answer weight such as ``%50%``, ``%-33.33333%``."""
    percent = f"{moodle_grade(fraction) * 100:.5f}".rstrip("0").rstrip(".")
    return f"%{percent}%"


def comment(text: str) -> str:
    return "// " + " ".join(text.split())


def answer(mark: str, text: str, feedback: str = "") -> str:
    """One answer line: its mark (``=``, ``~``, ``~%50%``), the text and its feedback, escaped."""
    body = escape(text)
    if mark == "~" and body.startswith("%"):
        mark = "~%0%"  # a text starting with "%50%" would be read as a weight
    return f"{mark}{body}" + (f" #{escape(feedback)}" if feedback else "")
