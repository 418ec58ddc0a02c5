"""``make bench``: measure the real app and the engine, write ``benchmarks/work/results.json``, print a table.

Sections (``--only`` picks some): ``classroom`` (30 and 150 simulated students on the real
server, 1-3 s between actions: the aggressive workload), ``realistic`` (a class of 600 working at
15-60 s per action, joining over a minute; ``--capacity`` searches the largest class one process
holds at p95 <= 250 ms with no answer lost), ``bursts`` (30 and 150 first loads at once of the
home and lesson pages against a minimal Streamlit page, a class of 30 joining at once, a restart
mid-class), ``weight`` (a first visit in Chromium, bytes on the wire), ``dashboard_page`` (the
teacher's dashboard over the websocket for 1,000 learners x 5 lessons), ``rerun`` (the lesson
page's rerun time against Streamlit's floor, plus a cProfile), ``micro`` (scoring, validation of
1,000 generated lessons, the dashboard's pandas analyses alone, the X-ray of the five seeds).
``--baseline DIR`` also runs bursts and weight on ``DIR/app.py`` (e.g. an older checkout) in the
same run, for before/after figures. Servers listen on 127.0.0.1 only; results go outside the
tracked tree (``benchmarks/work/``, git-ignored). Targets are checked and reported, never
asserted: these are benchmarks on a shared, noisy machine (the load average is recorded beside
each section).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from functools import partial
from pathlib import Path

import streamlit

from benchmarks import burst, classroom, dashboard, micro, rerun_cost, weight
from benchmarks.profiling import hotspots
from benchmarks.report import table
from benchmarks.server import APP, make_server
from medialit.format.library import library
from medialit.format.loader import LoadedLesson

RESULTS = Path(__file__).resolve().parent / "work" / "results.json"  # git-ignored


def default_lesson(lessons: list[LoadedLesson]) -> LoadedLesson:
    """The lesson with the longest document: the heaviest page a class would open."""
    return max((loaded for loaded in lessons if loaded.lesson.kind == "lesson"), key=lambda loaded: len(loaded.text))


def scale_profile(profile: dict, real_ms_per_run: float) -> None:
    """Add ``estimated_ms`` (the profiled share times the unprofiled rerun time) to each hot function."""
    factor = real_ms_per_run / profile["profiled_ms_per_run"]
    profile["real_exec_ms_per_run"] = real_ms_per_run
    for row in profile["app_functions_ms_per_run"]:
        row["estimated_ms"] = round(row["cumulative_ms"] * factor, 1)


def _weight(app: Path, loaded: LoadedLesson) -> dict:
    """A first visit of the home, join and lesson pages in Chromium, on a fresh server for ``app``."""
    with make_server(app) as server:
        server.start(timeout=120)
        return weight.measure({"home": server.url + "/", "join": server.url + "/join?join=ABCDEF",
                               "lesson": f"{server.url}/?lesson={loaded.lesson.id}"})


def _section(results: dict, name: str, work, output: Path | None = None) -> None:  # type: ignore[no-untyped-def]
    """Run one section (``work``: any zero-arg callable) into ``results[name]``; then write ``output``.

    A section that raises is recorded as ``{"error": ...}`` (and the traceback printed): the sections
    already measured are kept on disk and the others still run; ``main`` then exits with status 1.
    """
    before = os.getloadavg()[0]
    started = time.perf_counter()
    print(f"[bench] {name}...", file=sys.stderr, flush=True)
    try:
        results[name] = work()
    except Exception as exc:  # noqa: BLE001 - any failure of a measured section is reported, not fatal
        traceback.print_exc()
        results[name] = {"error": f"{type(exc).__name__}: {exc}"}
    results.setdefault("meta", {}).setdefault("sections", {})[name] = {
        "seconds": round(time.perf_counter() - started, 1),
        "load_average_before": round(before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }
    if output is not None:
        _write(results, output)


def _write(results: dict, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="classroom,realistic,bursts,weight,dashboard_page,rerun,micro",
                        help="comma-separated sections")
    parser.add_argument("--realistic", type=int, default=600, help="students in the realistic class")
    parser.add_argument("--realistic-seconds", type=float, default=120.0, help="length of a realistic run")
    parser.add_argument("--capacity", action="store_true",
                        help="the long capacity search (realistic classes of --capacity-sizes, ~3 min each)")
    parser.add_argument("--capacity-sizes", default="300,600,900,1200,1500")
    parser.add_argument("--dashboard-learners", type=int, default=1000)
    parser.add_argument("--dashboard-timeout", type=float, default=45.0, help="seconds to wait for the page")
    parser.add_argument("--baseline", type=Path, help="a kit checkout whose app.py to measure beside (before/after)")
    parser.add_argument("--students", default="30", help="class sizes of the aggressive workload (30,150: +5 min)")
    parser.add_argument("--lesson", help="lesson id (default: the one with the longest document)")
    parser.add_argument("--think", default="1,3", help="think time range in seconds, e.g. 1,3")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which students join")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--validate", type=int, default=1000, help="generated lessons to validate")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    lessons = library().lessons()
    loaded = library().by_id(args.lesson) if args.lesson else default_lesson(lessons)
    if loaded is None:
        parser.error(f"no lesson {args.lesson!r}")
    section = partial(_section, output=args.output)  # what is measured is on disk, whatever fails later
    think = tuple(float(x) for x in args.think.split(","))
    results: dict = {"meta": {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"), "python": platform.python_version(),
        "streamlit": streamlit.__version__, "cpus": os.cpu_count(), "lesson": loaded.lesson.id,
        "think_s": think, "seed": args.seed,
    }}
    if "classroom" in only:
        for n in (int(x) for x in args.students.split(",")):
            section(results, f"classroom_{n}", lambda n=n: classroom.run_class(
                loaded, n, seed=args.seed, think=think, ramp=args.ramp).to_dict())
    if "realistic" in only or args.capacity:
        realistic = {"seconds": args.realistic_seconds, "seed": args.seed}
        if args.capacity:
            sizes = tuple(int(x) for x in args.capacity_sizes.split(","))
            section(results, "capacity", lambda: classroom.capacity(loaded, sizes, **realistic))
        else:
            section(results, "realistic", lambda: classroom.realistic_class(loaded, args.realistic, **realistic))
    if "bursts" in only:
        section(results, "first_loads", lambda: burst.first_loads(loaded))
        section(results, "join_burst", lambda: burst.join_burst(loaded, 30))
        section(results, "cold_start", lambda: burst.cold_start(APP))
        if args.baseline:
            base_app = args.baseline.resolve() / "app.py"
            section(results, "baseline_first_loads", lambda: burst.first_loads(loaded, app=base_app))
            section(results, "baseline_cold_start", lambda: burst.cold_start(base_app))
    if "weight" in only:
        section(results, "weight", lambda: _weight(APP, loaded))
        if args.baseline:
            section(results, "baseline_weight", lambda: _weight(args.baseline.resolve() / "app.py", loaded))
    if "dashboard_page" in only:
        five = [x for x in lessons if x.lesson.kind == "lesson"][:5]
        section(results, "dashboard_page", lambda: dashboard.measure(five, args.dashboard_learners,
                                                                      timeout=args.dashboard_timeout))
    if "rerun" in only:
        section(results, "rerun_cost", lambda: rerun_cost.measure(loaded))
        with tempfile.TemporaryDirectory(prefix="medialit-profile-") as tmp:
            out = Path(tmp) / "reruns.prof"
            section(results, "profile", lambda: hotspots(rerun_cost.profile(loaded, out)))
    if "rerun_cost" in results and "profile" in results:
        scale_profile(results["profile"], results["rerun_cost"]["lesson_exec_ms_median"])
    if "micro" in only:
        lessons_only = [x for x in lessons if x.lesson.kind == "lesson"][:5]
        section(results, "scoring", lambda: micro.scoring(lessons))
        section(results, "validation", lambda: micro.validation(args.validate))
        section(results, "dashboard", lambda: micro.dashboard(lessons_only))
        section(results, "xray", micro.xray_seeds)
    _write(results, args.output)
    print(table(results))
    print(f"\nwritten: {args.output}")
    failed = [name for name, section in results.items() if isinstance(section, dict) and "error" in section]
    if failed:
        print(f"sections that failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
