"""Classroom load: N simulated students walk one lesson on the real server at once.

Each class gets a fresh server (``make run``'s command and config, a temp data dir) and a class
session (made with the store before the server starts, as the teacher would). A warm-up student
joins and walks the lesson first with no think time (the teacher trying it before class:
imports, caches); then the server's CPU time and RSS are read, the N students join over ``ramp``
seconds (the join page: code from the link, a pseudonym, then the link to the lesson) and walk
the lesson with seeded think times, and CPU/RSS are read again before the tabs close.
Answers stored are counted in the SQLite database afterwards and compared with the answers whose
feedback the students saw.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.server import Server, database_path, make_server
from benchmarks.stats import summary_ms
from benchmarks.student import Student, Timings
from medialit.format.loader import LoadedLesson
from medialit.store import Store


@dataclass
class ClassResult:
    """The figures of one simulated class."""

    students: int
    lesson: str
    seconds: float
    reruns: int
    first_load_ms: dict[str, float]
    interaction_ms: dict[str, float]
    cpu_ms_per_rerun: float
    rss_mb_per_session: float
    rss_mb_before: float
    rss_mb_after: float
    client_cpu_s: float
    submitted: int
    stored: int
    finished: int
    errors: list[str] = field(default_factory=list)
    fragment_reruns: int = 0  # reruns of the question panel alone (the others ran the whole page)

    def to_dict(self) -> dict:
        return asdict(self)


def count_answers(server: Server) -> int:
    """Rows in the answers table of the server's SQLite database."""
    with sqlite3.connect(f"file:{database_path(server)}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


def create_class(data_dir: Path, lesson_id: str) -> str:
    """A class session for ``lesson_id`` in the database under ``data_dir``; returns its join code."""
    store = Store(f"sqlite:///{data_dir / 'medialit.db'}")
    try:
        return store.create_class_session("Benchmark class", [lesson_id]).join_code
    finally:
        store.close()


async def _warm_up(server: Server, loaded: LoadedLesson, class_code: str) -> int:
    student = Student(server.url, loaded, seed=-1, think=(0, 0))
    progress = await student.walk(join=(class_code, "Teacher check"))
    await student.close()
    if progress.error:
        raise RuntimeError(f"the warm-up walk failed: {progress.error}\n{server.log()[-2000:]}")
    return len(progress.submitted)


async def _late_start(student: Student, delay: float, class_code: str, pseudonym: str) -> None:
    await asyncio.sleep(delay)
    await student.walk(join=(class_code, pseudonym))


async def simulate(server: Server, loaded: LoadedLesson, n: int, class_code: str, *, seed: int = 1,
                   think: tuple[float, float] = (1.0, 3.0), ramp: float = 10.0) -> ClassResult:
    """Run one class of ``n`` students on a started ``server`` (see the module docstring)."""
    warm = await _warm_up(server, loaded, class_code)
    await asyncio.sleep(0.5)
    cpu0, rss0 = server.cpu_seconds(), server.rss_bytes()
    timings = Timings()
    students = [Student(server.url, loaded, seed=seed * 100_000 + i, think=think, timings=timings) for i in range(n)]
    started, client0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(_late_start(s, ramp * i / max(n, 1), class_code, f"Élève {i + 1:03d}")
                           for i, s in enumerate(students)))
    seconds, client_cpu = time.perf_counter() - started, time.process_time() - client0
    cpu1, rss1 = server.cpu_seconds(), server.rss_bytes()
    await asyncio.gather(*(s.close() for s in students))
    errors = [f"student {i}: {s.progress.error}" for i, s in enumerate(students) if s.progress.error]
    submitted = warm + sum(len(s.progress.submitted) for s in students)
    return ClassResult(
        students=n,
        lesson=loaded.lesson.id,
        seconds=round(seconds, 1),
        reruns=timings.reruns,
        first_load_ms=summary_ms(timings.first_load),
        interaction_ms=summary_ms(timings.interaction),
        cpu_ms_per_rerun=round((cpu1 - cpu0) * 1000 / max(timings.reruns, 1), 2),
        rss_mb_per_session=round((rss1 - rss0) / n / 2**20, 3),
        rss_mb_before=round(rss0 / 2**20, 1),
        rss_mb_after=round(rss1 / 2**20, 1),
        client_cpu_s=round(client_cpu, 1),
        submitted=submitted,
        stored=-1,
        finished=sum(s.progress.finished for s in students),
        errors=errors[:10],
        fragment_reruns=timings.fragment_reruns,
    )


def run_class(loaded: LoadedLesson, n: int, *, seed: int = 1, think: tuple[float, float] = (1.0, 3.0),
              ramp: float = 10.0) -> ClassResult:
    """Start a fresh server, simulate the class, count the stored answers, stop the server."""
    with tempfile.TemporaryDirectory(prefix="medialit-class-") as tmp:
        class_code = create_class(Path(tmp), loaded.lesson.id)
        with make_server(data_dir=Path(tmp)).start() as server:
            result = asyncio.run(simulate(server, loaded, n, class_code, seed=seed, think=think, ramp=ramp))
            result.stored = count_answers(server)
    return result


