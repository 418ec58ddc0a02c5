"""A whole school's deployment, end to end: two replicas on one PostgreSQL behind HAProxy (docs/deploy.md).

What runs is what ``docs/deploy.md`` ships: ``deploy/run-replicas.sh`` starts two ``streamlit run
serve.py`` replicas on free loopback ports with ``MEDIALIT_DATABASE_URL`` pointing at a fresh database
created on the CI PostgreSQL (``MEDIALIT_TEST_PG_ADMIN_URL``); ``deploy/haproxy_cfg.py`` writes the
proxy's configuration from ``deploy/haproxy.cfg.template``; ``haproxy -db -f`` runs it in the
foreground. Then, through the proxy only:

* six simulated students (the benchmark's websocket client) open the join address. Four take the
  ``SERVERID`` cookie HAProxy sets on that page load and send it in their websocket handshake; two
  come without any cookie and get one on the websocket's own 101 response. Both replicas must get
  students, and each replica's own ``/_stcore/metrics`` must count exactly the students whose
  cookie names it (the cookie, not chance, routed them; HAProxy's log agrees: ``--VN`` / ``--NI``);
* they join the class session (created through the store), answer a few questions, retry some;
* a third connection to the database (a fresh Store) sees every answer whose feedback a student
  saw, in ``answers_frame(class_session_id=...)``, and the dashboard's data (``load_class`` and the
  roster) lists every student with the right count of answered questions;
* the teacher logs in and opens the live dashboard through the proxy on EACH replica (cookie
  ``SERVERID=r1``, then ``r2``): each one shows the six students and every answer.

Everything started is stopped and the database dropped. Skipped (with how to run it) without
``MEDIALIT_TEST_PG_ADMIN_URL`` or ``haproxy``; under ``CI`` those are failures instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import websockets
from sqlalchemy import create_engine, make_url, text
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.server import free_port
from benchmarks.student import Student
from benchmarks.wsclient import AppClient, Run
from medialit import analytics as an
from medialit.classroom.data import load_class
from medialit.classroom.joinlink import JOIN_PAGE, JOIN_PARAM
from medialit.format.library import library
from medialit.store import Store, clear_store_cache
from medialit.ui.teacher import dashboard as dashboard_page
from medialit.ui.teacher import login as login_page
from medialit.ui.teacher import sessions as sessions_page
from medialit.ui.teacher.auth import LOGIN_KEY, PASSWORD_KEY

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
ADMIN_ENV = "MEDIALIT_TEST_PG_ADMIN_URL"
BIN = Path(sys.executable).parent
TEACHER_PASSWORD = "deploy-test " + secrets.token_hex(8)
STUDENTS = 6
WITHOUT_COOKIE = {4, 5}  # these students' browsers bring no cookie to the websocket
QUESTIONS = 4  # each student answers the first questions of a lesson
START_TIMEOUT = 60.0


def unavailable(reason: str) -> None:
    """Skip, or fail when ``CI`` is set (CI provides PostgreSQL and HAProxy: a skip there hides a gap)."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason} -- CI is set, so the school deployment test must run, not be skipped")
    pytest.skip(reason)


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        unavailable("the school deployment test needs HAProxy: apt-get install haproxy")
    return str(found)


# ---------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def school_db() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for the school (created via the admin URL, dropped after)."""
    haproxy_binary()  # both prerequisites are checked before anything is created
    admin = os.environ.get(ADMIN_ENV, "").strip()
    if not admin:
        unavailable(f"the school deployment test needs PostgreSQL: set {ADMIN_ENV} to a superuser URL, e.g. "
                    f"{ADMIN_ENV}=postgresql+psycopg://postgres@127.0.0.1:55432/postgres (what .ci/run exports)")
    name = f"medialit_school_{os.getpid()}_{secrets.token_hex(4)}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        clear_store_cache()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@dataclass
