"""Compressed front-end files (``medialit.server.assets``): each compressed once, the right encoding,
the file's exact bytes once decompressed, the best copy kept for the next start, nothing outside the index."""

from __future__ import annotations

import asyncio
import gzip
import threading
from pathlib import Path
from typing import Any

import brotli
import pytest

from medialit.server import assets as assets_module
from medialit.server.assets import AssetCache, CompressedAssets, accepted

SCRIPT = ("const answer = 42; // a front-end file\n" * 400).encode()


@pytest.fixture
def static(tmp_path: Path) -> Path:
    root = tmp_path / "static-root"
    (root / "static" / "js").mkdir(parents=True)
    (root / "static" / "js" / "index.abc123.js").write_bytes(SCRIPT)
    (root / "static" / "media").mkdir()
    (root / "static" / "media" / "font.woff2").write_bytes(b"\x00" * 5000)
    (root / "index.html").write_text('<script src="./static/js/index.abc123.js"></script>' + " " * 600)
    return root


def scope(path: str, encoding: str = "gzip, deflate, br", method: str = "GET", **extra: bytes) -> dict[str, Any]:
    headers = [(b"accept-encoding", encoding.encode())] + [(k.replace("_", "-").encode(), v) for k, v in extra.items()]
    return {"type": "http", "method": method, "path": path, "headers": headers}


def call(middleware: CompressedAssets, request: dict[str, Any]) -> tuple[int, dict[bytes, bytes], bytes, bool]:
    """(status, headers, body, whether the request reached Streamlit)."""
    sent: list[dict] = []
    reached = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"from streamlit"})

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request"}

    middleware.app = app
    asyncio.run(middleware(request, receive, send))
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body, bool(reached)


def test_the_best_encoding_the_browser_accepts():
    assert accepted(scope("/", "gzip, deflate, br, zstd")) == "br"
    assert accepted(scope("/", "gzip, deflate")) == "gzip"
    assert accepted(scope("/", "br;q=0, gzip")) == "gzip"
    assert accepted(scope("/", "identity")) is None
    assert accepted({"headers": []}) is None


def test_a_script_comes_compressed_and_decompresses_to_the_file(static: Path):
    middleware = CompressedAssets(None, AssetCache(static, upgrade=False))
    status, headers, body, reached = call(middleware, scope("/static/js/index.abc123.js"))
    assert (status, headers[b"content-encoding"], reached) == (200, b"br", False)
    assert brotli.decompress(body) == SCRIPT and len(body) < len(SCRIPT) / 10
    assert b"immutable" in headers[b"cache-control"] and headers[b"vary"] == b"Accept-Encoding"
    assert headers[b"content-type"].startswith(b"text/javascript") or b"javascript" in headers[b"content-type"]
    status, headers, body, _ = call(middleware, scope("/static/js/index.abc123.js", "gzip"))
    assert headers[b"content-encoding"] == b"gzip" and gzip.decompress(body) == SCRIPT
    status, headers, body, _ = call(middleware, scope("/static/js/index.abc123.js", "gzip", method="HEAD"))
    assert status == 200 and body == b"" and int(headers[b"content-length"]) > 0


def test_the_page_itself_is_compressed_but_never_cached_as_immutable(static: Path):
    middleware = CompressedAssets(None, AssetCache(static, upgrade=False))
    status, headers, body, _ = call(middleware, scope("/"))
    assert headers[b"cache-control"] == b"no-cache" and brotli.decompress(body).startswith(b"<script")


@pytest.mark.parametrize("request_", [
    scope("/static/media/font.woff2"),  # already compressed
    scope("/static/js/index.abc123.js", "identity"),  # a client that takes no compression
    scope("/static/js/index.abc123.js", range=b"bytes=0-10"),  # a range request
    scope("/static/js/../../secret.js"),  # never joined from the request
    scope("/static/js/unknown.js"),  # not in the index
    scope("/_stcore/health"),
    {"type": "websocket", "path": "/_stcore/stream", "headers": []},
])
def test_anything_else_goes_to_streamlit_unchanged(static: Path, request_: dict):
    middleware = CompressedAssets(None, AssetCache(static, upgrade=False))
    if request_["type"] == "websocket":
        reached = []

        async def app(scope: Any, receive: Any, send: Any) -> None:
            reached.append(scope)

        middleware.app = app
        asyncio.run(middleware(request_, None, None))
        assert reached == [request_]
        return
    assert call(middleware, request_)[3]


def test_a_burst_of_first_requests_compresses_each_file_once(static: Path, monkeypatch: pytest.MonkeyPatch):
    calls = []
    real = assets_module._quick

    def counted(data: bytes, encoding: str) -> bytes:
        calls.append(encoding)
        return real(data, encoding)

    monkeypatch.setattr(assets_module, "_quick", counted)
    cache = AssetCache(static, upgrade=False)
    threads = [threading.Thread(target=cache.get, args=("static/js/index.abc123.js", "br")) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["br"]


def test_the_best_copy_is_kept_for_the_next_start(static: Path, tmp_path: Path):
    disk = tmp_path / "cache"
    first = AssetCache(static, disk)
    quick = first.get("static/js/index.abc123.js", "br")
    first._upgrader.shutdown(wait=True)  # type: ignore[union-attr]
    kept = disk / "static" / "js" / "index.abc123.js.br"
    assert kept.is_file() and brotli.decompress(kept.read_bytes()) == SCRIPT
    assert quick is not None and len(kept.read_bytes()) <= len(quick.body)
    second = AssetCache(static, disk, upgrade=False)
    assert second.load_known() == 1
    assert second.get("static/js/index.abc123.js", "br").body == kept.read_bytes()  # type: ignore[union-attr]


def test_the_entry_files_are_what_index_html_loads(static: Path):
    assert AssetCache(static, upgrade=False).entry_files() == ["static/js/index.abc123.js"]
