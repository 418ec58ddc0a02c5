"""A type that lives only in the tests works end to end once registered: validated, scored, drawn and
answered in the app, exported. Nothing in medialit/ names it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import main
from medialit.export.gift import gift
from medialit.export.key import answer_key_html
from medialit.export.worksheet import worksheet_html
from medialit.format.loader import load_lesson
from medialit.paths import PACKAGE_DIR
from medialit.store import clear_store_cache
from tests.questions.conformance import lesson_with

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from driver import answer, errors, new_app  # noqa: E402 - the app tests' driver, once its folder is on the path


@pytest.fixture
def ordering_kit(with_ordering, kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    lesson_with(with_ordering, kit)
    monkeypatch.setenv("MEDIALIT_HOME", str(kit))
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    yield kit
    clear_store_cache()


def test_nothing_in_the_package_names_the_test_type() -> None:
    assert not [p for p in PACKAGE_DIR.rglob("*.py") if "ordering" in p.read_text(encoding="utf-8")]


def test_a_lesson_using_it_validates_and_a_typo_in_its_type_is_reported(ordering_kit: Path) -> None:
    path = ordering_kit / "lessons" / "conformance-ordering.yaml"
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0 and "0 error(s)" in result.output, result.output
    path.write_text(path.read_text(encoding="utf-8").replace("type: ordering", "type: orderin"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1 and "unknown question type 'orderin' (did you mean 'ordering'?)" in result.output


def test_it_is_scored_with_partial_credit(ordering_kit: Path) -> None:
    loaded = load_lesson(ordering_kit / "lessons" / "conformance-ordering.yaml", ordering_kit).loaded
    q = loaded.lesson.questions[0]
    ctx = loaded.context(q, "en")
    assert q.score({"order": ["first", "second"]}, ctx).fraction == 1
    assert q.score({"order": ["second", "first"]}, ctx).fraction == 0
    assert not q.score({"order": ["first"]}, ctx).complete


def test_a_student_answers_it_in_the_app_and_sees_the_feedback(ordering_kit: Path) -> None:
    loaded = load_lesson(ordering_kit / "lessons" / "conformance-ordering.yaml", ordering_kit).loaded
    q = loaded.lesson.questions[0]
    at = new_app(lesson=loaded.lesson.id)
    assert not errors(at), errors(at)
    at = answer(at, loaded, q, {"order": ["second", "first"]})
    assert not errors(at), errors(at)
    assert at.error[0].value.startswith("Pas encore : 0 sur 1 pt")
    assert any("Le titre" in m.value for m in at.markdown)


def test_it_is_printed_and_listed_as_not_exportable_to_moodle(ordering_kit: Path) -> None:
    loaded = load_lesson(ordering_kit / "lessons" / "conformance-ordering.yaml", ordering_kit).loaded
    sheet, key = worksheet_html(loaded, "fr"), answer_key_html(loaded, "fr")
    assert "Number the items in order:" in sheet and "Right order" not in sheet
    assert "Right order" in key and key.index("Le titre") < key.index("La citation")
    text, skipped = gift(loaded, "fr")
    assert skipped == ["example-ordering"] and "example-ordering (ordering: putting items in order)" in text
