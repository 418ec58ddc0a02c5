"""The teacher's dashboard page on the real server, over the websocket: open it, then its live refreshes.

A class session of ``learners`` x ``lessons`` is written straight into a fresh SQLite database
(every learner answers every question, some twice; each answer is one of four scored answers per
question, ideal or wrong, so free-text answers are flagged for review as the app would flag them),
then the server starts (``make run``'s, with a teacher password). A teacher tab logs in and opens
the dashboard for that session: the time until the page's first run is over, its bytes and the
server's CPU. Then, like the browser's timer, every fragment the page asked to rerun on a timer
(``ForwardMsg.auto_rerun``) is rerun ``refreshes`` times with nothing changed in between: time,
server CPU and bytes per refresh. A page that does not finish within ``timeout`` is reported so.

Nothing here knows how the dashboard is drawn: it works for any page that uses
``st.fragment(run_every=...)``, so the dashboard can be reworked under the same harness.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.answers import make_answer
from benchmarks.server import Server, make_server
from benchmarks.wsclient import AppClient, Run
from medialit.format.loader import LoadedLesson
from medialit.store import Store
from medialit.store.models import AnswerRow, LearnerRow
from medialit.ui.teacher import dashboard as dashboard_page
from medialit.ui.teacher import login as login_page
from medialit.ui.teacher.auth import LOGIN_KEY, PASSWORD_KEY


def seed_class(db_file: Path, lessons: list[LoadedLesson], learners: int, seed: int = 7) -> dict:
    """A class session in ``db_file`` (created and migrated): ``learners`` who answered every question
    of ``lessons`` (20% of them twice). Returns its id and counts."""
    store = Store(f"sqlite:///{db_file}")
    try:
        klass = store.create_class_session("Benchmark year", [lo.lesson.id for lo in lessons])
    finally:
        store.close()
    rng = random.Random(seed)
    pools = {}
    for loaded in lessons:
        for q in loaded.lesson.questions:
            ctx, options = loaded.context(q, loaded.lesson.language), []
            for right in (True, False, False, False):
                raw = make_answer(loaded, q, loaded.lesson.language, rng, right=right)
                score = q.score(raw, ctx)
                if score.complete:
                    options.append((raw, score.earned, score.possible, score.needs_review, score.to_dict()))
            if options:
                pools[(loaded.lesson.id, q.id, loaded.content_hash)] = options
    t0 = datetime.now(UTC) - timedelta(hours=2)
    people, answers = [], []
    for i in range(1, learners + 1):
        people.append({"id": i, "code": f"B{i:07d}", "pseudonym": f"Élève {i:04d}", "pseudonym_key": f"eleve {i:04d}",
                       "class_session_id": klass.id, "lang": "fr", "created_at": t0, "last_seen_at": t0})
        for (lesson_id, question_id, content_hash), options in pools.items():
            for attempt in (1, 2) if rng.random() < 0.2 else (1,):
                raw, earned, possible, review, result = options[0] if attempt == 2 else rng.choice(options)
                answers.append({"learner_id": i, "lesson_id": lesson_id, "question_id": question_id,
                                "attempt": attempt, "raw": raw, "earned": earned, "possible": possible,
                                "status": "complete", "result": result, "content_hash": content_hash,
                                "needs_review": review, "created_at": t0 + timedelta(seconds=len(answers))})
    engine = create_engine(f"sqlite:///{db_file}")
    try:
        with engine.begin() as conn:
            conn.execute(insert(LearnerRow.__table__), people)
            for start in range(0, len(answers), 5000):
                conn.execute(insert(AnswerRow.__table__), answers[start:start + 5000])
    finally:
        engine.dispose()
    return {"class_session_id": klass.id, "learners": learners, "lessons": len(lessons), "answers": len(answers),
            "to_review": sum(a["needs_review"] for a in answers)}


def auto_reruns(run: Run) -> dict[str, float]:
    """The fragments ``run`` asked the browser to rerun on a timer: fragment id -> interval (s)."""
    found = {}
    for data in run.raw:
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.WhichOneof("type") == "auto_rerun":
            found[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
    return found


async def _teacher(server: Server, password: str, class_session_id: int, refreshes: int, timeout: float) -> dict:
    tab = AppClient(server.url, "lang=fr", timeout=timeout)
    await tab.connect()
    try:
        tab.navigate(login_page.URL_PATH, "lang=fr")
        tab.check(await tab.load())
        tab.check(await tab.rerun(values={PASSWORD_KEY: password}, click=LOGIN_KEY + "-submit"))
        tab.navigate(dashboard_page.URL_PATH, f"class={class_session_id}&lang=fr")
        cpu0 = server.cpu_seconds()
        try:
            opened = tab.check(await tab.load())
        except TimeoutError:
            return {"finished": False, "open_timeout_s": timeout,
                    "open_cpu_s": round(server.cpu_seconds() - cpu0, 2)}
        out: dict[str, Any] = {
            "finished": True, "open_s": round(opened.seconds, 2), "open_cpu_s": round(server.cpu_seconds() - cpu0, 2),
            "open_kb": round(len(opened.blob()) / 1024, 1), "elements": opened.elements,
            "widgets": len(opened.by_id), "timed_fragments": len(auto_reruns(opened)),
        }
        fragments = auto_reruns(opened)
        times, cpus, sizes = [], [], []
        for _ in range(refreshes if fragments else 0):
            for fragment_id in fragments:
                cpu1 = server.cpu_seconds()
                run = tab.check(await tab.rerun(fragment_id=fragment_id))
                times.append(run.seconds)
                cpus.append(server.cpu_seconds() - cpu1)
                sizes.append(len(run.blob()))
        if times:
            out.update({
                "refreshes": len(times),
                "refresh_ms_median": round(statistics.median(times) * 1000, 1),
                "refresh_cpu_ms_mean": round(statistics.fmean(cpus) * 1000, 1),  # /proc ticks are 10 ms: a mean
                "refresh_kb_median": round(statistics.median(sizes) / 1024, 1),
            })
        return out
    finally:
        await tab.close()


def measure(lessons: list[LoadedLesson], learners: int = 1000, refreshes: int = 5, timeout: float = 60.0) -> dict:
    """Seed a class of ``learners`` on ``lessons``, start the server, open its dashboard as the teacher."""
    password = "bench " + secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="medialit-dashboard-") as tmp:
        started = time.perf_counter()
        seeded = seed_class(Path(tmp) / "medialit.db", lessons, learners)
        seeded["seed_s"] = round(time.perf_counter() - started, 1)
        server = make_server(data_dir=Path(tmp), env={"MEDIALIT_TEACHER_PASSWORD": password})
        with server:
            server.start(timeout=120)
            rss0 = server.rss_bytes()
            result = asyncio.run(_teacher(server, password, seeded["class_session_id"], refreshes, timeout))
            result["rss_mb_growth"] = round((server.rss_bytes() - rss0) / 2**20, 1)
    return {**seeded, **result}


if __name__ == "__main__":  # python -m benchmarks.dashboard [learners]: one measurement, printed
    import sys

    from medialit.format.library import library

    chosen = [lo for lo in library().lessons() if lo.lesson.kind == "lesson"][:5]
    print(json.dumps(measure(chosen, int(sys.argv[1]) if len(sys.argv) > 1 else 100), indent=2))
