"""The dashboard's panels: each draws one view of a class from :class:`ClassData` (read-only, no widgets
except the read-only heatmap), so the live fragment can redraw them every few seconds.

Tables are ``st.table`` with text the app wrote itself: they wrap (readable at 1366 px), show "–"
for a missing value (never None/NaN), carry an accessible description, and bring no framework
toolbar with English tooltips. Pseudonyms are escaped (cells are Markdown).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medialit import analytics as an
from medialit.classroom.charts import pct, svg_bars
from medialit.classroom.csv_export import question_label
from medialit.classroom.data import ClassData
from medialit.classroom.report import alpha_text, impression_sentence
from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.format.vocab import category_name
from medialit.i18n import number, time_text, tr
from medialit.ui.highlight import highlight_text

SKILL_ORDER = ("sourcing", "framing", "loaded_language")


def question_labels(data: ClassData, lesson_id: str | None = None, lang: str = "fr") -> dict[tuple[str, str], str]:
    """``{(lesson, question): "Q3 · the prompt…"}`` (one lesson) or ``"Q3"`` / ``"L2 Q3"`` (all lessons)."""
    qs = data.questions if lesson_id is None else data.questions[data.questions["lesson_id"] == lesson_id]
    rows = an.typed_rows(qs, an.QuestionRow)
    several = len(data.lessons) > 1
    if lesson_id is None:
        return {(r.lesson_id, r.question_id): question_label(r.lesson_order, r.order, several, lang) for r in rows}
    return {(r.lesson_id, r.question_id): f"Q{r.order + 1} · {_short(r.prompt)}" for r in rows}


def _short(text: str, limit: int = 90) -> str:
    """A prompt on one line, without Markdown's emphasis and quote marks, cut at ``limit`` characters."""
    flat = " ".join(word for word in str(text).replace("*", "").split() if word != ">")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _pct(value: float | None, lang: str) -> str:
    return pct(None if value is None or pd.isna(value) else float(value) / 100, lang)


def _time(value: object, lang: str) -> str:
    return time_text(value.to_pydatetime(), lang) if isinstance(value, pd.Timestamp) and not pd.isna(value) else "–"


def metrics(data: ClassData, queue: pd.DataFrame, lang: str) -> None:
    """Students present, answers, and answers to review (the length of the grading queue shown below)."""
    present = int(data.learners["left_at"].isna().sum()) if "left_at" in data.learners else len(data.learners)
    a, b, c = st.columns(3)
    a.metric(tr("class_metric_students", lang), present)
    b.metric(tr("class_metric_answers", lang), len(data.answers))
    c.metric(tr("class_metric_review", lang), len(queue))


def roster_panel(data: ClassData, roster: pd.DataFrame, queue: pd.DataFrame, lang: str) -> None:
    """One line per student (joining order); "to review" counts the grading queue's lines."""
    st.subheader(tr("class_roster", lang))
    if roster.empty:
        st.info(tr("class_no_students", lang))
        return
    labels = question_labels(data, lang=lang)
    waiting = queue.groupby("learner_id").size() if len(queue) else pd.Series(dtype=int)
    left = set(data.learners.loc[data.learners["left_at"].notna(), "learner_id"]) if "left_at" in data.learners \
        else set()
    rows = list(an.typed_rows(roster, an.RosterRow))
    table = pd.DataFrame({
        tr("class_col_pseudonym", lang): [
            escape_markdown(tr("class_left_mark", lang, name=r.pseudonym or "?") if r.learner_id in left
                            else r.pseudonym or "?") for r in rows],
        tr("class_col_progress", lang): [
            f"{r.answered}/{r.total} · {_pct(r.progress * 100, lang)}" for r in rows],
        tr("class_col_score", lang): [f"{number(r.score, lang)}/{number(r.possible, lang)}" for r in rows],
        tr("class_col_percent", lang): [_pct(r.percent, lang) for r in rows],
        tr("class_col_current", lang): [
            labels.get((str(r.current_lesson), str(r.current_question)), "–") for r in rows],
        tr("class_col_last", lang): [_time(r.last_activity, lang) for r in rows],
        tr("class_col_review", lang): [str(int(waiting.get(r.learner_id, 0))) for r in rows],
    })
    st.table(table, hide_index=True, alt=tr("class_roster_alt", lang))


def items_panel(data: ClassData, lesson_id: str, lang: str) -> None:
    """Facility and discrimination per question, alpha, and the options chosen with their misconceptions."""
    items, alpha = an.lesson_items(data.marks, data.questions, lesson_id)
    labels = question_labels(data, lesson_id, lang)
    if items.empty:  # a drill of opinions only: nothing to analyse as a test
        options_panel(data, lesson_id, labels, lang)
        return
    st.subheader(tr("class_items", lang))
    rows = list(an.typed_rows(items, an.ItemRow))
    table = pd.DataFrame({
        tr("class_col_question", lang): [labels[(lesson_id, r.question_id)] for r in rows],
        tr("class_col_facility", lang): [_pct(r.facility * 100, lang) for r in rows],
        tr("class_col_discrimination", lang): [number(r.discrimination, lang, 0) for r in rows],
        tr("class_col_answered", lang): [str(int(r.answered)) for r in rows],
        tr("class_col_skill", lang): [category_name("skills", r.skill, lang) for r in rows],
    })
    st.table(table, hide_index=True, alt=tr("class_items_alt", lang))
    st.caption(tr("class_items_help", lang))
    st.markdown(f"**{tr('class_alpha', lang)}** — {alpha_text(alpha, lang)}")
    options_panel(data, lesson_id, labels, lang)


