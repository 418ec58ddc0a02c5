"""The answer key prints each quoted passage once between quotation marks (never «« … »»), and an excerpt's
accepted categories joined as the language joins alternatives ("A ou B"), since a category name may
itself contain "/" ("Étiquetage / injure")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medialit.export.key import answer_key_html
from medialit.export.worksheet import worksheet_html
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.format.text import has_own_quotes, quoted_markdown
from medialit.lab.key import key_markdown
from tests.authoring.conftest import plain
from tests.conftest import FROZEN_KIT

LESSON = """\
id: quotes
title: Test
document:
  file: seeds/rt.txt
level: Lycée
duration_minutes: 30
introduction: Intro
teacher_notes:
  goals: g
  discussion: d
questions:
  - id: marks
    type: highlight
    skill: loaded_language
    prompt: Marque
    explanation: e
    passages:
      - quote: "«l'annexion»"
        occurrence: 1
        technique: loaded_language
      - quote: pêle-mêle
  - id: labels
    type: label
    skill: loaded_language
    prompt: Classe
    explanation: e
    vocabulary: techniques
    excerpts:
      - id: annexion
        quote: "«l'annexion»"
        occurrence: 1
        answer: [name_calling, appeal_to_fear]
"""


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedLesson:
    shutil.copytree(FROZEN_KIT / "seeds", tmp_path / "seeds")
    (tmp_path / "lessons").mkdir()
    path = tmp_path / "lessons" / "quotes.yaml"
    path.write_text(LESSON, encoding="utf-8")
    result = load_lesson(path, tmp_path)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


def test_a_passage_with_its_own_guillemets_is_not_quoted_twice_in_the_printed_key(loaded):
    text = plain(answer_key_html(loaded, "fr"))
    assert "«l'annexion» (l. 1) — Langage chargé" in text
    assert "« «" not in text and "» »" not in text
    assert "« pêle-mêle » (l. 21)" in text


def test_a_passage_with_its_own_guillemets_is_not_quoted_twice_in_the_lab_key(loaded):
    marks, labels = loaded.lesson.questions
    assert "1. «l'annexion» — Langage chargé" in key_markdown(loaded, marks, "fr")
    assert "2. «\u00a0pêle-mêle\u00a0»" in key_markdown(loaded, marks, "fr")
    assert "1. «l'annexion» — Étiquetage / injure ou Appel à la peur / aux préjugés" in key_markdown(
        loaded, labels, "fr")


def test_the_worksheet_quotes_an_excerpt_once(loaded):
    assert "«l'annexion»" in plain(worksheet_html(loaded, "fr")) and "« «l'annexion» »" not in plain(
        worksheet_html(loaded, "fr"))


def test_accepted_categories_are_joined_as_alternatives_not_with_a_slash(loaded):
    assert "(l. 1) — Étiquetage / injure ou Appel à la peur / aux préjugés (catégorie attendue)" in plain(
        answer_key_html(loaded, "fr"))
    assert "(l. 1) — Name calling / labeling or Appeal to fear / prejudice (expected category)" in plain(
        answer_key_html(loaded, "en"))


@pytest.mark.parametrize(("text", "own"), [
    ("«l'annexion»", True), ("« La Russie est notre voisin. »", True), ('"carbon neutral"', True),
    ("“vision”", True), ("l'annexion", False), ("« a » et « b »", False), ('"a" and "b"', False), ("«", False),
])
def test_a_quotation_with_its_own_marks_is_recognised(text, own):
    assert has_own_quotes(text) is own
    assert quoted_markdown(text).startswith("«\u00a0") is not own
