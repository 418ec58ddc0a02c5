"""Bursts: many first loads at once (a class opening the link), a class joining, a restart mid-class.

Each browser tab is an :class:`~benchmarks.wsclient.AppClient` (Streamlit's websocket protocol);
``n`` of them connect and ask for their first run at the same moment. A first load's time is from
the connection to the end of the first run, as the student waits for it. Figures are medians (and
p95) over the tabs, and the server's CPU time per load; the yardstick is a minimal Streamlit page
(``benchmarks/apps/minimal_app.py``) on its own server, measured in the same way and the same run,
alternating with the app's pages so that the machine's noise falls on both.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.classroom import create_class
from benchmarks.server import APP, REPO, Server, make_server
from benchmarks.stats import summary_ms
from benchmarks.student import Student
from benchmarks.wsclient import AppClient, AppError
from medialit.classroom.joinlink import JOIN_PAGE, JOIN_PARAM
from medialit.format.loader import LoadedLesson
from medialit.ui.teacher import join as join_page

MINIMAL_APP = REPO / "benchmarks" / "apps" / "minimal_app.py"
PLAIN_APP = REPO / "app.py"  # the app without serve.py's warm-up (how it ran before issue 16)


def _log(message: str) -> None:
    print(f"[bench]   {message}", file=sys.stderr, flush=True)


async def _first_load(url: str, query: str, page: str) -> float:
    tab = AppClient(url, query)
    started = time.perf_counter()
    try:
        await tab.connect()
        if page:
            tab.navigate(page, query)
        tab.check(await tab.load())
        return time.perf_counter() - started
    finally:
        await tab.close()


async def burst(server: Server, query: str, n: int, page: str = "") -> dict:
    """``n`` tabs open ``?query`` (on ``page``) at once: first-load times and server CPU per load."""
    cpu0 = server.cpu_seconds()
    results = await asyncio.gather(*(_first_load(server.url, query, page) for _ in range(n)), return_exceptions=True)
    cpu = server.cpu_seconds() - cpu0
    times = [r for r in results if isinstance(r, float)]
    errors = [f"{type(r).__name__}: {r}" for r in results if not isinstance(r, float)]
    return {**summary_ms(times), "cpu_ms_per_load": round(cpu * 1000 / n, 1), "errors": errors[:3],
            "failed": len(errors)}


def wait_idle(server: Server, timeout: float = 60.0) -> None:
    """Until the server uses under 5% of a core for a second (after its start-up and background work)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = server.cpu_seconds()
        time.sleep(1.0)
        if server.cpu_seconds() - before < 0.05:
            return


def _ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("nan")


def first_loads(loaded: LoadedLesson, sizes: tuple[int, ...] = (30, 150), rounds: int = 3, app: Path = APP) -> dict:
    """Bursts of first loads of the home page and of ``loaded``'s lesson page against the minimal page.

    Each round runs, per size, a burst of each page (minimal, home, lesson); a figure is the median
    over the rounds of each burst's median, and the ratio is the app page's over the minimal page's.
    """
    pages = {"minimal": "", "home": "lang=fr", "lesson": f"lesson={loaded.lesson.id}&lang=fr"}
    samples: dict[tuple[int, str], list[dict]] = {(n, name): [] for n in sizes for name in pages}
    with make_server(MINIMAL_APP) as minimal, make_server(app) as server:
        minimal.start()
        server.start()
        for name, query in pages.items():  # one load of each first: nothing of the warm-up is measured
            asyncio.run(burst(minimal if name == "minimal" else server, query, 1))
        wait_idle(server)
        for i in range(rounds):
            for n in sizes:
                for name, query in pages.items():
                    result = asyncio.run(burst(minimal if name == "minimal" else server, query, n))
                    samples[(n, name)].append(result)
                    _log(f"round {i + 1}: {n} x {name}: median {result['median']} ms, p95 {result['p95']} ms, "
                         f"{result['cpu_ms_per_load']} ms CPU/load, {result['failed']} failed")
                    time.sleep(1.0)
    out: dict = {"app": str(app.relative_to(REPO)) if app.is_relative_to(REPO) else str(app), "rounds": rounds}
    for n in sizes:
        row = {}
        for name in pages:
            runs = samples[(n, name)]
            row[name] = {
                "median_ms": statistics.median(r["median"] for r in runs),
                "p95_ms": statistics.median(r["p95"] for r in runs),
                "cpu_ms_per_load": statistics.median(r["cpu_ms_per_load"] for r in runs),
                "failed": sum(r["failed"] for r in runs),
                "errors": [e for r in runs for e in r["errors"]][:3],
            }
        for name in ("home", "lesson"):
            row[f"{name}_vs_minimal"] = _ratio(row[name]["median_ms"], row["minimal"]["median_ms"])
        out[str(n)] = row
    return out


