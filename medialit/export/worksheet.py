"""The printable student worksheet: the numbered document and the questions, with NO answer in it.

Each question type has one renderer in ``RENDERERS`` (a test checks that every type has one). A
renderer may show the prompt, options, excerpts, scales and categories, never what is correct:
no ``correct`` flag, no feedback, no explanation, no hint, no model answer, no expected range.
"""

from __future__ import annotations

from collections.abc import Callable

from medialit.export.markup import esc, md, md_inline
from medialit.export.page import document_section, header, lesson_text, page, question_heading
from medialit.export.texts import t
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.highlight import HighlightQuestion
from medialit.questions.label import LabelQuestion
from medialit.questions.rating import RatingQuestion
from medialit.vocab import vocabularies

WORDS_PER_LINE = 10
BOX = "\u2610"  # ☐


def _choice(loaded: LoadedLesson, q: ChoiceQuestion, lang: str) -> str:
    how = t("pick_some" if q.is_multiple() else "pick_one", lang)
    items = "".join(f'<li><span class="box">{BOX}</span> {md_inline(lesson_text(loaded, o.text, lang))}</li>'
                    for o in q.options)
    return f'<p class="how">{esc(how)}</p>\n<ul class="options">{items}</ul>'


def _highlight(loaded: LoadedLesson, q: HighlightQuestion, lang: str) -> str:
    return f'<p class="how">{esc(t("underline", lang))}</p>\n<div class="write"><div class="line"></div></div>'


def _free_text(loaded: LoadedLesson, q: FreeTextQuestion, lang: str) -> str:
    lines = max(3, min(14, round(q.max_words / WORDS_PER_LINE)))
    ruled = '<div class="line"></div>' * lines
    return (f'<p class="how">{esc(t("write", lang, min=q.min_words, max=q.max_words))}</p>\n'
            f'<div class="write">{ruled}</div>')


def _rating(loaded: LoadedLesson, q: RatingQuestion, lang: str) -> str:
    values = range(q.scale_min, q.scale_max + 1)
    boxes = "".join(f"<td>{BOX} {value}</td>" for value in values)
    labels = "".join(f"<td>{md_inline(lesson_text(loaded, q.labels[v], lang)) if v in q.labels else ''}</td>"
                     for v in values)
    return f'<p class="how">{esc(t("rate", lang))}</p>\n<table class="scale"><tr>{boxes}</tr><tr>{labels}</tr></table>'


def _label(loaded: LoadedLesson, q: LabelQuestion, lang: str) -> str:
    rows = "".join(f'<tr><td>« {esc(e.quote)} »</td><td class="blank"></td></tr>' for e in q.excerpts)
    vocab = vocabularies().get(q.vocabulary, {})
    categories = "".join(
        f"<li><strong>{esc(vocab[c].name(lang))}</strong> — {esc(vocab[c].description(lang))}</li>"
        if c in vocab else f"<li>{esc(c)}</li>" for c in q.offered())
    return (f'<p class="how">{esc(t("label_how", lang))}</p>\n'
            f'<table class="grid"><tr><th>{esc(t("excerpt", lang))}</th><th>{esc(t("category", lang))}</th></tr>'
            f"{rows}</table>\n<p><strong>{esc(t('categories', lang))}</strong></p>\n<ul>{categories}</ul>")


Renderer = Callable[[LoadedLesson, QuestionBase, str], str]
RENDERERS: dict[str, Renderer] = {
    "choice": _choice,
    "highlight": _highlight,
    "free_text": _free_text,
    "rating": _rating,
    "label": _label,
}


def question_block(loaded: LoadedLesson, number: int, question: QuestionBase, lang: str) -> str:
    body = RENDERERS[question.type](loaded, question, lang)  # type: ignore[attr-defined]
    return (f'<article class="q" id="q-{esc(question.id)}">\n{question_heading(number, question, lang)}\n'
            f'<div class="prompt">{md(lesson_text(loaded, question.prompt, lang))}</div>\n{body}\n</article>')


def worksheet_html(loaded: LoadedLesson, lang: str = "fr") -> str:
    """The student worksheet as one printable HTML page (A4), in ``lang``. Contains no answer."""
    lesson = loaded.lesson
    blank = "_" * 18
    questions = "\n".join(question_block(loaded, n, q, lang) for n, q in enumerate(lesson.questions, start=1))
    body = "\n".join(part for part in (
        header(loaded, lang, t("worksheet", lang)),
        f'<p class="student">{esc(t("student_fields", lang, blank=blank))}</p>',
        f'<section class="intro">{md(lesson_text(loaded, lesson.introduction, lang))}</section>',
        document_section(loaded, lang),
        f'<section class="questions">\n<h2>{esc(t("questions", lang))}</h2>\n{questions}\n</section>',
    ) if part)
    return page(lesson_text(loaded, lesson.title, lang), body, lang, "worksheet")
