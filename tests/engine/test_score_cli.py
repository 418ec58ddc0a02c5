"""``medialit score CASES.yaml``: a batch of answers in the lesson's own words, scored in input order."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from medialit.cli import main
from tests.conftest import FROZEN_KIT

CASES = """\
- {lesson: lessons/frozen-v1.yaml, question: who-quotes, lang: en, answer: tass}
- {lesson: lessons/frozen-v1.yaml, question: scare, lang: fr, answer: [{quote: "poncifs anti-russes"}]}
- {lesson: lessons/frozen-v1.yaml, question: final-rating, answer: 2}
- {lesson: lessons/frozen-v1.yaml, question: rewrite, lang: fr,
   answer: "Stoltenberg rappelle les reproches de l'Alliance à la Russie."}
- {lesson: lessons/frozen-v1.yaml, question: no-such-question, answer: x}
"""


def _run(tmp_path: Path, monkeypatch, *args: str):
    monkeypatch.chdir(FROZEN_KIT)
    monkeypatch.setenv("MEDIALIT_HOME", str(FROZEN_KIT))
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASES, encoding="utf-8")
    return CliRunner().invoke(main, ["score", str(cases), *args])


def test_score_prints_each_case_in_order_with_what_it_earned(tmp_path: Path, monkeypatch) -> None:
    result = _run(tmp_path, monkeypatch)
    lines = result.output.splitlines()
    assert lines[0].startswith("1. frozen-v1/who-quotes (en): 1/1 pt, complete, confidence 1.00 — Right answer")
    assert lines[1].startswith("2. frozen-v1/scare (fr): ") and "rappel 50 %" in lines[1]
    assert lines[4] == "5. lessons/frozen-v1.yaml/no-such-question (fr): cannot be scored: lesson 'frozen-v1' " \
                       "has no question 'no-such-question'"
    assert result.exit_code == 1  # a case that cannot be scored is an error


def test_score_json_gives_every_field_for_a_spreadsheet(tmp_path: Path, monkeypatch) -> None:
    results = json.loads(_run(tmp_path, monkeypatch, "--json").output)
    assert [r["question"] for r in results] == ["who-quotes", "scare", "final-rating", "rewrite", "no-such-question"]
    assert set(results[0]) >= {"earned", "possible", "complete", "needs_review", "pending", "confidence",
                               "explanation"}
    assert results[3]["needs_review"] and results[3]["earned"] > 0


def test_a_file_that_is_not_cases_is_refused_in_words(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("just: a mapping\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(tmp_path / "bad.yaml")])
    assert result.exit_code == 1 and "expected a list of cases" in result.output
