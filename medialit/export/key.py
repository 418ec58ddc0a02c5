"""The answer key: teacher notes, then (from a new page) every question with what earns its points."""

from __future__ import annotations

from collections.abc import Callable

from medialit.export.markup import esc, line_range, md, md_inline, wrap
from medialit.export.page import document_section, header, lesson_text, page, question_heading
from medialit.export.texts import t
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.highlight import HighlightQuestion
from medialit.questions.label import LabelQuestion
from medialit.questions.rating import RatingQuestion
from medialit.scoring import fmt
from medialit.vocab import category_name

RIGHT, WRONG = "\u2611", "\u2610"  # ☑ ☐


def _note(loaded: LoadedLesson, text, lang: str, css: str = "feedback") -> str:
    value = lesson_text(loaded, text, lang)
    return f'<div class="{css}">{md(value)}</div>' if value else ""


def _lines(loaded: LoadedLesson, span: tuple[int, int] | None, lang: str) -> str:
    return f" ({t('line', lang)} {line_range(wrap(loaded.text), span)})" if span else ""


def _choice(loaded: LoadedLesson, q: ChoiceQuestion, lang: str) -> str:
    items = []
    for option in q.options:
        mark, verdict = (RIGHT, "right_option") if option.correct else (WRONG, "wrong_option")
        css = ' class="right"' if option.correct else ""
        misconception = ""
        if option.misconception:
            misconception = (f'<div class="feedback"><em>{esc(t("misconception", lang))}</em> '
                             f"{md_inline(lesson_text(loaded, option.misconception, lang))}</div>")
        text = md_inline(lesson_text(loaded, option.text, lang))
        items.append(f'<li><span{css}><span class="box">{mark}</span> {text} — {esc(t(verdict, lang))}</span>'
                     f"{_note(loaded, option.feedback, lang)}{misconception}</li>")
    return f'<ul class="options">{"".join(items)}</ul>'


def _highlight(loaded: LoadedLesson, q: HighlightQuestion, lang: str) -> str:
    items = []
    for i, passage in enumerate(q.passages):
        span = loaded.spans.get((q.id, ("passages", i)))
        technique = f" — {esc(category_name('techniques', passage.technique, lang))}" if passage.technique else ""
        items.append(f"<li>« {esc(passage.quote)} »{esc(_lines(loaded, span, lang))}{technique}"
                     f"{_note(loaded, passage.explanation, lang)}</li>")
    return f"<p><strong>{esc(t('expected_passages', lang))}</strong></p>\n<ol>{''.join(items)}</ol>"


def _free_text(loaded: LoadedLesson, q: FreeTextQuestion, lang: str) -> str:
    rows = []
    for concept in q.rubric:
        terms = ", ".join(concept.terms)
        mode = f" ({t('absent', lang)})" if concept.mode == "absent" else ""
        missing_html = "".join(
            f"<br><em>{esc(t(key, lang))}</em> {md_inline(value)}"
            for key, value in (("if_found", lesson_text(loaded, concept.feedback_found, lang)),
                               ("if_missing", lesson_text(loaded, concept.feedback_missing, lang))) if value)
        rows.append(f"<tr><td>{md_inline(lesson_text(loaded, concept.label, lang))}{esc(mode)}</td>"
                    f"<td>{esc(fmt(concept.points))}</td><td>{esc(terms)}{missing_html}</td></tr>")
    table = (f"<p><strong>{esc(t('rubric', lang))}</strong></p>\n<table class=\"grid\"><tr><th></th><th>pt</th>"
             f"<th>{esc(t('terms', lang))}</th></tr>{''.join(rows)}</table>")
    model = lesson_text(loaded, q.model_answer, lang)
    if model:
        table += f"\n<p><strong>{esc(t('model_answer', lang))}</strong></p>\n<blockquote>{md(model)}</blockquote>"
    return table


