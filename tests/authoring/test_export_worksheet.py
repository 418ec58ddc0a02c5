"""Printable worksheet and answer key: every prompt, no answer on the worksheet, everything escaped."""

from __future__ import annotations

import re

import pytest

from medialit.export.key import answer_key_html
from medialit.export.markup import md, wrap
from medialit.export.worksheet import worksheet_html
from medialit.format.loader import load_lesson
from medialit.i18n import tr
from medialit.questions.choice import ChoiceQuestion
from medialit.questions.free_text import FreeTextQuestion
from medialit.questions.highlight import HighlightQuestion
from medialit.questions.label import LabelQuestion
from tests.authoring.conftest import SHIPPED, load_shipped, plain, plain_md, shipped_id

MIN_ANSWER = 30  # shorter answer texts could appear in the worksheet by coincidence


def answer_texts(loaded, lang: str) -> list[str]:
    """What the worksheet must never show: feedback, explanations, hints, model answers, misconceptions."""
    texts = []
    for q in loaded.lesson.questions:
        texts += [q.explanation, *q.hints]
        if isinstance(q, ChoiceQuestion):
            texts += [o.feedback for o in q.options] + [o.misconception for o in q.options]
        if isinstance(q, FreeTextQuestion):
            texts += [q.model_answer] + [c.feedback_missing for c in q.rubric] + [c.feedback_found for c in q.rubric]
        if isinstance(q, HighlightQuestion):
            texts += [p.explanation for p in q.passages]
        if isinstance(q, LabelQuestion):
            texts += [e.explanation for e in q.excerpts]
    return [p for t in texts if t is not None and len(p := plain_md(loaded.t(t, lang))) >= MIN_ANSWER]


def shown_to_students(loaded, lang: str) -> str:
    """Everything students legitimately see: the document, the introduction, the prompts and options."""
    lesson = loaded.lesson
    parts = [loaded.text, loaded.t(lesson.introduction, lang)]
    for q in lesson.questions:
        parts.append(loaded.t(q.prompt, lang))
        if isinstance(q, ChoiceQuestion):
            parts += [loaded.t(o.text, lang) for o in q.options]
    return plain_md("\n\n".join(parts)) + " " + " ".join(loaded.text.split())


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", SHIPPED, ids=shipped_id)
def test_the_worksheet_has_every_prompt_and_no_answer(path, lang):
    loaded = load_shipped(path)
    page = plain(worksheet_html(loaded, lang))
    for q in loaded.lesson.questions:
        assert plain_md(loaded.t(q.prompt, lang)) in page, q.id
    visible = shown_to_students(loaded, lang)
    leaks = [text for text in answer_texts(loaded, lang) if text in page and text not in visible]
    assert leaks == []
    html_page = worksheet_html(loaded, lang)
    assert "\u2611" not in html_page and 'class="right"' not in html_page  # no ticked box, no right-answer mark
    assert f" — {tr('print_right_option', lang)}" not in page and tr("print_expected_passages", lang) not in page


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", SHIPPED, ids=shipped_id)
def test_the_answer_key_has_every_prompt_and_every_answer(path, lang):
    loaded = load_shipped(path)
    page = plain(answer_key_html(loaded, lang))
    for q in loaded.lesson.questions:
        assert plain_md(loaded.t(q.prompt, lang)) in page, q.id
    missing = [text for text in answer_texts(loaded, lang) if text not in page]
    assert missing == []


def test_the_worksheet_shows_each_type_the_way_paper_needs_it(kit_lesson):
    page = worksheet_html(kit_lesson, "fr")
    assert page.count("\u2610") == 2 + 5 + 5 + 5  # boxes: 2 + 5 options, two 5-value scales
    assert "Coche une seule réponse." in page and "Coche toutes les bonnes réponses." in page
    assert "Souligne dans le document" in page
    assert "« Les globalistes ont encore frappé »" in page and "Appel à la popularité" in page
    assert page.count('class="line"') >= 3 + 1
    assert "Nom :" in page and '<td class="n">1</td>' in page


