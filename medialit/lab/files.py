"""The lesson lab's logic, without Streamlit: check edited text, save it safely, start a lesson from an upload.

- :func:`check_text` gives the validator's verdict on text as if it were the content of ``path`` (the
  documents are read from the kit), without writing anything: the same problems as ``medialit validate``.
- :func:`save_lesson` refuses a path outside ``lessons/`` and ``exercises/`` and a lesson with errors; it
  keeps the previous version in ``<folder>/.history/`` (the catalogue only lists ``<folder>/*.yaml``), then
  writes atomically (a temporary file in the same folder, then ``os.replace``), so a student never reads
  half a file and gets the new version on the next page they open (the catalogue reloads by mtime).
- :func:`read_upload` and :func:`start_lesson` take an uploaded document (.txt/.md, UTF-8, 2 MB at most)
  and start a lesson on it with :func:`medialit.scaffold.writer.scaffold`.

Refusals raise :class:`LabError`, whose ``message(lang)`` is written for the teacher.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from medialit.format.document import MAX_DOCUMENT_BYTES
from medialit.format.library import Library, library
from medialit.format.loader import LoadResult, display_name, load_lesson_bytes
from medialit.format.problems import Problem
from medialit.i18n import tr
from medialit.paths import kit_root
from medialit.scaffold.writer import ScaffoldError, scaffold

FOLDERS = ("lessons", "exercises")
SUFFIXES = (".yaml", ".yml")
UPLOAD_SUFFIXES = (".txt", ".md")
HISTORY = ".history"
_STAMP = "%Y%m%d-%H%M%S"


class LabError(ValueError):
    """Why the lab refuses something; ``message(lang)`` says it to the teacher, in French or English."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(tr(key, "en", **values))
        self.key, self.values = key, values

    def message(self, lang: str) -> str:
        return tr(self.key, lang, **self.values)


class InvalidLesson(LabError):
    """The text has errors: it is not saved. ``problems`` lists them (warnings included)."""

    def __init__(self, result: LoadResult, extra: list[Problem]) -> None:
        self.problems = [*result.problems, *extra]
        super().__init__("lab_save_refused", n=sum(p.severity == "error" for p in self.problems))


class Conflict(LabError):
    """The file changed on disk since the teacher opened it (another editor, another tab)."""

    def __init__(self, shown: str) -> None:
        super().__init__("lab_save_conflict", file=shown)


@dataclass(frozen=True)
class Saved:
    """A save: the file, its check, where the previous version went (None for a new file or no change), and
    whether anything was written (saving the very text the file holds writes nothing)."""

    path: Path
    result: LoadResult
    backup: Path | None
    changed: bool = True


# --------------------------------------------------------------------------- checking


_CACHE_SIZE = 32
_cache: OrderedDict[tuple, tuple[tuple, LoadResult]] = OrderedDict()
_lock = threading.Lock()


def check_text(yaml_text: str, path: Path | str, root: Path | None = None) -> LoadResult:
    """Validate ``yaml_text`` as the content of ``path`` without touching that file.

    Cached per (text, path, kit) while the kit's documents are unchanged: the lab calls it on every rerun.
    """
    root = (root or kit_root()).resolve()
    path = _absolute(Path(path), root)
    raw = yaml_text.encode("utf-8")
    key = (hashlib.blake2b(raw, digest_size=16).hexdigest(), str(path), str(root))
    stamps = _document_stamps(root)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == stamps:
            _cache.move_to_end(key)
            return hit[1]
    result = load_lesson_bytes(raw, path, root)
    with _lock:
        _cache[key] = (stamps, result)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def _document_stamps(root: Path) -> tuple:
    """What changes when a document of the kit is added, removed or edited (one stat per file)."""
    stamps = []
    for folder in ("seeds", "contrast"):
        base = root / folder
        if base.is_dir():
            for entry in os.scandir(base):
                info = entry.stat()
                stamps.append((entry.name, info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamps))


def id_problems(yaml_text: str, result: LoadResult, path: Path | str, root: Path | None = None) -> list[Problem]:
    """What the one-file validator cannot see: the lesson's id already used by another file of the kit."""
    root = (root or kit_root()).resolve()
    path = _absolute(Path(path), root).resolve()
    if not result.lesson_id:
        return []
    others = [r.display for r in kit_library(root).results()
              if r.lesson_id == result.lesson_id and r.path.resolve() != path]
    if not others:
        return []
    found = re.search(r"^id:", yaml_text, flags=re.MULTILINE)
    line = yaml_text.count("\n", 0, found.start()) + 1 if found else 1
    return [Problem(file=result.display, line=line, severity="error",
                    message=tr("lab_id_taken", "en", id=result.lesson_id, other=others[0]))]


def kit_library(root: Path | None = None) -> Library:
    """The app's catalogue when ``root`` is the kit (one cache per process), else one for ``root``."""
    root = (root or kit_root()).resolve()
    return library() if root == kit_root().resolve() else library(root)


def lesson_file_id(text: str) -> str | None:
    """The ``id:`` a lesson file's text declares at the top level (None when there is none)."""
    found = re.search(r"^id:\s*['\"]?([^'\"#\s]+)", text, flags=re.MULTILINE)
    return found.group(1) if found else None


