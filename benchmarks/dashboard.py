"""The teacher's dashboard page on the real server, over the websocket: open it, then its live refreshes.

A class session of ``learners`` x ``lessons`` is written straight into a fresh SQLite database
(every learner answers every question, some twice; each answer is one of four scored answers per
question, ideal or wrong, so free-text answers are flagged for review as the app would flag them),
then the server starts (``make run``'s, with a teacher password). A teacher tab logs in and opens
the dashboard for that session: the time until the page's first run is over, its bytes and the
server's CPU. Then, like the browser's timer, every fragment the page asked to rerun on a timer
(``ForwardMsg.auto_rerun``) is rerun ``refreshes`` times with nothing changed in between: time,
server CPU and bytes per refresh. Then the same refreshes after ``new_answers`` answers arrived
(written through the store by other learners of the class, as students do, between two refreshes),
and the run that follows the teacher's *Save the grade* on the open card (``grades`` times). A page
that does not finish within ``timeout`` is reported so.

The tab keeps the hashes of the large elements it received and sends them back, as the browser does
(``cache_messages``): the server then sends a reference instead of an element the browser already
has. The refreshes work for any page that uses ``st.fragment(run_every=...)``; the grading step needs
the dashboard's card (a submit button keyed ``grade-save-<answer id>``, a comment ``grade-comment-<id>``).
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import statistics
import tempfile
import time
from dataclasses import dataclass, field
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

Pools = dict[tuple[str, str, str], list[tuple[Any, float, float, bool, dict]]]


def answer_pools(lessons: list[LoadedLesson], rng: random.Random) -> Pools:
    """Per (lesson, question, content hash): up to four scored complete answers (one ideal, three wrong)."""
    pools: Pools = {}
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
    return pools


def seed_class(db_file: Path, lessons: list[LoadedLesson], learners: int, seed: int = 7) -> dict:
    """A class session in ``db_file`` (created and migrated): ``learners`` who answered every question
    of ``lessons`` (20% of them twice). Returns its id and counts."""
    store = Store(f"sqlite:///{db_file}")
    try:
        klass = store.create_class_session("Benchmark year", [lo.lesson.id for lo in lessons])
    finally:
        store.close()
    rng = random.Random(seed)
    pools = answer_pools(lessons, rng)
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


def add_answers(store: Store, pools: Pools, learners: int, count: int, rng: random.Random) -> None:
    """``count`` new answers (the next attempt of a random learner on a random question), as students write them."""
    keys = list(pools)
    for _ in range(count):
        lesson_id, question_id, content_hash = rng.choice(keys)
        raw, earned, possible, review, result = rng.choice(pools[(lesson_id, question_id, content_hash)])
        store.record_answer(rng.randint(1, learners), lesson_id, question_id, raw=raw, earned=earned,
                            possible=possible, status="complete", result=result, content_hash=content_hash,
                            needs_review=review)


@dataclass
class Timed:
    """Client time, server CPU and bytes of a series of runs."""

    times: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    async def run(self, server: Server, tab: AppClient, **rerun: Any) -> Run:
        cpu = server.cpu_seconds()
        run = tab.check(await tab.rerun(**rerun))
        self.cpus.append(server.cpu_seconds() - cpu)
        self.times.append(run.seconds)
        self.sizes.append(len(run.blob()))
        return run

    def summary(self, prefix: str, count: str) -> dict[str, float]:
        if not self.times:
            return {}
        return {
            count: len(self.times),
            f"{prefix}_ms_median": round(statistics.median(self.times) * 1000, 1),
            f"{prefix}_cpu_ms_mean": round(statistics.fmean(self.cpus) * 1000, 1),  # /proc ticks are 10 ms: a mean
            f"{prefix}_kb_median": round(statistics.median(self.sizes) / 1024, 1),
        }


@dataclass
class Plan:
    """What the teacher's tab does once the page is open."""

    class_session_id: int
    refreshes: int = 5
    new_answers: int = 30
    grades: int = 3
    store: Store | None = None  # the server's database, for the answers that arrive
    pools: Pools = field(default_factory=dict)
    learners: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(11))