def test_the_answer_key_marks_the_right_options_and_gives_line_numbers(kit_lesson):
    page = answer_key_html(kit_lesson, "en")
    assert plain(page).count("— right answer") == 1 + 3 and plain(page).count("— wrong answer") == 1 + 2
    lines = wrap(kit_lesson.text)
    line = next(n for n, (a, b) in enumerate(lines, start=1) if "globalistes" in kit_lesson.text[a:b])
    assert f"« globalistes » (l. {line})" in page
    assert "Expected range: 2 to 3 (−30% per step away)." in page
    assert "An opinion question: no right answer, no points." in page
    assert "Confuses author and source." in page


def test_worksheet_and_key_number_the_document_lines_the_same_way(kit_lesson):
    rows = re.compile(r'<td class="n">(\d+)</td><td class="l">(.*?)</td>')
    assert rows.findall(worksheet_html(kit_lesson, "fr")) == rows.findall(answer_key_html(kit_lesson, "fr"))


def test_the_answer_key_starts_the_answers_on_a_new_page(kit_lesson):
    page = answer_key_html(kit_lesson, "fr")
    assert ".answers { break-before: page; page-break-before: always; }" in page
    assert page.index('<section class="notes">') < page.index('<section class="answers">')
    assert "@page { size: A4;" in page


EVIL_LESSON = """\
id: evil
title: "<script>alert(3)</script> titre"
document: {file: seeds/evil.txt, title: "<script>alert(6)</script>"}
level: "Lycée"
duration_minutes: 10
introduction: "Intro <script>alert(7)</script>"
teacher_notes: {goals: "<script>alert(8)</script>", discussion: "d"}
questions:
  - id: q1
    type: choice
    skill: sourcing
    prompt: "Qui ? <script>alert(4)</script> [lien](javascript:alert(5))"
    options:
      - {id: a, text: "<script>alert(9)</script>", correct: true, feedback: "<img src=x onerror=alert(10)>"}
      - {id: b, text: "b", feedback: "non"}
    explanation: "e"
  - id: q2
    type: highlight
    skill: loaded_language
    prompt: "Marque"
    passages: [{quote: "<script>alert(1)</script>", explanation: "<script>alert(11)</script>"}]
    explanation: "e"
"""


def test_script_in_the_document_and_in_lesson_text_is_escaped(empty_kit):
    document = "Titre\n\n<script>alert(1)</script> et <img src=x onerror=alert(2)>\n"
    (empty_kit / "seeds" / "evil.txt").write_text(document, encoding="utf-8")
    (empty_kit / "lessons" / "evil.yaml").write_text(EVIL_LESSON, encoding="utf-8")
    result = load_lesson(empty_kit / "lessons" / "evil.yaml", empty_kit)
    assert result.ok, [str(p) for p in result.problems]
    for page in (worksheet_html(result.loaded, "fr"), answer_key_html(result.loaded, "fr")):
        lowered = page.lower()
        assert "<script" not in lowered and "<img" not in lowered and "javascript:" not in lowered
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the document
        assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page  # a prompt
        assert "&lt;script&gt;alert(9)&lt;/script&gt;" in page  # an option
        assert 'href="#"' in page


def test_lesson_markdown_renders_but_raw_html_does_not():
    assert md("**gras** <b>non</b>") == "<p><strong>gras</strong> &lt;b&gt;non&lt;/b&gt;</p>"
    assert md("[ok](https://example.org) [ko](javascript:alert(1))") == (
        '<p><a href="https://example.org">ok</a> <a href="#">ko</a></p>')


def test_a_list_right_after_a_line_of_text_is_a_list_as_in_the_app():
    assert md("Les élèves savent :\n- trouver\n- suivre") == (
        "<p>Les élèves savent :</p>\n<ul>\n<li>trouver</li>\n<li>suivre</li>\n</ul>")


def test_long_lines_are_wrapped_and_numbered_from_the_text():
    text = "mot " * 60 + "\n\n" + "https://example.org/" + "x" * 150
    lines = wrap(text, width=40)
    assert all(b - a <= 40 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
