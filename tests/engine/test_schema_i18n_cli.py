import json

from click.testing import CliRunner

from medialit.cli import main
from medialit.format.schema import SCHEMA_FILE, schema_text
from medialit.paths import kit_root
from tests.conftest import FROZEN_KIT


def test_committed_schema_is_up_to_date():
    committed = (kit_root() / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "lesson.schema.json is stale: run 'make schema' (medialit schema)"


def test_schema_offers_every_question_type_for_autocompletion():
    schema = json.loads(schema_text())
    text = json.dumps(schema)
    for name in ("choice", "highlight", "free_text", "rating", "label"):
        assert f'"const": "{name}"' in text


def test_validate_exit_codes_clean_problems_and_usage(tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("MEDIALIT_HOME", str(FROZEN_KIT))
    clean = runner.invoke(main, ["validate", "--strict", str(FROZEN_KIT / "lessons")])
    assert clean.exit_code == 0, clean.output
    assert "1 file(s) checked: 0 error(s), 0 warning(s)" in clean.output
    assert runner.invoke(main, ["validate", str(tmp_path / "nothing.yaml")]).exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    broken = runner.invoke(main, ["validate", str(bad)])
    assert broken.exit_code == 1
    assert "error: the key 'title' is missing: add it" in broken.output


def test_validate_json_report_lists_questions_and_problems(monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(FROZEN_KIT))
    result = CliRunner().invoke(main, ["validate", "--json", str(FROZEN_KIT / "lessons")])
    report = json.loads(result.output)
    entry = report["files"][0]
    assert entry["lesson"] == "frozen-v1" and entry["problems"] == []
    assert entry["questions"][1] == {"id": "who-quotes", "type": "choice", "skill": "sourcing", "points": 1.0}
    assert entry["questions"][0]["points"] == 0  # the unscored first impression


def test_strict_turns_warnings_into_failures(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(FROZEN_KIT, tmp_path / "kit")
    path = tmp_path / "kit" / "lessons" / "frozen-v1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '    explanation: {fr: "Après analyse.", en: "After analysis."}\n', ""), encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path / "kit"))
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "warning: question 'final-rating': no 'explanation:'" in strict.output
