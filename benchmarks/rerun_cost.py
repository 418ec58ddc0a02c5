"""Rerun cost: the lesson page's server-side rerun time against Streamlit's own floor.

One student walks a lesson on an otherwise idle server with no think time. At every question,
before answering (composing) and after (feedback shown), the page's element mix (markdown,
buttons, radios, blocks, the document component...) is recorded and a tab opens
``benchmarks/apps/floor_app.py`` drawing the same mix with trivial content; then the lesson page
and its floor twin are rerun unchanged, alternately, ``reps`` times each (so both see the same
machine load). Both servers run at once with ``make run``'s command and config plus
``--browser.gatherUsageStats=true`` (bench-only), so each run reports the server-measured
``page_profile.exec_time`` (callbacks + script + building the messages, in the script thread);
client-side round trips are kept alongside. The question panel is a fragment (what Submit, Hint,
Retry and Previous/Next rerun): at each state it is also rerun alone, unchanged (``panel``).
``profile()`` walks the same way on the app under cProfile (``benchmarks/apps/profiled_app.py``).
"""

from __future__ import annotations

import asyncio
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.server import REPO, Server, make_server
from benchmarks.student import Student
from benchmarks.wsclient import AppClient, Run
from medialit.format.loader import LoadedLesson
from medialit.ui import keys

FLOOR_APP = REPO / "benchmarks" / "apps" / "floor_app.py"
PROFILE_ARGS = ("--browser.gatherUsageStats=true",)


@dataclass
class PageState:
    """One state of the lesson page, with the server's and the client's timings of its reruns."""

    label: str
    kinds: dict[str, int]
    lesson_exec: list[float] = field(default_factory=list)
    lesson_rtt: list[float] = field(default_factory=list)
    floor_exec: list[float] = field(default_factory=list)
    floor_rtt: list[float] = field(default_factory=list)
    panel_exec: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.lesson_exec) / statistics.median(self.floor_exec)


def _record(state: PageState, run: Run, *, floor: bool) -> None:
    if run.exec_seconds is None:
        raise RuntimeError("no page_profile: the server must run with browser.gatherUsageStats=true")
    (state.floor_exec if floor else state.lesson_exec).append(run.exec_seconds)
    (state.floor_rtt if floor else state.lesson_rtt).append(run.seconds)


async def _sample(student: Student, floor_url: str, label: str, reps: int) -> PageState:
    """Rerun this page state and its floor twin alternately, so both see the same machine load; and
    the question panel alone (the fragment its stepper belongs to)."""
    whole = student.tab.check(await student.tab.rerun())  # the last action may have rerun the panel only
    state = PageState(label, dict(whole.kinds))
    panel = whole.widget(keys.stepper(student.lesson_id)).fragment_id
    async with AppClient(floor_url, urlencode(state.kinds)) as floor:
        floor.check(await floor.load())
        for _ in range(reps):
            _record(state, student.tab.check(await student.tab.rerun()), floor=False)
            _record(state, floor.check(await floor.rerun()), floor=True)
            if panel:
                alone = student.tab.check(await student.tab.rerun(fragment_id=panel))
                state.panel_exec.append(alone.exec_seconds or 0.0)
    return state


async def sample_lesson(server: Server, floor_url: str, loaded: LoadedLesson, reps: int,
                        submits: list[float]) -> list[PageState]:
    """Walk the lesson once; sample each question's page composing and answered, with the floor's."""
    student = Student(server.url, loaded, seed=7, think=(0, 0), p_right=0.5, p_retry=0.0)
    await student.tab.connect()
    await student.act(first=True)
    states = []
    for i, q in enumerate(loaded.lesson.questions):
        if i:
            await student.act(click=keys.step(loaded.lesson.id, "next"))
        states.append(await _sample(student, floor_url, f"{q.id} (to answer)", reps))
        await student.attempt(q, 1, right=student.rng.random() < student.p_right)
        submits.append(student.tab.last.exec_seconds or 0.0)
        states.append(await _sample(student, floor_url, f"{q.id} (answered)", reps))
    await student.close()
    return states


