"""The validator's messages, word for word: they are the teacher's interface."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from medialit.format.loader import load_lesson
from tests.conftest import FROZEN_KIT

HEADER = """\
id: broken
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
"""


@pytest.fixture()
def kit(tmp_path: Path) -> Path:
    shutil.copytree(FROZEN_KIT / "seeds", tmp_path / "seeds")
    (tmp_path / "lessons").mkdir()
    return tmp_path


def problems(kit: Path, questions: str, header: str = HEADER, severity: str | None = "error") -> list[str]:
    """The problems of a lesson made of HEADER and ``questions`` (errors only, unless told otherwise)."""
    path = kit / "lessons" / "broken.yaml"
    path.write_text(header + textwrap.dedent(questions), encoding="utf-8")
    return [str(p) for p in load_lesson(path, kit).problems if severity is None or p.severity == severity]


def test_quote_not_in_the_document_names_the_closest_passage(kit):
    assert problems(kit, """\
        - id: scare-quotes
          type: highlight
          skill: loaded_language
          prompt: Marque
          explanation: e
          passages:
            - quote: poncif anti-russe
              explanation: e
        """) == ['lessons/broken.yaml:18: error: question \'scare-quotes\': the quote "poncif anti-russe" does not '
                 'appear in the document (closest: "poncifs anti-russes")']


def test_ambiguous_quote_asks_for_an_occurrence(kit):
    assert problems(kit, """\
        - id: q1
          type: highlight
          skill: loaded_language
          prompt: Marque
          explanation: e
          passages:
            - quote: "l'annexion"
              explanation: e
        """) == ["lessons/broken.yaml:18: error: question 'q1': the quote \"l'annexion\" appears 3 times in the "
                 "document: add 'occurrence: 1' (up to 3) to say which one, or quote a longer passage"]


def test_unknown_key_type_and_skill_say_what_was_meant(kit):
    assert problems(kit, """\
        - id: q1
          type: choise
          skill: framing
          prompt: x
        - id: q2
          type: choice
          skill: framming
          prompt: x
          explanation: e
          optoins: []
        """) == [
        "lessons/broken.yaml:13: error: question 'q1': unknown question type 'choise' (did you mean 'choice'?): "
        "use one of choice, highlight, free_text, rating, label",
        "lessons/broken.yaml:16: error: question 'q2': the key 'options' is missing: add it",
        "lessons/broken.yaml:18: error: question 'q2': 'skill' cannot be 'framming' (did you mean 'framing'?): "
        "use one of sourcing, framing, loaded_language",
        "lessons/broken.yaml:21: error: question 'q2': unknown key 'optoins' (did you mean 'options'?)",
    ]


def test_duplicate_ids_no_correct_option_and_zero_rubric_are_errors(kit):
    found = problems(kit, """\
        - id: same
          type: choice
          skill: framing
          prompt: x
          explanation: e
          options:
            - {id: a, text: A, feedback: f}
            - {id: b, text: B, feedback: f}
        - id: same
          type: free_text
          skill: sourcing
          prompt: x
          explanation: e
          model_answer: y
          rubric:
            - {id: c, label: C, points: 0, terms: [x], feedback_missing: m}
        """, severity=None)
    assert found == [
        "lessons/broken.yaml:11: warning: no question trains loaded_language: a lesson should cover all three skills",
        "lessons/broken.yaml:17: error: question 'same': no option is marked 'correct: true': mark the right "
        "answer(s)",
        "lessons/broken.yaml:20: error: question 'same': the id 'same' is already used by question 1: give every "
        "question its own id",
        "lessons/broken.yaml:26: error: question 'same': the rubric is worth zero points: give 'points:' to at "
        "least one concept",
    ]


def test_warnings_wrong_option_without_feedback_and_question_without_explanation(kit):
    found = problems(kit, """\
        - id: q1
          type: choice
          skill: framing
          prompt: x
          options:
            - {id: a, text: A, correct: true}
            - {id: b, text: B}
        """, severity="warning")
    assert "lessons/broken.yaml:12: warning: question 'q1': no 'explanation:': add one, it is shown after " \
           "answering" in found
    assert "lessons/broken.yaml:18: warning: question 'q1': the wrong option 'b' has no feedback: add 'feedback:' " \
           "saying why it is wrong" in found


def test_missing_document_and_document_outside_the_kit(kit):
    header = HEADER.replace("seeds/rt.txt", "seeds/rt2.txt")
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header)[0] == (
        "lessons/broken.yaml:4: error: the document 'seeds/rt2.txt' does not exist (closest: 'seeds/rt.txt')")
    header = HEADER.replace("seeds/rt.txt", "../../etc/passwd")
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header)[0] == (
        "lessons/broken.yaml:4: error: the document '../../etc/passwd' is outside the kit: give a path inside it, "
        "such as seeds/name.txt, with no '..'")


def test_a_symlink_leading_out_of_the_kit_is_refused(kit, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    (kit / "seeds" / "link.txt").symlink_to(outside)
    header = HEADER.replace("seeds/rt.txt", "seeds/link.txt")
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header)[0] == (
        "lessons/broken.yaml:4: error: the document 'seeds/link.txt' leads outside the kit (through a link): copy "
        "the file into seeds/")


def test_yaml_syntax_error_gives_line_column_and_a_fix(kit):
    assert problems(kit, "  - id: q\n    prompt: Qui parle: RT ou TASS ?\n") == [
        "lessons/broken.yaml:13: error: YAML syntax error at column 20: mapping values are not allowed in this "
        "context; a text containing ': ' must be put in quotes, or the indentation is off"]


def test_french_no_stays_text_and_aliases_are_refused(kit):
    found = problems(kit, """\
        - id: q1
          type: choice
          skill: framing
          prompt: &p Oui ou non ?
          options:
            - {id: a, text: Non, correct: true, feedback: f}
            - {id: b, text: *p, feedback: f}
        """)
    assert found == ["lessons/broken.yaml:15: error: anchors and aliases ('&name' and '*name') are not allowed in "
                     "lesson files: write the text out in full"]
    path = kit / "lessons" / "broken.yaml"
    path.write_text(HEADER + "  - {id: q, type: choice, skill: framing, prompt: x, explanation: e, options: "
                    "[{id: a, text: Non, correct: true, feedback: f}, {id: b, text: Oui, feedback: f}]}\n", "utf-8")
    loaded = load_lesson(path, kit).loaded
    assert [o.text.get("fr") for o in loaded.lesson.questions[0].options] == ["Non", "Oui"]


def test_a_huge_file_is_refused_quickly(kit):
    path = kit / "lessons" / "broken.yaml"
    path.write_text(HEADER + "# " + "x" * 600_000 + "\n", encoding="utf-8")
    assert [str(p) for p in load_lesson(path, kit).problems] == [
        "lessons/broken.yaml:1: error: the file is 586 KB, over the 512 KB limit for a lesson: keep long texts in "
        "the document file under seeds/"]


def test_messages_never_show_python_type_names(kit):
    found = problems(kit, """\
        - id: Bad Id
          type: rating
          skill: framing
          prompt: [1, 2]
          points: beaucoup
          hints: un indice
          labels: {1: true}
          expected: 4
        """)
    text = "\n".join(found)
    words = set(re.findall(r"[A-Za-z_]+", text))
    assert not words & {"str", "dict", "int", "float", "Input", "pydantic", "Traceback", "LText", "None"}
    assert "'points' should be a number, not 'beaucoup'" in text
    assert "'hints' should be a list: one item per line, each starting with '- '" in text


def test_a_missing_colon_is_reported_on_its_own_line_not_the_next(kit):
    header = HEADER.replace("duration_minutes: 30", "duration_minutes 30")
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header) == [
        "lessons/broken.yaml:6: error: YAML syntax error at column 1: could not find expected ':'; a key is missing "
        "its ':' or a quote is not closed"]
    header = HEADER.replace("  goals: g", "  goals g")
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header) == [
        "lessons/broken.yaml:9: error: YAML syntax error at column 3: this line has no ':' after its key; write the "
        "key, then ': ', then the value"]


def test_an_unclosed_quote_is_reported_where_it_opens(kit):
    header = HEADER.replace("title: Test", 'title: "Test')
    assert problems(kit, "  - {id: q, type: rating, skill: framing, prompt: x, explanation: e}\n", header) == [
        "lessons/broken.yaml:2: error: YAML syntax error at column 8: a quote opens here and is not closed on this "
        "line; add the closing quote (or put the text in the other kind of quotes)"]
    assert problems(kit, """\
        - id: q1
          type: highlight
          skill: loaded_language
          prompt: Marque
          explanation: e
          passages:
            - quote: "poncifs
              explanation: e
            - quote: "globalistes"
        """) == [
        "lessons/broken.yaml:18: error: YAML syntax error at column 14: a quote opens here and is not closed on this "
        "line; add the closing quote (or put the text in the other kind of quotes)"]


def test_a_misspelt_key_inside_a_passage_or_an_excerpt_says_what_was_meant(kit):
    found = problems(kit, """\
        - id: q0
          type: rating
          skill: framing
          prompt: x
          explanation: e
        - id: q1
          type: highlight
          skill: loaded_language
          prompt: Marque
          explanation: e
          passages:
            - quote: poncifs
              explanaton: e
        - id: q2
          type: label
          skill: loaded_language
          prompt: x
          explanation: e
          vocabulary: techniques
          excerpts:
            - id: x1
              qoute: poncifs
              answer: loaded_language
        """)
    assert "lessons/broken.yaml:24: error: question 'q1': unknown key 'explanaton' (did you mean 'explanation'?)" \
        in found
    assert "lessons/broken.yaml:33: error: question 'q2': unknown key 'qoute' (did you mean 'quote'?)" in found


def test_an_unknown_label_category_lists_the_allowed_ids(kit):
    found = problems(kit, """\
        - id: q1
          type: label
          skill: framing
          prompt: x
          explanation: e
          vocabulary: statements
          excerpts:
            - id: x1
              quote: poncifs
              answer: rumour
        """)
    assert found == [
        "lessons/broken.yaml:21: error: question 'q1': unknown category 'rumour' in the statements vocabulary: use one "
        "of sourced_fact, unsourced_claim, opinion, quote"]
