"""The deployment tools do what an administrator expects, and say so in one line when they cannot.

* ``deploy/haproxy_cfg.py --cert X`` without ``--bind`` listens for TLS on :443 and for the redirect on
  :80 (it used to write ``bind :80 ssl`` and a plain ``bind :80``: HAProxy then answered at random),
  and refuses the same address twice;
* ``medialit migrate`` with a bad database URL prints one line (no traceback, no password), exit 1;
* the app started the ``make run`` way, or by ``deploy/run-replicas.sh -a 0.0.0.0``, asks no outside
  host anything (Streamlit asked checkip.amazonaws.com at every start): every HTTP(S) request the
  server process makes goes through a recording proxy, which must see none;
* ``make bench`` writes its results outside the tracked files.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.server import free_port, make_server
from medialit.cli import main

REPO = Path(__file__).resolve().parents[2]
HAPROXY_CFG = REPO / "deploy" / "haproxy_cfg.py"


def haproxy_cfg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(HAPROXY_CFG), *args], capture_output=True, text=True, timeout=30)


def binds(config: str) -> list[str]:
    return [line.strip() for line in config.splitlines() if line.strip().startswith("bind ")]


def test_a_certificate_alone_listens_for_tls_on_443_and_redirects_80(tmp_path: Path) -> None:
    cert = tmp_path / "medialit.pem"
    done = haproxy_cfg("--replicas", "2", "--cert", str(cert))
    assert done.returncode == 0, done.stderr
    assert binds(done.stdout) == [f"bind :443 ssl crt {cert} alpn h2,http/1.1", "bind :80"]
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    if haproxy and shutil.which("openssl"):  # CI has both: check the file the way the docs say
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                        "-keyout", str(tmp_path / "key"), "-out", str(tmp_path / "crt")], check=True,
                       capture_output=True, timeout=60)
        cert.write_bytes((tmp_path / "crt").read_bytes() + (tmp_path / "key").read_bytes())
        (tmp_path / "haproxy.cfg").write_text(done.stdout, encoding="utf-8")
        check = subprocess.run([haproxy, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True,
                               timeout=30)
        assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("both", [":80", "0.0.0.0:80"])
def test_tls_and_the_redirect_on_one_address_are_refused_in_one_line(both: str) -> None:
    done = haproxy_cfg("--cert", "/etc/haproxy/certs/medialit.pem", "--bind", both)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == (
        f"haproxy_cfg.py: error: --bind {both} (TLS) and --http-bind :80 (plain HTTP, redirected) are the same "
        "address: give TLS its own port, e.g. --bind :443")


def test_plain_http_still_binds_80_by_default() -> None:
    done = haproxy_cfg("--replicas", "1")
    assert done.returncode == 0 and binds(done.stdout) == ["bind :80"]


@pytest.mark.parametrize(("url", "says"), [
    ("nonsense", "(a text that is not a database URL): expected a database URL such as "
                 "postgresql+psycopg://user:password@host/database (see docs/deploy.md)"),
    ("postgresql+pg9://medialit:s3cret@db/medialit",
     "postgresql+pg9://medialit:***@db/medialit: unknown database kind 'postgresql+pg9' "
     "(use postgresql+psycopg://... or sqlite:///...)"),
    ("mysql://medialit:s3cret@db/medialit",
     "mysql://medialit:***@db/medialit: no driver for this kind of database (MySQLdb); "
     "use postgresql+psycopg or sqlite"),
])
def test_migrate_with_a_bad_url_says_why_in_one_line(url: str, says: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIALIT_DATABASE_URL", url)
    result = CliRunner().invoke(main, ["migrate"])
    assert result.exit_code == 1
    assert result.output == f"Error: cannot open the database {says}\n"


def test_migrate_with_no_database_server_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()  # nothing listens there
    monkeypatch.setenv("MEDIALIT_DATABASE_URL", f"postgresql+psycopg://medialit:s3cret@127.0.0.1:{port}/medialit")
    result = CliRunner().invoke(main, ["migrate"])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    shown = f"postgresql+psycopg://medialit:***@127.0.0.1:{port}/medialit"
    assert line.startswith(f"Error: cannot open the database {shown}: ")
    assert "refused" in line and "s3cret" not in line


def test_make_bench_writes_its_results_outside_the_tracked_files() -> None:
    dry = subprocess.run(["make", "-n", "bench"], cwd=REPO, capture_output=True, text=True, timeout=30, check=True)
    command = next(line for line in dry.stdout.splitlines() if "benchmarks.run" in line)
    output = command.split("--output", 1)[1].split()[0]
    assert subprocess.run(["git", "ls-files", "--error-unmatch", output], cwd=REPO, capture_output=True).returncode != 0
    assert subprocess.run(["git", "check-ignore", "-q", output], cwd=REPO).returncode == 0


# ------------------------------------------------------------------------------ no outside host at start


class RecordingProxy:
    """An HTTP proxy that answers nothing and notes the first line of every request (``CONNECT host:443``...)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1"))
                except OSError:
                    self.requests.append("(a connection)")

    def env(self) -> dict[str, str]:
        return {name: self.url for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")} | {
            "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}

    def __enter__(self) -> RecordingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def proxy() -> Iterator[RecordingProxy]:
    with RecordingProxy() as recording:
        yield recording


def wait_for(path: Path, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text(errors="replace") if path.exists() else ""
        if text in content:
            return content
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in {path}:\n{content[-2000:]}")


@pytest.mark.slow
def test_the_app_started_like_make_run_asks_no_outside_host(proxy: RecordingProxy) -> None:
    with make_server(env=proxy.env()) as server:
        server.start()
        log = wait_for(server.log_path, "URL:")  # printed once the addresses to print are known
        time.sleep(2.5)  # what Streamlit's external lookup would take at most (two 1 s tries)
    assert "External URL" not in log
    assert proxy.requests == []


@pytest.mark.slow
def test_replicas_listening_on_every_address_ask_no_outside_host(proxy: RecordingProxy, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, **proxy.env(), "HOME": str(tmp_path), "MEDIALIT_DATA_DIR": str(tmp_path / "data"),
           "STREAMLIT": str(Path(sys.executable).parent / "streamlit"), "PYTHON": sys.executable}
    env.pop("MEDIALIT_DATABASE_URL", None)
    script = subprocess.Popen([str(REPO / "deploy" / "run-replicas.sh"), "-n", "1", "-p", str(port), "-a", "0.0.0.0",
                               "-l", str(tmp_path / "logs")], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        log = wait_for(tmp_path / "logs" / f"replica-{port}.log", "URL:", timeout=90)
        time.sleep(2.5)
    finally:
        os.killpg(script.pid, 15)
        script.wait(30)
    assert "External URL" not in log and f"URL: http://localhost:{port}" in log
    assert proxy.requests == []


def test_a_benchmark_section_that_fails_keeps_what_was_measured_before_it(tmp_path: Path) -> None:
    from benchmarks.run import _section

    output, results = tmp_path / "results.json", {}
    _section(results, "first", lambda: {"median_ms": 12.5}, output=output)

    def broken() -> dict:
        raise StopIteration("a lesson the generator wrote")

    _section(results, "second", broken, output=output)
    on_disk = json.loads(output.read_text(encoding="utf-8"))
    assert on_disk["first"] == {"median_ms": 12.5}
    assert on_disk["second"] == {"error": "StopIteration: a lesson the generator wrote"}
    assert set(on_disk["meta"]["sections"]) == {"first", "second"}
