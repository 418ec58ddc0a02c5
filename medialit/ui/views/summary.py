"""The summary of a lesson: total and per-skill scores, first vs final impression, the document
with the expected passages beside the student's marks, and every question with its points.

Shown once the student finishes the lesson (finishing reveals every correction and ends retries).
"""

from __future__ import annotations

import streamlit as st

from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.i18n import number, tr
from medialit.questions.rating import RatingQuestion
from medialit.questions.registry import kind_of
from medialit.ui import actions, document, keys
from medialit.ui.derived import shown, skills
from medialit.ui.feedback import ICONS, VERDICT_KEYS, verdict
from medialit.ui.lessonstate import LessonState, forget, lesson_state
from medialit.ui.views.lesson import unavailable


def page(lesson_id: str, lang: str) -> None:
    loaded = library().by_id(lesson_id)
    if loaded is None:
        unavailable(lesson_id, lang)
        return
    forget(lesson_id)  # read afresh: a teacher may have reviewed an answer since the lesson page cached it
    state = lesson_state(lesson_id)
    back, home, _ = st.columns([1, 1, 2])
    back.button(f"← {tr('ui_back_to_lesson', lang)}", key=keys.BACK, on_click=actions.to_lesson, args=(lesson_id,))
    home.button(tr("ui_all_lessons", lang), key="ui-home", on_click=actions.to_catalogue)
    st.title(tr("ui_summary_title", lang, title=loaded.t(loaded.lesson.title, lang)))
    if not state.finished:
        confirm(loaded, state, lang)
        return
    totals(loaded, state, lang)
    impressions(loaded, state, lang)
    review(loaded, state, lang)
    table(loaded, state, lang)


def confirm(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """Finishing shows every correction and ends the retries: ask first."""
    missing = sum(1 for q in loaded.lesson.questions if q.id not in state.answers)
    st.info(tr("ui_finish_confirm", lang))
    if missing:
        st.warning(tr("ui_unanswered", lang, n=missing))
    st.button(tr("ui_finish_now", lang), key=keys.finish(loaded.lesson.id), type="primary",
              on_click=actions.finish, args=(loaded.lesson.id,))


def skill_scores(loaded: LoadedLesson, state: LessonState, lang: str) -> list[tuple[str, float, float]]:
    """(skill name, earned, possible) for each skill with scored questions."""
    rows = []
    for skill, name in skills(loaded, lang):
        scored = [q for q in loaded.lesson.questions if q.skill == skill and q.is_scored()]
        if scored:
            earned = sum(state.answers[q.id].final_earned for q in scored if q.id in state.answers)
            rows.append((name, earned, sum(q.points for q in scored)))
    return rows


def totals(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    scored = [q for q in loaded.lesson.questions if q.is_scored()]
    earned = sum(state.answers[q.id].final_earned for q in scored if q.id in state.answers)
    total = sum(q.points for q in scored)
    answered = sum(1 for q in loaded.lesson.questions if q.id in state.answers)
    left, right = st.columns(2)
    left.metric(tr("ui_total_score", lang), f"{number(earned, lang)} / {number(total, lang)} pt")
    right.metric(tr("ui_answered", lang), f"{answered} / {len(loaded.lesson.questions)}")
    rows = skill_scores(loaded, state, lang)
    if not rows:
        return
    st.subheader(tr("ui_by_skill", lang))
    st.markdown("\n".join("- " + tr("ui_skill_row", lang, name=name, pts=float(e), max=float(p), pct=round(100 * e / p))
                          for name, e, p in rows))
    values = [
        {"skill": name, "percent": round(100 * e / p), "points": f"{number(e, lang)} / {number(p, lang)}"}
        for name, e, p in rows
    ]
    st.vega_lite_chart(
        {
            "data": {"values": values},
            "mark": {"type": "bar", "cornerRadiusEnd": 3},
            "encoding": {
                "y": {"field": "skill", "type": "nominal", "sort": None, "title": None},
                "x": {
                    "field": "percent",
                    "type": "quantitative",
                    "scale": {"domain": [0, 100]},
                    "title": "%",
                    "axis": {"values": [0, 25, 50, 75, 100]},
                },
                "tooltip": [{"field": "skill"}, {"field": "points"}, {"field": "percent"}],
            },
        },
        height=40 * len(values) + 40,
        alt=tr("ui_by_skill", lang),
    )


def impressions(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """The first-impression rating beside the final one (questions with ``impression``)."""
    found: dict[str, str] = {}
    for q in loaded.lesson.questions:
        when = getattr(q, "impression", None)  # a rating asked before and after the lesson
        answer = state.answers.get(q.id)
        if (
            when
            and isinstance(q, RatingQuestion)
            and answer is not None
            and (answer.raw or {}).get("value") is not None
        ):
            found[when] = q.value_text(answer.raw["value"], lang, loaded.lesson.language)
    if not found:
        return
    st.subheader(tr("ui_impressions", lang))
    before, after = st.columns(2)
    before.metric(tr("ui_impression_before", lang), found.get("before", "—"))
    after.metric(tr("ui_impression_after", lang), found.get("after", "—"))


def review(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """The document with every expected passage and every mark of the questions answered by marking it."""
    marked = [q for q in loaded.lesson.questions if q.marks_text and q.id in state.answers]
    if not marked or not loaded.text:
        return
    st.subheader(tr("ui_review_document", lang))
    st.caption(tr("ui_review_legend", lang))
    merged: dict[str, dict] = {}
    for q in marked:
        view = kind_of(q).widget.document_view(
            q, loaded, state.answers[q.id], composing=False, full=True, marking_key="", lang=lang
        )
        for layer in view.layers:
            merged.setdefault(layer["name"], {**layer, "spans": []})["spans"].extend(layer["spans"])
    layers = list(merged.values())
    document.show(loaded, lang, layers=layers, height=None, view_key=keys.review(loaded.lesson.id))


def table(loaded: LoadedLesson, state: LessonState, lang: str) -> None:
    """Every question with its result, points and tries."""
    st.subheader(tr("ui_all_questions", lang))
    head = [
        tr(c, lang)
        for c in ("ui_col_n", "ui_col_question", "ui_col_skill", "ui_col_result", "ui_col_points", "ui_col_tries")
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    names = dict(skills(loaded, lang))
    for i, q in enumerate(loaded.lesson.questions, start=1):
        answer = state.answers.get(q.id)
        prompt = " ".join(shown(loaded, q.id, lang)["prompt"].split()).replace("|", "\\|")
        prompt = prompt if len(prompt) <= 90 else prompt[:89].rstrip() + "…"
        if answer is None:
            result, points, tries = "– " + tr("ui_not_answered", lang), f"0 / {number(q.points, lang)}", "0"
        else:
            kind = verdict(answer)
            result = f"{ICONS.get(kind, '')} {tr(VERDICT_KEYS[kind], lang)}".strip()
            points = f"{number(answer.final_earned, lang)} / {number(answer.possible, lang)}" if q.is_scored() else "—"
            if answer.pending and answer.self_earned is not None:
                points += " · " + tr("ui_self_short", lang, pts=answer.self_earned)
            tries = str(answer.attempt)
        lines.append(f"| {i} | {prompt} | {names.get(q.skill, q.skill)} | {result} | {points} | {tries} |")
    st.markdown("\n".join(lines))
