"""The printable class report: one self-contained HTML file (inline CSS and SVG, no script, no fetch).

Rendered by the Jinja template ``medialit/export/templates/class_report.html`` (autoescape on, as
every HTML export): values from the class (pseudonyms, answers) are escaped; lesson texts (prompts,
options, misconceptions) and the report's own explanations go through the safe Markdown filters
(``md``, ``md_inline``: raw HTML escaped, unsafe links dropped), so ``**bold**`` prints bold and
never as asterisks. Only the charts (built by :mod:`.charts`, which escapes what it is given) are
passed as markup. It fits A4 portrait: fixed-layout tables as wide as the page, the document
excerpts keep only the paragraphs that someone marked or that hold an expected passage.

Numbers are written the reader's way (``0,67`` / ``0.67``), the date in the school's time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
from markupsafe import Markup

from medialit import analytics as an
from medialit.classroom.charts import bar, heat_html, pct, svg_bars
from medialit.classroom.data import ClassData
from medialit.export.templating import render
from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.i18n import number, tr

ALPHA_REASONS = {
    "too_few_students": "class_alpha_too_few_students",
    "too_few_questions": "class_alpha_too_few_questions",
    "no_variance": "class_alpha_no_variance",
}
GAP = "[…]"

WORD_KEYS = {
    "skills": "class_skills", "item_analysis": "class_items", "question": "class_col_question",
    "skill": "class_col_skill",
    "answered": "class_col_answered", "facility": "class_col_facility", "discrimination": "class_col_discrimination",
    "items_help": "class_items_help", "alpha": "class_alpha", "options": "class_options",
    "option": "class_col_option", "chosen": "class_col_chosen", "correct": "class_col_correct",
    "misconception": "class_col_misconception", "heatmap": "class_heatmap", "heat_legend": "class_heat_legend",
    "impressions": "class_impressions", "discernment": "class_discernment",
    "discernment_help": "class_discernment_help", "nothing_per_question": "class_report_nothing_per_question",
    "pseudonym": "class_col_pseudonym", "reliable": "class_col_reliable", "unreliable": "class_col_unreliable",
    "discernment_col": "class_col_discernment", "mean_rating": "class_col_mean_rating", "students": "class_roster",
    "students_help": "class_report_students_help",
}  # fmt: skip


def class_report(data: ClassData, include_names: bool = True, now: datetime | None = None) -> str:
    """The report as an HTML document in the class data's language (see the module docstring)."""
    lang = data.lang
    names = display_names(data, include_names, lang)
    title = f"{tr('class_report_title', lang)} — {data.klass.name}"
    return render(
        "class_report.html",
        lang=lang,
        title=title,
        kit_label=tr("class_report_title", lang),
        summary=tr("class_report_summary", lang, n=len(data.learners), answers=len(data.answers),
                   date=now or datetime.now(UTC)),
        lesson_titles=", ".join(data.lesson_title(lid, lang) for lid in data.klass.lesson_ids),
        names_note=None if include_names else tr("class_names_left_out", lang),
        words={name: tr(key, lang) for name, key in WORD_KEYS.items()},
        skills_chart=_skills(data, lang),
        lessons=[_lesson(data, loaded, lang) for loaded in data.lessons],
        discernment=_discernment(data, names, lang),
        students=_students(data, names, lang),
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


def _skills(data: ClassData, lang: str) -> Markup:
    profile = an.skill_profile(data.marks, data.questions)
    items = [(category_name("skills", row.skill, lang), _num(row.share))
             for row in an.typed_rows(profile, an.SkillShareRow)]
    return Markup(svg_bars(items, lang=lang, title=tr("class_skills", lang)))  # charts.py escapes what it is given


def _lesson(data: ClassData, loaded: LoadedLesson, lang: str) -> dict[str, Any]:
    lesson_id = loaded.lesson.id
    items, alpha = an.lesson_items(data.marks, data.questions, lesson_id)
    prompts = _prompts(data, lesson_id)
    return {
        "title": data.lesson_title(lesson_id, lang),
        "item_rows": [
            {
                "n": int(r.order) + 1,
                "prompt": _short(prompts.get(r.question_id, r.question_id)),
                "skill": category_name("skills", r.skill, lang),
                "answered": int(r.answered),
                "facility": Markup(bar(_num(r.facility), lang=lang)),  # charts.py escapes what it is given
                "discrimination": number(r.discrimination, lang, 0),
            }
            for r in an.typed_rows(items, an.ItemRow)
        ],
        "alpha": alpha_text(alpha, lang),
        "options": _options(data, lesson_id, prompts, lang),
        "heatmaps": _heatmaps(data, loaded, prompts, lang),
        "impressions": impressions_text(data, lesson_id, lang),
    }


def _prompts(data: ClassData, lesson_id: str) -> dict[str, str]:
    rows = data.questions[data.questions["lesson_id"] == lesson_id]
    return dict(zip(rows["question_id"], rows["prompt"], strict=True))


def alpha_text(alpha: an.Alpha, lang: str) -> str:
    """Cronbach's alpha in words for teachers (value, or why it cannot be computed yet)."""
    if alpha.value is None:
        return tr(ALPHA_REASONS[alpha.reason], lang, n=alpha.students)
    return tr("class_alpha_value", lang, value=number(alpha.value, lang), n=alpha.students, p=alpha.questions)


def _options(data: ClassData, lesson_id: str, prompts: dict[str, str], lang: str) -> list[dict[str, Any]]:
    table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
    questions = []
    for key, rows in table.groupby("question_id", sort=False):
        question_id = str(key)  # the group key of a string column
        questions.append({
            "prompt": _short(prompts.get(question_id, question_id)),
            "rows": [
                {
                    "text": r.text,
                    "chosen": Markup(bar(_num(r.share), tr("class_chosen_n", lang, n=int(r.count),  # charts.py escapes
                                                           pct=pct(_num(r.share), lang)), lang)),
                    "correct": "✓" if r.correct else "",
                    "misconception": _text(r.misconception),
                }
                for r in an.typed_rows(rows, an.OptionShareRow)
            ],
        })
    return questions


def _heatmaps(data: ClassData, loaded: LoadedLesson, prompts: dict[str, str], lang: str) -> list[dict[str, Any]]:
    maps = []
    for q in loaded.lesson.questions:
        if not q.marks_text:
            continue
        heat = an.heat_counts(data.marks, loaded.lesson.id, q.id, len(loaded.text))
        html = heat_html(loaded.text, heat, an.expected_spans(loaded, q.id), tr("class_heat_n", lang, n="{n}"), GAP)
        maps.append({"prompt": _short(prompts.get(q.id, q.id)), "html": Markup(html)})  # heat_html escapes the text
    return maps


def impressions_text(data: ClassData, lesson_id: str, lang: str) -> str:
    """The class's first impression against its final rating, over the same students ("" when none rated)."""
    table = an.impressions(data.marks, data.questions)
    means = an.impression_means(table[table["lesson_id"] == lesson_id])
    if means.empty:
        return ""
    return impression_sentence(data, next(an.typed_rows(means, an.ImpressionMeanRow)), lang)


def impression_sentence(data: ClassData, row: an.ImpressionMeanRow, lang: str) -> str:
    """One lesson's means in words, with how many students they cover and how many gave only one rating."""
    lesson = data.lesson_title(row.lesson_id, lang)
    if row.pairs:
        text = tr("class_impression_means", lang, lesson=lesson, before=number(row.before, lang),
                  after=number(row.after, lang), change=number(row.change, lang), n=int(row.pairs))
    else:
        text = tr("class_impression_no_pairs", lang, lesson=lesson)
    missing = int(row.only_before) + int(row.only_after)
    return f"{text} {tr('class_impression_missing', lang, n=missing)}" if missing else text


def _discernment(data: ClassData, names: dict[int, str], lang: str) -> dict[str, Any] | None:
    table = an.discernment(data.marks, data.questions)
    if table.empty:
        return None
    klass = an.class_discernment(data.marks, data.questions)
    summary = tr("class_discernment_class", lang, d=number(klass.discernment, lang), r=number(klass.reliable, lang),
                 u=number(klass.unreliable, lang), m=number(klass.mean_rating, lang), n=klass.students)
    rows = [
        [names.get(r.learner_id, "?"), *(number(v, lang) for v in (r.reliable, r.unreliable, r.discernment,
                                                                      r.mean_rating))]
        for r in an.typed_rows(table, an.DiscernmentRow)
    ]
    return {"summary": summary, "rows": rows}


def _students(data: ClassData, names: dict[int, str], lang: str) -> dict[str, Any]:
    """The per-student table: answered, total out of the session and its share, points per skill."""
    book = an.gradebook(data.answers, data.questions, data.learners)
    skills = [c for c in an.grade_columns(data.questions) if c.kind == "skill"]
    total = float(book["max_score"].max()) if len(book) else 0.0
    heads = [tr("class_col_pseudonym", lang), tr("class_col_answered_n", lang, n=len(data.questions)),
             tr("class_col_total", lang, max=number(total, lang)), tr("class_col_percent", lang),
             *(f"{category_name('skills', c.key, lang)} (/{number(c.maximum, lang)})" for c in skills)]
    rows = []
    for record in book.to_dict("records"):
        name = names.get(int(record["learner_id"]), "?")
        rows.append([
            tr("class_left_mark", lang, name=name) if record["left"] else name,
            str(int(record["answered"])),
            number(record["score"], lang),
            pct(_num(record["percent"] / 100), lang),
            *(number(record[c.name], lang) for c in skills),
        ])
    return {"heads": heads, "rows": rows}


def _short(text: str, limit: int = 160) -> str:
    """A prompt on one line (a block quote's ">" markers dropped), cut at ``limit`` characters."""
    flat = " ".join(word for word in str(text).split() if word != ">")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _num(value: float | None) -> float | None:
    """``value`` as a float, or None when it is missing (None or NaN)."""
    return None if value is None or pd.isna(value) else float(value)
