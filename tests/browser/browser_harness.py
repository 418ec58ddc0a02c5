"""Real-browser test harness: a Streamlit server in a subprocess and Debian's Chromium.

Used by ``tests/browser/conftest.py`` (fixtures) and importable by browser tests
(``from browser_harness import wait_for_app``; pytest puts ``tests/browser`` on ``sys.path``).

Facts this relies on (Streamlit 1.67, see /work/shared/STREAMLIT.md):
- ``/_stcore/health`` answers "ok" once the server accepts sessions;
- ``[data-testid='stApp'][data-test-script-state='notRunning']`` marks a finished rerun;
- Playwright CSS locators pierce the open shadow root of a components-v2 widget.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"  # gitignored
# Debian's chromium (Playwright's own browser download does not work here); override for local runs.
CHROMIUM = Path(os.environ.get("MEDIALIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_MISSING = (
    "Chromium not found: install Debian's chromium package (apt-get install -y chromium) to run the browser tests"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def in_ci() -> bool:
    """True when ``CI`` is set to a truthy value (GitHub Actions, GitLab... set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def free_port() -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _streamlit_command() -> list[str]:
    """The ``streamlit`` of the interpreter running the tests (``.venv/bin/streamlit``)."""
    script = Path(sys.executable).with_name("streamlit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "streamlit"]


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` subprocess."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server's combined stdout/stderr, for failure messages."""
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Terminate the server's process group (only the processes this harness started)."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def _wait_healthy(server: StreamlitServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    health = f"{server.url}/_stcore/health"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.process.returncode}:\n{server.log_tail()}")
        with contextlib.suppress(urllib.error.URLError, OSError), urllib.request.urlopen(health, timeout=2) as resp:
            if resp.read().decode().strip() == "ok":
                return
        time.sleep(0.2)
    raise TimeoutError(f"streamlit not healthy after {timeout:.0f} s:\n{server.log_tail()}")


def start_streamlit(
    script: str | Path,
    *,
    data_dir: Path,
    env: Mapping[str, str] | None = None,
    args: list[str] | None = None,
    timeout: float = 60.0,
) -> StreamlitServer:
    """Start ``streamlit run <script>`` on a free port and wait until ``/_stcore/health`` is "ok".

    The working directory is the repository root so ``.streamlit/config.toml`` applies;
    ``MEDIALIT_DATA_DIR`` points at ``data_dir`` so a test never touches the real database. ``env``
    adds or overrides variables; ``args`` adds CLI options. Raises with the server log on failure.
    """
    script_path = Path(script)
    if not script_path.is_absolute():
        script_path = REPO / script_path
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / f"streamlit-{port}.log"
    full_env = {
        **os.environ,
        "MEDIALIT_DATA_DIR": str(data_dir),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")])),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **(env or {}),
    }
    command = [
        *_streamlit_command(),
        "run",
        str(script_path),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        *(args or []),
    ]
    with log.open("wb") as sink:
        # A new session (process group) lets stop() end the server and anything it spawned.
        process = subprocess.Popen(
            command, cwd=REPO, env=full_env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = StreamlitServer(url=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        _wait_healthy(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def streamlit_server(script: str | Path, *, data_dir: Path, **kwargs: Any) -> Iterator[StreamlitServer]:
    """``start_streamlit`` as a context manager that always stops the server."""
    server = start_streamlit(script, data_dir=data_dir, **kwargs)
    try:
        yield server
    finally:
        server.stop()


def wait_for_app(page: Any, timeout: float = 15_000) -> None:
    """Wait until the app shows and no script run is in progress.

    After an interaction, first wait for what the interaction should change (e.g. with
    ``expect(...).to_have_text``): the rerun may not have started yet when this is called.
    """
    page.wait_for_selector(APP_IDLE, timeout=timeout)


def goto_app(page: Any, url: str, timeout: float = 30_000) -> None:
    """Open ``url`` and wait for the first script run to finish."""
    page.goto(url, timeout=timeout)
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    wait_for_app(page, timeout=timeout)


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG into ``tests/artifacts/`` and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


# The element that has the focus, looking inside open shadow roots: [tag, classes, role, name, text].
_FOCUSED_JS = """
() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (!a) return null;
  return [a.tagName, String(a.className || ''), a.getAttribute('role') || '', a.getAttribute('aria-label') || '',
          (a.textContent || '').trim().slice(0, 80)];
}
"""


def focused(page: Any) -> list[str] | None:
    """The focused element (inside components' shadow roots too) as ``[tag, classes, role, aria-label, text]``."""
    return page.evaluate(_FOCUSED_JS)


def tab_to(page: Any, wanted: Callable[[list[str]], bool], *, limit: int = 80, key: str = "Tab") -> None:
    """Press ``key`` (Tab) until ``wanted(focused(page))`` holds: how a keyboard user gets somewhere.

    Raises AssertionError, naming the focused element, when ``limit`` presses are not enough.
    """
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now and wanted(now):
            return
    raise AssertionError(f"not reached with {key} in {limit} presses; the focus is on {focused(page)}")