class Deadline(Exception):  # noqa: N818 - a signal, not an error
    """The measured window is over: the student stops before the next action."""


class TimedStudent(Student):
    """A student who stops at ``deadline`` (time.monotonic()), never in the middle of an action: an
    answer whose Submit was sent is always waited for, so stored = submitted still holds."""

    def __init__(self, *args: object, deadline: float, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.deadline = deadline

    async def think(self) -> None:
        low, high = self.think_range
        pause = self.rng.uniform(low, high) if high > 0 else 0.0
        left = self.deadline - time.monotonic()
        if pause >= left:
            await asyncio.sleep(max(left, 0.0))
            raise Deadline
        await asyncio.sleep(pause)


async def _timed_walk(student: TimedStudent, delay: float, class_code: str, pseudonym: str) -> None:
    await asyncio.sleep(delay)
    with contextlib.suppress(Deadline):
        await student.walk(join=(class_code, pseudonym))


async def simulate_for(server: Server, loaded: LoadedLesson, n: int, class_code: str, *, seconds: float,
                       seed: int = 1, think: tuple[float, float] = (15.0, 60.0), ramp: float = 60.0) -> ClassResult:
    """``n`` students join over ``ramp`` seconds and work with ``think`` pauses until ``seconds`` have
    passed since the first one joined (a lesson of real length does not fit in a benchmark)."""
    warm = await _warm_up(server, loaded, class_code)
    await asyncio.sleep(0.5)
    cpu0, rss0 = server.cpu_seconds(), server.rss_bytes()
    timings = Timings()
    deadline = time.monotonic() + seconds
    students = [TimedStudent(server.url, loaded, seed=seed * 100_000 + i, think=think, timings=timings,
                             deadline=deadline) for i in range(n)]
    started, client0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(_timed_walk(s, ramp * i / max(n, 1), class_code, f"Élève {i + 1:04d}")
                           for i, s in enumerate(students)))
    seconds_taken, client_cpu = time.perf_counter() - started, time.process_time() - client0
    cpu1, rss1 = server.cpu_seconds(), server.rss_bytes()
    await asyncio.gather(*(s.close() for s in students))
    errors = [f"student {i}: {s.progress.error}" for i, s in enumerate(students) if s.progress.error]
    return ClassResult(
        students=n, lesson=loaded.lesson.id, seconds=round(seconds_taken, 1), reruns=timings.reruns,
        first_load_ms=summary_ms(timings.first_load), interaction_ms=summary_ms(timings.interaction),
        cpu_ms_per_rerun=round((cpu1 - cpu0) * 1000 / max(timings.reruns, 1), 2),
        rss_mb_per_session=round((rss1 - rss0) / n / 2**20, 3), rss_mb_before=round(rss0 / 2**20, 1),
        rss_mb_after=round(rss1 / 2**20, 1), client_cpu_s=round(client_cpu, 1),
        submitted=warm + sum(len(s.progress.submitted) for s in students), stored=-1,
        finished=sum(s.progress.finished for s in students), errors=errors[:10],
        fragment_reruns=timings.fragment_reruns,
    )


def realistic_class(loaded: LoadedLesson, n: int, *, seconds: float = 150.0, seed: int = 1,
                    think: tuple[float, float] = (15.0, 60.0), ramp: float = 60.0) -> dict:
    """One realistic class on a fresh server: figures, server CPU share, and whether it holds the targets."""
    with tempfile.TemporaryDirectory(prefix="medialit-class-") as tmp:
        class_code = create_class(Path(tmp), loaded.lesson.id)
        with make_server(data_dir=Path(tmp)).start() as server:
            result = asyncio.run(simulate_for(server, loaded, n, class_code, seconds=seconds, seed=seed,
                                              think=think, ramp=ramp))
            result.stored = count_answers(server)
    out = result.to_dict()
    out["think_s"], out["ramp_s"] = list(think), ramp
    out["server_cpu_share"] = round(result.cpu_ms_per_rerun * result.reruns / 1000 / max(result.seconds, 1), 2)
    out["holds"] = bool(result.interaction_ms["p95"] <= P95_TARGET_MS and result.stored == result.submitted
                        and not result.errors)
    return out


P95_TARGET_MS = 250.0


def capacity(loaded: LoadedLesson, sizes: tuple[int, ...], **kwargs: object) -> dict:
    """Realistic classes of growing ``sizes`` until one misses the target (p95 <= 250 ms, no answer
    lost): the largest class that held, and each run."""
    runs, largest = [], 0
    for n in sizes:
        result = realistic_class(loaded, n, **kwargs)  # type: ignore[arg-type]
        runs.append(result)
        print(f"[bench]   realistic class of {n}: p95 {result['interaction_ms']['p95']} ms, stored "
              f"{result['stored']}/{result['submitted']}, CPU {result['server_cpu_share']:.0%}",
              file=sys.stderr, flush=True)
        if not result["holds"]:
            break
        largest = n
    return {"largest_class": largest, "target_p95_ms": P95_TARGET_MS, "runs": runs}
