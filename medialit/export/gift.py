"""Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), so a school on Moodle can import a lesson.

What each question type becomes:
- ``choice``: multiple choice. One right option: ``=right`` / ``~wrong``. Several: every option
  gets a weight, +1/n for each of the n right options and -1/n for each wrong one, which is the
  kit's own rule (right ticks minus wrong ticks, never below zero; Moodle adds the weights and
  floors the total at zero). Each option keeps its feedback (``#``).
- ``rating`` with an expected range: single choice over the scale, 100% inside the range and the
  kit's step penalty outside it (weights rounded to Moodle's list of grades).
- ``rating`` without an expected range (an opinion, e.g. the first impression): single choice in
  which EVERY value is right (``=1`` then ``~%100%2`` …: Moodle refuses a choice with no right
  answer, and reads answers with no ``~`` as a short-answer question). It records the opinion;
  give it a mark of 0 in the quiz so that it scores nothing, as in the kit.
- ``free_text``: essay (``{}``), graded by hand in Moodle; the explanation and the model answer
  become the general feedback, the rubric is written in comments for the teacher.
- ``highlight`` and ``label`` cannot be expressed in GIFT: they are listed in a comment block at
  the top of the file (and returned as skipped), never dropped silently.
The document (plain text) and the introduction are imported as descriptions. Texts are Markdown
(``[markdown]``); ``~ = # { } :`` and backslashes are escaped, line breaks written ``\\n``.
Hints and the kit's points are not part of GIFT: the points are noted in comments.
"""

from __future__ import annotations

from collections.abc import Callable

from medialit.export.markup import plain_text
from medialit.export.page import lesson_text
from medialit.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.rating import RatingQuestion
from medialit.scoring import fmt

# Moodle's grades for an answer (question_bank::fraction_options); other weights are refused on import.
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
                 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text as GIFT needs it: backslash and ``~ = # { } :`` escaped, line breaks as ``\\n``."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def moodle_grade(fraction: float) -> float:
    """The nearest grade Moodle accepts (its list, positive or negative)."""
    sign = -1.0 if fraction < 0 else 1.0
    return sign * min(MOODLE_GRADES, key=lambda g: abs(g - abs(fraction)))


def weight(fraction: float) -> str:
    """A GIFT answer weight such as ``%50%``, ``%-33.33333%``."""
    percent = f"{moodle_grade(fraction) * 100:.5f}".rstrip("0").rstrip(".")
    return f"%{percent}%"


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _answer(mark: str, text: str, feedback: str = "") -> str:
    body = escape(text)
    if mark == "~" and body.startswith("%"):
        mark = "~%0%"  # a text starting with "%50%" would be read as a weight
    return f"{mark}{body}" + (f" #{escape(feedback)}" if feedback else "")


def _block(loaded: LoadedLesson, question: QuestionBase, lang: str, answers: list[str], notes: list[str]) -> str:
    """One question: comments, ``::name::[markdown]prompt{ answers ####general feedback }``."""
    name = escape(f"{loaded.lesson.id}/{question.id}")
    prompt = escape(lesson_text(loaded, question.prompt, lang))
    general = _general_feedback(loaded, question, lang)
    lines = [_comment(note) for note in notes]
    lines.append(f"::{name}::[markdown]{prompt}{{")
    lines += answers
    if general:
        lines.append(f"####{escape(general)}")
    lines.append("}")
    return "\n".join(lines)


def _choice(loaded: LoadedLesson, q: ChoiceQuestion, lang: str) -> tuple[list[str], list[str]]:
    right = sum(o.correct for o in q.options)
    answers = []
    for option in q.options:
        text, feedback = lesson_text(loaded, option.text, lang), lesson_text(loaded, option.feedback, lang)
        if q.is_multiple():
            mark = "~" + weight((1 if option.correct else -1) / right)
        else:
            mark = "=" if option.correct else "~"
        answers.append(_answer(mark, text, feedback))
    kind = "multiple answers" if q.is_multiple() else "one answer"
    return answers, [f"choice ({kind}), {fmt(q.points)} pt, skill {q.skill}"]


