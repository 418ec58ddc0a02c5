"""The printable class report: one self-contained HTML file (inline CSS and SVG, no script, no fetch).

Static explanations are Markdown rendered with the ``markdown`` package; every value that comes
from the class (pseudonyms, answers) or from lesson files is HTML-escaped and never goes through
Markdown (which would pass raw HTML, or turn ``[x](javascript:…)`` into a link).
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

import markdown
import pandas as pd

from medialit import analytics as an
from medialit.classroom.charts import bar, heat_html, pct, svg_bars
from medialit.classroom.data import ClassData
from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.i18n import number, tr

ALPHA_REASONS = {
    "too_few_students": "class_alpha_too_few_students",
    "too_few_questions": "class_alpha_too_few_questions",
    "no_variance": "class_alpha_no_variance",
}

CSS = """
body { font-family: system-ui, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1f5fa8;
  margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c9ced6; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
.bar { display: inline-block; width: 7rem; height: .8rem; background: #e8eef6; vertical-align: middle; }
.bar .fill { display: block; height: 100%; background: #1f5fa8; }
.num { margin-left: .4rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
td { white-space: normal; } td:has(.bar) { white-space: nowrap; }
.note { color: #555; font-size: .85rem; }
.document { white-space: normal; line-height: 1.6; border: 1px solid #c9ced6; padding: .8rem; font-size: .9rem; }
.expected { outline: 2px solid #2a7a2a; outline-offset: 1px; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg, .document
  { break-inside: avoid; } }
"""


def class_report(data: ClassData, include_names: bool = True, now: datetime | None = None) -> str:
    """The report as an HTML document in the class data's language (see the module docstring)."""
    lang = data.lang
    names = display_names(data, include_names, lang)
    body = [_header(data, lang, include_names, now or datetime.now(UTC)), _skills(data, lang)]
    body += [_lesson(data, loaded, lang) for loaded in data.lessons]
    body += [_discernment(data, names, lang), _students(data, names, lang)]
    title = escape(f"{tr('class_report_title', lang)} — {data.klass.name}")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head><body>\n" + "\n".join(b for b in body if b) + "\n</body></html>\n"
    )


def display_names(data: ClassData, include_names: bool, lang: str) -> dict[int, str]:
    """learner id -> pseudonym, or "Student n" (joining order) when names are left out."""
    ids = list(dict.fromkeys([*data.learners["learner_id"], *data.answers["learner_id"]]))
    pseudonyms = dict(zip(data.answers["learner_id"], data.answers["pseudonym"], strict=True))
    pseudonyms.update(zip(data.learners["learner_id"], data.learners["pseudonym"], strict=True))
    return {
        lid: (pseudonyms.get(lid) or tr("class_student_n", lang, n=i + 1))
        if include_names
        else tr("class_student_n", lang, n=i + 1)
        for i, lid in enumerate(ids)
    }


def _md(text: str) -> str:
    """Markdown for the report's own static explanations only (never for class data)."""
    return markdown.markdown(text)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table whose cells are already-escaped HTML; headers are escaped here."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    lines = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>"


def _header(data: ClassData, lang: str, include_names: bool, now: datetime) -> str:
    lessons = ", ".join(escape(data.lesson_title(lid, lang)) for lid in data.klass.lesson_ids)
    summary = tr("class_report_summary", lang, n=len(data.learners), answers=len(data.answers), date=now)
    note = "" if include_names else f'<p class="note">{escape(tr("class_names_left_out", lang))}</p>'
    return (
        f"<h1>{escape(tr('class_report_title', lang))} — {escape(data.klass.name)}</h1>"
        f'<p class="note">{escape(summary)}<br>{lessons}</p>{note}'
    )


def _skills(data: ClassData, lang: str) -> str:
    profile = an.skill_profile(data.marks, data.questions)
    items = [
        (category_name("skills", row.skill, lang), _num(row.share))
        for row in an.typed_rows(profile, an.SkillShareRow)
    ]
    return f"<h2>{escape(tr('class_skills', lang))}</h2>{svg_bars(items)}"


def _lesson(data: ClassData, loaded: LoadedLesson, lang: str) -> str:
    lesson = loaded.lesson
    marks = data.marks
    items, alpha = an.lesson_items(marks, data.questions, lesson.id)
    prompts = dict(
        zip(
            data.questions["question_id"][data.questions["lesson_id"] == lesson.id],
            data.questions["prompt"][data.questions["lesson_id"] == lesson.id],
            strict=True,
        )
    )
    rows = [
        [
            str(int(r.order) + 1),
            escape(_short(prompts.get(r.question_id, r.question_id))),
            escape(category_name("skills", r.skill, lang)),
            str(r.answered),
            bar(_num(r.facility)),
            "–" if pd.isna(r.discrimination) else f"{r.discrimination:.0f}",
        ]
        for r in an.typed_rows(items, an.ItemRow)
    ]
    items_part = (
        [
            f"<h3>{escape(tr('class_items', lang))}</h3>",
            _table(
                [
                    "#",
                    tr("class_col_question", lang),
                    tr("class_col_skill", lang),
                    tr("class_col_answered", lang),
                    tr("class_col_facility", lang),
                    tr("class_col_discrimination", lang),
                ],
                rows,
            ),
            _md(tr("class_items_help", lang)),
            f"<h3>{escape(tr('class_alpha', lang))}</h3><p>{escape(alpha_text(alpha, lang))}</p>",
        ]
        if rows
        else []
    )
    parts = [
        f"<h2>{escape(data.lesson_title(lesson.id, lang))}</h2>",
        *items_part,
        _options(data, lesson.id, prompts, lang),
        _heatmaps(data, loaded, prompts, lang),
        _impressions(data, lesson.id, lang),
    ]
    return "\n".join(p for p in parts if p)


def alpha_text(alpha: an.Alpha, lang: str) -> str:
    """Cronbach's alpha in words for teachers (value, or why it cannot be computed yet)."""
    if alpha.value is None:
        return tr(ALPHA_REASONS[alpha.reason], lang, n=alpha.students)
    return tr("class_alpha_value", lang, value=number(alpha.value, lang), n=alpha.students, p=alpha.questions)


def _options(data: ClassData, lesson_id: str, prompts: dict[str, str], lang: str) -> str:
    table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
    if table.empty:
        return ""
    parts = [f"<h3>{escape(tr('class_options', lang))}</h3>"]
    for key, rows in table.groupby("question_id", sort=False):
        question_id = str(key)  # the group key of a string column
        cells = [
            [
                escape(r.text),
                bar(_num(r.share), f"{r.count} ({pct(_num(r.share))})"),
                "✓" if r.correct else "",
                escape(_text(r.misconception)),
            ]
            for r in an.typed_rows(rows, an.OptionShareRow)
        ]
        parts.append(f"<p><strong>{escape(_short(prompts.get(question_id, question_id)))}</strong></p>")
        parts.append(
            _table(
                [
                    tr("class_col_option", lang),
                    tr("class_col_chosen", lang),
                    tr("class_col_correct", lang),
                    tr("class_col_misconception", lang),
                ],
                cells,
            )
        )
    return "".join(parts)


def _heatmaps(data: ClassData, loaded: LoadedLesson, prompts: dict[str, str], lang: str) -> str:
    parts = []
    for q in loaded.lesson.questions:
        if not q.marks_text:
            continue
        heat = an.heat_counts(data.marks, loaded.lesson.id, q.id, len(loaded.text))
        parts.append(
            f"<h3>{escape(tr('class_heatmap', lang))}</h3><p><strong>{escape(_short(prompts.get(q.id, q.id)))}"
            f'</strong></p><p class="note">{escape(tr("class_heat_legend", lang))}</p>'
        )
        parts.append(heat_html(loaded.text, heat, an.expected_spans(loaded, q.id), tr("class_heat_n", lang, n="{n}")))
    return "".join(parts)


def _impressions(data: ClassData, lesson_id: str, lang: str) -> str:
    table = an.impressions(data.marks, data.questions)
    means = an.impression_means(table[table["lesson_id"] == lesson_id])
    if means.empty:
        return ""
    row = next(an.typed_rows(means, an.ImpressionMeanRow))
    text = tr(
        "class_impression_means",
        lang,
        lesson=data.lesson_title(lesson_id, lang),
        before=number(row.before, lang),
        after=number(row.after, lang),
        change=number(row.change, lang),
        pairs=int(row.pairs),
    )
    return f"<h3>{escape(tr('class_impressions', lang))}</h3><p>{escape(text)}</p>"


def _discernment(data: ClassData, names: dict[int, str], lang: str) -> str:
    table = an.discernment(data.marks, data.questions)
    if table.empty:
        return ""
    klass = an.class_discernment(data.marks, data.questions)
    summary = tr(
        "class_discernment_class",
        lang,
        d=number(klass.discernment, lang),
        r=number(klass.reliable, lang),
        u=number(klass.unreliable, lang),
        m=number(klass.mean_rating, lang),
        n=klass.students,
    )
    rows = [
        [
            escape(names.get(r.learner_id, "?")),
            *(number(v, lang) for v in (r.reliable, r.unreliable, r.discernment, r.mean_rating)),
        ]
        for r in an.typed_rows(table, an.DiscernmentRow)
    ]
    return (
        f"<h2>{escape(tr('class_discernment', lang))}</h2><p>{escape(summary)}</p>"
        f"{_md(tr('class_discernment_help', lang))}"
        + _table(
            [
                tr("class_col_pseudonym", lang),
                tr("class_col_reliable", lang),
                tr("class_col_unreliable", lang),
                tr("class_col_discernment", lang),
                tr("class_col_mean_rating", lang),
            ],
            rows,
        )
    )


def _students(data: ClassData, names: dict[int, str], lang: str) -> str:
    roster = an.roster(data.answers, data.questions, data.learners, data.progress)
    skills = an.student_skills(data.marks, data.questions)
    skill_ids = list(skills.columns)
    rows = [
        [
            escape(names.get(r.learner_id, "?")),
            f"{r.answered}/{r.total}",
            f"{number(r.score, lang)}/{number(r.possible, lang)}",
            pct(_num(r.percent / 100)),
            *(pct(_num(skills[s].get(r.learner_id))) for s in skill_ids),
        ]
        for r in an.typed_rows(roster, an.RosterRow)
    ]
    headers = [
        tr("class_col_pseudonym", lang),
        tr("class_col_answered", lang),
        tr("class_col_score", lang),
        tr("class_col_percent", lang),
        *(category_name("skills", s, lang) for s in skill_ids),
    ]
    return f"<h2>{escape(tr('class_roster', lang))}</h2>" + _table(headers, rows)


def _short(text: str, limit: int = 110) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _num(value: float | None) -> float | None:
    """``value`` as a float, or None when it is missing (None or NaN)."""
    return None if value is None or pd.isna(value) else float(value)
