"""Widget keys, in one place so pages and tests agree.

Answer widgets carry the lesson, the question and the attempt being composed: a new attempt is
a fresh widget (prefilled from the previous one), and nothing leaks between lessons.
"""

from __future__ import annotations


def answer(lesson_id: str, question_id: str, attempt: int, part: str | None = None) -> str:
    """The input widget of a question's attempt; ``part`` names an option or an excerpt."""
    base = f"ans-{lesson_id}-{question_id}-{attempt}"
    return f"{base}-{part}" if part else base


def submit(lesson_id: str, question_id: str, attempt: int) -> str:
    return f"submit-{lesson_id}-{question_id}-{attempt}"


def hint(lesson_id: str, question_id: str) -> str:
    return f"hint-{lesson_id}-{question_id}"


def retry(lesson_id: str, question_id: str) -> str:
    return f"retry-{lesson_id}-{question_id}"


def stepper(lesson_id: str) -> str:
    return f"nav-{lesson_id}"


def step(lesson_id: str, direction: str) -> str:
    """The previous/next buttons (``direction`` is "prev" or "next")."""
    return f"{direction}-{lesson_id}"


def finish(lesson_id: str) -> str:
    return f"finish-{lesson_id}"


def open_lesson(lesson_id: str) -> str:
    return f"open-{lesson_id}"


def document(lesson_id: str) -> str:
    """The read-only document widget of a lesson page."""
    return f"doc-{lesson_id}"


def xray(lesson_id: str) -> str:
    """The lesson page's X-ray switch (offered once the current question's correction is shown)."""
    return f"xray-{lesson_id}"


def review(lesson_id: str) -> str:
    """The read-only document on the summary page."""
    return f"review-{lesson_id}"


def draft(widget_key: str) -> str:
    """Where the page keeps the marks a highlight widget returned on the last run."""
    return f"_ml_draft::{widget_key}"


LANG = "ui-lang"
CODE_INPUT = "ui-code"
CODE_BUTTON = "ui-code-go"
BACK = "ui-back"
