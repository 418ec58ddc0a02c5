"""Streamlit's own front-end files (``/static/...``), sent compressed, each compressed once.

A first visit downloads ~2.7 MB from Streamlit 1.67, none of it compressed: Streamlit skips its
gzip middleware for ``/static/`` on purpose, because Starlette's middleware compresses the same
bytes again on every request (a burst of first loads then costs CPU the page scripts need). These
files are content-hashed and served as immutable, so they can be compressed ONCE:

* :class:`AssetCache` keeps each compressed file in memory, per encoding (brotli, else gzip). A
  first request compresses it (brotli quality 9 or gzip 9: ~0.2 s for Streamlit's largest file,
  in a worker thread, under a per-file lock so a burst compresses once); a background thread then
  compresses it with brotli 11 (~8% smaller, ten times slower) and keeps the copies on disk, under
  the data folder, so the next start serves the best copy at once (``load_known``).
* :class:`CompressedAssets` is the ASGI middleware: a ``GET``/``HEAD`` of a known, compressible
  file under ``/static/`` from a browser that accepts ``br`` or ``gzip`` is answered from the
  cache, with the headers Streamlit gives it (type, ``immutable`` caching) plus
  ``Content-Encoding`` and ``Vary``; so is the page itself at ``/`` (``index.html``, the one page
  Streamlit does not compress, sent ``no-cache`` as Streamlit does). Anything else (range
  requests, fonts and images, unknown paths, the websocket) goes to Streamlit unchanged.

Paths are never joined from the request: a file is served only when its exact relative path is
in the index made once by walking Streamlit's static folder.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import mimetypes
import os
import re
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli

log = logging.getLogger("medialit.server")

COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".html", ".json", ".svg", ".txt", ".map", ".ttf", ".otf", ".wasm"})
ENCODINGS = ("br", "gzip")  # in order of preference
MIN_SIZE = 500  # bytes: smaller files are not worth a compressed copy
CACHE_CONTROL = "public, immutable, max-age=31536000"  # what Streamlit sends for its hashed assets
_SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+$")

Scope = dict[str, Any]


def _quick(data: bytes, encoding: str) -> bytes:
    """Good and fast (~4 MB/s for brotli 9, more for gzip): what a first request gets."""
    return brotli.compress(data, quality=9) if encoding == "br" else gzip.compress(data, 9, mtime=0)


def _best(data: bytes, encoding: str) -> bytes | None:
    """The smallest (brotli 11 is ~8% smaller, ~0.5 MB/s), made in the background; None when the quick one is it."""
    return brotli.compress(data, quality=11) if encoding == "br" else None


@dataclass(frozen=True)
class Compressed:
    """One file in one encoding, ready to send."""

    body: bytes
    encoding: str
    content_type: str
    etag: str


class AssetCache:
    """Compressed copies of the files under ``static_dir``, made on first use and kept (see module doc)."""

    def __init__(self, static_dir: Path, disk_dir: Path | None = None, *, upgrade: bool = True) -> None:
        self.static_dir = static_dir
        self.disk_dir = disk_dir
        self.files = self._index(static_dir)
        self._memory: dict[tuple[str, str], Compressed] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._upgrader = ThreadPoolExecutor(1, thread_name_prefix="medialit-compress") if upgrade else None
        self._pending: set[tuple[str, str]] = set()

    @staticmethod
    def _index(static_dir: Path) -> dict[str, Path]:
        """Relative path ("static/js/index.X.js") -> file, for every compressible file big enough."""
        found = {}
        for path in static_dir.rglob("*"):
            if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_SIZE:
                found[path.relative_to(static_dir).as_posix()] = path
        return found

    def get(self, relative: str, encoding: str) -> Compressed | None:
        """The compressed copy of ``relative`` (None when it is not a file this cache serves)."""
        known = self._memory.get((relative, encoding))
        if known is not None:
            return known
        path = self.files.get(relative)
        if path is None or encoding not in ENCODINGS:
            return None
        with self._guard:
            lock = self._locks.setdefault(relative, threading.Lock())
        with lock:  # a burst of first visits compresses each file once
            known = self._memory.get((relative, encoding))
            if known is None:
                known = self._from_disk(relative, encoding) or self._compress(relative, encoding, path)
        return known

    def _entry(self, relative: str, encoding: str, body: bytes) -> Compressed:
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        tag = hashlib.blake2b(body, digest_size=12).hexdigest()
        entry = Compressed(body, encoding, content_type, f'"{tag}-{encoding}"')
        self._memory[(relative, encoding)] = entry
        return entry

    def _disk_path(self, relative: str, encoding: str) -> Path | None:
        return None if self.disk_dir is None else self.disk_dir / f"{relative}.{encoding}"

    def _from_disk(self, relative: str, encoding: str) -> Compressed | None:
        target = self._disk_path(relative, encoding)
        if target is None or not target.is_file():
            return None
        try:
            return self._entry(relative, encoding, target.read_bytes())
        except OSError:
            return None

    def _compress(self, relative: str, encoding: str, path: Path) -> Compressed:
        entry = self._entry(relative, encoding, _quick(path.read_bytes(), encoding))
        if self._upgrader is not None and (relative, encoding) not in self._pending:
            self._pending.add((relative, encoding))
            self._upgrader.submit(self._upgrade, relative, encoding, path)
        return entry

    def _upgrade(self, relative: str, encoding: str, path: Path) -> None:
        """Compress at the best level (off the event loop: brotli and zlib release the GIL), keep it on disk."""
        try:
            body = _best(path.read_bytes(), encoding) or self._memory[(relative, encoding)].body
            self._entry(relative, encoding, body)
            target = self._disk_path(relative, encoding)
            if target is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as out:
                    out.write(body)
                os.replace(out.name, target)
        except OSError as exc:  # a read-only data folder: the copy stays in memory only
            log.warning("could not keep the compressed %s: %s", relative, exc)

    def load_known(self) -> int:
        """Load every copy kept on disk by earlier runs (the files browsers asked for); how many."""
        if self.disk_dir is None or not self.disk_dir.is_dir():
            return 0
        loaded = 0
        for relative in self.files:
            for encoding in ENCODINGS:
                loaded += self._from_disk(relative, encoding) is not None
        return loaded

    def prepare(self, relatives: Iterable[str]) -> int:
        """Compress ``relatives`` now in every encoding (the warm-up's share); how many were new."""
        made = 0
        for relative in relatives:
            for encoding in ENCODINGS:
                if (relative, encoding) not in self._memory:
                    made += self.get(relative, encoding) is not None
        return made

    def entry_files(self) -> list[str]:
        """The files ``index.html`` loads before anything else (its script and module preloads)."""
        index = self.static_dir / "index.html"
        if not index.is_file():
            return []
        refs = re.findall(r'(?:src|href)="\./(static/[^"]+)"', index.read_text(encoding="utf-8", errors="replace"))
        return [ref for ref in refs if ref in self.files]

    def close(self) -> None:
        if self._upgrader is not None:
            self._upgrader.shutdown(wait=False, cancel_futures=True)


def accepted(scope: Scope) -> str | None:
    """The best encoding of ``ENCODINGS`` the request accepts (``q=0`` refuses one), or None."""
    header = b""
    for name, value in scope.get("headers", ()):
        if name == b"accept-encoding":
            header += b"," + value
    offered = {}
    for part in header.decode("latin-1").lower().split(","):
        token, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            offered[token.strip()] = float(quality)
        except ValueError:
            offered[token.strip()] = 0.0
    return next((e for e in ENCODINGS if offered.get(e, offered.get("*", 0.0)) > 0), None)


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope.get("headers", ()) if key == name), None)


