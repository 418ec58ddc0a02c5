"""Feedback on a stored answer, drawn from the Score the store kept (never re-scored here).

The same for every question type: the result banner, how the points were computed, what the student
gave (the type's widget says it), one line per part of the score, and the teaching. ``full`` feedback
shows every part, the explanation and the model answer. While the student may still try again it is
*reduced*: each part shows what its scorer allows (``Part.reduced``), what was missed stays hidden,
and so do the explanation and the model answer, so a retry is not a copy.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from medialit.format.loader import LoadedLesson
from medialit.format.text import quoted_markdown
from medialit.i18n import number, tr
from medialit.questions import QuestionBase
from medialit.questions.registry import kind_of
from medialit.store import Answer, get_store

# Plain text symbols, not emoji: school computers (and headless browsers) often lack an emoji font.
ICONS = {"right": "✓", "partial": "◐", "wrong": "✗", "extra": "✗", "missed": "–", "neutral": "·", "info": "·",
         "held": "⧗"}
VERDICT_KEYS = {"right": "ui_verdict_right", "partial": "ui_verdict_partial", "wrong": "ui_verdict_wrong",
                "extra": "ui_verdict_extra", "missed": "ui_verdict_missed", "unscored": "ui_verdict_unscored",
                "held": "ui_verdict_held"}


def verdict(answer: Answer) -> str:
    """right / partial / wrong / unscored / held for a stored answer (a teacher's override counts)."""
    result = answer.result or {}
    if not result.get("scored", True) or answer.possible <= 0:
        return "unscored"
    if answer.pending:
        return "held"
    earned = answer.final_earned
    if earned >= answer.possible - 1e-9:
        return "right"
    return "partial" if earned > 0 else "wrong"


def render(loaded: LoadedLesson, q: QuestionBase, answer: Answer, lang: str, full: bool,
           self_study: bool = False) -> None:
    """The result banner, how the points were computed, the parts, and (if ``full``) the teaching."""
    result: dict[str, Any] = answer.result or {}
    _banner(answer, lang)
    if answer.content_hash != loaded.content_hash:
        st.caption(tr("ui_lesson_edited_since", lang))
    if result.get("how"):
        st.caption(result["how"])
    if answer.overridden:
        comment = f" — {answer.override_comment}" if answer.override_comment else ""
        st.info(tr("ui_teacher_override", lang, pts=answer.final_earned, max=answer.possible) + comment)
    given = kind_of(q).widget.given(q, loaded, answer, lang)
    if given:
        st.markdown(given)
    if not full and result.get("retry_lines"):
        lines = list(result["retry_lines"])  # the scorer's own words for a retry: no part gives the key away
    else:
        lines = [line for part in result.get("parts", []) if (line := part_line(part, lang, full))]
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))
    if full:
        _teaching(loaded, q, lang)
        if answer.pending and self_study:
            self_assessment(answer, lang)


def _banner(answer: Answer, lang: str) -> None:
    state = verdict(answer)
    pts = {"pts": answer.final_earned, "max": answer.possible}
    if state == "unscored":
        st.info(tr("ui_result_recorded", lang))
    elif state == "held":
        st.info(tr("ui_result_held", lang, max=answer.possible))
    elif state == "right":
        st.success(tr("ui_result_right", lang, **pts))
    elif state == "partial":
        st.warning(tr("ui_result_partial", lang, **pts))
    else:
        st.error(tr("ui_result_wrong", lang, **pts))


def part_line(part: dict, lang: str, full: bool) -> str:
    """One part of a stored score as a Markdown line ("" when it must not be shown yet)."""
    kind = part.get("verdict", "info")
    reduced = "all" if full else "hidden" if kind == "missed" else part.get("reduced") or "all"
    if reduced == "hidden":
        return ""
    word = part.get("word") or (tr(VERDICT_KEYS[kind], lang) if kind in VERDICT_KEYS else "")
    head = f"{ICONS.get(kind, '·')} *{word}*" if word else ICONS.get(kind, "·")
    if reduced == "verdict_only":
        return head
    label = part.get("label", "")
    label = quoted_markdown(label) if part.get("quoted") else f"**{label}**" if label else ""
    if part.get("given"):
        label = f"{label} → {tr('ui_your_category', lang, name=part['given'])}"
    if part.get("possible"):
        label += f" ({number(part.get('earned', 0), lang)}/{number(part['possible'], lang)} pt)"
    feedback = part.get("feedback", "") if reduced == "all" else ""
    body = " — ".join(x for x in (label, feedback) if x.strip())
    return f"{head} · {body}" if body else head


def _teaching(loaded: LoadedLesson, q: QuestionBase, lang: str) -> None:
    """The explanation and the model answer, each with its title in the same Markdown element."""
    explanation = loaded.t(q.explanation, lang)
    if explanation:
        st.markdown(f"**{tr('ui_explanation', lang)}**\n\n{explanation}")
    model = loaded.t(getattr(q, "model_answer", None), lang)
    if model:
        with st.container(border=True):
            st.markdown(f"**{tr('ui_model_answer', lang)}**\n\n{model}")


def self_assessment(answer: Answer, lang: str) -> None:
    """In self-study, a held answer has no teacher: the student compares it with the criteria and the
    model answer above, and gives themselves the points of the criteria met (recorded apart)."""
    criteria = [p for p in (answer.result or {}).get("parts", []) if p.get("possible")]
    with st.container(border=True):
        st.markdown(f"**{tr('ui_self_title', lang)}**")
        st.caption(tr("ui_self_help", lang))
        with st.form(key=f"self-{answer.id}", border=False):
            for n, part in enumerate(criteria):
                st.checkbox(f"{part.get('label', '')} ({number(part['possible'], lang)} pt)",
                            key=f"self-{answer.id}-{n}")
            st.form_submit_button(tr("ui_self_save", lang), on_click=save_self_assessment,
                                  args=(answer.id, [p["possible"] for p in criteria], answer.possible))
        if answer.self_earned is not None:
            st.success(tr("ui_self_recorded", lang, pts=answer.self_earned, max=answer.possible))


def save_self_assessment(answer_id: int, weights: list[float], possible: float) -> None:
    """The form's callback: the points of the criteria ticked, stored before the page is redrawn."""
    from medialit.ui.lessonstate import forget

    earned = sum(w for n, w in enumerate(weights) if st.session_state.get(f"self-{answer_id}-{n}"))
    get_store().self_assess(answer_id, min(earned, possible))
    forget()