class School:
    """The running deployment: the replicas' script, HAProxy, their ports and logs."""

    tmp: Path
    ports: list[int]
    proxy_port: int
    stats_socket: Path
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def replica_url(self, server_id: str) -> str:
        return f"http://127.0.0.1:{self.ports[int(server_id.removeprefix('r')) - 1]}"

    def logs(self) -> str:
        parts = []
        for path in sorted(self.tmp.rglob("*.log")):
            parts.append(f"--- {path.name} (tail) ---\n{path.read_text(errors='replace')[-3000:]}")
        return "\n".join(parts)

    def haproxy_log(self) -> str:
        path = self.tmp / "haproxy.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """SIGTERM to each started process group (the script and its replicas; HAProxy), SIGKILL after 10 s."""
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in self.procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ProcessLookupError):  # whatever is left of the group (ignored SIGTERM)
                os.killpg(proc.pid, signal.SIGKILL)
            if proc.poll() is None:
                proc.wait(5)


def start_replicas(tmp: Path, db_url: str, ports: list[int]) -> subprocess.Popen:
    """``deploy/run-replicas.sh --ports ...`` in its own process group, as a school would run it."""
    env = {**os.environ, "MEDIALIT_DATABASE_URL": db_url, "MEDIALIT_TEACHER_PASSWORD": TEACHER_PASSWORD,
           "HOME": str(tmp / "home"), "MEDIALIT_DATA_DIR": str(tmp / "data"), "PYTHONUNBUFFERED": "1",
           "PYTHON": sys.executable, "STREAMLIT": str(BIN / "streamlit")}
    env.pop("MEDIALIT_HOME", None)  # the kit of the checkout
    (tmp / "home").mkdir()
    with (tmp / "run-replicas.log").open("ab") as log:
        return subprocess.Popen(
            ["bash", str(DEPLOY / "run-replicas.sh"), "--ports", ",".join(map(str, ports)), "-l", str(tmp / "logs")],
            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def start_haproxy(tmp: Path, ports: list[int], proxy_port: int, stats_socket: Path) -> subprocess.Popen:
    """The configuration from the template (via the generator), checked, then HAProxy in the foreground."""
    cfg = tmp / "haproxy.cfg"
    subprocess.run(
        [sys.executable, str(DEPLOY / "haproxy_cfg.py"), "--ports", ",".join(map(str, ports)),
         "--bind", f"127.0.0.1:{proxy_port}", "--stats-socket", str(stats_socket), "-o", str(cfg)],
        check=True, capture_output=True, text=True,
    )
    haproxy = haproxy_binary()
    checked = subprocess.run([haproxy, "-c", "-f", str(cfg)], capture_output=True, text=True)
    assert checked.returncode == 0, f"haproxy rejects the generated configuration:\n{checked.stdout}{checked.stderr}"
    with (tmp / "haproxy.log").open("ab") as log:
        return subprocess.Popen([haproxy, "-db", "-f", str(cfg)], cwd=tmp, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def haproxy_stats(stats_socket: Path) -> dict[str, dict[str, str]]:
    """``show stat`` on the admin socket: ``{server name: {column: value}}`` for the backend's servers."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(str(stats_socket))
        sock.sendall(b"show stat\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
    return {row["svname"]: row for row in rows if row["pxname"] == "streamlit"}


@pytest.fixture
def school(school_db: str, tmp_path: Path) -> Iterator[School]:
    """Two replicas on ``school_db`` behind HAProxy, all healthy; stopped (and their logs shown on failure) after."""
    ports = [free_port(), free_port()]
    while ports[1] == ports[0]:
        ports[1] = free_port()
    running = School(tmp=tmp_path, ports=ports, proxy_port=free_port(), stats_socket=tmp_path / "haproxy.sock")
    try:
        running.procs.append(start_replicas(tmp_path, school_db, ports))
        running.procs.append(start_haproxy(tmp_path, ports, running.proxy_port, running.stats_socket))
        deadline = time.monotonic() + START_TIMEOUT
        urls = [f"http://127.0.0.1:{port}" for port in ports] + [running.url]
        while not all(healthy(url) for url in urls):
            dead = [proc.args for proc in running.procs if proc.poll() is not None]
            assert not dead, f"exited during start-up: {dead}\n{running.logs()}"
            assert time.monotonic() < deadline, f"the school did not come up in {START_TIMEOUT:.0f} s\n{running.logs()}"
            time.sleep(0.2)
        while {row["status"] for row in haproxy_stats(running.stats_socket).values() if row["svname"] != "BACKEND"} \
                != {"UP"}:
            assert time.monotonic() < deadline, f"HAProxy does not see both replicas UP\n{running.logs()}"
            time.sleep(0.2)
        yield running
    except BaseException:
        sys.stderr.write(running.logs() + "\n")
        raise
    finally:
        running.stop()


# ------------------------------------------------------------------------------------------ the clients


class StickyTab(AppClient):
    """A browser tab behind the proxy: sends its cookie in the websocket handshake and keeps the one it is given."""

    def __init__(self, base_url: str, query: str = "", *, cookie: str | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, query, **kwargs)
        self.cookie = cookie  # "SERVERID=r1" or None
        self.sent: dict[str, str] = {}  # the handshake request's headers, as sent
        self.set_cookies: list[str] = []  # Set-Cookie headers of the 101 response

    async def connect(self) -> None:
        url = self.base_url.replace("http://", "ws://") + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self._ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout,
                                            ping_interval=None, compression=None, additional_headers=headers)
        self.sent = {name.lower(): value for name, value in self._ws.request.headers.raw_items()}
        self.set_cookies = self._ws.response.headers.get_all("Set-Cookie")
        assert self._ws.response.status_code == 101
        if self.set_cookies:  # a browser would keep it for its next request
            self.cookie = self.set_cookies[0].split(";", 1)[0]

    @property
    def server_id(self) -> str | None:
        return self.cookie.split("=", 1)[1] if self.cookie else None


