"""The kit's lessons and drills, loaded once and reloaded when a file changes.

Keyed on each file's modification time and size (and its document's), so an edited lesson is
picked up on the next request without a restart, and an unchanged one costs one ``stat``; the
folders are listed again only when their own stamp changes (a file added, removed or renamed).
A broken file never hides the others: it is listed with its problems and not served.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from medialit.format.loader import LoadedLesson, LoadResult, load_lesson
from medialit.paths import content_dirs, kit_root

PATTERNS = ("*.yaml", "*.yml")


def lesson_files(paths: list[Path] | None = None) -> list[Path]:
    """The YAML files under ``paths`` (default: lessons/ and exercises/), sorted by name."""
    found: list[Path] = []
    for base in paths or content_dirs():
        if base.is_file():
            found.append(base)
        elif base.is_dir():
            found += sorted(p for pattern in PATTERNS for p in base.glob(pattern))
    return found


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


@dataclass
class _Entry:
    stamps: tuple
    result: LoadResult


class Library:
    """Thread-safe cache of load results for a kit folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or kit_root()).resolve()
        self._entries: dict[Path, _Entry] = {}
        self._paths: dict[str, Path] = {}  # lesson id -> the file that served it last
        self._lock = threading.Lock()
        self._listing: tuple[tuple, list[Path]] | None = None  # (folder stamps, files)

    def _dirs(self) -> list[Path]:
        return [self.root / "lessons", self.root / "exercises"]

    def _files(self) -> list[Path]:
        """The lesson files, listed again only when a folder changed (a file added, removed or renamed).

        A folder's stamp is trusted only once it is a second old: file times are coarse (a few ms),
        so a file added in the same tick as the listing would otherwise go unseen."""
        dirs = self._dirs()
        stamps = tuple(_stamp(d) for d in dirs)
        listed = self._listing
        if listed is not None and listed[0] == stamps:
            return listed[1]
        files = lesson_files(dirs)
        settled = all(s is None or time.time_ns() - s[0] > 1_000_000_000 for s in stamps)
        self._listing = (stamps, files) if settled else None
        return files

    def results(self) -> list[LoadResult]:
        """Every lesson file's load result (good and broken), in catalogue order."""
        files = self._files()
        out = [self._get(path) for path in files]
        with self._lock:
            for gone in set(self._entries) - set(files):
                del self._entries[gone]
        return out

    def lessons(self) -> list[LoadedLesson]:
        """Every lesson that loads (files without errors), drafts included: what teachers' tools see."""
        return [r.loaded for r in self.results() if r.loaded]

    def published(self) -> list[LoadedLesson]:
        """The lessons students may see: those that load and are not ``status: draft``."""
        return [loaded for loaded in self.lessons() if not loaded.lesson.is_draft]

    def by_id(self, lesson_id: str) -> LoadedLesson | None:
        """The lesson ``lesson_id`` (None when no file serves it now).

        Called several times per rerun: the file that served it last is checked alone (a ``stat`` of
        it and of its document) and, unchanged, served again; otherwise the folders are scanned.
        """
        known = self._unchanged(self._paths.get(lesson_id), lesson_id)
        if known is not None:
            return known
        for path in self._files():
            loaded = self._get(path).loaded
            if loaded is not None and loaded.lesson.id == lesson_id:
                self._paths[lesson_id] = path
                return loaded
        return None

    def _unchanged(self, path: Path | None, lesson_id: str) -> LoadedLesson | None:
        """The lesson ``path`` served last time, if the file (and its document) did not change since."""
        entry = self._entries.get(path) if path is not None else None
        if entry is None or entry.result.loaded is None or entry.result.loaded.lesson.id != lesson_id:
            return None
        if path is None:
            return None
        return entry.result.loaded if entry.stamps == self._stamps(path, entry) else None

    def result_for_id(self, lesson_id: str) -> LoadResult | None:
        """The load result of the file whose id is ``lesson_id``, even when it is broken."""
        return next((r for r in self.results() if r.lesson_id == lesson_id), None)

    def _get(self, path: Path) -> LoadResult:
        entry = self._entries.get(path)
        stamps = self._stamps(path, entry)
        if entry is not None and entry.stamps == stamps:
            return entry.result
        result = load_lesson(path, self.root)
        stamps = self._stamps(path, _Entry((), result))
        with self._lock:
            self._entries[path] = _Entry(stamps, result)
        return result

    def _stamps(self, path: Path, entry: _Entry | None) -> tuple:
        documents: list[Path] = []
        if entry is not None and entry.result.loaded and entry.result.loaded.lesson.document:
            documents.append(self.root / entry.result.loaded.lesson.document.file)
        return (_stamp(path), *(_stamp(d) for d in documents))


_libraries: dict[object, Library] = {}


def library(root: Path | None = None) -> Library:
    """The process-wide catalogue for ``root`` (default: the kit). Cheap: called on every rerun."""
    key: object = root if root is not None else ("env", os.environ.get("MEDIALIT_HOME"))
    found = _libraries.get(key)
    if found is None:
        found = _libraries[key] = Library(root or kit_root())
    return found


def resolve(lesson: str, root: Path | None = None) -> LoadResult | None:
    """The load result of ``lesson``, given as a file path or a lesson id (None when neither exists)."""
    path = Path(lesson)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return load_lesson(path, root)
    return library(root).result_for_id(lesson)
