"""Driving the classroom pages in AppTest: open a page by its url_path, log in, join, capture downloads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
TIMEOUT = 30
sys.path.insert(0, str(REPO / "tests" / "app"))  # the student app's driver (answers by widget key)


def new_app(**query: str) -> AppTest:
    """A fresh browser tab on the app, with ``query`` in its URL (not run yet)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for name, value in query.items():
        at.query_params[name] = value
    return at


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Go to the navigation page registered under ``url_path`` (``st.Page`` hashes its url_path)."""
    at._page_hash = calc_hash(url_path)
    return at.run()


def log_in(at: AppTest, password: str) -> AppTest:
    """Open the teacher page and submit ``password``."""
    at = open_page(at.run(), "teacher")
    at.text_input(key="teacher-password").input(password)
    return at.button(key="teacher-login-submit").click().run()


def join(code: str, pseudonym: str) -> AppTest:
    """A student's tab opening the join address (``/join?join=CODE``) and joining as ``pseudonym``."""
    at = open_page(new_app(join=code), "join")
    at.text_input(key="join-pseudonym").input(pseudonym)
    return at.button(key="join-submit").click().run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


def page_text(at: AppTest) -> str:
    """Every string the page sent (labels, bodies, table cells), for "is it shown anywhere" checks."""
    from driver import texts

    parts = [texts(at)]
    for frame in [*at.dataframe, *at.table]:
        parts.append(frame.value.to_csv())
    return "\n".join(parts)


class Downloads:
    """Records the files ``st.download_button`` hands to Streamlit's media storage (AppTest keeps none)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def install(self, monkeypatch: Any) -> Downloads:
        from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

        original = MemoryMediaFileStorage.load_and_get_id
        files = self.files

        def record(storage: Any, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
            if filename and isinstance(path_or_data, bytes):
                files[filename] = path_or_data
            return original(storage, path_or_data, mimetype, kind, filename)

        monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
        return self
