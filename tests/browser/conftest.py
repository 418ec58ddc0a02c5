"""Fixtures for real-browser tests (mark them ``@pytest.mark.browser``).

- ``streamlit_factory`` (module scope): ``start(script, env=None, args=None) -> base URL``; every
  server it started is stopped when the module's tests are done. One server per module keeps the
  suite fast: start it in a module-scoped fixture of your own, e.g.::

      @pytest.fixture(scope="module")
      def app_url(streamlit_factory):
          return streamlit_factory("app.py", env={"MEDIALIT_LANG": "fr"})

  Each call gets a fresh ``MEDIALIT_DATA_DIR`` (a temporary folder), never the real database.
- ``browser`` (module scope): one headless Debian Chromium per test module (Playwright's sync API
  keeps an event loop running in the main thread while it lives; ending it with the module lets
  later tests call ``asyncio.run``). Skipped when
  ``/usr/bin/chromium`` is missing, but FAILS instead when ``CI`` is set: in CI they must run.
- ``page`` (function scope): a fresh context and page (so a fresh Streamlit session) per test;
  on failure a screenshot is saved to ``tests/artifacts/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    CHROMIUM_MISSING,
    StreamlitServer,
    in_ci,
    start_streamlit,
)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if in_ci():
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="module")
def streamlit_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """Start Streamlit scripts for this module; returns their base URLs; stops them afterwards."""
    servers: list[StreamlitServer] = []

    def start(script: str | Path, env: dict[str, str] | None = None, args: list[str] | None = None) -> str:
        _require_chromium()  # no point starting a server the tests cannot drive
        server = start_streamlit(script, data_dir=tmp_path_factory.mktemp("medialit-data"), env=env, args=args)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's, not Playwright's download) shared by a module's tests."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Remember each phase's report on the item so ``page`` can screenshot failures."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context and page (1100x900, French locale) for one test."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
        context.close()
