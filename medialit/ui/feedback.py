"""Feedback on a stored answer, drawn from the Score the store kept (never re-scored here).

``full`` feedback shows every part, the explanation and the model answer. While the student may
still try again it is *reduced*: what they gave is marked right or wrong (and choice options
explain themselves), but what they missed, the explanation and the model answer wait, so a
retry is not a copy.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from medialit.i18n import tr
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.scoring import fmt
from medialit.store import Answer
from medialit.ui.derived import text
from medialit.ui.inputs import quote_md
from medialit.vocab import category_name

# Plain text symbols, not emoji: school computers (and headless browsers) often lack an emoji font.
ICONS = {"right": "✓", "partial": "◐", "wrong": "✗", "extra": "✗", "missed": "–", "neutral": "·", "info": "·"}
QUOTED_LABELS = ("highlight", "label")


def verdict(answer: Answer) -> str:
    """right / partial / wrong / unscored for a stored answer (a teacher's override counts)."""
    result = answer.result or {}
    if not result.get("scored", True) or answer.possible <= 0:
        return "unscored"
    earned = answer.final_earned
    if earned >= answer.possible - 1e-9:
        return "right"
    return "partial" if earned > 0 else "wrong"


def render(loaded: LoadedLesson, q: QuestionBase, answer: Answer, lang: str, full: bool) -> None:
    """The result banner, how the points were computed, the parts, and (if ``full``) the teaching."""
    result: dict[str, Any] = answer.result or {}
    _banner(answer, lang)
    if answer.content_hash != loaded.content_hash:
        st.caption(tr("ui_lesson_edited_since", lang))
    if result.get("how"):
        st.caption(result["how"])
    if answer.overridden:
        comment = f" — {answer.override_comment}" if answer.override_comment else ""
        st.info(tr("ui_teacher_override", lang, pts=fmt(answer.final_earned), max=fmt(answer.possible)) + comment)
    _yours(loaded, q, answer, lang)
    lines = [_part_line(q, part, answer.raw or {}, lang, full) for part in result.get("parts", [])]
    lines = [line for line in lines if line]
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))
    if full:
        _teaching(loaded, q, lang)


def _banner(answer: Answer, lang: str) -> None:
    state = verdict(answer)
    pts = {"pts": fmt(answer.final_earned), "max": fmt(answer.possible)}
    if state == "unscored":
        st.info(tr("ui_result_recorded", lang))
    elif state == "right":
        st.success(tr("ui_result_right", lang, **pts))
    elif state == "partial":
        st.warning(tr("ui_result_partial", lang, **pts))
    else:
        st.error(tr("ui_result_wrong", lang, **pts))


def _yours(loaded: LoadedLesson, q: QuestionBase, answer: Answer, lang: str) -> None:
    raw = answer.raw or {}
    if q.type == "free_text":
        quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in str(raw.get("text", "")).splitlines())
        st.markdown(f"**{tr('ui_your_text', lang)}**\n\n{quoted}")
    elif q.type == "rating" and raw.get("value") is not None:
        label = text(loaded, q.labels.get(raw["value"]), lang)  # type: ignore[attr-defined]
        name = f" — {label}" if label else ""
        st.markdown(tr("ui_your_rating", lang, value=f"{raw['value']}{name}"))
    elif q.type == "highlight":
        st.caption(tr("ui_marks_in_document", lang))


def _part_line(q: QuestionBase, part: dict, raw: dict, lang: str, full: bool) -> str:
    kind = part.get("verdict", "info")
    if not full and kind == "missed":
        return ""
    label = quote_md(part.get("label", "")) if q.type in QUOTED_LABELS else f"**{part.get('label', '')}**"
    feedback = part.get("feedback", "")
    if q.type == "label":
        picked = (raw.get("labels") or {}).get(part.get("key"))
        mine = category_name(q.vocabulary, picked, lang) if picked else "—"  # type: ignore[attr-defined]
        label = f"{label} → {tr('ui_your_category', lang, name=mine)}"
        if not full and kind == "wrong":
            feedback = ""
    if q.type == "highlight" and not full and kind == "partial":
        feedback = tr("highlight_partly", lang)
        label = ""
    points = ""
    if q.type in ("free_text", "label") and part.get("possible"):
        points = f" ({fmt(part.get('earned', 0))}/{fmt(part['possible'])} pt)"
    body = " — ".join(x for x in (label + points, feedback) if x.strip())
    word = "" if q.type == "highlight" or kind in ("neutral", "info") else f"*{tr('ui_verdict_' + kind, lang)}* · "
    return f"{ICONS.get(kind, 'ℹ️')} {word}{body}"


def _teaching(loaded: LoadedLesson, q: QuestionBase, lang: str) -> None:
    """The explanation and the model answer, each with its title in the same Markdown element."""
    explanation = text(loaded, q.explanation, lang)
    if explanation:
        st.markdown(f"**{tr('ui_explanation', lang)}**\n\n{explanation}")
    model = text(loaded, getattr(q, "model_answer", None), lang)
    if model:
        with st.container(border=True):
            st.markdown(f"**{tr('ui_model_answer', lang)}**\n\n{model}")
