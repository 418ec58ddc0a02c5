"""One question's answer key as Markdown, for the lesson lab's preview.

The structure is the one the printable key renders as HTML (``medialit.export.key.question_key``):
each question type's :class:`~medialit.questions.kind.KeyBlock` s, then the explanation. Pure: no Streamlit.
"""

from __future__ import annotations

from medialit.export.key import question_key
from medialit.format.loader import LoadedLesson
from medialit.format.text import quoted_markdown
from medialit.i18n import tr
from medialit.questions import QuestionBase
from medialit.questions.kind import KeyBlock, KeyItem

MARKS = {"right": "✅", "wrong": "✗"}


def _indent(text: str) -> list[str]:
    """Markdown under a list item, on lines of its own."""
    return ["   " + line for line in text.splitlines() if line.strip()]


def _item(item: KeyItem, bullet: str) -> list[str]:
    text = quoted_markdown(item.text) if item.quote else f"**{item.text}**"
    head = f"{MARKS[item.mark]} {text}" if item.mark else text
    for extra in (f"({item.elsewhere})" if item.elsewhere else "", item.detail,
                  f"*{item.verdict}*" if item.verdict else ""):
        if extra:
            head += f" {extra}" if extra.startswith("(") else f" — {extra}"
    lines = [f"{bullet} {head}"]
    if item.code:
        lines += _indent(f"{item.code_label} " + ", ".join(f"`{term}`" for term in item.code))
    for note in item.notes:
        lines += _indent(f"*{note.label}* {note.text}" if note.label else note.text)
    return lines


def blocks_markdown(blocks: list[KeyBlock]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if block.title:
            lines += [f"**{block.title}**", ""]
        for sentence in block.sentences:
            lines += [sentence, ""]
        for number, item in enumerate(block.items, start=1):
            lines += _item(item, f"{number}." if block.numbered else "-")
        if block.model_answer:
            lines += ["", f"**{block.model_title}**", "", *(f"> {line}" for line in block.model_answer.splitlines())]
    return _breaks(lines)


def _breaks(lines: list[str]) -> list[str]:
    """A hard line break (two spaces) before each indented line, so it starts a line of its own."""
    return [line + "  " if nxt.startswith("   ") else line for line, nxt in zip(lines, [*lines[1:], ""], strict=True)]


def key_markdown(loaded: LoadedLesson, question: QuestionBase, lang: str) -> str:
    """What earns the question's points, and its explanation, as Markdown."""
    lines = blocks_markdown(question_key(loaded, question, lang))
    explanation = loaded.t(question.explanation, lang)
    lines += ["", f"**{tr('key_explanation', lang)}**", "", explanation or f"*{tr('key_no_explanation', lang)}*"]
    return "\n".join(lines)
