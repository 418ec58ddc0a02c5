"""Marked passages: acceptable passages set aside, a word off an edge forgiven, a retry told where to look."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medialit.format.loader import LoadedLesson, load_lesson
from medialit.questions.highlight.marking import paragraphs

FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "format_v1"
LESSON = """\
id: marking
title: {fr: "Marquage", en: "Marking"}
document: {file: seeds/rt.txt}
level: {fr: "Lycée", en: "Upper secondary"}
duration_minutes: 10
introduction: {fr: "Intro.", en: "Intro."}
teacher_notes: {goals: {fr: "But.", en: "Goal."}, discussion: {fr: "D.", en: "D."}}
questions:
  - id: loaded
    type: highlight
    skill: loaded_language
    prompt: {fr: "Surligne les mots chargés.", en: "Mark the loaded words."}
    points: 2
    passages:
      - {quote: "poncifs anti-russes", explanation: {fr: "Cliché.", en: "Cliché."}}
      - {quote: "pêle-mêle", explanation: {fr: "Désordre.", en: "Disorder."}}
    acceptable:
      - {quote: "«l'annexion»", occurrence: 2}
    explanation: {fr: "Deux choix de mots.", en: "Two word choices."}
"""


@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> LoadedLesson:
    kit = tmp_path_factory.mktemp("kit")
    shutil.copytree(FROZEN / "seeds", kit / "seeds")
    (kit / "lessons").mkdir()
    (kit / "lessons" / "marking.yaml").write_text(LESSON, encoding="utf-8")
    result = load_lesson(kit / "lessons" / "marking.yaml", kit)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


def _score(lesson: LoadedLesson, spans: list[tuple[int, int]], lang: str = "fr"):
    q = lesson.lesson.questions[0]
    return q.score({"spans": [list(s) for s in spans]}, lesson.context(q, lang))


def _find(lesson: LoadedLesson, words: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = lesson.text.index(words, start + 1)
    return start, start + len(words)


def test_marking_an_acceptable_passage_costs_nothing(lesson: LoadedLesson) -> None:
    expected = [_find(lesson, "poncifs anti-russes"), _find(lesson, "pêle-mêle")]
    both = _score(lesson, [*expected, _find(lesson, "l'annexion", 2)])
    assert both.earned == pytest.approx(2)
    assert "mis de côté" in both.how


def test_an_acceptable_passage_alone_earns_nothing(lesson: LoadedLesson) -> None:
    alone = _score(lesson, [_find(lesson, "l'annexion", 2)])
    assert alone.complete and alone.earned == 0


def test_a_word_more_or_less_at_an_edge_keeps_the_passage(lesson: LoadedLesson) -> None:
    start, end = _find(lesson, "poncifs anti-russes")
    with_article = _score(lesson, [(start - len("les "), end), _find(lesson, "pêle-mêle")])
    assert with_article.earned >= 0.85 * 2
    one_word_short = _score(lesson, [(start, end - len("-russes")), _find(lesson, "pêle-mêle")])
    assert one_word_short.earned >= 0.85 * 2


def test_half_a_passage_is_not_forgiven(lesson: LoadedLesson) -> None:
    start, _ = _find(lesson, "poncifs anti-russes")
    assert _score(lesson, [(start, start + len("poncifs"))]).earned < 1


def test_a_retry_is_told_how_many_were_found_and_where_to_look_never_the_passage(lesson: LoadedLesson) -> None:
    result = _score(lesson, [_find(lesson, "poncifs anti-russes"), _find(lesson, "Crimée")])
    lines = " ".join(result.retry_lines)
    assert "trouvés : 1 sur 2" in lines and "pêle-mêle" not in lines
    where = next(n for n, (a, b) in enumerate(paragraphs(lesson.text), start=1)
                 if a <= _find(lesson, "pêle-mêle")[0] < b)
    assert f"paragraphe {where} " in lines
    assert result.extra["look_here"] == [list(paragraphs(lesson.text)[where - 1])]
    assert {p.reduced for p in result.parts if p.key.startswith("passage-")} == {"hidden"}


def test_the_answer_key_lists_acceptable_passages_apart(lesson: LoadedLesson) -> None:
    from medialit.export.key import question_key

    blocks = question_key(lesson, lesson.lesson.questions[0], "en")
    assert [b.title for b in blocks] == ["Expected passages",
                                         "Also accepted (defensible, not required: neither counted nor penalised)"]
    assert [i.text for i in blocks[1].items] == ["«l'annexion»"]
