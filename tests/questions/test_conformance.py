"""Every registered question type brings every piece; a type that lacks one is caught, piece by piece."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest

from medialit.format.model import Lesson
from medialit.format.schema import schema_text
from medialit.paths import kit_root
from medialit.questions import AnyQuestion, QuestionBase, registry
from medialit.questions.kind import Printed
from tests.questions.conformance import missing_pieces

BUILT_IN = [kind.name for kind in registry.BUILT_IN]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_type_has_every_piece(name: str, kit: Path) -> None:
    assert missing_pieces(registry.KINDS[name], kit) == []


def test_the_test_only_type_has_every_piece_too(with_ordering, kit: Path) -> None:
    assert missing_pieces(with_ordering, kit) == []


def test_the_written_out_union_is_the_registry() -> None:
    assert set(get_args(AnyQuestion)) == {kind.model for kind in registry.BUILT_IN}
    assert list(registry.KINDS) == BUILT_IN


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_type_is_documented_and_in_the_schema(name: str) -> None:
    docs = (kit_root() / "docs" / "lesson-format.md").read_text(encoding="utf-8")
    assert f"### {name}" in docs
    assert f'"const": "{name}"' in json.dumps(json.loads(schema_text()))


class _NoKey(Printed):  # left out: answer_key, gift, scaffold_example
    pass


def test_a_type_without_a_worksheet_template_is_caught(with_ordering, kit: Path, tmp_path: Path) -> None:
    broken = replace(with_ordering, folder=tmp_path)
    assert missing_pieces(broken, kit) == [f"ordering: no worksheet.html in {tmp_path}"]


def test_a_type_without_a_widget_is_caught(with_ordering, kit: Path) -> None:
    broken = replace(with_ordering, widget_module="tests.questions.ordering.nowhere")
    assert missing_pieces(broken, kit)[0].startswith(
        "ordering: its widget module tests.questions.ordering.nowhere cannot be imported")


def test_printed_pieces_cannot_be_left_out() -> None:
    with pytest.raises(TypeError, match="answer_key"):
        _NoKey()


def test_a_model_that_does_not_score_is_caught(with_ordering, kit: Path) -> None:
    class Lazy(with_ordering.model):  # type: ignore[misc,name-defined]
        score = QuestionBase.score

    broken = replace(with_ordering, model=Lazy)
    assert "ordering: the model does not implement score()" in missing_pieces(broken, kit)


def test_unregistering_the_test_type_leaves_the_format_as_shipped(with_ordering) -> None:
    registry.unregister("ordering")
    assert "ordering" not in registry.KINDS
    with pytest.raises(Exception, match="ordering"):
        Lesson.model_validate({"questions": [{"type": "ordering"}]})
    registry.register(with_ordering)