# --------------------------------------------------------------------------- saving


def editable_files(root: Path | None = None) -> list[Path]:
    """The lesson and drill files the lab can open: ``lessons/*.yaml`` then ``exercises/*.yaml``."""
    root = (root or kit_root()).resolve()
    return [p for folder in FOLDERS if (root / folder).is_dir()
            for p in sorted(q for pattern in ("*.yaml", "*.yml") for q in (root / folder).glob(pattern))]


def target(path: Path | str, root: Path | None = None) -> Path:
    """``path`` as a file of the kit's ``lessons/`` or ``exercises/`` folder; raises ``LabError`` otherwise."""
    root = (root or kit_root()).resolve()
    candidate = _absolute(Path(path), root)
    shown = str(path)
    if candidate.suffix not in SUFFIXES or candidate.name.startswith("."):
        raise LabError("lab_not_lesson_file", file=shown)
    allowed = {(root / folder).resolve() for folder in FOLDERS}
    if candidate.is_symlink() or candidate.parent.resolve() not in allowed or ".." in Path(path).parts:
        raise LabError("lab_outside_folders", file=shown)
    return candidate.parent.resolve() / candidate.name


def save_lesson(path: Path | str, yaml_text: str, root: Path | None = None, *,
                expected: str | None = None) -> Saved:
    """Check, back up the previous version, then write ``yaml_text`` to ``path`` atomically.

    Raises ``LabError`` for a path outside ``lessons/``/``exercises/``, ``InvalidLesson`` when the text has
    errors (the file is left untouched), ``Conflict`` when ``expected`` (the text the teacher opened) is
    given and the file on disk no longer holds it.
    """
    root = (root or kit_root()).resolve()
    file = target(path, root)
    result = check_text(yaml_text, file, root)
    extra = id_problems(yaml_text, result, file, root)
    if not result.ok or extra:
        raise InvalidLesson(result, extra)
    old = file.read_bytes() if file.exists() else None
    data = yaml_text.encode("utf-8")
    if old == data:
        return Saved(path=file, result=result, backup=None, changed=False)
    if expected is not None and old is not None and old != expected.encode("utf-8"):
        raise Conflict(display_name(file, root))
    backup = _back_up(file) if old is not None else None
    _write_atomically(file, data)
    return Saved(path=file, result=result, backup=backup)


def history(path: Path | str, root: Path | None = None) -> list[Path]:
    """The previous versions of ``path`` kept by the lab, newest first."""
    file = target(path, root)
    folder = file.parent / HISTORY
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(file.stem) + r"\.\d{8}-\d{6}(?:-\d+)?" + re.escape(file.suffix) + "$")
    return sorted((p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name, reverse=True)


def _back_up(file: Path) -> Path:
    folder = file.parent / HISTORY
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime(_STAMP)
    backup, n = folder / f"{file.stem}.{stamp}{file.suffix}", 1
    while backup.exists():
        n += 1
        backup = folder / f"{file.stem}.{stamp}-{n}{file.suffix}"
    shutil.copy2(file, backup)
    return backup


def _write_atomically(file: Path, data: bytes) -> None:
    """Write to a temporary file beside ``file`` (a name the catalogue never lists), then swap it in."""
    before = file.stat() if file.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, before.st_mode & 0o777 if before else 0o644)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    after = file.stat()
    if before is not None and (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size):
        # Same size within the clock's resolution: move the mtime on, or the catalogue would keep the old lesson.
        os.utime(file, ns=(after.st_atime_ns, before.st_mtime_ns + 1_000_000))


def _absolute(path: Path, root: Path) -> Path:
    return path if path.is_absolute() else root / path


# --------------------------------------------------------------------------- uploads


def read_upload(name: str, data: bytes) -> str:
    """An uploaded document's text; raises ``LabError`` unless it is a .txt/.md file, UTF-8, 2 MB at most."""
    if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise LabError("lab_upload_type", name=name)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise LabError("lab_upload_too_big", name=name, size=f"{len(data) / (1024 * 1024):.1f}",
                       limit=MAX_DOCUMENT_BYTES // (1024 * 1024))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LabError("lab_upload_not_utf8", name=name, line=data[:exc.start].count(b"\n") + 1) from exc
    if not text.strip():
        raise LabError("lab_upload_empty", name=name)
    return text


def start_lesson(name: str, data: bytes, lesson_id: str | None = None, lang: str = "fr",
                 root: Path | None = None) -> Path:
    """Copy the uploaded document into ``seeds/`` and write ``lessons/<id>.yaml`` (``medialit new``)."""
    root = (root or kit_root()).resolve()
    read_upload(name, data)
    safe = re.sub(r"[^\w.\-]+", "-", Path(name).name).strip("-.") or "document.txt"
    with tempfile.TemporaryDirectory(prefix="medialit-upload-") as folder:
        document = Path(folder) / safe
        document.write_bytes(data)
        try:
            return scaffold(document, lesson_id=lesson_id or None, lang=lang, root=root)
        except ScaffoldError as exc:
            raise LabError("lab_scaffold_failed", reason=str(exc)) from exc
