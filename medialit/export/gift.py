"""Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), so a school on Moodle can import a lesson.

Each question type says what it becomes (``printed.gift``: choice and rating as multiple choice, free
text as an essay graded by hand); the types GIFT cannot express are listed in a comment block at the
top of the file (and returned as skipped), never dropped silently. The document (plain text) and the
introduction are imported as descriptions. Texts are Markdown (``[markdown]``); ``~ = # { } :`` and
backslashes are escaped, line breaks written ``\\n``. Hints and the kit's points are not part of GIFT:
the points are noted in comments.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialit.export.giftsyntax import MOODLE_GRADES, comment, escape, moodle_grade
from medialit.export.markup import plain_text
from medialit.format.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.kind import Gift
from medialit.questions.registry import kind_of

__all__ = ["MOODLE_GRADES", "escape", "gift", "moodle_grade"]


def _block(loaded: LoadedLesson, question: QuestionBase, lang: str, exported: Gift) -> str:
    """One question: comments, ``::name::[markdown]prompt{ answers ####general feedback }``."""
    name = escape(f"{loaded.lesson.id}/{question.id}")
    prompt = escape(loaded.t(question.prompt, lang))
    general = "\n\n".join(x for x in (loaded.t(question.explanation, lang), exported.feedback_extra) if x).strip()
    lines = [comment(note) for note in exported.notes]
    lines.append(f"::{name}::[markdown]{prompt}{{")
    lines += exported.answers
    if general:
        lines.append(f"####{escape(general)}")
    lines.append("}")
    return "\n".join(lines)


def _header(loaded: LoadedLesson, lang: str, skipped: Sequence[QuestionBase]) -> list[str]:
    title = " ".join(plain_text(loaded.t(loaded.lesson.title, lang)).split())
    lines = [
        f"// medialit: {title} ({loaded.lesson.id}), language {lang}",
        "// Import in Moodle: Question bank > Import > GIFT format (UTF-8 text); tick 'Get category from file'",
        f"// to file the questions under medialit/{loaded.lesson.id}.",
        "// Marks: GIFT carries no marks; the kit's points are noted above each question.",
        "// Unscored ratings (opinions) are choice questions where every value is right: give them a mark of 0.",
        "// Hints are not exported.",
    ]
    if skipped:
        lines.append("// NOT EXPORTED (GIFT cannot express these question types; use the printable worksheet):")
        for q in skipped:
            prompt = " ".join(plain_text(loaded.t(q.prompt, lang)).split())
            why = kind_of(q).printed.gift_unsupported or q.type
            lines.append(comment(f"  - {q.id} ({q.type}: {why}): {prompt[:100]}"))
    return lines


def gift(loaded: LoadedLesson, lang: str = "fr") -> tuple[str, list[str]]:
    """The lesson as GIFT text, and the ids of the questions GIFT cannot express (listed at the top)."""
    lesson = loaded.lesson
    exported = {q.id: kind_of(q).printed.gift(q, loaded.context(q, lang)) for q in lesson.questions}
    skipped = [q for q in lesson.questions if exported[q.id] is None]
    blocks = ["\n".join(_header(loaded, lang, skipped)), f"$CATEGORY: $course$/top/medialit/{lesson.id}"]
    intro = loaded.t(lesson.introduction, lang)
    if intro:
        blocks.append(f"::{escape(lesson.id + '/introduction')}::[markdown]{escape(intro)}")
    if lesson.document is not None and loaded.text.strip():
        blocks.append(f"::{escape(lesson.id + '/document')}::[plain]{escape(loaded.text)}")
    for question in lesson.questions:
        result = exported[question.id]
        if result is not None:
            blocks.append(_block(loaded, question, lang, result))
    return "\n\n".join(blocks) + "\n", [q.id for q in skipped]
