"""The dashboard's panels: each draws one view of a class from :class:`ClassData` (read-only, no widgets
except the read-only heatmap), so the live fragment can redraw them every few seconds."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medialit import analytics as an
from medialit.classroom.data import ClassData
from medialit.classroom.report import alpha_text
from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.i18n import number, tr
from medialit.ui.highlight import highlight_text

SKILL_ORDER = ("sourcing", "framing", "loaded_language")


def question_labels(data: ClassData, lesson_id: str | None = None, lang: str = "fr") -> dict[tuple[str, str], str]:
    """``{(lesson, question): "Q3 · the prompt…"}`` (one lesson) or ``"Lesson title · Q3"`` (all lessons)."""
    qs = data.questions if lesson_id is None else data.questions[data.questions["lesson_id"] == lesson_id]
    rows = an.typed_rows(qs, an.QuestionRow)
    if lesson_id is None:
        return {(r.lesson_id, r.question_id): f"{_short(data.lesson_title(r.lesson_id, lang), 28)} · Q{r.order + 1}"
                for r in rows}
    return {(r.lesson_id, r.question_id): f"Q{r.order + 1} · {_short(r.prompt)}" for r in rows}


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(str(text).replace("*", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _pct(value: float | None) -> str:
    return "–" if value is None or pd.isna(value) else f"{round(float(value))} %"


def metrics(data: ClassData, roster: pd.DataFrame, lang: str) -> None:
    a, b, c = st.columns(3)
    a.metric(tr("class_metric_students", lang), len(data.learners))
    b.metric(tr("class_metric_answers", lang), len(data.answers))
    c.metric(tr("class_metric_review", lang), int(roster["to_review"].sum()) if len(roster) else 0)


def roster_panel(data: ClassData, roster: pd.DataFrame, lang: str) -> None:
    st.subheader(tr("class_roster", lang))
    if roster.empty:
        st.info(tr("class_no_students", lang))
        return
    labels = question_labels(data, lang=lang)
    table = pd.DataFrame(
        {
            tr("class_col_pseudonym", lang): roster["pseudonym"],
            tr("class_col_progress", lang): roster["progress"] * 100,
            tr("class_col_answered", lang): roster["answered"].astype(str) + "/" + roster["total"].astype(str),
            tr("class_col_score", lang): [
                f"{number(a, lang)}/{number(b, lang)}" for a, b in zip(roster["score"], roster["possible"], strict=True)
            ],
            tr("class_col_percent", lang): [_pct(p) for p in roster["percent"]],
            tr("class_col_current", lang): [
                labels.get((lesson, q), "") if isinstance(q, str) else ""
                for lesson, q in zip(roster["current_lesson"], roster["current_question"], strict=True)
            ],
            tr("class_col_last", lang): roster["last_activity"],
            tr("class_col_review", lang): roster["to_review"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="roster-table",
        column_config={
            tr("class_col_progress", lang): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%.0f %%"
            ),
            tr("class_col_last", lang): st.column_config.DatetimeColumn(format="HH:mm:ss"),
        },
    )


def items_panel(data: ClassData, lesson_id: str, lang: str) -> None:
    """Facility and discrimination per question, alpha, and the options chosen with their misconceptions."""
    items, alpha = an.lesson_items(data.marks, data.questions, lesson_id)
    labels = question_labels(data, lesson_id, lang)
    if items.empty:  # a drill of opinions only: nothing to analyse as a test
        options_panel(data, lesson_id, labels, lang)
        return
    st.subheader(tr("class_items", lang))
    table = pd.DataFrame(
        {
            tr("class_col_question", lang): [labels[(lesson_id, q)] for q in items["question_id"]],
            tr("class_col_facility", lang): items["facility"] * 100,
            tr("class_col_discrimination", lang): [number(d, lang, 0) for d in items["discrimination"]],
            tr("class_col_answered", lang): items["answered"],
            tr("class_col_skill", lang): [category_name("skills", s, lang) for s in items["skill"]],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="items-table",
        column_config={
            tr("class_col_question", lang): st.column_config.TextColumn(width="large"),
            tr("class_col_facility", lang): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%.0f %%"
            ),
        },
    )
    st.caption(tr("class_items_help", lang))
    st.markdown(f"**{tr('class_alpha', lang)}** — {alpha_text(alpha, lang)}")
    options_panel(data, lesson_id, labels, lang)


def options_panel(data: ClassData, lesson_id: str, labels: dict, lang: str) -> None:
    table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
    if table.empty:
        return
    st.markdown(f"**{tr('class_options', lang)}**")
    for question_id, rows in table.groupby("question_id", sort=False):
        st.caption(labels[(lesson_id, question_id)])
        view = pd.DataFrame(
            {
                tr("class_col_option", lang): rows["text"],
                tr("class_col_chosen", lang): rows["share"].fillna(0) * 100,
                "n": rows["count"],
                tr("class_col_correct", lang): rows["correct"].map({True: "✓", False: ""}),
                tr("class_col_misconception", lang): rows["misconception"].fillna(""),
            }
        )
        st.dataframe(
            view,
            hide_index=True,
            width="stretch",
            key=f"options-{question_id}",
            column_config={
                tr("class_col_chosen", lang): st.column_config.ProgressColumn(
                    min_value=0, max_value=100, format="%.0f %%"
                ),
            },
        )


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
    st.subheader(tr("class_skills", lang))
    profile = an.skill_profile(data.marks, data.questions)
    rows = [
        {
            "skill": category_name("skills", skill, lang),
            "share": None if pd.isna(share) else round(share * 100),
            "points": f"{number(earned, lang)}/{number(possible, lang)}",
        }
        for skill, share, earned, possible in profile[["skill", "share", "earned", "possible"]].itertuples(False)
    ]
    st.vega_lite_chart(
        {
            "data": {"values": rows},
            "mark": {"type": "bar", "color": "#1f5fa8"},
            "encoding": {
                "y": {"field": "skill", "type": "nominal", "sort": None, "title": None},
                "x": {"field": "share", "type": "quantitative", "scale": {"domain": [0, 100]}, "title": "%"},
                "tooltip": [{"field": "skill"}, {"field": "share", "title": "%"}, {"field": "points"}],
            },
            "height": {"step": 34},
        },
        width="stretch",
    )


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
        st.markdown(
            tr(
                "class_impression_means",
                lang,
                lesson=data.lesson_title(row.lesson_id, lang),
                before=number(row.before, lang),
                after=number(row.after, lang),
                change=number(row.change, lang),
                pairs=row.pairs,
            )
        )
    view = impressions.assign(lesson_id=[data.lesson_title(i, lang) for i in impressions["lesson_id"]])
    st.dataframe(
        view.drop(columns=["learner_id"]).rename(
            columns={
                "pseudonym": tr("class_col_pseudonym", lang),
                "lesson_id": tr("class_lesson_pick", lang),
                "before": tr("class_col_before", lang),
                "after": tr("class_col_after", lang),
                "change": tr("class_col_change", lang),
            }
        ),
        hide_index=True,
        width="stretch",
        key="impressions-table",
    )


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
    st.dataframe(
        table.drop(columns=["learner_id", "items"]).rename(
            columns={
                "pseudonym": tr("class_col_pseudonym", lang),
                "reliable": tr("class_col_reliable", lang),
                "unreliable": tr("class_col_unreliable", lang),
                "discernment": tr("class_col_discernment", lang),
                "mean_rating": tr("class_col_mean_rating", lang),
            }
        ),
        hide_index=True,
        width="stretch",
        key="discernment-table",
    )
