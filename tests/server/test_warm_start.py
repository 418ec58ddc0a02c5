"""A restarted server is warm before it answers its health check (``serve.py``, ``medialit.server``):
the database is migrated, the lessons read and the front-end files compressed before any browser came."""

from __future__ import annotations

import sqlite3
import urllib.request

import pytest

from benchmarks.harness import running_server
from benchmarks.server import database_path

pytestmark = pytest.mark.slow


def test_the_server_is_warm_when_it_first_answers():
    with running_server() as server:  # returns once /_stcore/health says ok; no page was opened
        log = server.log()
        assert "medialit: warmed up in" in log
        warm_line = next(line for line in log.splitlines() if "medialit: warmed up in" in line)
        for step in ("modules", "catalogues", "lessons", "database", "scoring", "front-end files"):
            assert step in warm_line
        assert "failed" not in warm_line and "warm-up step" not in log
        with sqlite3.connect(f"file:{database_path(server)}?mode=ro", uri=True) as db:
            assert db.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
            assert db.execute("SELECT count(*) FROM learners").fetchone()[0] == 0  # nobody came yet
        request = urllib.request.Request(server.url + "/", headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "br"
