"""What a first visit downloads: every response of a page load in real Chromium, as transferred.

Chrome DevTools' ``Network.loadingFinished.encodedDataLength`` is the bytes a response took on
the wire (headers and the body as sent, compressed or not); :func:`first_visit` adds them up for
a fresh browser context (an empty cache: a student's first visit) until the app's first run is
over. Used by ``make bench`` (:func:`measure`) and by the browser test that holds the target.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class Response:
    url: str
    bytes: int
    encoding: str  # the Content-Encoding it came with ("" for none)
    content_type: str


@dataclass
class Visit:
    """A first visit: every response, and the total on the wire."""

    url: str
    responses: list[Response] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total_bytes(self) -> int:
        return sum(r.bytes for r in self.responses)

    def largest(self, n: int = 10) -> list[Response]:
        return sorted(self.responses, key=lambda r: -r.bytes)[:n]

    def to_dict(self) -> dict:
        return {"url": self.url, "total_bytes": self.total_bytes, "requests": len(self.responses),
                "seconds": round(self.seconds, 2), "largest": [asdict(r) for r in self.largest()]}


def first_visit(page: Any, url: str, settle_ms: int = 1500, timeout_ms: int = 30_000) -> Visit:
    """Open ``url`` on ``page`` (a fresh Playwright page) and count what came over the network.

    Waits for the app's first run to finish, then ``settle_ms`` more for late chunks and fonts.
    """
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    seen: dict[str, dict[str, str]] = {}
    sizes: dict[str, int] = {}

    def received(event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        seen[event["requestId"]] = {"url": event["response"]["url"], "encoding": headers.get("content-encoding", ""),
                                    "type": headers.get("content-type", "")}

    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    started = time.perf_counter()
    page.goto(url, timeout=timeout_ms)
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.wait_for_selector(APP_IDLE, timeout=timeout_ms)
    page.wait_for_timeout(settle_ms)
    visit = Visit(url=url, seconds=time.perf_counter() - started)
    for request_id, size in sizes.items():
        info = seen.get(request_id, {"url": "?", "encoding": "", "type": ""})
        visit.responses.append(Response(info["url"], int(size), info["encoding"], info["type"]))
    cdp.detach()
    return visit


def gzip_only(visit: Visit) -> int:
    """The same visit's weight for a browser that accepts gzip but not brotli.

    Chromium offers brotli only to secure origins (HTTPS, localhost): a school's plain
    ``http://server:8501`` gets gzip. Each brotli response is fetched again accepting gzip only;
    its headers are counted as they came.
    """
    import urllib.request

    total = 0
    for response in visit.responses:
        if response.encoding != "br":
            total += response.bytes
            continue
        request = urllib.request.Request(response.url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read()
        headers = sum(len(k) + len(v) + 4 for k, v in answer.headers.items()) + 20
        total += len(body) + headers
    return total


def measure(urls: dict[str, str]) -> dict[str, dict]:
    """``{name: url}`` -> ``{name: first visit}``, each in a fresh context of one headless Chromium."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name, url in urls.items():
                context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="fr-FR")
                try:
                    visit = first_visit(context.new_page(), url)
                    out[name] = {**visit.to_dict(), "gzip_only_bytes": gzip_only(visit)}
                finally:
                    context.close()
        finally:
            browser.close()
    return out
