"""Whatever a file holds, loading it gives teacher-worded problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.format.loader import load_lesson
from tests.conftest import FROZEN_KIT

FROZEN_TEXT = (FROZEN_KIT / "lessons" / "frozen-v1.yaml").read_text(encoding="utf-8")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=30))
keys = st.sampled_from(["id", "type", "skill", "prompt", "points", "options", "quote", "fr", "en", "questions",
                        "document", "file", "rubric", "terms", "labels", "expected", "excerpts", "answer", "x"])
trees = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.one_of(keys, st.integers(0, 5)), children, max_size=5)),
    max_leaves=25)


def _load(tmp_path: Path, content: bytes):
    (tmp_path / "lessons").mkdir(exist_ok=True)
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        seeds.mkdir()
        (seeds / "rt.txt").write_bytes((FROZEN_KIT / "seeds" / "rt.txt").read_bytes())
    path = tmp_path / "lessons" / "fuzz.yaml"
    path.write_bytes(content)
    return load_lesson(path, tmp_path)


def _assert_teacher_worded(result) -> None:
    for problem in result.problems:
        assert problem.line >= 1
        assert "Traceback" not in problem.message and "Error(" not in problem.message
        assert "pydantic" not in problem.message.lower()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_give_problems_not_tracebacks(tmp_path, content):
    _assert_teacher_worded(_load(tmp_path, content))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trees)
def test_random_yaml_trees_give_problems_not_tracebacks(tmp_path, tree):
    result = _load(tmp_path, yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))
    _assert_teacher_worded(result)
    assert result.ok is False or result.loaded is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(FROZEN_TEXT) - 1), st.integers(0, 40), st.text(max_size=12))
def test_a_real_lesson_mangled_anywhere_gives_problems_not_tracebacks(tmp_path, at, cut, insert):
    mangled = FROZEN_TEXT[:at] + insert + FROZEN_TEXT[at + cut:]
    _assert_teacher_worded(_load(tmp_path, mangled.encode("utf-8")))


def test_an_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    result = _load(tmp_path, bomb.encode())  # refused before any alias is expanded (9^10 items otherwise)
    assert [p.message for p in result.problems] == [
        "anchors and aliases ('&name' and '*name') are not allowed in lesson files: write the text out in full"]


def test_deeply_nested_input_is_refused(tmp_path):
    result = _load(tmp_path, ("[" * 5000 + "]" * 5000).encode())
    assert result.problems and not result.ok
