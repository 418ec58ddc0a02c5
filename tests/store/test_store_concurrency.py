"""Concurrent writers: threads in one process, and several processes (like app replicas)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from medialit.store import Answer, PseudonymTaken, Store
from medialit.store.migrate import current_revision, head_revision, schema_diff
from medialit.store.models import AnswerRow


def run_threads(count: int, target: Callable[[int], None]) -> None:
    """Run ``target(i)`` in ``count`` threads released together; re-raise the first failure."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def body(i: int) -> None:
        try:
            barrier.wait()
            target(i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def attempt_keys(store: Store) -> list[tuple[int, str, str, int]]:
    with store.engine.connect() as conn:
        stmt = select(AnswerRow.learner_id, AnswerRow.lesson_id, AnswerRow.question_id, AnswerRow.attempt)
        return [tuple(row) for row in conn.execute(stmt)]


def test_50_threads_x_100_answers_on_distinct_questions(store: Store, answer: Callable[..., Answer]) -> None:
    learner = store.create_learner()

    def pupil(i: int) -> None:
        for n in range(100):
            answer(learner.id, question=f"t{i}-q{n}")

    run_threads(50, pupil)
    keys = attempt_keys(store)
    assert len(keys) == 5000
    assert len(set(keys)) == 5000
    assert {attempt for *_, attempt in keys} == {1}


def test_threads_on_the_same_question_get_distinct_consecutive_attempts(
    store: Store, answer: Callable[..., Answer]
) -> None:
    learner = store.create_learner()
    returned: list[int] = []

    def pupil(_: int) -> None:
        for _n in range(10):
            returned.append(answer(learner.id).attempt)

    run_threads(20, pupil)
    assert sorted(returned) == list(range(1, 201))
    assert sorted(k[3] for k in attempt_keys(store)) == list(range(1, 201))
    assert store.attempts_used(learner.id, "l1", "q1") == 200
    # created_at is taken under the lock: the history reads in attempt order.
    assert [a.attempt for a in store.answers(learner.id)] == list(range(1, 201))


def test_concurrent_hints_are_all_counted(store: Store) -> None:
    learner = store.create_learner()
    run_threads(20, lambda _: [store.use_hint(learner.id, "l1", "q1") for _ in range(5)])
    assert store.hints_used(learner.id, "l1") == {"q1": 100}


def test_a_pseudonym_raced_by_ten_pupils_is_given_once(store: Store) -> None:
    session = store.create_class_session("race", ["l1"])
    winners: list[int] = []
    refused = Counter[str]()

    def pupil(i: int) -> None:
        try:
            pseudonym = "SaM" if i % 2 else "sam"
            winners.append(store.create_learner(class_session_id=session.id, pseudonym=pseudonym).id)
        except PseudonymTaken:
            refused["taken"] += 1

    run_threads(10, pupil)
    assert len(winners) == 1 and refused["taken"] == 9
    assert [learner.pseudonym for learner in store.session_learners(session.id)] in (["SaM"], ["sam"])


# A replica: report ready, wait for the go file, open a Store, optionally answer one question.
_WORKER = textwrap.dedent(
    """
    import os, sys, time
    from medialit.store import Store
    url, go_file, learner_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print("ready", flush=True)
    while not os.path.exists(go_file):
        time.sleep(0.002)
    store = Store(url)
    attempts = [
        store.record_answer(learner_id, "l1", "q1", raw={}, earned=0, possible=1, status="complete",
                            result={}, content_hash="h").attempt
        for _ in range(count)
    ]
    print(" ".join(map(str, attempts)))
    """
)


def run_replicas(url: str, go_file: Path, processes: int, learner_id: int = 0, count: int = 0) -> list[int]:
    """Start ``processes`` Python processes, release them together; return the attempts they got."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, url, str(go_file), str(learner_id), str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    try:
        for proc in procs:  # every interpreter has imported medialit and is polling
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        go_file.touch()
        attempts: list[int] = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            attempts += [int(a) for a in out.split()]
        return attempts
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_replicas_starting_together_on_an_empty_database_migrate_once(db_url: str, tmp_path: Path) -> None:
    run_replicas(db_url, tmp_path / "go", processes=4)
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == head_revision()
        assert schema_diff(store.engine) == []
    finally:
        store.close()


def test_replicas_answering_the_same_question_never_share_an_attempt(store: Store, tmp_path: Path) -> None:
    learner = store.create_learner()
    attempts = run_replicas(store.url, tmp_path / "go", processes=4, learner_id=learner.id, count=40)
    assert sorted(attempts) == list(range(1, 161))
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(AnswerRow)) == 160
