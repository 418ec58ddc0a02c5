"""The printable page shared by worksheets and answer keys: A4 stylesheet, header, numbered document."""

from __future__ import annotations

from medialit.export.markup import esc, md, wrap
from medialit.export.texts import t
from medialit.loader import LoadedLesson
from medialit.model import DocumentRef
from medialit.questions import QuestionBase
from medialit.scoring import fmt
from medialit.text import localize
from medialit.vocab import category_name

# Black on white, no background needed to read: boxes and ruled lines are borders and characters.
STYLESHEET = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.4; color: #000;
       background: #fff; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; }
h3 { font-size: 11pt; margin: 0 0 1mm; }
.meta, .kit { margin: 0; }
.kit { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; }
.student { margin: 3mm 0; }
dl.docmeta { display: grid; grid-template-columns: max-content 1fr; gap: 0 3mm; margin: 0 0 2mm; }
dl.docmeta dt { font-weight: bold; } dl.docmeta dd { margin: 0; }
table.lines { border-collapse: collapse; font-family: "DejaVu Sans Mono", "Courier New", monospace;
              font-size: 8.6pt; line-height: 1.35; width: 100%; }
table.lines td { padding: 0; vertical-align: top; }
table.lines td.n { width: 9mm; padding-right: 2mm; text-align: right; color: #444; user-select: none; }
table.lines td.l { white-space: pre-wrap; word-break: break-all; }
article.q { margin: 4mm 0; page-break-inside: avoid; break-inside: avoid; }
.how { font-style: italic; margin: 1mm 0; }
ul.options { list-style: none; padding-left: 2mm; margin: 1mm 0; }
ul.options li { margin: 1mm 0; }
.box { display: inline-block; width: 1.1em; font-size: 12pt; }
.write .line { border-bottom: 1px dotted #000; height: 8mm; }
table.scale, table.grid { border-collapse: collapse; margin: 1mm 0; }
table.scale td { border: 1px solid #000; padding: 1mm 3mm; text-align: center; min-width: 14mm; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
table.grid td.blank { min-width: 45mm; }
.answers { break-before: page; page-break-before: always; }
.right { font-weight: bold; }
.feedback, .note { margin: 0.5mm 0 1mm 6mm; }
.feedback p, .note p { margin: 0; }
@media screen { body { padding: 8mm; } }
"""


def page(title: str, body: str, lang: str, css_class: str) -> str:
    """A complete, self-contained HTML page (no external resource)."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f"<style>{STYLESHEET}</style>\n</head>\n<body class=\"{css_class}\">\n{body}\n</body>\n</html>\n")


def lesson_text(loaded: LoadedLesson, text, lang: str) -> str:
    """A lesson text (``Text`` or None) in ``lang``, falling back to the lesson's language."""
    return localize(text, lang, loaded.lesson.language)


def header(loaded: LoadedLesson, lang: str, kind_label: str) -> str:
    lesson = loaded.lesson
    level = lesson_text(loaded, lesson.level, lang)
    return (f"<header>\n<p class=\"kit\">medialit · {esc(kind_label)}</p>\n"
            f"<h1>{esc(lesson_text(loaded, lesson.title, lang))}</h1>\n"
            f"<p class=\"meta\">{esc(level)} · {esc(t('minutes', lang, n=lesson.duration_minutes))}</p>\n"
            "</header>")


def _document_meta(ref: DocumentRef, loaded: LoadedLesson, lang: str) -> str:
    rows = [(t(f"document_{name}", lang), getattr(ref, name))
            for name in ("title", "outlet", "author", "date", "address") if getattr(ref, name)]
    meta = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in rows)
    parts = [f'<dl class="docmeta">{meta}</dl>' if meta else ""]
    if ref.written_for_kit:
        parts.append(f"<p><em>{esc(t('written_for_kit', lang))}</em></p>")
    if ref.note:
        parts.append(f'<div class="note">{md(lesson_text(loaded, ref.note, lang))}</div>')
    return "\n".join(p for p in parts if p)


def document_section(loaded: LoadedLesson, lang: str) -> str:
    """The document, escaped, one numbered row per printed line (numbers match the answer key)."""
    ref = loaded.lesson.document
    if ref is None:
        return ""
    rows = "\n".join(f'<tr><td class="n">{n}</td><td class="l">{esc(loaded.text[a:b])}</td></tr>'
                     for n, (a, b) in enumerate(wrap(loaded.text), start=1))
    return (f'<section class="document">\n<h2>{esc(t("document", lang))}</h2>\n{_document_meta(ref, loaded, lang)}\n'
            f'<table class="lines">\n{rows}\n</table>\n</section>')


def question_heading(number: int, question: QuestionBase, lang: str) -> str:
    points = t("points", lang, n=fmt(question.points)) if question.is_scored() else t("no_points", lang)
    skill = category_name("skills", question.skill, lang)
    return (f"<h3>{esc(t('question_n', lang, n=number))} <span class=\"pts\">({esc(points)})</span> · "
            f"<span class=\"skill\">{esc(skill)}</span></h3>")
