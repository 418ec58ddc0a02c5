"""The dashboard's panels: each draws one view of a class from :class:`ClassData` (read-only, no widgets
except the read-only heatmap, the student search and the page buttons), so the live fragment can
redraw them every few seconds.

Every analysis and table is memoised on the ClassData (``data.memo``; the tables are built in
:mod:`.panel_tables`): while the class does not change, the live view hands the panels the same
object and a refresh computes nothing again. Per-student tables (the roster, first impressions,
discernment) show 20 students a page, filtered by the pseudonym the teacher searches for; the
roster lists the students who need attention first.

Tables are ``st.table`` with text the app wrote itself: they wrap (readable at 1366 px), show "–"
for a missing value (never None/NaN), carry an accessible description, and bring no framework
toolbar with English tooltips. Pseudonyms are escaped (cells are Markdown).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medialit import analytics as an
from medialit.classroom.charts import svg_bars
from medialit.classroom.data import ClassData
from medialit.classroom.queue import STRUGGLING, attention_order, find_students
from medialit.classroom.report import impression_sentence
from medialit.format.loader import LoadedLesson
from medialit.format.text import escape_markdown
from medialit.format.vocab import category_name
from medialit.i18n import number, tr
from medialit.ui.highlight import highlight_text
from medialit.ui.teacher import paging
from medialit.ui.teacher import panel_tables as tables

FIND_KEY = "roster-find"
ROSTER_PAGE, IMPRESSIONS_PAGE, DISCERNMENT_PAGE = "roster-page", "impressions-page", "discernment-page"


def metrics(data: ClassData, queue: pd.DataFrame, lang: str) -> None:
    """Students present, answers, and answers to review (the length of the grading queue shown below)."""
    present = int(data.learners["left_at"].isna().sum()) if "left_at" in data.learners else len(data.learners)
    a, b, c = st.columns(3)
    a.metric(tr("class_metric_students", lang), present)
    b.metric(tr("class_metric_answers", lang), len(data.answers))
    c.metric(tr("class_metric_review", lang), len(queue))


def left_ids(data: ClassData) -> set[int]:
    """The learners who left the session."""
    def compute() -> set[int]:
        if "left_at" not in data.learners:
            return set()
        return {int(i) for i in data.learners.loc[data.learners["left_at"].notna(), "learner_id"]}

    return data.memo("left", compute)


def ordered_roster(data: ClassData, queue: pd.DataFrame) -> pd.DataFrame:
    """The roster (students who need attention first); "to review" counts the grading queue's lines."""
    def compute() -> pd.DataFrame:
        roster = an.roster(data.answers, data.questions, data.learners, data.progress)
        waiting = queue.groupby("learner_id").size() if len(queue) else pd.Series(dtype=int)
        roster["to_review"] = roster["learner_id"].map(waiting).fillna(0).astype(int)
        return attention_order(roster, left_ids(data))

    return data.memo("ordered_roster", compute)


