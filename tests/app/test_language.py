"""French and English: the switch, the URL, the learner, and lesson texts with their fallback."""

from __future__ import annotations

from driver import FIXTURE_LESSON, answer, errors, new_app, texts

from medialit.format.loader import LoadedLesson
from medialit.store import Store
from medialit.ui import keys


def test_switching_to_english_translates_the_page_and_is_kept_on_the_learner(
    lesson: LoadedLesson, store: Store
) -> None:
    at = answer(new_app(lesson=FIXTURE_LESSON), lesson, lesson.lesson.questions[0], {"value": 3})
    at = at.segmented_control(key=keys.LANG).set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == "Fixture: the NATO summit as told by RT"
    assert at.subheader[0].value == "Question 1 of 7"
    assert "First impression: is this article reliable?" in texts(at)
    code = at.query_params["code"]
    assert store.learner_by_code(code).lang == "en"
    at = new_app(code=code)  # another day, the address without ``lang``: the learner's language
    assert at.title[0].value == "Lessons and drills"


def test_a_plain_text_is_shown_in_every_language(lesson: LoadedLesson) -> None:
    at = new_app(lesson=FIXTURE_LESSON, lang="en")
    assert "Le document tel" not in texts(at)
    assert "L'OTAN ne veut pas isoler la Russie" in texts(at)  # the headline is shown as printed


def test_the_catalogue_and_a_drill_without_a_document_render_in_both_languages(kit) -> None:  # noqa: ANN001
    for lang in ("fr", "en"):
        at = new_app(lang=lang)
        assert not errors(at)
        at = at.button(key=keys.open_lesson("fixture-drill")).click().run()
        assert not errors(at)
        assert at.radio(key=keys.answer("fixture-drill", "fact-or-opinion", 1)) is not None
