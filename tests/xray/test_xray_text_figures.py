"""The X-ray's figures on the evaluation texts (issue 15): no neutral held-out text gets more than one
suspicious finding; recall does not fall below what the README reports; ``medialit xray-eval`` reports
the seed, dev and held-out figures apart and never lists what the held-out set misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import main
from medialit.xray import is_suspicious, xray
from medialit.xray.textsets import evaluate_set, evaluate_text, load_set

TEXTS = Path(__file__).resolve().parent / "texts"
HELDOUT = {data["id"]: data for data in load_set(TEXTS / "heldout")}
DEV = {data["id"]: data for data in load_set(TEXTS / "dev")}
# The figures the README quotes (held-out 82/117, dev 110/114): a change that loses passages fails here.
RECALL_FLOOR = {"heldout": 82 / 117, "dev": 110 / 114}
CAREFUL_CONTRAST = sorted((Path(__file__).resolve().parents[2] / "contrast").glob("*texte-contraste*.txt"))


@pytest.mark.parametrize("text_id", sorted(i for i, d in HELDOUT.items() if d["kind"] == "neutral"))
def test_no_neutral_heldout_text_gets_more_than_one_suspicious_finding(text_id):
    result = evaluate_text(HELDOUT[text_id])
    assert len(result.suspicious) <= 1, f"{text_id}: {len(result.suspicious)} suspicious findings"


@pytest.mark.parametrize("text_id", sorted(i for i, d in DEV.items() if d["kind"] == "neutral"))
def test_no_neutral_dev_text_gets_a_suspicious_finding(text_id):
    assert evaluate_text(DEV[text_id]).suspicious == []


@pytest.mark.parametrize("path", CAREFUL_CONTRAST, ids=lambda p: p.name)
def test_the_kits_careful_contrast_texts_are_not_made_suspect(path):
    findings = [f for f in xray(path.read_text(encoding="utf-8"), "fr") if is_suspicious(f)]
    assert len(findings) <= 2, findings


@pytest.mark.parametrize("name", ["heldout", "dev"])
def test_recall_on_the_evaluation_texts_does_not_fall(name):
    result = evaluate_set(TEXTS / name)
    assert result["recall"] >= RECALL_FLOOR[name] - 1e-9, f"{name}: {result['found']}/{result['passages']}"


def test_xray_eval_reports_seed_dev_and_heldout_apart():
    run = CliRunner().invoke(main, ["xray-eval"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith("seed (the kit's lessons): ")
    assert "\ndev: 10 texts; loaded passages found " in run.output
    assert "\nheldout: 10 texts; loaded passages found " in run.output
    heldout = run.output[run.output.index("\nheldout:"):]
    assert "missed:" not in heldout and "(held-out set: measured, never tuned on" in heldout
    figures = json.loads(CliRunner().invoke(main, ["xray-eval", "--json"]).output)
    assert set(figures) == {"seed", "dev", "heldout"}
    assert all(row["missed"] == [] for row in figures["heldout"]["loaded"])
    assert all(row["findings"] == [] for row in figures["heldout"]["neutral"])
    assert figures["heldout"]["max_suspicious"] <= 1
