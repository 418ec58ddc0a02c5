"""Every lesson walked end to end: the ideal answers reach full marks, wrong ones get feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from driver import FIXTURE_LESSON, answer, errors, go_next, ideal, new_app, shipped_files, walk, wrong

from medialit.format.library import library
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.store import get_store
from medialit.ui import keys
from medialit.ui.highlight import snap_to_words


def stored_total(at, loaded: LoadedLesson) -> tuple[float, dict]:
    learner = get_store().learner_by_code(at.query_params["code"])
    latest = get_store().latest_answers(learner.id, loaded.lesson.id)
    scored = {q.id for q in loaded.lesson.questions if q.is_scored()}
    return sum(a.earned for qid, a in latest.items() if qid in scored), latest


def finish(at, loaded: LoadedLesson):
    at = at.button(key=keys.finish(loaded.lesson.id)).click().run()  # to the summary
    return at.button(key=keys.finish(loaded.lesson.id)).click().run()  # confirm: finish


def markable_by_mouse(loaded: LoadedLesson) -> list[str]:
    """Expected passages a student cannot mark exactly: the widget snaps marks to whole words."""
    problems = []
    for q in loaded.lesson.questions:
        if q.type != "highlight":
            continue
        ctx = loaded.context(q, loaded.lesson.language)
        for start, end in q.ideal_answer(ctx)["spans"]:
            snapped = snap_to_words(loaded.text, [(start, end)])
            if q.score({"spans": snapped}, ctx).earned < q.score({"spans": [(start, end)]}, ctx).earned - 1e-9:
                shown = " | ".join(loaded.text[s:e] for s, e in snapped)
                problems.append(f"{loaded.display}: question '{q.id}': the passage \"{loaded.text[start:end]}\" "
                                f"cuts a word; a student marking it gets \"{shown}\" (quote the whole words)")
    return problems


def full_walk(loaded: LoadedLesson, lang: str) -> None:
    unmarkable = markable_by_mouse(loaded)
    assert not unmarkable, "\n".join(unmarkable)
    at = walk(new_app(lesson=loaded.lesson.id, lang=lang), loaded, lang, ideal)
    earned, latest = stored_total(at, loaded)
    assert set(latest) == {q.id for q in loaded.lesson.questions}
    assert earned == pytest.approx(loaded.lesson.total_points())
    assert all(a.attempt == 1 for a in latest.values())
    at = finish(at, loaded)
    assert not errors(at)
    total = next(m for m in at.metric if m.label in ("Score total", "Total score"))
    assert total.value.split(" / ")[0] == total.value.split(" / ")[1].removesuffix(" pt")


def test_the_fixture_lesson_walked_with_ideal_answers_reaches_full_marks(lesson: LoadedLesson) -> None:
    full_walk(lesson, "fr")


def test_the_fixture_lesson_walked_in_english_reaches_full_marks(lesson: LoadedLesson) -> None:
    full_walk(lesson, "en")


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_lesson_walked_with_ideal_answers_reaches_full_marks(path: Path, shipped_kit: Path) -> None:
    result = load_lesson(path, shipped_kit)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    loaded = library(shipped_kit).by_id(result.loaded.lesson.id)
    full_walk(loaded, result.loaded.lesson.language)


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_lesson_walked_with_wrong_answers_gets_feedback_and_partial_credit(
    path: Path, shipped_kit: Path
) -> None:
    result = load_lesson(path, shipped_kit)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    loaded = library(shipped_kit).by_id(result.loaded.lesson.id)
    check_wrong_walk(loaded, loaded.lesson.language)


def check_wrong_walk(loaded: LoadedLesson, lang: str) -> dict:
    """Answer every question wrongly; each scored one shows a result banner and feedback lines."""
    at = new_app(lesson=loaded.lesson.id, lang=lang)
    questions = loaded.lesson.questions
    for i, q in enumerate(questions):
        at = answer(at, loaded, q, wrong(q, loaded.context(q, lang)))
        assert not errors(at), errors(at)
        if q.is_scored():
            assert at.warning or at.error, f"{q.id}: no result banner"
            how = q.score(wrong(q, loaded.context(q, lang)), loaded.context(q, lang)).how.split(". ")[0]
            assert any(c.value.startswith(how) for c in at.caption), f"{q.id}: the points are not explained"
        if i < len(questions) - 1:
            at = go_next(at, loaded)
    earned, latest = stored_total(at, loaded)
    assert all(latest[q.id].earned < q.points for q in questions if q.is_scored())
    for q in questions:
        if q.is_scored() and q.type == "highlight":
            assert 0 < latest[q.id].earned < q.points, f"{q.id}: a highlight with one right passage earns part"
    return {qid: a.earned for qid, a in latest.items()}


def test_the_fixture_lesson_with_wrong_answers_gets_feedback_and_partial_credit(lesson: LoadedLesson) -> None:
    earned = check_wrong_walk(lesson, "fr")
    assert 0 < earned["loaded-words"] < 2
    assert earned["who-speaks"] == earned["framing-choices"] == earned["label-techniques"] == 0
    assert earned["last-look"] == 0  # 3 steps from the expected range, at 50 % per step


def test_a_wrong_choice_shows_its_own_feedback_but_not_the_right_answer_until_no_try_is_left(
    lesson: LoadedLesson,
) -> None:
    at = new_app(lesson=FIXTURE_LESSON)
    at = go_next(at, lesson)
    q = lesson.lesson.question("who-speaks")
    from driver import answer

    at = answer(at, lesson, q, {"selected": ["afp"]})
    page = " ".join(m.value for m in at.markdown)
    assert "FB-AFP" in page and "FB-TASS" not in page and "EXPL-WHO" not in page
    assert at.error[0].value == "Pas encore : 0 sur 1 pt."
    at = at.button(key=keys.retry(FIXTURE_LESSON, q.id)).click().run()
    assert at.radio(key=keys.answer(FIXTURE_LESSON, q.id, 2)).value == "afp"  # prefilled with the last try
    at = answer(at, lesson, q, {"selected": ["tass"]}, attempt=2)
    page = " ".join(m.value for m in at.markdown)
    assert "FB-TASS" in page and "EXPL-WHO" in page
    assert at.warning[0].value == "En partie juste : 0,75 sur 1 pt."  # one retry costs 25 %
    assert any("1 essai précédent : −0,25 pt" in c.value for c in at.caption)
