"""Start the app the way ``make run`` does, on a free port, with its data in a given folder.

``make_server().start()`` runs ``streamlit run serve.py --server.port <port>`` from the repository
(what ``make run`` runs: the app with compressed front-end files and its warm-up; the repo's
``.streamlit/config.toml`` applies; any other script may be given instead), with ``MEDIALIT_DATA_DIR`` (and optionally
``MEDIALIT_HOME``) set, ``HOME`` pointed at a scratch folder (nothing is written to the real
home), and waits for ``/_stcore/health``. The ``streamlit`` process *is* the server, so its pid
is the one to read CPU time and memory from (``/proc/<pid>/stat`` and ``/status``).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "serve.py"  # make run's server: app.py behind medialit.server
STREAMLIT = Path(sys.executable).parent / "streamlit"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    """A TCP port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running (or stopped) Streamlit server process."""

    app: Path
    port: int
    data_dir: Path
    log_path: Path
    args: list[str]
    env: dict[str, str]
    proc: subprocess.Popen | None = None
    starts: int = field(default=0)
    scratch: list[Path] = field(default_factory=list)  # temp folders to remove in cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None, "the server is not running"
        return self.proc.pid

    def start(self, timeout: float = 60.0) -> Server:
        """Start (or restart, on the same port and data) and wait until it answers."""
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [str(STREAMLIT), "run", str(self.app), "--server.port", str(self.port), "--server.address", "127.0.0.1",
             *self.args],
            cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        self.starts += 1
        wait_healthy(self, timeout)
        return self

    def kill(self) -> None:
        """SIGKILL: the server dies mid-whatever, like a power cut of the process."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.kill()

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far (all its threads)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime (fields 14, 15)

    def rss_bytes(self) -> int:
        """Resident memory of the server now."""
        pages = int(Path(f"/proc/{self.pid}/statm").read_text().split()[1])
        return pages * PAGE_SIZE

    def cleanup(self) -> None:
        """Remove the server's scratch folder (HOME, log, and the data dir unless one was passed in)."""
        for folder in self.scratch:
            shutil.rmtree(folder, ignore_errors=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.cleanup()


def make_server(app: Path = APP, *, data_dir: Path | None = None, home: Path | None = None,
                args: Sequence[str] = (), env: Mapping[str, str] | None = None, port: int | None = None) -> Server:
    """A server object (not started): ``app`` with its database in ``data_dir`` (a temp dir by default).

    ``home`` becomes ``MEDIALIT_HOME`` (a kit folder) when given; ``args`` are extra ``streamlit run``
    options (e.g. ``--browser.gatherUsageStats=true`` for a bench-only server).
    """
    scratch = Path(tempfile.mkdtemp(prefix="medialit-home-"))  # removed by cleanup(), data included if inside
    data_dir = Path(data_dir or scratch / "data")
    data_dir.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, "HOME": str(scratch), "MEDIALIT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    full_env.pop("MEDIALIT_DATABASE_URL", None)
    if home is not None:
        full_env["MEDIALIT_HOME"] = str(home)
    full_env.update(env or {})
    return Server(app=Path(app), port=port or free_port(), data_dir=data_dir, log_path=scratch / "server.log",
                  args=list(args), env=full_env, scratch=[scratch])


def wait_healthy(server: Server, timeout: float) -> None:
    """Block until ``/_stcore/health`` says ok; raise with the server's log if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc is not None and server.proc.poll() is not None:
            raise RuntimeError(f"the server exited with {server.proc.returncode}:\n{server.log()[-3000:]}")
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s:\n{server.log()[-3000:]}")


def database_path(server: Server) -> Path:
    """The SQLite file the app writes to (see ``medialit.store.engine.resolve_url``)."""
    return server.data_dir / "medialit.db"
