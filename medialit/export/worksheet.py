"""The printable student worksheet: the numbered document and the questions, with NO answer in it.

Each question type draws itself with its own ``worksheet.html`` template (``medialit.questions.kind``),
which may show the prompt, options, excerpts, scales and categories, never what is correct: no
``correct`` flag, no feedback, no explanation, no hint, no model answer, no expected range.
"""

from __future__ import annotations

from medialit.export.page import page_values
from medialit.export.templating import render
from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.questions.registry import kind_of


def worksheet_html(loaded: LoadedLesson, lang: str = "fr") -> str:
    """The student worksheet as one printable HTML page (A4), in ``lang``. Contains no answer."""
    for question in loaded.lesson.questions:
        kind_of(question)  # an unregistered type is reported by name, before any rendering
    questions = [{"question": q} for q in loaded.lesson.questions]
    return render("worksheet.html", questions=questions,
                  **page_values(loaded, lang, tr("print_worksheet", lang), "worksheet"))