async def _teacher(server: Server, password: str, plan: Plan, timeout: float, cache_messages: bool = True) -> dict:
    tab = AppClient(server.url, "lang=fr", timeout=timeout, cache_messages=cache_messages)
    await tab.connect()
    try:
        tab.navigate(login_page.URL_PATH, "lang=fr")
        tab.check(await tab.load())
        tab.check(await tab.rerun(values={PASSWORD_KEY: password}, click=LOGIN_KEY + "-submit"))
        tab.navigate(dashboard_page.URL_PATH, f"class={plan.class_session_id}&lang=fr")
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
        idle, arrived, graded = Timed(), Timed(), Timed()
        for _ in range(plan.refreshes if fragments else 0):
            for fragment_id in fragments:
                await idle.run(server, tab, fragment_id=fragment_id)
        for _ in range(plan.refreshes if fragments and plan.store is not None else 0):
            assert plan.store is not None
            add_answers(plan.store, plan.pools, plan.learners, plan.new_answers, plan.rng)
            for fragment_id in fragments:
                await arrived.run(server, tab, fragment_id=fragment_id)
        for _ in range(plan.grades):
            await grade_one(server, tab, graded)
        out.update({**idle.summary("refresh", "refreshes"), **arrived.summary("arrived", "arrived_refreshes"),
                    **graded.summary("grade", "grades")})
        if arrived.times:
            out["arrived_answers"] = plan.new_answers
        return out
    finally:
        await tab.close()


async def grade_one(server: Server, tab: AppClient, timed: Timed) -> None:
    """The teacher types a comment on the open card and clicks *Save the grade* (the points as proposed)."""
    assert tab.last is not None
    save = next((key for key in tab.last.widgets if key.startswith("grade-save-")), None)
    if save is None:
        return
    answer_id = save.removeprefix("grade-save-")
    comment = f"grade-comment-{answer_id}"
    values = {comment: "Relis la consigne."} if comment in tab.last.widgets else {}
    await timed.run(server, tab, click=save, values=values)


def measure(lessons: list[LoadedLesson], learners: int = 1000, refreshes: int = 5, timeout: float = 60.0,
            new_answers: int = 30, grades: int = 3, cache_messages: bool = True) -> dict:
    """Seed a class of ``learners`` on ``lessons``, start the server, open its dashboard as the teacher, then
    refresh it: with nothing changed, after ``new_answers`` new answers, after a grade."""
    password = "bench " + secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="medialit-dashboard-") as tmp:
        started = time.perf_counter()
        db_file = Path(tmp) / "medialit.db"
        seeded = seed_class(db_file, lessons, learners)
        seeded["seed_s"] = round(time.perf_counter() - started, 1)
        server = make_server(data_dir=Path(tmp), env={"MEDIALIT_TEACHER_PASSWORD": password})
        store = Store(f"sqlite:///{db_file}")
        plan = Plan(seeded["class_session_id"], refreshes, new_answers, grades, store,
                    answer_pools(lessons, random.Random(3)), learners)
        try:
            with server:
                server.start(timeout=120)
                rss0 = server.rss_bytes()
                result = asyncio.run(_teacher(server, password, plan, timeout, cache_messages))
                result["rss_mb_growth"] = round((server.rss_bytes() - rss0) / 2**20, 1)
        finally:
            store.close()
    return {**seeded, **result, "browser_cache": cache_messages}


if __name__ == "__main__":  # python -m benchmarks.dashboard [learners] [--no-cache]: one measurement, printed
    import sys

    from medialit.format.library import library

    chosen = [lo for lo in library().lessons() if lo.lesson.kind == "lesson"][:5]
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    print(json.dumps(measure(chosen, numbers[0] if numbers else 100, cache_messages="--no-cache" not in sys.argv),
                     indent=2))
