"""What the server-level fault tests share: a running server, the database's view, resuming a tab.

Tests run with ``python -m pytest`` from the repository (as ``make test`` does), so
``benchmarks`` is importable.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.server import APP, Server, database_path, make_server
from benchmarks.student import position, result_banner
from benchmarks.wsclient import AppClient, Run
from medialit.format.loader import LoadedLesson
from medialit.ui import keys


@contextmanager
def running_server(app: Path = APP, *, home: Path | None = None, data_dir: Path | None = None) -> Iterator[Server]:
    """A started server (``make run``'s command and config), killed on exit (its data is thrown away,
    and a graceful shutdown costs the test suite seconds)."""
    server = make_server(app, home=home, data_dir=data_dir).start()
    try:
        yield server
    except BaseException:
        sys.stderr.write(f"--- server log (tail) ---\n{server.log()[-4000:]}\n")
        raise
    finally:
        server.kill()
        server.cleanup()


@dataclass(frozen=True)
class StoredAnswer:
    """One row of the answers table, with the learner's code."""

    code: str
    lesson_id: str
    question_id: str
    attempt: int
    earned: float
    content_hash: str


def stored_answers(server: Server) -> list[StoredAnswer]:
    """Every answer in the server's SQLite database (read-only; the server may be running)."""
    with sqlite3.connect(f"file:{database_path(server)}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT l.code, a.lesson_id, a.question_id, a.attempt, a.earned, a.content_hash "
            "FROM answers a JOIN learners l ON l.id = a.learner_id ORDER BY a.id"
        ).fetchall()
    return [StoredAnswer(*row) for row in rows]


async def resume(server: Server, lesson_id: str, code: str, lang: str = "fr") -> tuple[AppClient, Run]:
    """A new tab on ``?lesson=<id>&code=<code>``: what a student sees after reconnecting."""
    tab = AppClient(server.url, f"lesson={lesson_id}&code={code}&lang={lang}", locale=f"{lang}-FR")
    await tab.connect()
    return tab, tab.check(await tab.load())


def answered_steps(run: Run, loaded: LoadedLesson) -> set[int]:
    """The questions the stepper marks as answered (their label carries a verdict after the number)."""
    stepper = run.widget(keys.stepper(loaded.lesson.id))
    return {i for i, label in enumerate(stepper.options) if label.strip() != str(i + 1)}


__all__ = ["StoredAnswer", "answered_steps", "position", "result_banner", "resume", "running_server",
           "stored_answers"]
