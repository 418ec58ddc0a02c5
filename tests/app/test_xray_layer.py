"""The X-ray on the student's document: offered only once the current question is corrected (before, it would
be a hint), drawn as the read-only "xray" layer with a legend, computed once per lesson version."""

from __future__ import annotations

from driver import FIXTURE_LESSON, answer, document_layers, errors, go_next, new_app

from medialit.format.loader import LoadedLesson
from medialit.ui import keys
from medialit.ui.xray_layer import xray_layer

SWITCH = keys.xray(FIXTURE_LESSON)
LEGEND = "En violet, pointillés au-dessus : ce que la radiographie remarque"


def switches(at) -> list[str]:
    return [toggle.key for toggle in at.toggle]


def test_the_xray_switch_waits_for_the_correction_and_draws_the_layer(lesson: LoadedLesson) -> None:
    first, second = lesson.lesson.questions[:2]
    at = new_app(lesson=FIXTURE_LESSON)
    assert SWITCH not in switches(at)  # composing: no X-ray, it would be a hint
    at = answer(at, lesson, first, {"value": 3})  # an opinion: corrected at once
    assert SWITCH in switches(at) and "xray" not in document_layers(at)
    at = at.toggle(key=SWITCH).set_value(True).run()
    assert not errors(at)
    assert "xray" in document_layers(at)
    assert any(c.value.startswith(LEGEND) for c in at.caption)

    at = go_next(at, lesson)
    assert SWITCH not in switches(at) and "xray" not in document_layers(at)
    at = answer(at, lesson, second, {"selected": ["afp"]})  # wrong, one more try left: reduced feedback
    assert SWITCH not in switches(at) and "xray" not in document_layers(at)


def test_the_xray_layer_is_computed_once_per_lesson_version(lesson: LoadedLesson) -> None:
    drawn = xray_layer(lesson, "fr")
    assert xray_layer(lesson, "fr") is drawn
    assert drawn["name"] == "xray" and drawn["title"] == "Radiographie"
    assert len(drawn["spans"]) == len(drawn["titles"]) > 0
    assert "poncifs" in [lesson.text[s:e] for s, e in drawn["spans"]]
