"""Reading a cProfile of the app's reruns: where the time goes, per rerun.

``hotspots(stats_file, runs)`` gives (a) the app's own functions (``medialit/`` and ``app.py``)
by cumulative time per rerun, and (b) the split of all self time by package (medialit,
streamlit, sqlalchemy + sqlite, pydantic, others). cProfile inflates call-heavy code, so the
absolute numbers are larger than the real ones; the shares are what to read.
"""

from __future__ import annotations

import pstats
import sysconfig
from pathlib import Path

STDLIB = sysconfig.get_paths()["stdlib"]
GROUPS = (
    ("medialit", ("/medialit/", "/app.py")),
    ("streamlit", ("/streamlit/",)),
    ("sqlalchemy+sqlite", ("/sqlalchemy/", "sqlite3", "_sqlite3")),
    ("pydantic", ("/pydantic",)),
    ("protobuf", ("/google/protobuf/", "upb")),
    ("asyncio+socket", ("/asyncio/", "_socket", "select.")),
)


def _group(filename: str, name: str) -> str:
    where = f"{filename}:{name}"
    for group, needles in GROUPS:
        if any(needle in where for needle in needles):
            return group
    if filename == "~" or filename.startswith(STDLIB) or filename.startswith("<frozen"):
        return "python builtins+stdlib"
    return "other"


def _label(filename: str, line: int, name: str) -> str:
    if "/medialit/" in filename:
        filename = "medialit/" + filename.split("/medialit/", 1)[1]
    elif filename.endswith("/app.py"):
        filename = "app.py"
    else:
        filename = Path(filename).name
    return f"{filename}:{line}({name})"


def hotspots(stats_file: Path, runs: int | None = None, top: int = 15) -> dict:
    """The profile's figures per rerun (see the module docstring)."""
    stats = pstats.Stats(str(stats_file))
    runs = runs or int(Path(f"{stats_file}.runs").read_text())
    raw = stats.stats  # type: ignore[attr-defined] - pstats keeps its table here
    total = stats.total_tt  # type: ignore[attr-defined]
    by_group: dict[str, float] = {}
    app_functions = []
    for (filename, line, name), (_cc, _nc, tottime, cumtime, _callers) in raw.items():
        group = _group(filename, name)
        by_group[group] = by_group.get(group, 0.0) + tottime
        if group == "medialit":
            app_functions.append((cumtime, tottime, _label(filename, line, name)))
    app_functions.sort(reverse=True)
    return {
        "runs": runs,
        "profiled_ms_per_run": round(total * 1000 / runs, 2),
        "self_time_share": {g: round(t / total, 3) for g, t in sorted(by_group.items(), key=lambda kv: -kv[1])},
        "app_functions_ms_per_run": [
            {"function": label, "cumulative_ms": round(cum * 1000 / runs, 2), "self_ms": round(tot * 1000 / runs, 2)}
            for cum, tot, label in app_functions[:top]
        ],
    }