def found(data: ClassData, name: str, frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows of ``frame`` (memoised as ``name``) whose pseudonym contains ``query``."""
    return data.memo(("found", name, query), lambda: find_students(frame, query))


def student_search(lang: str) -> str:
    """The "find a student" box (one for every per-student table); a new search goes back to page 1."""
    return st.text_input(tr("class_find_student", lang), key=FIND_KEY, placeholder=tr("class_find_hint", lang),
                         on_change=paging.first_page, args=(ROSTER_PAGE, IMPRESSIONS_PAGE, DISCERNMENT_PAGE))


def roster_panel(data: ClassData, queue: pd.DataFrame, lang: str) -> str:
    """One line per student, those who need attention first, 20 a page; returns the search typed."""
    st.subheader(tr("class_roster", lang))
    roster = ordered_roster(data, queue)
    if roster.empty:
        st.info(tr("class_no_students", lang))
        return ""
    query = student_search(lang)
    rows = found(data, "roster", roster, query)
    if rows.empty:
        st.caption(tr("class_find_none", lang, query=escape_markdown(query.strip())))
        return query
    st.caption(tr("class_roster_order", lang, pct=tables.percent(STRUGGLING, lang)))
    shown = paging.current(rows, ROSTER_PAGE)
    st.table(tables.roster_table(data, shown, query, left_ids(data), lang), hide_index=True,
             alt=tr("class_roster_alt", lang))
    paging.controls(shown, ROSTER_PAGE, lang)
    return query


def items_panel(data: ClassData, lesson_id: str, lang: str) -> None:
    """Facility and discrimination per question, alpha, and the options chosen with their misconceptions."""
    items = tables.items_table(data, lesson_id, lang)
    if items is not None:  # else a drill of opinions only: nothing to analyse as a test
        table, alpha = items
        st.subheader(tr("class_items", lang))
        st.table(table, hide_index=True, alt=tr("class_items_alt", lang))
        st.caption(tr("class_items_help", lang))
        st.markdown(f"**{tr('class_alpha', lang)}** — {alpha}")
    options = tables.option_tables(data, lesson_id, lang)
    if options:
        st.markdown(f"**{tr('class_options', lang)}**")
    for label, view in options:
        st.caption(label)
        st.table(view, hide_index=True, alt=tr("class_options_alt", lang, question=label))


def heatmap_panel(data: ClassData, loaded: LoadedLesson, question_id: str | None, lang: str) -> None:
    """The class's marks over the document (read-only), beside the expected passages."""
    st.subheader(tr("class_heatmap", lang))
    if question_id is None:
        return
    lesson_id = loaded.lesson.id
    st.caption(tables.question_labels(data, lesson_id, lang).get((lesson_id, question_id), ""))
    heat = data.memo(("heat", lesson_id, question_id),
                     lambda: an.heat_counts(data.marks, lesson_id, question_id, len(loaded.text)))
    expected = [list(span) for span in an.expected_spans(loaded, question_id)]
    highlight_text(
        loaded.text,
        key=f"heat-{lesson_id}-{question_id}",
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

    def chart() -> str:
        profile = an.skill_profile(data.marks, data.questions)
        items = [(category_name("skills", row.skill, lang), None if pd.isna(row.share) else float(row.share))
                 for row in an.typed_rows(profile, an.SkillShareRow)]
        return svg_bars(items, width=360, lang=lang, title=tr("class_skills", lang))

    # st.html sanitises SVG away (nothing was drawn); Markdown keeps it. charts.py escapes every label.
    st.markdown(data.memo(("skills_svg", lang), chart), unsafe_allow_html=True)


def ratings_panel(data: ClassData, lang: str, query: str = "") -> None:
    """First impression vs final rating, and discernment on the reliability drills: class sentence, then
    a page of the per-student table (the students whose pseudonym contains ``query``)."""
    impressions = data.memo("impressions", lambda: an.impressions(data.marks, data.questions))
    discernment = data.memo("discernment", lambda: an.discernment(data.marks, data.questions))
    parts = []
    if not impressions.empty:
        parts.append(lambda: impressions_part(data, impressions, lang, query))
    if not discernment.empty:
        parts.append(lambda: discernment_part(data, discernment, lang, query))
    if not parts:
        return
    for column, draw_part in zip(st.columns(len(parts), gap="large"), parts, strict=True):
        with column:
            draw_part()


def impressions_part(data: ClassData, impressions: pd.DataFrame, lang: str, query: str = "") -> None:
    st.subheader(tr("class_impressions", lang))
    means = data.memo("impression_means", lambda: an.impression_means(impressions))
    for row in an.typed_rows(means, an.ImpressionMeanRow):
        st.markdown(escape_markdown(impression_sentence(data, row, lang)))
    shown = paging.current(found(data, "impressions", impressions, query), IMPRESSIONS_PAGE)
    st.table(tables.impressions_table(data, shown, query, lang), hide_index=True, alt=tr("class_impressions", lang))
    paging.controls(shown, IMPRESSIONS_PAGE, lang)


def discernment_part(data: ClassData, table: pd.DataFrame, lang: str, query: str = "") -> None:
    st.subheader(tr("class_discernment", lang))
    klass = data.memo("class_discernment", lambda: an.class_discernment(data.marks, data.questions))
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
    shown = paging.current(found(data, "discernment", table, query), DISCERNMENT_PAGE)
    st.table(tables.discernment_table(data, shown, query, lang), hide_index=True, alt=tr("class_discernment", lang))
    paging.controls(shown, DISCERNMENT_PAGE, lang)
