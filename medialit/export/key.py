"""The answer key: teacher notes, then (from a new page) every question with what earns its points.

The same structure (``question_key``: each type's :class:`~medialit.questions.kind.KeyBlock` s) is
printed here as HTML and shown as Markdown in the lesson lab (``medialit.lab.key``).
"""

from __future__ import annotations

from medialit.export.page import page_values
from medialit.export.templating import render
from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.questions import QuestionBase
from medialit.questions.kind import KeyBlock
from medialit.questions.registry import kind_of


def question_key(loaded: LoadedLesson, question: QuestionBase, lang: str) -> list[KeyBlock]:
    """What earns the question's points, as its type states it."""
    return kind_of(question).printed.answer_key(question, loaded.context(question, lang))


def answer_key_html(loaded: LoadedLesson, lang: str = "fr") -> str:
    """The teacher's answer key as one printable HTML page (A4): notes first, answers from a new page.

    The document is repeated at the end, with the same line numbers as the worksheet.
    """
    questions = [{"question": q, "blocks": question_key(loaded, q, lang)} for q in loaded.lesson.questions]
    return render("key.html", questions=questions, **page_values(loaded, lang, tr("print_answer_key", lang), "key"))
