"""The lab's "Student preview" tab: the editor's lesson drawn by the student app's own functions.

Nothing reaches the database: the preview is a copy of the lesson under another id (``PREFIX`` + id), so
its widgets have their own keys; no learner is created, no ``record_answer``: "Try this answer" scores
in memory and shows the feedback a student would get. Hints are listed (asking for one is stored, and
costs points, in the student app). The answer key adds, per question, what earns the points and the
expected passages as the "expected" layer on the document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import streamlit as st

from medialit.analytics import expected_spans
from medialit.format.loader import LoadedLesson, LoadResult
from medialit.format.vocab import category_name
from medialit.i18n import tr
from medialit.lab.key import key_markdown
from medialit.questions import QuestionBase
from medialit.questions.registry import kind_of
from medialit.store import Answer
from medialit.ui import document, feedback, inputs, keys
from medialit.ui.derived import shown as shown_question
from medialit.ui.derived import skills
from medialit.ui.views.lesson import KIND_KEYS

PREFIX = "lab-preview--"
LANG_KEY, QUESTION_KEY, KEY_TOGGLE = "lab-preview-lang", "lab-preview-question", "lab-preview-key"
DOC_KEY = "lab-preview-doc"
_TRIALS, _MESSAGES = "_lab_trials", "_lab_try_messages"


def preview_copy(loaded: LoadedLesson) -> LoadedLesson:
    """The lesson under the preview's id: its widgets never share a key with a student's."""
    return replace(loaded, lesson=loaded.lesson.model_copy(update={"id": PREFIX + loaded.lesson.id}))


def render(result: LoadResult, lang: str) -> None:
    """The preview, or why there is none (errors)."""
    if result.loaded is None:  # the lesson has errors
        st.info(tr("lab_preview_needs_ok", lang, n=sum(p.severity == "error" for p in result.problems)))
        return
    loaded = preview_copy(result.loaded)
    st.caption(tr("lab_preview_caption", lang))
    if loaded.lesson.is_draft:
        st.info(tr("lab_preview_draft", lang))
    language, index, show_key = controls(loaded, lang)
    q = loaded.lesson.questions[index]
    header(loaded, language)
    trial = _trials().get((loaded.content_hash, q.id))
    if loaded.text:
        left, right = st.columns([3, 2], gap="large")
        with left:
            marks = document_column(loaded, q, trial, show_key, language)
    else:
        marks, right = None, st.container(width=760)
    with right:
        question_panel(loaded, q, index, trial, marks, language)
        if show_key:
            with st.container(border=True):
                st.markdown(f"**{tr('lab_key_title', language)}**")
                st.markdown(key_markdown(loaded, q, language))


def controls(loaded: LoadedLesson, lang: str) -> tuple[str, int, bool]:
    """Language, question and answer-key switch of the preview."""
    questions = loaded.lesson.questions
    if st.session_state.get(QUESTION_KEY, 0) >= len(questions):
        st.session_state[QUESTION_KEY] = 0
    lang_col, key_col = st.columns([1, 3], vertical_alignment="bottom")
    language = lang_col.segmented_control(tr("lab_preview_lang", lang), ["fr", "en"], default=lang, required=True,
                                          key=LANG_KEY, format_func=str.upper)
    show_key = key_col.toggle(tr("lab_answer_key", lang), key=KEY_TOGGLE)
    index = st.segmented_control(
        tr("lab_preview_question", lang),
        list(range(len(questions))),
        default=0,
        required=True,
        key=QUESTION_KEY,
        wrap=True,
        format_func=lambda i: f"{i + 1} · {questions[i].id}",
    )
    return language or lang, int(index or 0), bool(show_key)


def header(loaded: LoadedLesson, lang: str) -> None:
    """The lesson's title, facts and introduction, as on the student's page."""
    lesson = loaded.lesson
    st.header(loaded.t(lesson.title, lang), divider="gray")
    facts = [
        tr(KIND_KEYS[lesson.kind], lang),
        tr("ui_minutes", lang, n=lesson.duration_minutes),
        loaded.t(lesson.level, lang),
    ]
    st.caption(" · ".join(facts) + " · " + ", ".join(name for _, name in skills(loaded, lang)))
    intro = loaded.t(lesson.introduction, lang)
    if intro:
        with st.expander(tr("ui_introduction", lang)):
            st.markdown(intro)


def document_column(
    loaded: LoadedLesson, q: QuestionBase, trial: Answer | None, show_key: bool, lang: str
) -> list | None:
    """The metadata card and the document, as the question's type shows it (markable while answering)."""
    document.metadata_card(loaded, lang)
    view = kind_of(q).widget.document_view(
        q,
        loaded,
        trial,
        composing=trial is None,
        full=True,
        lang=lang,
        marking_key=keys.answer(loaded.lesson.id, q.id, 1),
    )
    if view.marking_key:
        layers = [_expected(loaded, q, lang)] if show_key else []
        return document.show(loaded, lang, key=view.marking_key, layers=layers)
    document.show(loaded, lang, layers=view.layers, view_key=DOC_KEY)
    return None


