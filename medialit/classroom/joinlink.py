"""The address students open to join a class, and its QR code (a PNG big enough to project)."""

from __future__ import annotations

import io
import socket
from urllib.parse import urlencode, urlsplit, urlunsplit

import qrcode
from qrcode.constants import ERROR_CORRECT_M

JOIN_PAGE = "join"
JOIN_PARAM = "join"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def app_base(page_url: str | None, page_path: str = "", fallback: str = "http://localhost:8501") -> str:
    """The app's root address from the address of the page being shown (``st.context.url``).

    ``page_path`` (the current page's ``url_path``) is cut off the end, so an app served under a
    prefix (``server.baseUrlPath``) keeps its prefix. Query and fragment are dropped.
    """
    if not page_url:
        return fallback
    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path.strip("/")):
        path = path[: -len(page_path.strip("/")) - 1]
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def join_url(base: str, code: str) -> str:
    """``<base>/join?join=<CODE>``: the join page with the code filled in."""
    return f"{base.rstrip('/')}/{JOIN_PAGE}?{urlencode({JOIN_PARAM: code})}"


def is_local(base: str) -> bool:
    """True when ``base`` points at this computer only (students' devices cannot open it)."""
    return (urlsplit(base).hostname or "") in LOCAL_HOSTS


def lan_address() -> str | None:
    """This computer's address on the local network, if it has one (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: connect() on UDP only picks a route
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def with_host(base: str, host: str) -> str:
    """``base`` with its host replaced (the port and path kept)."""
    parts = urlsplit(base)
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def qr_png(url: str, box_size: int = 14) -> bytes:
    """A QR code of ``url`` as PNG bytes (black on white, a quiet zone of 2 modules)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=2)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
