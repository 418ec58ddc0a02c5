"""The dashboard's panels: each draws one view of a class from :class:`ClassData` (read-only, no widgets
except the read-only heatmap), so the live fragment can redraw them every few seconds."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medialit import analytics as an
from medialit.classroom.data import ClassData
from medialit.classroom.report import alpha_text
from medialit.classroom.texts import t
from medialit.loader import LoadedLesson
from medialit.ui.highlight import highlight_text
from medialit.vocab import category_name

SKILL_ORDER = ("sourcing", "framing", "loaded_language")


def question_labels(data: ClassData, lesson_id: str | None = None) -> dict[tuple[str, str], str]:
    """``{(lesson, question): "Q3 · the prompt…"}`` for tables."""
    qs = data.questions if lesson_id is None else data.questions[data.questions["lesson_id"] == lesson_id]
    return {(r.lesson_id, r.question_id): f"Q{r.order + 1} · {_short(r.prompt)}" for r in qs.itertuples()}


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(str(text).replace("*", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def metrics(data: ClassData, roster: pd.DataFrame, lang: str) -> None:
    a, b, c = st.columns(3)
    a.metric(t("metric_students", lang), len(data.learners))
    b.metric(t("metric_answers", lang), len(data.answers))
    c.metric(t("metric_review", lang), int(roster["to_review"].sum()) if len(roster) else 0)


def roster_panel(data: ClassData, roster: pd.DataFrame, lang: str) -> None:
    st.subheader(t("roster", lang))
    if roster.empty:
        st.info(t("no_students", lang))
        return
    labels = question_labels(data)
    table = pd.DataFrame({
        t("col_pseudonym", lang): roster["pseudonym"],
        t("col_progress", lang): roster["progress"] * 100,
        t("col_answered", lang): roster["answered"].astype(str) + "/" + roster["total"].astype(str),
        t("col_score", lang): roster["score"].round(2).astype(str) + "/" + roster["possible"].round(2).astype(str),
        t("col_percent", lang): roster["percent"].round(0),
        t("col_current", lang): [labels.get((lesson, q), "") if isinstance(q, str) else ""
                                 for lesson, q in zip(roster["current_lesson"], roster["current_question"],
                                                      strict=True)],
        t("col_last", lang): roster["last_activity"],
        t("col_review", lang): roster["to_review"],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="roster-table", column_config={
        t("col_progress", lang): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f %%"),
        t("col_percent", lang): st.column_config.NumberColumn(format="%.0f %%"),
        t("col_last", lang): st.column_config.DatetimeColumn(format="HH:mm:ss"),
    })


def items_panel(data: ClassData, lesson_id: str, lang: str) -> None:
    """Facility and discrimination per question, alpha, and the options chosen with their misconceptions."""
    st.subheader(t("items", lang))
    items, alpha = an.lesson_items(data.marks, data.questions, lesson_id)
    labels = question_labels(data, lesson_id)
    table = pd.DataFrame({
        t("col_question", lang): [labels[(lesson_id, q)] for q in items["question_id"]],
        t("col_skill", lang): [category_name("skills", s, lang) for s in items["skill"]],
        t("col_answered", lang): items["answered"],
        t("col_facility", lang): items["facility"] * 100,
        t("col_discrimination", lang): items["discrimination"].round(0),
    })
    st.dataframe(table, hide_index=True, width="stretch", key="items-table", column_config={
        t("col_facility", lang): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f %%"),
    })
    st.caption(t("items_help", lang))
    st.markdown(f"**{t('alpha', lang)}** — {alpha_text(alpha, lang)}")
    options_panel(data, lesson_id, labels, lang)


def options_panel(data: ClassData, lesson_id: str, labels: dict, lang: str) -> None:
    table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
    if table.empty:
        return
    st.markdown(f"**{t('options', lang)}**")
    for question_id, rows in table.groupby("question_id", sort=False):
        st.caption(labels[(lesson_id, question_id)])
        view = pd.DataFrame({
            t("col_option", lang): rows["text"],
            t("col_chosen", lang): rows["share"].fillna(0) * 100,
            "n": rows["count"],
            t("col_correct", lang): rows["correct"].map({True: "✓", False: ""}),
            t("col_misconception", lang): rows["misconception"].fillna(""),
        })
        st.dataframe(view, hide_index=True, width="stretch", key=f"options-{question_id}", column_config={
            t("col_chosen", lang): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f %%"),
        })


def heatmap_panel(data: ClassData, loaded: LoadedLesson, question_id: str | None, lang: str) -> None:
    """The class's marks over the document (read-only), beside the expected passages."""
    st.subheader(t("heatmap", lang))
    if question_id is None:
        return
    heat = an.heat_counts(data.marks, loaded.lesson.id, question_id, len(loaded.text))
    expected = [list(span) for span in an.expected_spans(loaded, question_id)]
    st.caption(t("heat_legend", lang))
    highlight_text(loaded.text, key=f"heat-{loaded.lesson.id}-{question_id}", heat=heat, readonly=True, height=520,
                   layers=[{"name": "expected", "spans": expected, "title": t("heat_expected", lang)}],
                   labels={"heat": t("heat_n", lang, n="{n}"), "heat_legend": t("heat_legend", lang)})


def skills_panel(data: ClassData, lang: str) -> None:
    st.subheader(t("skills", lang))
    profile = an.skill_profile(data.marks, data.questions)
    chart = pd.DataFrame({"%": (profile["share"].fillna(0) * 100).round(0).to_numpy()},
                         index=[category_name("skills", s, lang) for s in profile["skill"]])
    st.bar_chart(chart, horizontal=True, height=180, y_label="", x_label="%")


def ratings_panel(data: ClassData, lang: str) -> None:
    """First impression vs final rating, and discernment on the reliability drills."""
    impressions = an.impressions(data.marks, data.questions)
    if not impressions.empty:
        st.subheader(t("impressions", lang))
        for row in an.impression_means(impressions).itertuples():
            st.markdown(t("impression_means", lang, lesson=data.lesson_title(row.lesson_id, lang),
                          before=_f(row.before), after=_f(row.after), change=_f(row.change), pairs=row.pairs))
        st.dataframe(impressions.rename(columns={
            "pseudonym": t("col_pseudonym", lang), "before": t("col_before", lang),
            "after": t("col_after", lang), "change": t("col_change", lang)}).drop(columns=["learner_id"]),
            hide_index=True, width="stretch", key="impressions-table")
    table = an.discernment(data.marks, data.questions)
    if table.empty:
        return
    st.subheader(t("discernment", lang))
    klass = an.class_discernment(data.marks, data.questions)
    st.markdown(t("discernment_class", lang, d=_f(klass.discernment), r=_f(klass.reliable),
                  u=_f(klass.unreliable), m=_f(klass.mean_rating), n=klass.students))
    st.caption(t("discernment_help", lang))
    st.dataframe(table.drop(columns=["learner_id", "items"]).rename(columns={
        "pseudonym": t("col_pseudonym", lang), "reliable": t("col_reliable", lang),
        "unreliable": t("col_unreliable", lang), "discernment": t("col_discernment", lang),
        "mean_rating": t("col_mean_rating", lang)}), hide_index=True, width="stretch", key="discernment-table")


def _f(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.2f}".rstrip("0").rstrip(".")