async def _join(url: str, class_code: str, pseudonym: str, loaded: LoadedLesson) -> tuple[float, float]:
    """Open the join link, type a pseudonym, join: (join page load, join click) in seconds."""
    student = Student(url, loaded, seed=0, think=(0, 0))
    tab = student.tab
    try:
        await tab.connect()
        tab.navigate(JOIN_PAGE, f"{JOIN_PARAM}={class_code}&lang=fr")
        started = time.perf_counter()
        tab.check(await tab.load())
        loaded_at = time.perf_counter()
        run = tab.check(await tab.rerun(values={join_page.PSEUDONYM_KEY: pseudonym}, click=join_page.JOIN_KEY))
        if "code=" not in tab.query:
            raise AppError(f"no resume code after joining: {run.alerts()}")
        return loaded_at - started, time.perf_counter() - loaded_at
    finally:
        await tab.close()


def join_burst(loaded: LoadedLesson, n: int = 30) -> dict:
    """A class of ``n`` opens the join link and joins at the same moment (a fresh, warmed server)."""
    with tempfile.TemporaryDirectory(prefix="medialit-join-") as tmp:
        code = create_class(Path(tmp), loaded.lesson.id)
        with make_server(data_dir=Path(tmp)) as server:
            server.start()
            asyncio.run(_join(server.url, code, "Teacher check", loaded))
            cpu0 = server.cpu_seconds()

            async def everyone() -> list:
                return await asyncio.gather(*(_join(server.url, code, f"Élève {i + 1:03d}", loaded) for i in range(n)),
                                            return_exceptions=True)

            started = time.perf_counter()
            results = asyncio.run(everyone())
            seconds = time.perf_counter() - started
            cpu = server.cpu_seconds() - cpu0
    ok = [r for r in results if isinstance(r, tuple)]
    return {
        "students": n,
        "page_load_ms": summary_ms([r[0] for r in ok]),
        "join_click_ms": summary_ms([r[1] for r in ok]),
        "whole_class_s": round(seconds, 2),
        "cpu_ms_per_student": round(cpu * 1000 / n, 1),
        "failed": n - len(ok),
        "errors": [f"{type(r).__name__}: {r}" for r in results if not isinstance(r, tuple)][:3],
    }


def cold_start(app: Path = APP, n: int = 30) -> dict:
    """A restart mid-class: start the server, then ``n`` home-page loads at once the moment it answers
    its health check (the class reconnecting), then the same burst again, warm. Ratio cold / warm."""
    with make_server(app) as server:
        started = time.perf_counter()
        server.start(timeout=120)
        ready = time.perf_counter() - started
        cold = asyncio.run(burst(server, "lang=fr", n))
        time.sleep(1.0)
        warm = asyncio.run(burst(server, "lang=fr", n))
    _log(f"{app.name}: healthy after {ready:.1f} s; cold burst median {cold['median']} ms, warm {warm['median']} ms")
    return {"app": app.name, "students": n, "healthy_after_s": round(ready, 2), "cold": cold, "warm": warm,
            "cold_vs_warm": _ratio(cold["median"], warm["median"]),
            "cold_vs_warm_p95": _ratio(cold["p95"], warm["p95"])}