def _expected(loaded: LoadedLesson, q: QuestionBase, lang: str) -> dict:
    return {
        "name": "expected",
        "spans": [list(s) for s in expected_spans(loaded, q.id)],
        "title": tr("ui_layer_expected", lang),
    }


def question_panel(
    loaded: LoadedLesson, q: QuestionBase, index: int, trial: Answer | None, marks: list | None, lang: str
) -> None:
    """The question as the student sees it: composing, or (after a try) the feedback."""
    shown = shown_question(loaded, q.id, lang)
    st.subheader(tr("ui_question_n", lang, n=index + 1, total=len(loaded.lesson.questions)))
    points = tr("ui_points", lang, pts=float(shown["points"])) if shown["points"] else tr("ui_no_points", lang)
    st.caption(f"{category_name('skills', q.skill, lang)} · {points}")
    st.markdown(shown["prompt"])
    slot = (loaded.content_hash, q.id)
    if trial is not None:
        feedback.render(loaded, q, trial, lang, full=True)
        st.button(tr("lab_try_clear", lang), key=f"lab-try-clear-{q.id}", on_click=_clear, args=(slot,))
        return
    inputs.render(loaded, shown, 1, lang, prefill=None, marks=marks, seed="lab-preview")
    if q.hints:
        with st.expander(tr("lab_hints_title", lang, n=len(q.hints))):
            for i, hint in enumerate(q.hints):
                st.info(tr("ui_hint_n", lang, n=i + 1) + " " + loaded.t(hint, lang))
    message = st.session_state.get(_MESSAGES, {}).get(slot)
    if message:
        st.warning(message)
    st.button(
        tr("lab_try_answer", lang), key=f"lab-try-{q.id}", type="primary", on_click=_try, args=(loaded, q.id, lang)
    )


def _trials() -> dict:
    return st.session_state.setdefault(_TRIALS, {})


def _try(loaded: LoadedLesson, question_id: str, lang: str) -> None:
    """Score the preview's answer in memory (like the student's Submit, without the store)."""
    q = loaded.lesson.question(question_id)
    if q is None:
        return
    raw = inputs.read(loaded, question_id, 1)
    score = q.score(raw, loaded.context(q, lang))
    slot = (loaded.content_hash, question_id)
    messages = st.session_state.setdefault(_MESSAGES, {})
    if not score.complete:
        messages[slot] = score.message
        return
    messages.pop(slot, None)
    _trials()[slot] = Answer(
        id=0,
        learner_id=0,
        lesson_id=loaded.lesson.id,
        question_id=question_id,
        attempt=1,
        raw=raw,
        earned=score.earned,
        possible=score.possible,
        status="complete",
        result=score.to_dict(),
        content_hash=loaded.content_hash,
        needs_review=score.needs_review,
        override_earned=None,
        override_comment=None,
        override_at=None,
        created_at=datetime.now(),
    )


def _clear(slot: tuple) -> None:
    _trials().pop(slot, None)
