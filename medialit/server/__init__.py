"""The server around the app: compressed front-end files and a warm-up before the first student.

``serve.py`` (what ``make run``, ``deploy/run-replicas.sh`` and the systemd unit start with
``streamlit run serve.py``) builds Streamlit's ASGI app for the router ``app.py`` with
:func:`middleware` and :func:`lifespan`::

    app = st.App("app.py", middleware=middleware(), lifespan=lifespan)

``streamlit run`` finds that ``app`` and serves it with uvicorn, with the same options and
``.streamlit/config.toml`` as a plain ``streamlit run app.py``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import streamlit
from starlette.middleware import Middleware
from streamlit import config as st_config
from streamlit import file_util

from medialit.paths import data_dir
from medialit.server.assets import AssetCache, CompressedAssets
from medialit.server.warmup import warm

log = logging.getLogger("medialit.server")

_assets: AssetCache | None = None


def asset_cache() -> AssetCache:
    """The process's compressed copies of Streamlit's front-end files (kept under ``<data>/cache``)."""
    global _assets
    if _assets is None:
        disk = data_dir() / "cache" / f"streamlit-{streamlit.__version__}"
        _assets = AssetCache(Path(file_util.get_static_dir()), disk)
    return _assets


def middleware() -> list[Middleware]:
    """What wraps Streamlit's own server: compressed static files (:mod:`medialit.server.assets`)."""
    base_url = str(st_config.get_option("server.baseUrlPath") or "")
    return [Middleware(CompressedAssets, cache=asset_cache(), base_url=base_url)]


def _front_end() -> str:
    cache = asset_cache()
    known = cache.load_known()
    made = cache.prepare(cache.entry_files())
    return f"{known} kept copies loaded, {made} compressed now"


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Warm up (:func:`medialit.server.warmup.warm`) before uvicorn accepts the first connection.

    The listening socket is open, so a health check made meanwhile waits instead of failing: a
    proxy (HAProxy's ``check``) sends no student to this process until it is warm.
    """
    warm(extra=(("front-end files", _front_end),))
    yield
    asset_cache().close()
