"""GIFT export, read back by a small parser that follows Moodle's importer (qformat_gift::readquestion)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from medialit.export.gift import MOODLE_GRADES, escape, gift, moodle_grade
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.rating import RatingQuestion
from tests.authoring.conftest import SHIPPED, load_shipped, shipped_id

_ESCAPES = {"\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04", "\\}": "\x05", "\\~": "\x06", "\\n": "\n"}
_BACK = {"\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}", "\x06": "~"}
_WEIGHT = re.compile(r"^%(-?[0-9]{1,2}(?:\.[0-9]*)?|-?100)%")


@dataclass
class Item:
    kind: str  # category, description, essay, multichoice
    name: str = ""
    text: str = ""
    text_format: str = ""
    single: bool = True
    answers: list[tuple[float, str, str]] = field(default_factory=list)  # (fraction, text, feedback)
    general: str = ""


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x00", "\\")


def _post(text: str) -> str:
    for placeholder, char in _BACK.items():
        text = text.replace(placeholder, char)
    return text.strip()


def _answer(raw: str) -> tuple[float, str, str]:
    raw = raw.strip()
    if raw.startswith("="):
        fraction, raw = 1.0, raw[1:]
    else:
        match = _WEIGHT.match(raw)
        fraction = float(match.group(1)) / 100 if match else 0.0
        raw = raw[match.end():] if match else raw
    text, _, feedback = raw.partition("#")
    return fraction, _post(text), _post(feedback)


def parse_gift(source: str) -> list[Item]:
    """Questions as Moodle would import them: blocks split on blank lines, '//' lines dropped."""
    items = []
    for block in re.split(r"\n[ \t]*\n", source):
        body = "\n".join(line for line in block.split("\n") if not line.strip().startswith("//")).strip()
        if not body:
            continue
        body = _pre(body)
        if body.startswith("$CATEGORY:"):
            items.append(Item("category", text=body[10:].strip()))
            continue
        item = Item("description")
        if body.startswith("::"):
            item.name, _, body = body[2:].partition("::")
            item.name, body = _post(item.name), body.strip()
        if body.startswith("["):
            item.text_format, _, body = body[1:].partition("]")
        if "{" not in body and "}" not in body:
            item.text = _post(body)
            items.append(item)
            continue
        start, end = body.index("{"), body.index("}")
        assert body[end + 1:].strip() == "", f"text after the answers in {item.name}"
        item.text, answers = _post(body[:start]), body[start + 1:end].strip()
        if "####" in answers:
            answers, _, general = answers.rpartition("####")
            item.general, answers = _post(general), answers.strip()
        if answers == "":
            item.kind = "essay"
        else:
            assert "~" in answers, f"{item.name}: only multiple choice is exported"
            item.kind, item.single = "multichoice", "=" in answers
            item.answers = [_answer(a) for a in answers.replace("=", "~=").split("~") if a.strip()]
        items.append(item)
    return items


def _questions(items: list[Item]) -> dict[str, Item]:
    return {i.name: i for i in items if i.kind in ("essay", "multichoice")}


def _is_moodle_grade(fraction: float) -> bool:
    return any(abs(abs(fraction) - g) < 0.00001 for g in MOODLE_GRADES)


def check_gift(loaded, lang: str) -> None:
    """Every exportable question is in the file with its right answers; the others are listed as skipped."""
    text, skipped = gift(loaded, lang)
    items = parse_gift(text)
    questions = _questions(items)
    lesson = loaded.lesson
    exportable = [q for q in lesson.questions if q.type in ("choice", "rating", "free_text")]
    assert sorted(questions) == sorted(f"{lesson.id}/{q.id}" for q in exportable)
    assert skipped == [q.id for q in lesson.questions if q.type in ("highlight", "label")]
    header = text.split("\n\n", 1)[0]
    for qid in skipped:
        assert f"- {qid} (" in header
    for question in exportable:
        item = questions[f"{lesson.id}/{question.id}"]
        assert item.text_format == "markdown"
        assert item.text == loaded.t(question.prompt, lang).strip()
        assert all(_is_moodle_grade(fraction) for fraction, _, _ in item.answers), item.answers
        CHECKS[question.type](loaded, question, item, lang)


def _check_choice(loaded, q: ChoiceQuestion, item: Item, lang: str) -> None:
    assert item.kind == "multichoice" and item.single == (not q.is_multiple())
    assert [text for _, text, _ in item.answers] == [loaded.t(o.text, lang).strip() for o in q.options]
    assert [fb for _, _, fb in item.answers] == [loaded.t(o.feedback, lang).strip() for o in q.options]
    n_right = sum(o.correct for o in q.options)
    for (fraction, _, _), option in zip(item.answers, q.options, strict=True):
        if not q.is_multiple():
            assert fraction == (1.0 if option.correct else 0.0)
        else:
            assert fraction == pytest.approx(moodle_grade((1 if option.correct else -1) / n_right), abs=1e-5)
    if q.is_multiple():  # Moodle: the right weights add up to 100%
        assert round(sum(f for f, _, _ in item.answers if f > 0), 2) == 1.0


def _check_rating(loaded, q: RatingQuestion, item: Item, lang: str) -> None:
    assert item.kind == "multichoice" and item.single
    values = list(range(q.scale_min, q.scale_max + 1))
    assert [text.split(" — ")[0] for _, text, _ in item.answers] == [str(v) for v in values]
    for (fraction, _, _), value in zip(item.answers, values, strict=True):
        if q.expected is None or not q.is_scored():
            assert fraction == 1.0  # an opinion: every value is right
        else:
            d = max(q.expected.min - value, value - q.expected.max, 0)
            assert fraction == pytest.approx(moodle_grade(max(0.0, 1 - d * q.step_penalty)), abs=1e-5)
    assert max(f for f, _, _ in item.answers) == 1.0


def _check_free_text(loaded, q: FreeTextQuestion, item: Item, lang: str) -> None:
    assert item.kind == "essay"
    model = loaded.t(q.model_answer, lang).strip()
    assert model in item.general
    assert loaded.t(q.explanation, lang).strip() in item.general


CHECKS = {"choice": _check_choice, "rating": _check_rating, "free_text": _check_free_text}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", SHIPPED, ids=shipped_id)
def test_every_shipped_lesson_exports_to_gift_with_its_answers(path, lang):
    check_gift(load_shipped(path), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_question_type_and_special_characters_survive_the_round_trip(kit_lesson, lang):
    check_gift(kit_lesson, lang)
    items = parse_gift(gift(kit_lesson, lang)[0])
    descriptions = {i.name: i for i in items if i.kind == "description"}
    assert descriptions["all-types/document"].text == kit_lesson.text.strip()
    assert descriptions["all-types/document"].text_format == "plain"
    assert [i.text for i in items if i.kind == "category"] == ["$course$/top/medialit/all-types"]


def test_a_multiple_answer_choice_gets_plus_and_minus_weights(kit_lesson):
    items = _questions(parse_gift(gift(kit_lesson, "fr")[0]))
    weights = [fraction for fraction, _, _ in items["all-types/what-is-missing"].answers]
    assert weights == pytest.approx([0.3333333, 0.3333333, 0.3333333, -0.3333333, -0.3333333], abs=1e-6)
    text = gift(kit_lesson, "fr")[0]
    assert "~%33.33333%Un vrai lien vers la source" in text and "~%-33.33333%Rien ne manque" in text


def test_a_scored_rating_weighs_each_value_by_its_distance_to_the_range(kit_lesson):
    items = _questions(parse_gift(gift(kit_lesson, "fr")[0]))
    assert [f for f, _, _ in items["all-types/headline"].answers] == pytest.approx([0.7, 1, 1, 0.7, 0.4])


def test_an_answer_starting_with_a_percentage_is_not_read_as_a_weight(kit_lesson):
    text = gift(kit_lesson, "fr")[0]
    assert "~%0%%50% des journalistes" in text  # an explicit 0% weight, so "%50%" stays text
    answers = _questions(parse_gift(text))["all-types/who-speaks"].answers
    assert answers[1][:2] == (0.0, "%50% des journalistes")


def test_highlight_and_label_questions_are_listed_not_dropped(kit_lesson):
    text, skipped = gift(kit_lesson, "en")
    assert skipped == ["loaded-words", "techniques"]
    assert "// NOT EXPORTED" in text
    assert "// - loaded-words (highlight: marking passages of a document): Mark the words that judge." in text


def test_gift_escapes_its_special_characters_and_line_breaks():
    assert escape("a ~ b = c # d { e } f : g \\ h\nnew line") == (
        "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h\\nnew line")
    tricky = "x {y} \\n z: #1 ~ =2"  # a literal backslash-n is not a line break
    assert parse_gift("::q::[markdown]" + escape(tricky) + "{\n=a\n~b\n}")[0].text == tricky


def test_weights_are_rounded_to_the_grades_moodle_accepts():
    assert moodle_grade(1 / 3) == 0.3333333 and moodle_grade(-1 / 7) == -0.1428571
    assert moodle_grade(0.65) == 0.6666667 and moodle_grade(0.0) == 0.0
