"""A text given in one language only, in a lesson that translates its texts, is a warning with its line and
the fix: English-speaking students would otherwise read French without anyone noticing."""

from __future__ import annotations

from pathlib import Path

import yaml

from medialit.format.loader import load_lesson_bytes
from medialit.paths import kit_root

LESSON = kit_root() / "lessons" / "rt-france-2018-sommet-otan.yaml"
ENGLISH = ', en: "The article is signed by Emmanuel Dunand, whose name follows the headline with the © sign."}'


def _check(raw: str):
    return load_lesson_bytes(raw.encode(), Path(LESSON), kit_root())


def test_the_shipped_lesson_has_every_text_in_both_languages():
    result = _check(LESSON.read_text(encoding="utf-8"))
    assert not [p for p in result.problems if "has no" in p.message]


def test_an_option_left_in_french_is_a_warning_at_its_line():
    raw = LESSON.read_text(encoding="utf-8")
    assert ENGLISH in raw
    broken = raw.replace(ENGLISH, "}", 1)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "signé par Emmanuel Dunand" in text)
    result = _check(broken)
    found = [p for p in result.problems if "has no 'en:' text" in p.message]
    assert len(found) == 1
    assert (found[0].line, found[0].severity, found[0].question) == (line, "warning", "who-is-behind")
    assert "students who use the kit in English will read the French" in found[0].message
    assert result.loaded is not None  # a warning: the lesson still opens


def _french_only(node):
    if isinstance(node, dict):
        if node and set(node) <= {"fr", "en"}:
            return node.get("fr", "")
        return {key: _french_only(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_french_only(value) for value in node]
    return node


def test_a_lesson_written_in_one_language_with_plain_strings_is_left_alone():
    data = _french_only(yaml.safe_load(LESSON.read_text(encoding="utf-8")))
    result = _check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert result.loaded is not None, result.problems
    assert not [p for p in result.problems if "has no" in p.message]
    half = yaml.safe_load(LESSON.read_text(encoding="utf-8"))
    half["title"] = {"fr": half["title"]["fr"]}
    data = _french_only(half)
    data["title"] = half["title"]  # one text still a {fr:} pair, but none translated: nothing to compare with
    result = _check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert not [p for p in result.problems if "has no" in p.message]
