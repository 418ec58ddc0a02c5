"""Lesson files broken, half-written, deleted or edited while students are in the middle of them.

One server for the module, on a temporary kit (``MEDIALIT_HOME``) holding copies of three
lessons and the documents; each test works on its own lesson file and puts it back.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.answers import make_answer, widget_values
from benchmarks.harness import answered_steps, position, result_banner, resume, running_server, stored_answers
from benchmarks.student import Student
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.i18n import tr
from medialit.paths import kit_root
from medialit.questions.scoring import fmt
from medialit.ui import keys

pytestmark = pytest.mark.slow

BROKEN_LESSON = "rt-france-2018-sommet-otan"
OTHER_LESSON = "blog-2023-generaux-otan"
EDITED_LESSON = "mondialisation-2024-macron-troupes"
NOT_SAVED = tr("ui_answer_not_saved_editing", "fr")
KEPT = tr("ui_answer_kept", "fr")


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kit")
    for folder in ("seeds", "contrast"):
        shutil.copytree(kit_root() / folder, root / folder)
    (root / "lessons").mkdir()
    for lesson_id in (BROKEN_LESSON, OTHER_LESSON, EDITED_LESSON):
        shutil.copy(kit_root() / "lessons" / f"{lesson_id}.yaml", root / "lessons")
    return root


@pytest.fixture(scope="module")
def server(kit: Path):  # type: ignore[no-untyped-def] - a benchmarks.server.Server
    with running_server(home=kit) as running:
        yield running


def _loaded(kit: Path, lesson_id: str) -> LoadedLesson:
    result = load_lesson(kit / "lessons" / f"{lesson_id}.yaml", kit)
    assert result.ok, [str(p) for p in result.problems]
    return result.loaded


def _half_written(text: str) -> str:
    """The file as an editor that crashed mid-save leaves it: cut in the middle of a line."""
    cut = text.index("questions:") + len("questions:") + 40
    return text[:cut]


BREAKAGES = {
    "half-written": lambda path, text: path.write_text(_half_written(text), encoding="utf-8"),
    "broken YAML": lambda path, text: path.write_text(text.replace("\nquestions:", "\nquestions: [", 1),
                                                      encoding="utf-8"),
    "deleted": lambda path, text: path.unlink(),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_lesson_broken_mid_class_warns_its_students_keeps_the_others_and_loses_no_answer(kit, server, breakage):
    """The student has answered two questions and filled in the third when the file breaks; their
    Submit stores nothing and says so ("not saved", not "your answers are saved"); a student on
    another lesson goes on; once the file is back, the first student is on the third question, the
    first two answered, the third one's answer kept in the form and said to be not saved yet."""
    path = kit / "lessons" / f"{BROKEN_LESSON}.yaml"
    original = path.read_text(encoding="utf-8")
    affected = Student(server.url, _loaded(kit, BROKEN_LESSON), seed=1, think=(0, 0), p_right=1.0)
    other = Student(server.url, _loaded(kit, OTHER_LESSON), seed=2, think=(0, 0), p_right=1.0)
    third = affected.loaded.lesson.questions[2]

    async def scenario() -> None:
        for student in (affected, other):
            progress = await student.walk(questions=2, finish=False)
            assert not progress.error, progress.error
        await affected.act(click=keys.step(BROKEN_LESSON, "next"))
        raw = make_answer(affected.loaded, third, "fr", affected.rng, right=True)
        inputs = widget_values(affected.loaded, third, raw, 1, "fr")
        if inputs.edit:
            await affected.act(values=inputs.edit)
        BREAKAGES[breakage](path, original)
        assert not load_lesson(path, kit).ok
        try:
            broken = await affected.tab.rerun(click=keys.submit(BROKEN_LESSON, third.id, 1), values=inputs.submit)
            assert affected.tab.check(broken).alerts("error") == [NOT_SAVED]
            assert broken.alerts("warning") == []
            await other.act(click=keys.step(OTHER_LESSON, "next"))
            await other.answer(other.loaded.lesson.questions[2])
        finally:
            path.write_text(original, encoding="utf-8")
        back = await affected.act()
        assert position(back, "fr") == 2
        assert answered_steps(back, affected.loaded) == {0, 1}
        assert KEPT in back.alerts("warning")
        for student in (affected, other):
            await student.close()

    asyncio.run(scenario())
    stored = stored_answers(server)
    for student in (affected, other):  # exactly what got feedback: the Submit on the broken file stored nothing
        mine = {(a.question_id, a.attempt) for a in stored
                if a.code == student.progress.code and a.lesson_id == student.lesson_id}
        assert mine == set(student.progress.submitted)


def _flip_first_choice(path: Path, index: int) -> None:
    """Make the question's right option wrong and a wrong one right, and change its explanation."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    question = data["questions"][index]
    right = [o for o in question["options"] if o.get("correct")]
    wrong = [o for o in question["options"] if not o.get("correct")]
    for option in right:
        option["correct"] = False
    wrong[0]["correct"] = True
    question["explanation"] = "Edited after the class answered."
    question.pop("multiple", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_an_edited_lesson_keeps_old_answers_with_the_hash_and_result_they_were_scored_with(kit, server):
    path = kit / "lessons" / f"{EDITED_LESSON}.yaml"
    original = path.read_text(encoding="utf-8")
    before = _loaded(kit, EDITED_LESSON)
    index = next(i for i, q in enumerate(before.lesson.questions) if q.type == "choice" and not q.is_multiple())
    student = Student(server.url, before, seed=3, think=(0, 0), p_right=1.0)


    async def answer_up_to_the_choice() -> None:
        await student.walk(questions=index + 1, finish=False)
        await student.close()

    try:
        asyncio.run(answer_up_to_the_choice())
        progress = student.progress
        assert not progress.error, progress.error
        _flip_first_choice(path, index)
        after = _loaded(kit, EDITED_LESSON)
        assert after.content_hash != before.content_hash

        mine = {a.question_id: a for a in stored_answers(server) if a.code == progress.code}
        question = before.lesson.questions[index]
        assert mine[question.id].content_hash == before.content_hash
        assert mine[question.id].earned == question.points

        async def reopen() -> None:
            tab, run = await resume(server, EDITED_LESSON, progress.code)
            await tab.close()
            assert position(run, "fr") == index
            points = fmt(question.points)
            assert result_banner(run) == tr("ui_result_right", "fr", pts=points, max=points)
            assert tr("ui_lesson_edited_since", "fr") in run.text()

        asyncio.run(reopen())

        async def answer_the_next_question() -> None:
            again = Student(server.url, after, seed=4, think=(0, 0), p_right=1.0, query=f"code={progress.code}")
            await again.tab.connect()
            await again.act(first=True)
            await again.act(click=keys.step(EDITED_LESSON, "next"))
            await again.answer(after.lesson.questions[index + 1])
            await again.close()

        asyncio.run(answer_the_next_question())
        hashes = {a.question_id: a.content_hash for a in stored_answers(server) if a.code == progress.code}
        assert hashes[question.id] == before.content_hash
        assert hashes[after.lesson.questions[index + 1].id] == after.content_hash
    finally:
        path.write_text(original, encoding="utf-8")
