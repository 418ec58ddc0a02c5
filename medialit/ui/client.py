"""The browser behind this session, as the guessing throttles count it (see :mod:`medialit.clientaddr`)."""

from __future__ import annotations

import streamlit as st

from medialit.clientaddr import client_address, trusted_proxies, uvicorn_trust


def client_key() -> str:
    """This session's client: its address (or /64), with ``X-Forwarded-For`` believed only from trusted proxies."""
    headers = st.context.headers
    forwarded = headers.get_all("X-Forwarded-For") if headers is not None else []
    reported = st.context.ip_address
    reported = reported if isinstance(reported, str) else None  # (AppTest reports a stand-in object)
    return client_address(reported, forwarded, trusted_proxies(), uvicorn_trust())
