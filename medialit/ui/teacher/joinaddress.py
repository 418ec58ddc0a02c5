"""The join address as the teacher's pages show it: built from the address the page was opened with."""

from __future__ import annotations

import streamlit as st

from medialit.classroom.joinlink import app_base, is_local, join_url, lan_address, with_host


def join_urls(code: str, page_path: str) -> tuple[str, str | None]:
    """The join address to show and to put in the QR code; and, when the app was opened on this very
    computer (localhost), that local address, since students' devices need the network one instead.

    ``page_path`` is the ``url_path`` of the page drawing it (cut off the page's address).
    """
    base = app_base(st.context.url, page_path)
    lan = lan_address() if is_local(base) else None
    if lan is None:
        return join_url(base, code), None
    return join_url(with_host(base, lan), code), join_url(base, code)