def options_panel(data: ClassData, lesson_id: str, labels: dict, lang: str) -> None:
    table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
    if table.empty:
        return
    st.markdown(f"**{tr('class_options', lang)}**")
    for question_id, group in table.groupby("question_id", sort=False):
        label = labels[(lesson_id, question_id)]
        st.caption(label)
        rows = list(an.typed_rows(group, an.OptionShareRow))
        view = pd.DataFrame({
            tr("class_col_option", lang): [r.text for r in rows],
            tr("class_col_chosen", lang): [
                tr("class_chosen_n", lang, n=int(r.count), pct=_pct(r.share * 100 if r.share == r.share else None,
                                                                     lang)) for r in rows],
            tr("class_col_correct", lang): ["✓" if r.correct else "" for r in rows],
            tr("class_col_misconception", lang): [r.misconception if isinstance(r.misconception, str) else ""
                                                  for r in rows],
        })
        st.table(view, hide_index=True, alt=tr("class_options_alt", lang, question=label))


def heatmap_panel(data: ClassData, loaded: LoadedLesson, question_id: str | None, lang: str) -> None:
    """The class's marks over the document (read-only), beside the expected passages."""
    st.subheader(tr("class_heatmap", lang))
    if question_id is None:
        return
    st.caption(question_labels(data, loaded.lesson.id, lang).get((loaded.lesson.id, question_id), ""))
    heat = an.heat_counts(data.marks, loaded.lesson.id, question_id, len(loaded.text))
    expected = [list(span) for span in an.expected_spans(loaded, question_id)]
    highlight_text(
        loaded.text,
        key=f"heat-{loaded.lesson.id}-{question_id}",
        heat=heat,
        readonly=True,
        height=520,
        layers=[{"name": "expected", "spans": expected, "title": tr("class_heat_expected", lang)}],
        labels={"heat": tr("class_heat_n", lang, n="{n}"), "heat_legend": tr("class_heat_legend", lang)},
    )


def skills_panel(data: ClassData, lang: str) -> None:
    """The class's share of the points per skill, as the printed report draws it (plain SVG: no chart
    toolbar, no framework strings, an accessible name)."""
    st.subheader(tr("class_skills", lang))
    profile = an.skill_profile(data.marks, data.questions)
    items = [(category_name("skills", row.skill, lang), None if pd.isna(row.share) else float(row.share))
             for row in an.typed_rows(profile, an.SkillShareRow)]
    st.html(svg_bars(items, width=420, lang=lang, title=tr("class_skills", lang)))


def ratings_panel(data: ClassData, lang: str) -> None:
    """First impression vs final rating, and discernment on the reliability drills: class sentence, then table."""
    impressions = an.impressions(data.marks, data.questions)
    discernment = an.discernment(data.marks, data.questions)
    parts = []
    if not impressions.empty:
        parts.append(lambda: impressions_part(data, impressions, lang))
    if not discernment.empty:
        parts.append(lambda: discernment_part(data, discernment, lang))
    if not parts:
        return
    for column, draw_part in zip(st.columns(len(parts), gap="large"), parts, strict=True):
        with column:
            draw_part()


def impressions_part(data: ClassData, impressions: pd.DataFrame, lang: str) -> None:
    st.subheader(tr("class_impressions", lang))
    for row in an.typed_rows(an.impression_means(impressions), an.ImpressionMeanRow):
        st.markdown(escape_markdown(impression_sentence(data, row, lang)))
    rows = impressions.to_dict("records")
    st.table(pd.DataFrame({
        tr("class_col_pseudonym", lang): [escape_markdown(str(r["pseudonym"] or "?")) for r in rows],
        tr("class_lesson_pick", lang): [data.lesson_title(str(r["lesson_id"]), lang) for r in rows],
        tr("class_col_before", lang): [number(r["before"], lang) for r in rows],
        tr("class_col_after", lang): [number(r["after"], lang) for r in rows],
        tr("class_col_change", lang): [number(r["change"], lang) for r in rows],
    }), hide_index=True, alt=tr("class_impressions", lang))


def discernment_part(data: ClassData, table: pd.DataFrame, lang: str) -> None:
    st.subheader(tr("class_discernment", lang))
    klass = an.class_discernment(data.marks, data.questions)
    st.markdown(
        tr(
            "class_discernment_class",
            lang,
            d=number(klass.discernment, lang),
            r=number(klass.reliable, lang),
            u=number(klass.unreliable, lang),
            m=number(klass.mean_rating, lang),
            n=klass.students,
        )
    )
    st.caption(tr("class_discernment_help", lang))
    rows = list(an.typed_rows(table, an.DiscernmentRow))
    st.table(pd.DataFrame({
        tr("class_col_pseudonym", lang): [escape_markdown(r.pseudonym or "?") for r in rows],
        tr("class_col_reliable", lang): [number(r.reliable, lang) for r in rows],
        tr("class_col_unreliable", lang): [number(r.unreliable, lang) for r in rows],
        tr("class_col_discernment", lang): [number(r.discernment, lang) for r in rows],
        tr("class_col_mean_rating", lang): [number(r.mean_rating, lang) for r in rows],
    }), hide_index=True, alt=tr("class_discernment", lang))
