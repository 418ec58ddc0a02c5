"""Signed, expiring tokens: what a browser may keep (in a cookie) without being able to forge it.

A token is ``<payload>.<signature>``, both base64url without padding: the payload is compact JSON
with at least ``k`` (what kind of token) and ``exp`` (Unix time after which it is refused), the
signature an HMAC-SHA256 of the payload under the server secret. :func:`verify` refuses a token
whose signature does not match (forged or altered), whose kind is not the expected one, or that
has expired; it never raises on bad input.

The secret comes from ``MEDIALIT_SECRET`` (set it, identical, on every replica of a school
server), else from ``secret.key`` in the data folder, generated once (32 random bytes, mode 0600)
on first use. It never lives in the repository. Replacing it invalidates every token: every
teacher logs in again and every remembered student browser forgets its learner (their resume
codes still work).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

from medialit.paths import data_dir

ENV_SECRET = "MEDIALIT_SECRET"
SECRET_FILE = "secret.key"
MIN_SECRET_CHARS = 16
_lock = threading.Lock()
_cached: dict[str, bytes] = {}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def server_secret() -> bytes:
    """The signing key: ``MEDIALIT_SECRET`` (at least 16 characters), else the data folder's ``secret.key``.

    Raises ValueError for a ``MEDIALIT_SECRET`` that is set but too short to be a secret.
    """
    env = os.environ.get(ENV_SECRET, "")
    if env:
        if len(env) < MIN_SECRET_CHARS:
            raise ValueError(f"{ENV_SECRET} must be at least {MIN_SECRET_CHARS} characters long")
        return hashlib.sha256(b"medialit-secret\x00" + env.encode("utf-8")).digest()
    return _file_secret(data_dir() / SECRET_FILE)


def _file_secret(path: Path) -> bytes:
    """The key stored at ``path``, created there (readable by this user only) when missing."""
    key = str(path)
    with _lock:
        if key in _cached:
            return _cached[key]
        try:
            value = _unb64(path.read_text(encoding="ascii").strip())
        except (FileNotFoundError, binascii.Error, ValueError):
            value = b""
        if len(value) < 32:
            value = secrets.token_bytes(32)
            # O_EXCL: when two processes start at once, one writes and the other reads its key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                value = _unb64(path.read_text(encoding="ascii").strip())
            else:
                with os.fdopen(fd, "w", encoding="ascii") as handle:
                    handle.write(_b64(value) + "\n")
        _cached[key] = value
        return value


def forget_secret() -> None:
    """Drop the cached key (tests that change ``MEDIALIT_DATA_DIR`` or ``MEDIALIT_SECRET``)."""
    with _lock:
        _cached.clear()


def _signature(payload: str) -> str:
    return _b64(hmac.new(server_secret(), payload.encode("ascii"), hashlib.sha256).digest())


def sign(kind: str, lifetime: float, now: float | None = None, **claims: Any) -> str:
    """A token of ``kind`` valid for ``lifetime`` seconds from ``now``, carrying ``claims`` (JSON values)."""
    body = {"k": kind, "exp": int((time.time() if now is None else now) + lifetime), **claims}
    payload = _b64(json.dumps(body, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{payload}.{_signature(payload)}"


def verify(token: object, kind: str, now: float | None = None) -> dict[str, Any] | None:
    """The claims of ``token`` when it is a well-signed, unexpired token of ``kind``; else None."""
    if not isinstance(token, str) or token.count(".") != 1 or len(token) > 4096:
        return None
    payload, signature = token.split(".")
    try:
        expected = _signature(payload)
    except UnicodeEncodeError:
        return None
    if not hmac.compare_digest(signature.encode("ascii", "replace"), expected.encode("ascii")):
        return None
    try:
        claims = json.loads(_unb64(payload))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(claims, dict) or claims.get("k") != kind:
        return None
    expires = claims.get("exp")
    if not isinstance(expires, int) or expires <= (time.time() if now is None else now):
        return None
    return claims


def expires_in(claims: dict[str, Any], now: float | None = None) -> int:
    """Whole seconds until verified ``claims`` expire (at least 0)."""
    return max(0, int(claims["exp"] - (time.time() if now is None else now)))
