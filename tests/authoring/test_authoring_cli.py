"""The authoring commands: medialit xray, xray-eval, export, new (click's CliRunner)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from medialit.cli import main
from medialit.format.library import Library
from medialit.xray.evaluation import evaluate, gold_passages, report_lines
from tests.authoring.conftest import KIT, SEEDS, SHIPPED


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_xray_prints_findings_with_line_numbers_and_a_summary(runner):
    seed = next(s for s in SEEDS if "mondialisation" in s.name)
    result = runner.invoke(main, ["xray", str(seed)])
    assert result.exit_code == 0, result.output
    assert "  27:64   unsourced_figure «24%» — Pourcentage sans source" in result.stdout
    assert "  51:243  link             «[NYT](#)» — Lien qui ne mène nulle part" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("loaded: ")


def test_xray_filters_kinds_and_speaks_json(runner):
    seed = next(s for s in SEEDS if "rt-france" in s.name)
    result = runner.invoke(main, ["xray", str(seed), "--kind", "scare_quotes", "--json", "--lang", "fr"])
    data = json.loads(result.stdout)
    assert {f["kind"] for f in data["findings"]} == {"scare_quotes"}
    assert data["findings"][0]["text"] == "«l'annexion»" and data["findings"][0]["line"] == 1
    bad = runner.invoke(main, ["xray", str(seed), "--kind", "nonsense"])
    assert bad.exit_code == 2 and "unknown kind 'nonsense'" in bad.output


def test_xray_eval_prints_precision_and_recall(runner):
    result = runner.invoke(main, ["xray-eval"])
    assert result.exit_code == 0, result.output
    assert "passages: recall " in result.stdout and "characters (SemEval span formula): precision " in result.stdout


def test_the_evaluation_counts_the_loaded_language_passages_of_the_lessons():
    result = evaluate(Library(KIT))
    gold = gold_passages(Library(KIT).lessons())
    # "globalistes" (highlight, name calling) and the label excerpt around it; not the appeal to popularity
    assert [(g.question, g.quote) for g in gold] == [("techniques", "Les globalistes ont encore frappé"),
                                                     ("loaded-words", "globalistes")]
    assert result["passages"] == 2 and result["passage_level"]["recall"] == 1.0
    assert result["missed"] == []
    assert 0 < result["passage_level"]["precision"] < 1 and 0 < result["char_level"]["f1"] <= 1
    assert report_lines(result)[1].startswith("passages: recall 100% (2/2 found); precision ")


@pytest.mark.skipif(not SHIPPED, reason="no lessons shipped yet")
def test_the_evaluation_of_the_shipped_lessons_gives_figures_between_zero_and_one():
    result = evaluate(Library())
    assert result["passages"] > 0
    for value in (*result["passage_level"].values(), *result["char_level"].values()):
        assert 0 <= value <= max(1, result["passage_level"]["findings"])


def test_export_by_id_or_path_writes_html_and_gift(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(KIT))
    sheet = runner.invoke(main, ["export", "all-types", "--format", "html"])
    assert sheet.exit_code == 0 and sheet.stdout.startswith("<!DOCTYPE html>") and "Fiche élève" in sheet.stdout
    key = runner.invoke(main, ["export", str(KIT / "lessons" / "all-types.yaml"), "--key", "--lang", "en"])
    assert "Answer key — for the teacher only" in key.stdout
    out = tmp_path / "quiz.gift"
    gift = runner.invoke(main, ["export", "all-types", "--format", "gift", "-o", str(out)])
    assert gift.exit_code == 0
    assert "::all-types/who-speaks::" in out.read_text(encoding="utf-8")
    assert "not exported (GIFT cannot express highlight and label questions): loaded-words, techniques" in gift.stderr


def test_export_refuses_unknown_or_broken_lessons(runner, monkeypatch, empty_kit):
    monkeypatch.setenv("MEDIALIT_HOME", str(empty_kit))
    unknown = runner.invoke(main, ["export", "nowhere"])
    assert unknown.exit_code == 1 and "no lesson file or lesson id 'nowhere'" in unknown.output
    broken = empty_kit / "lessons" / "broken.yaml"
    broken.write_text("id: broken\nkind: lesson\n", encoding="utf-8")
    result = runner.invoke(main, ["export", str(broken)])
    assert result.exit_code == 1 and "has errors: fix them first (medialit validate)" in result.output
    assert runner.invoke(main, ["export", str(broken), "--format", "gift", "--key"]).exit_code != 0


def test_new_writes_a_lesson_and_lists_what_remains(runner, monkeypatch, empty_kit):
    monkeypatch.setenv("MEDIALIT_HOME", str(empty_kit))
    result = runner.invoke(main, ["new", str(SEEDS[0]), "--id", "my-lesson"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "wrote lessons/my-lesson.yaml"
    assert "warning: no question trains framing, loaded_language" in result.stdout
    again = runner.invoke(main, ["new", str(SEEDS[0]), "--id", "my-lesson"])
    assert again.exit_code == 1 and "lessons/my-lesson.yaml already exists" in again.output


def test_new_reports_a_refused_document_without_a_traceback(runner, monkeypatch, empty_kit, tmp_path):
    monkeypatch.setenv("MEDIALIT_HOME", str(empty_kit))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("été".encode("latin-1"))
    result = runner.invoke(main, ["new", str(latin)])
    assert result.exit_code == 1 and "is not UTF-8 text" in result.output and "Traceback" not in result.output


def test_the_fixture_kit_is_self_contained(tmp_path):
    copy = shutil.copytree(KIT, tmp_path / "kit")
    assert Library(copy).by_id("all-types") is not None
