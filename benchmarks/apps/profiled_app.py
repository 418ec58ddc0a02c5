"""The real app under cProfile, for the benchmark's profile of a rerun (bench only).

Runs ``app.py`` unchanged. When ``MEDIALIT_BENCH_PROFILE`` names a file, every script run after
the first (callbacks included: they run inside the same ``code_to_exec``) is profiled while the
file ``<that file>.on`` exists (so a warm-up is left out), and the accumulated stats are dumped
to that file after each profiled run, with the number of runs in ``<that file>.runs``.
Streamlit's own per-run work in the script thread (building and hashing the ForwardMsgs, waking
the event loop) is in the profile too; the websocket send on the event loop is not.
"""

import cProfile
import os
import runpy
import threading
from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner

APP = Path(__file__).resolve().parents[2] / "app.py"
OUT = os.environ.get("MEDIALIT_BENCH_PROFILE")
_LOCK = threading.Lock()
_STATE: dict = {}


def _install() -> None:
    """Wrap the runner's exec function once per process (the first run is not profiled)."""
    if getattr(script_runner, "_medialit_profiled", False):
        return
    original = script_runner.exec_func_with_error_handling

    def profiled(func, ctx):  # type: ignore[no-untyped-def] - mirrors Streamlit's signature
        if not Path(f"{OUT}.on").exists():
            return original(func, ctx)
        profile = cProfile.Profile()
        result = profile.runcall(original, func, ctx)
        with _LOCK:
            if "stats" in _STATE:
                _STATE["stats"].add(profile)
            else:
                import pstats

                _STATE["stats"] = pstats.Stats(profile)
            _STATE["runs"] = _STATE.get("runs", 0) + 1
            _STATE["stats"].dump_stats(OUT)
            Path(f"{OUT}.runs").write_text(str(_STATE["runs"]))
        return result

    script_runner.exec_func_with_error_handling = profiled
    script_runner._medialit_profiled = True


if OUT:
    _install()
runpy.run_path(str(APP), run_name="__main__")