def measure(loaded: LoadedLesson, reps: int = 5) -> dict:
    """The rerun-cost figures for ``loaded`` (see the module docstring)."""
    submits: list[float] = []
    with make_server(args=PROFILE_ARGS).start() as lesson_server, \
            make_server(FLOOR_APP, args=PROFILE_ARGS).start() as floor_server:
        asyncio.run(_warm(lesson_server, loaded))
        states = asyncio.run(sample_lesson(lesson_server, floor_server.url, loaded, reps, submits))
    lesson_all = [t for s in states for t in s.lesson_exec]
    floor_all = [t for s in states for t in s.floor_exec]
    worst = max(states, key=lambda s: s.ratio)
    return {
        "lesson": loaded.lesson.id,
        "timing": "server-side page_profile.exec_time (browser.gatherUsageStats=true on bench-only servers)",
        "page_states": len(states),
        "reps": reps,
        "lesson_exec_ms_median": _ms(statistics.median(lesson_all)),
        "floor_exec_ms_median": _ms(statistics.median(floor_all)),
        "ratio": round(statistics.median(lesson_all) / statistics.median(floor_all), 2),
        "ratio_median_of_states": round(statistics.median(s.ratio for s in states), 2),
        "worst_state": {"label": worst.label, "ratio": round(worst.ratio, 2),
                        "lesson_ms": _ms(statistics.median(worst.lesson_exec)),
                        "floor_ms": _ms(statistics.median(worst.floor_exec)), "kinds": worst.kinds},
        "lesson_rtt_ms_median": _ms(statistics.median(t for s in states for t in s.lesson_rtt)),
        "floor_rtt_ms_median": _ms(statistics.median(t for s in states for t in s.floor_rtt)),
        "submit_exec_ms_median": _ms(statistics.median(submits)),
        "panel_exec_ms_median": _ms(statistics.median(t for s in states for t in s.panel_exec))
        if any(s.panel_exec for s in states) else None,
        "states": [{"label": s.label, "lesson_ms": _ms(statistics.median(s.lesson_exec)),
                    "floor_ms": _ms(statistics.median(s.floor_exec)), "ratio": round(s.ratio, 2),
                    "panel_ms": _ms(statistics.median(s.panel_exec)) if s.panel_exec else None,
                    "elements": sum(s.kinds.values())} for s in states],
    }


async def _warm(server: Server, loaded: LoadedLesson) -> None:
    student = Student(server.url, loaded, seed=-1, think=(0, 0))
    progress = await student.walk()
    await student.close()
    if progress.error:
        raise RuntimeError(f"warm-up failed: {progress.error}")


async def _walk_only(server: Server, loaded: LoadedLesson, reps: int) -> None:
    """The sampling walk without a floor: every page state rerun ``reps`` times."""
    student = Student(server.url, loaded, seed=7, think=(0, 0), p_right=0.5, p_retry=0.0)
    await student.tab.connect()
    await student.act(first=True)
    for i, q in enumerate(loaded.lesson.questions):
        if i:
            await student.act(click=keys.step(loaded.lesson.id, "next"))
        for _ in range(reps):
            await student.act()
        await student.attempt(q, 1, right=student.rng.random() < student.p_right)
        for _ in range(reps):
            await student.act()
    await student.close()


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def profile(loaded: LoadedLesson, out: Path, reps: int = 3) -> Path:
    """Walk the lesson on the cProfile'd app (``benchmarks/apps/profiled_app.py``); stats go to ``out``."""
    app = REPO / "benchmarks" / "apps" / "profiled_app.py"
    with make_server(app, args=PROFILE_ARGS, env={"MEDIALIT_BENCH_PROFILE": str(out)}).start() as server:
        asyncio.run(_warm(server, loaded))
        Path(f"{out}.on").touch()
        asyncio.run(_walk_only(server, loaded, reps))
    return out
