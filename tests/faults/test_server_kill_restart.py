"""The server killed (SIGKILL) in the middle of a class, then restarted on the same data.

Five simulated students (the websocket client of ``benchmarks``) walk lessons; once each has
seen feedback on a few answers the server gets ``kill -9``. After a restart on the same port and
data dir: every answer whose feedback a student saw is in the database, and every student who
reconnects with their resume code lands on the lesson and question they were on, with their
answers shown.
"""

from __future__ import annotations

import asyncio

import pytest

from benchmarks.harness import answered_steps, position, result_banner, resume, running_server, stored_answers
from benchmarks.student import Student
from medialit.format.library import library

pytestmark = pytest.mark.slow

STUDENTS = 5
FEEDBACK_EACH = 2  # kill once every student has seen at least this many results...
FEEDBACK_TOTAL = 10  # ...and the class this many


async def _class_until_killed(server, lessons) -> list[Student]:  # type: ignore[no-untyped-def]
    enough = asyncio.Event()
    students: list[Student] = []

    def seen(_student: Student, _question: str, _attempt: int) -> None:
        counts = [len(s.progress.submitted) for s in students]
        if min(counts) >= FEEDBACK_EACH and sum(counts) >= FEEDBACK_TOTAL:
            enough.set()

    for i in range(STUDENTS):
        students.append(Student(server.url, lessons[i % len(lessons)], seed=500 + i, think=(0.05, 0.2),
                                p_right=0.5, p_retry=0.5, on_feedback=seen))
    walks = [asyncio.create_task(s.walk()) for s in students]
    await asyncio.wait_for(enough.wait(), 60)
    server.kill()
    await asyncio.wait_for(asyncio.gather(*walks), 30)
    for student in students:
        await student.close()
    return students


def test_every_answer_with_feedback_survives_a_kill_and_every_student_resumes_where_they_were():
    lessons = [loaded for loaded in library().lessons() if loaded.lesson.kind == "lesson"][:3]
    with running_server() as server:
        students = asyncio.run(_class_until_killed(server, lessons))
        assert all(s.progress.error for s in students), "every walk should have been cut by the kill"
        server.start()

        stored = {(a.code, a.lesson_id, a.question_id, a.attempt) for a in stored_answers(server)}
        for student in students:
            assert student.progress.code, "each student saw feedback, so each has a resume code"
            for question_id, attempt in student.progress.submitted:
                assert (student.progress.code, student.lesson_id, question_id, attempt) in stored

        async def check_resumes() -> None:
            for student in students:
                tab, run = await resume(server, student.lesson_id, student.progress.code)
                await tab.close()
                progress, loaded = student.progress, student.loaded
                expected = {progress.index, progress.pending} - {None}
                assert position(run, "fr") in expected, (progress, run.text())
                answered = {i for i, q in enumerate(loaded.lesson.questions) if q.id in progress.verdicts}
                assert answered <= answered_steps(run, loaded)
                if position(run, "fr") in answered:
                    assert result_banner(run), "the current question's stored result is shown"

        asyncio.run(check_resumes())