def page_load_cookie(proxy_url: str, path: str) -> str:
    """GET ``path`` through the proxy like a browser's first load; the ``SERVERID=..`` cookie it is given."""
    host, port = proxy_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        assert response.status == 200, f"GET {path} through the proxy: {response.status}"
        set_cookies = response.headers.get_all("Set-Cookie") or []
        cookies = [c.split(";", 1)[0] for c in set_cookies if c.startswith("SERVERID=")]
        assert cookies, f"HAProxy set no SERVERID cookie on the page load: {response.headers.items()}"
        assert "no-cache" in (response.headers.get("Cache-Control") or ""), "a page with the cookie must not be cached"
        return cookies[0]
    finally:
        conn.close()


def active_sessions(replica_url: str) -> int:
    """The replica's own count of open websocket sessions (``/_stcore/metrics``)."""
    with urllib.request.urlopen(replica_url + "/_stcore/metrics", timeout=5) as response:
        for line in response.read().decode().splitlines():
            if line.startswith("active_sessions "):
                return int(float(line.split()[1]))
    raise AssertionError("no active_sessions in /_stcore/metrics")


async def wait_sessions(school: School, expected: dict[str, int], timeout: float = 10.0) -> dict[str, int]:
    """Each replica's active session count, once it matches ``expected`` (or the last seen after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while True:
        seen = {sid: active_sessions(school.replica_url(sid)) for sid in ("r1", "r2")}
        if seen == expected or time.monotonic() > deadline:
            return seen
        await asyncio.sleep(0.2)


def image_urls(run: Run) -> list[str]:
    """The addresses of the images (``st.image``) a run sent: media files kept by the replica that ran it."""
    urls = []
    for data in run.raw:
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "imgs":
                urls.extend(img.url for img in element.imgs.imgs)
    return urls


def fetch(proxy_url: str, path: str, cookie: str) -> tuple[int, bytes]:
    """GET ``path`` through the proxy with ``cookie``: (status, body)."""
    request = urllib.request.Request(proxy_url + path, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


async def teacher_dashboard(school: School, server_id: str, class_session_id: int
                            ) -> tuple[StickyTab, Run, dict[str, tuple[int, bytes]]]:
    """The teacher logs in, opens the class session's page, then the live dashboard; pinned to replica
    ``server_id`` by the cookie. Returns the tab, the dashboard's run, and what fetching the session page's
    QR code (a media file, in that replica's memory while the page shows) through the proxy gave with each
    replica's cookie: ``{"r1": (status, body), "r2": ...}``."""
    tab = StickyTab(school.url, "lang=en", cookie=f"SERVERID={server_id}", locale="en-GB")
    await tab.connect()
    assert tab.sent.get("cookie") == f"SERVERID={server_id}"
    assert not tab.set_cookies, "a valid cookie is kept (indirect): HAProxy sets no new one"
    tab.navigate(login_page.URL_PATH, "lang=en")
    tab.check(await tab.load())
    tab.check(await tab.rerun(values={PASSWORD_KEY: TEACHER_PASSWORD}, click=LOGIN_KEY + "-submit"))
    tab.navigate(sessions_page.URL_PATH, f"class={class_session_id}&lang=en")
    qr = image_urls(tab.check(await tab.load()))
    assert len(qr) == 1, qr
    media = {sid: fetch(school.url, qr[0], f"SERVERID={sid}") for sid in ("r1", "r2")}
    tab.navigate(dashboard_page.URL_PATH, f"class={class_session_id}&lang=en")
    return tab, tab.check(await tab.load()), media


# ------------------------------------------------------------------------------------------------- test


def test_a_class_spread_over_two_replicas_behind_haproxy_is_one_class_for_the_teacher(school: School, school_db: str):
    lessons = [loaded for loaded in library().lessons() if loaded.lesson.kind == "lesson"][:2]
    assert len(lessons) == 2
    store = Store(school_db)  # the test's own connection (the replicas have theirs)
    try:
        klass = store.create_class_session("Year 11B - deployment test", [lo.lesson.id for lo in lessons])
    finally:
        store.close()
    pseudonyms = [f"Student-{i}-{secrets.token_hex(2)}" for i in range(STUDENTS)]
    join_path = f"/{JOIN_PAGE}?{JOIN_PARAM}={klass.join_code}&lang=fr"

    # The first page load through the proxy hands out the sticky cookie (one replica after the other).
    students = []
    for i in range(STUDENTS):
        cookie = page_load_cookie(school.url, join_path)
        student = Student(school.url, lessons[i % 2], seed=900 + i, think=(0.0, 0.05), p_right=0.5, p_retry=0.5)
        student.tab = StickyTab(school.url, student.tab.query, cookie=None if i in WITHOUT_COOKIE else cookie,
                                cache_messages=True, locale=student.tab.locale)
        students.append(student)

    async def lesson() -> tuple[dict[str, int], dict[str, int], list[tuple[StickyTab, Run, dict]]]:
        walks = [s.walk(questions=QUESTIONS, finish=False, join=(klass.join_code, pseudonyms[i]))
                 for i, s in enumerate(students)]
        await asyncio.wait_for(asyncio.gather(*walks), 90)
        per_replica = Counter(s.tab.server_id for s in students)
        expected = {sid: per_replica.get(sid, 0) for sid in ("r1", "r2")}
        seen = await wait_sessions(school, expected)  # every student still connected
        dashboards = []
        for sid in ("r1", "r2"):
            dashboards.append(await teacher_dashboard(school, sid, klass.id))
            expected[sid] += 1
        seen_with_teachers = await wait_sessions(school, expected)
        for tab, _, _ in dashboards:
            await tab.close()
        for s in students:
            await s.close()
        return seen, seen_with_teachers, dashboards

    seen, seen_with_teachers, dashboards = asyncio.run(lesson())

    # Every walk went through, over the proxy, with the cookie in its handshake.
    for i, student in enumerate(students):
        progress = student.progress
        assert not progress.error, f"student {i}: {progress.error}"
        assert progress.code and len({q for q, _ in progress.submitted}) == QUESTIONS
        tab: StickyTab = student.tab
        if i in WITHOUT_COOKIE:
            assert "cookie" not in tab.sent
            assert tab.set_cookies and tab.set_cookies[0].startswith("SERVERID=r"), \
                "HAProxy assigns a cookieless websocket a replica in its 101 response"
        else:
            assert tab.sent.get("cookie", "").startswith("SERVERID=r"), tab.sent
            assert not tab.set_cookies, "a valid cookie is not set again (cookie ... indirect)"

    # Both replicas got students, and each replica's own count is exactly the students its cookie names.
    per_replica = Counter(s.tab.server_id for s in students)
    assert set(per_replica) == {"r1", "r2"}, f"one replica got the whole class: {per_replica}"
    assert seen == {"r1": per_replica["r1"], "r2": per_replica["r2"]}, (seen, per_replica)
    assert seen_with_teachers == {"r1": per_replica["r1"] + 1, "r2": per_replica["r2"] + 1}
    stats = haproxy_stats(school.stats_socket)
    assert int(stats["r1"]["stot"]) > 0 and int(stats["r2"]["stot"]) > 0, stats

    # A third connection sees every answer whose feedback a student saw, and no other.
    submitted = {(pseudonyms[i], s.lesson_id, q, attempt) for i, s in enumerate(students)
                 for q, attempt in s.progress.submitted}
    clear_store_cache()
    reader = Store(school_db)
    try:
        frame = reader.answers_frame(class_session_id=klass.id)
        stored = set(zip(frame["pseudonym"], frame["lesson_id"], frame["question_id"], frame["attempt"], strict=True))
        assert stored == submitted
        assert sorted(learner.pseudonym for learner in reader.session_learners(klass.id)) == sorted(pseudonyms)
        codes = {learner.pseudonym: learner.code for learner in reader.session_learners(klass.id)}
        assert all(codes[pseudonyms[i]] == s.progress.code for i, s in enumerate(students))

        # The dashboard's data: the class as the teacher's pages read it.
        data = load_class(reader, klass.id, "en")
        assert data is not None and not data.missing
        roster = an.roster(data.answers, data.questions, data.learners, data.progress).set_index("pseudonym")
        assert sorted(roster.index) == sorted(pseudonyms)
        for i, student in enumerate(students):
            assert roster.loc[pseudonyms[i], "answered"] == len({q for q, _ in student.progress.submitted})
    finally:
        reader.close()

    # The dashboard page itself, served by EACH replica: every student and every answer.
    for (_tab, run, _media), sid in zip(dashboards, ("r1", "r2"), strict=True):
        metrics = [body for kind, body in run.texts if kind == "metric"]
        assert metrics[:2] == [str(STUDENTS), str(len(submitted))], (sid, metrics)
        blob = run.blob()
        missing = [p for p in pseudonyms if p.encode() not in blob]
        assert not missing, f"the dashboard on {sid} does not show {missing}"

    # Why the cookie matters beyond the websocket: the QR code image is a media file in the memory of the
    # teacher's replica. Through the proxy it is served with that replica's cookie, a 404 with the other's.
    for (_tab, _run, media), sid in zip(dashboards, ("r1", "r2"), strict=True):
        other = "r2" if sid == "r1" else "r1"
        assert media[sid][0] == 200 and media[sid][1][:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0"), (sid, media[sid][0])
        assert media[other][0] == 404, (sid, other, media[other][0])

    # HAProxy's own log: cookie-carrying websockets were routed by their valid cookie (--VN), the
    # cookieless ones got one inserted (--NI). Lines are written when a tunnel closes.
    deadline = time.monotonic() + 5
    while True:
        streams = [line for line in school.haproxy_log().splitlines() if "GET /_stcore/stream" in line]
        if len(streams) >= STUDENTS + 2 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    flags = Counter(" --VN " in line for line in streams)
    assert flags[True] == STUDENTS - len(WITHOUT_COOKIE) + 2, streams  # + the two teacher tabs
    assert sum(" --NI " in line for line in streams) == len(WITHOUT_COOKIE), streams