def _rating(loaded: LoadedLesson, q: RatingQuestion, lang: str) -> str:
    if q.is_scored() and q.expected is not None:
        lines = [t("expected_range", lang, lo=q.expected.min, hi=q.expected.max, step=round(q.step_penalty * 100))]
    else:
        lines = [t("opinion", lang)]
    if q.impression:
        lines.append(t(f"impression_{q.impression}", lang))
    if q.veracity:
        lines.append(t("veracity", lang, value=t(q.veracity, lang)))
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


def _label(loaded: LoadedLesson, q: LabelQuestion, lang: str) -> str:
    rows = []
    for i, excerpt in enumerate(q.excerpts):
        where = (f" ({t('other_document', lang, file=excerpt.document)})" if excerpt.document
                 else _lines(loaded, loaded.spans.get((q.id, ("excerpts", i))), lang))
        expected = " / ".join(category_name(q.vocabulary, a, lang) for a in excerpt.answer)
        rows.append(f"<tr><td>« {esc(excerpt.quote)} »{esc(where)}</td><td class=\"right\">{esc(expected)}</td>"
                    f"<td>{md(lesson_text(loaded, excerpt.explanation, lang))}</td></tr>")
    return (f'<table class="grid"><tr><th>{esc(t("excerpt", lang))}</th><th>{esc(t("expected_category", lang))}</th>'
            f"<th>{esc(t('explanation', lang))}</th></tr>{''.join(rows)}</table>")


Renderer = Callable[[LoadedLesson, QuestionBase, str], str]
RENDERERS: dict[str, Renderer] = {
    "choice": _choice,
    "highlight": _highlight,
    "free_text": _free_text,
    "rating": _rating,
    "label": _label,
}


def _question(loaded: LoadedLesson, number: int, question: QuestionBase, lang: str) -> str:
    body = RENDERERS[question.type](loaded, question, lang)  # type: ignore[attr-defined]
    hints = "".join(f"<li>{md_inline(lesson_text(loaded, h, lang))}</li>" for h in question.hints)
    extra = f"<p><strong>{esc(t('hints', lang))}</strong></p><ol>{hints}</ol>" if hints else ""
    explanation = lesson_text(loaded, question.explanation, lang)
    if explanation:
        extra += f"<p><strong>{esc(t('explanation', lang))}</strong></p>{md(explanation)}"
    return (f'<article class="q" id="key-{esc(question.id)}">\n{question_heading(number, question, lang)}\n'
            f'<div class="prompt">{md(lesson_text(loaded, question.prompt, lang))}</div>\n{body}\n{extra}\n</article>')


def _teacher_notes(loaded: LoadedLesson, lang: str) -> str:
    notes = loaded.lesson.teacher_notes
    parts = [f"<h3>{esc(t(name, lang))}</h3>{md(lesson_text(loaded, getattr(notes, name), lang))}"
             for name in ("goals", "timing", "discussion", "background") if getattr(notes, name)]
    if notes.sources:
        parts.append(f"<h3>{esc(t('sources', lang))}</h3><ul>"
                     + "".join(f"<li>{md_inline(source)}</li>" for source in notes.sources) + "</ul>")
    return f'<section class="notes">\n<h2>{esc(t("teacher_notes", lang))}</h2>\n{"".join(parts)}\n</section>'


def answer_key_html(loaded: LoadedLesson, lang: str = "fr") -> str:
    """The teacher's answer key as one printable HTML page (A4): notes first, answers from a new page.

    The document is repeated at the end, with the same line numbers as the worksheet.
    """
    lesson = loaded.lesson
    questions = "\n".join(_question(loaded, n, q, lang) for n, q in enumerate(lesson.questions, start=1))
    body = "\n".join(part for part in (
        header(loaded, lang, t("answer_key", lang)),
        _teacher_notes(loaded, lang),
        f'<section class="answers">\n<h2>{esc(t("answers", lang))}</h2>\n{questions}\n</section>',
        document_section(loaded, lang),
    ) if part)
    return page(lesson_text(loaded, lesson.title, lang), body, lang, "key")