def _rating(loaded: LoadedLesson, q: RatingQuestion, lang: str) -> tuple[list[str], list[str]]:
    values = range(q.scale_min, q.scale_max + 1)
    scored = q.is_scored() and q.expected is not None
    grades = [_rating_grade(q, value) if scored else 1.0 for value in values]
    answers = []
    for k, (value, grade) in enumerate(zip(values, grades, strict=True)):
        label = lesson_text(loaded, q.labels[value], lang) if value in q.labels else ""
        text = f"{value} — {label}" if label else str(value)
        if grade == 1.0 and (k == 0 or min(grades) < 1.0):
            mark = "="
        elif grade > 0:
            mark = "~" + weight(grade)  # "~%100%" when every value is right: Moodle needs a "~" to see a choice
        else:
            mark = "~"
        answers.append(_answer(mark, text))
    if scored:
        note = f"rating, {fmt(q.points)} pt, expected {q.expected.min}-{q.expected.max}, skill {q.skill}"
    else:
        note = f"rating, unscored opinion (every value is right): give it a mark of 0 in the quiz, skill {q.skill}"
    return answers, [note]


def _rating_grade(q: RatingQuestion, value: int) -> float:
    """The kit's credit for ``value``: full inside the expected range, less per step outside it."""
    lo, hi = q.expected.min, q.expected.max
    distance = lo - value if value < lo else value - hi if value > hi else 0
    return moodle_grade(max(0.0, 1 - distance * q.step_penalty))


def _free_text(loaded: LoadedLesson, q: FreeTextQuestion, lang: str) -> tuple[list[str], list[str]]:
    notes = [f"free text (essay, graded by hand), {fmt(q.points)} pt, {q.min_words}-{q.max_words} words, "
             f"skill {q.skill}; rubric:"]
    for concept in q.rubric:
        mode = " (earned when these words are gone)" if concept.mode == "absent" else ""
        label = plain_text(lesson_text(loaded, concept.label, lang))
        notes.append(f"  - {label}{mode}: {fmt(concept.points)} pt; words: {', '.join(concept.terms)}")
    return [], notes


Exporter = Callable[[LoadedLesson, QuestionBase, str], tuple[list[str], list[str]]]
EXPORTERS: dict[str, Exporter] = {"choice": _choice, "rating": _rating, "free_text": _free_text}
UNSUPPORTED: dict[str, str] = {
    "highlight": "marking passages of a document",
    "label": "giving each excerpt a category",
}


def _general_feedback(loaded: LoadedLesson, q: QuestionBase, lang: str) -> str:
    """Shown after answering: the explanation, and for a free-text question its model answer."""
    explanation = lesson_text(loaded, q.explanation, lang)
    model = lesson_text(loaded, q.model_answer, lang) if isinstance(q, FreeTextQuestion) else ""
    if not model:
        return explanation
    heading = "**Réponse modèle :**" if lang == "fr" else "**Model answer:**"
    return f"{explanation}\n\n{heading} {model}".strip()


def _header(loaded: LoadedLesson, lang: str, skipped: list[QuestionBase]) -> list[str]:
    title = " ".join(plain_text(lesson_text(loaded, loaded.lesson.title, lang)).split())
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
            prompt = " ".join(plain_text(lesson_text(loaded, q.prompt, lang)).split())
            lines.append(_comment(f"  - {q.id} ({q.type}: {UNSUPPORTED.get(q.type, q.type)}): {prompt[:100]}"))
    return lines


def gift(loaded: LoadedLesson, lang: str = "fr") -> tuple[str, list[str]]:
    """The lesson as GIFT text, and the ids of the questions GIFT cannot express (listed at the top)."""
    lesson = loaded.lesson
    skipped = [q for q in lesson.questions if q.type not in EXPORTERS]
    blocks = ["\n".join(_header(loaded, lang, skipped)), f"$CATEGORY: $course$/top/medialit/{lesson.id}"]
    intro = lesson_text(loaded, lesson.introduction, lang)
    if intro:
        blocks.append(f"::{escape(lesson.id + '/introduction')}::[markdown]{escape(intro)}")
    if lesson.document is not None and loaded.text.strip():
        blocks.append(f"::{escape(lesson.id + '/document')}::[plain]{escape(loaded.text)}")
    for question in lesson.questions:
        if question.type in EXPORTERS:
            answers, notes = EXPORTERS[question.type](loaded, question, lang)
            blocks.append(_block(loaded, question, lang, answers, notes))
    return "\n\n".join(blocks) + "\n", [q.id for q in skipped]