class CompressedAssets:
    """ASGI middleware: Streamlit's static files from an :class:`AssetCache` (see the module doc)."""

    def __init__(self, app: Any, cache: AssetCache, base_url: str = "") -> None:
        self.app = app
        self.cache = cache
        self.prefix = "/" + base_url.strip("/") if base_url.strip("/") else ""

    def _relative(self, scope: Scope) -> str | None:
        path: str = scope.get("path", "")
        root = scope.get("root_path", "")
        if root and path.startswith(root + "/"):
            path = path[len(root):]
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return None
            path = path[len(self.prefix):]
        if path in ("", "/"):
            return "index.html"  # the page itself (Streamlit sends it uncompressed at "/" only)
        if not path.startswith("/static/") or not _SAFE_PATH.match(path) or "/../" in path or "//" in path:
            return None
        return path[1:]

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or _header(scope, b"range"):
            await self.app(scope, receive, send)
            return
        relative = self._relative(scope)
        encoding = accepted(scope) if relative is not None and relative in self.cache.files else None
        if relative is None or encoding is None:
            await self.app(scope, receive, send)
            return
        entry = self.cache._memory.get((relative, encoding))
        if entry is None:  # compress off the event loop (a first request for this file)
            import anyio.to_thread

            entry = await anyio.to_thread.run_sync(self.cache.get, relative, encoding)
        if entry is None:
            await self.app(scope, receive, send)
            return
        await self._send(scope, send, entry, "no-cache" if relative == "index.html" else CACHE_CONTROL)

    @staticmethod
    async def _send(scope: Scope, send: Any, entry: Compressed, cache_control: str) -> None:
        fresh = _header(scope, b"if-none-match") == entry.etag.encode()
        headers = [
            (b"content-type", entry.content_type.encode()),
            (b"cache-control", cache_control.encode()),
            (b"etag", entry.etag.encode()),
            (b"vary", b"Accept-Encoding"),
        ]
        if not fresh:
            headers += [(b"content-encoding", entry.encoding.encode()),
                        (b"content-length", str(len(entry.body)).encode())]
        await send({"type": "http.response.start", "status": 304 if fresh else 200, "headers": headers})
        body = b"" if fresh or scope.get("method") == "HEAD" else entry.body
        await send({"type": "http.response.body", "body": body})
