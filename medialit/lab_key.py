"""One question's answer key as Markdown, for the lesson lab's preview (the printable key is ``export.key``).

``key_markdown(loaded, question, lang)`` says what earns the points: the right options with every
option's feedback, the expected passages, the rubric's ideas and the model answer, the expected
rating, the expected categories; then the explanation. ``expected_spans`` gives the passages a
highlight question expects, for the "expected" layer on the document. Pure: no Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from medialit.export.page import lesson_text
from medialit.lab_texts import t
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.highlight import HighlightQuestion
from medialit.questions.label import LabelQuestion
from medialit.questions.rating import RatingQuestion
from medialit.scoring import fmt
from medialit.vocab import category_name


def quoted(text: str) -> str:
    """A passage as inline Markdown between French quotes, Markdown's characters escaped."""
    flat = " ".join(text.split())
    return "«\u00a0" + re.sub(r"([\\`*_\[\]$<>#|~])", r"\\\1", flat) + "\u00a0»"


def _indent(text: str) -> str:
    """Markdown under a list item, on its own line (a hard break ends the item's first line)."""
    return "\n".join("   " + line for line in text.splitlines() if line.strip())


def _choice(loaded: LoadedLesson, q: ChoiceQuestion, lang: str) -> list[str]:
    lines = []
    for option in q.options:
        mark, verdict = ("✅", t("right_option", lang)) if option.correct else ("✗", t("wrong_option", lang))
        lines.append(f"- {mark} **{lesson_text(loaded, option.text, lang)}** — *{verdict}*")
        feedback = lesson_text(loaded, option.feedback, lang)
        if feedback:
            lines.append(_indent(feedback))
        misconception = lesson_text(loaded, option.misconception, lang)
        if misconception:
            lines.append(_indent(f"*{t('misconception', lang)}* {misconception}"))
    return lines


def _highlight(loaded: LoadedLesson, q: HighlightQuestion, lang: str) -> list[str]:
    lines = [f"**{t('expected_passages', lang)}**", ""]
    for number, passage in enumerate(q.passages, start=1):
        technique = f" — {category_name('techniques', passage.technique, lang)}" if passage.technique else ""
        lines.append(f"{number}. {quoted(passage.quote)}{technique}")
        explanation = lesson_text(loaded, passage.explanation, lang)
        if explanation:
            lines.append(_indent(explanation))
    return lines


def _free_text(loaded: LoadedLesson, q: FreeTextQuestion, lang: str) -> list[str]:
    lines = [f"**{t('rubric', lang)}**", ""]
    for concept in q.rubric:
        absent = f" — *{t('absent', lang)}*" if concept.mode == "absent" else ""
        requires = f" — *{t('requires', lang)}* {', '.join(concept.requires)}" if concept.requires else ""
        terms = ", ".join(f"`{term}`" for term in concept.terms)
        lines.append(f"- **{lesson_text(loaded, concept.label, lang)}** ({fmt(concept.points)} pt){absent}{requires}")
        lines.append(_indent(f"{t('terms', lang)} {terms}"))
    model = lesson_text(loaded, q.model_answer, lang)
    if model:
        lines += ["", f"**{t('model_answer', lang)}**", "", *(f"> {line}" for line in model.splitlines())]
    return lines


def _rating(loaded: LoadedLesson, q: RatingQuestion, lang: str) -> list[str]:
    if q.expected is not None and q.is_scored():
        return [t("expected_range", lang, lo=q.expected.min, hi=q.expected.max)]
    return [t("opinion", lang)]


def _label(loaded: LoadedLesson, q: LabelQuestion, lang: str) -> list[str]:
    lines = []
    for number, excerpt in enumerate(q.excerpts, start=1):
        answers = " / ".join(category_name(q.vocabulary, a, lang) for a in excerpt.answer)
        where = f" ({t('other_document', lang, file=excerpt.document)})" if excerpt.document else ""
        lines.append(f"{number}. {quoted(excerpt.quote)}{where} → **{answers}** *({t('expected_category', lang)})*")
        explanation = lesson_text(loaded, excerpt.explanation, lang)
        if explanation:
            lines.append(_indent(explanation))
    return lines


def _breaks(lines: list[str]) -> list[str]:
    """A hard line break (two spaces) before each indented line, so it starts a line of its own."""
    return [line + "  " if nxt.startswith("   ") else line for line, nxt in zip(lines, [*lines[1:], ""], strict=True)]


RENDERERS: dict[str, Callable[[LoadedLesson, QuestionBase, str], list[str]]] = {
    "choice": _choice,
    "highlight": _highlight,
    "free_text": _free_text,
    "rating": _rating,
    "label": _label,
}


def key_markdown(loaded: LoadedLesson, question: QuestionBase, lang: str) -> str:
    """What earns the question's points, and its explanation, as Markdown."""
    lines = _breaks(RENDERERS[question.type](loaded, question, lang))  # type: ignore[attr-defined]
    explanation = lesson_text(loaded, question.explanation, lang)
    lines += ["", f"**{t('explanation', lang)}**", "", explanation or f"*{t('no_explanation', lang)}*"]
    return "\n".join(lines)


def expected_spans(loaded: LoadedLesson, question: QuestionBase) -> list[tuple[int, int]]:
    """Where the passages a highlight question expects sit in the document (empty for other types)."""
    if not isinstance(question, HighlightQuestion):
        return []
    return [span for i in range(len(question.passages)) if (span := loaded.spans.get((question.id, ("passages", i))))]
