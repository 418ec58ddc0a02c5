"""Signed tokens and the cookie route: what a browser may keep, and what the server refuses."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from medialit.web import cookies, tokens


@pytest.fixture(autouse=True)
def secret_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder (where the secret is generated) and no MEDIALIT_SECRET."""
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv(tokens.ENV_SECRET, raising=False)
    tokens.forget_secret()
    yield tmp_path
    tokens.forget_secret()


def test_a_signed_token_gives_back_its_claims_until_it_expires():
    token = tokens.sign("teacher", 60, sid="abc", pw="f1")
    assert tokens.verify(token, "teacher") == {"k": "teacher", "exp": pytest.approx(time.time() + 60, abs=2),
                                              "sid": "abc", "pw": "f1"}
    assert tokens.verify(token, "teacher", now=time.time() + 61) is None  # expired
    assert tokens.verify(token, "learner") is None  # another kind of token


@pytest.mark.parametrize("forge", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature altered
    lambda t: tokens._b64(json.dumps({"k": "teacher", "exp": 9999999999, "sid": "x", "pw": "f1"}).encode())
    + "." + t.split(".")[1],  # payload replaced, old signature kept
    lambda t: t.split(".")[0] + ".",  # signature removed
    lambda t: "not a token", lambda t: "", lambda t: None, lambda t: "a.b.c",
])
def test_a_forged_or_malformed_token_is_refused(forge):
    assert tokens.verify(forge(tokens.sign("teacher", 60, sid="x", pw="f1")), "teacher") is None


def test_a_token_signed_with_another_secret_is_refused(secret_in, tmp_path_factory, monkeypatch):
    token = tokens.sign("learner", 60, code="ABC234")
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path_factory.mktemp("other-server")))
    tokens.forget_secret()
    assert tokens.verify(token, "learner") is None


def test_the_secret_is_generated_once_outside_the_repository_readable_by_its_owner_only(secret_in):
    first = tokens.server_secret()
    key = secret_in / tokens.SECRET_FILE
    assert key.exists() and stat.S_IMODE(os.stat(key).st_mode) == 0o600
    tokens.forget_secret()
    assert tokens.server_secret() == first  # read back, not regenerated


def test_medialit_secret_wins_and_must_be_long_enough(monkeypatch):
    monkeypatch.setenv(tokens.ENV_SECRET, "the same secret on every replica")
    token = tokens.sign("learner", 60, code="ABC234")
    assert tokens.verify(token, "learner")["code"] == "ABC234"
    monkeypatch.setenv(tokens.ENV_SECRET, "short")
    with pytest.raises(ValueError, match="at least 16"):
        tokens.server_secret()


def body(ticket: str) -> bytes:
    return json.dumps({"ticket": ticket}).encode()


def test_the_route_sets_an_httponly_strict_cookie_for_the_values_life():
    value = tokens.sign("teacher", 36000, sid="s", pw="f")
    header = cookies.set_cookie_header(body(cookies.ticket("medialit_teacher", value)), secure=False)
    assert header is not None
    parts = header.split("; ")
    assert parts[0] == f"medialit_teacher={value}"
    assert {"Path=/", "HttpOnly", "SameSite=Strict"} <= set(parts) and "Secure" not in parts
    max_age = int(next(p for p in parts if p.startswith("Max-Age=")).split("=")[1])
    assert 35990 <= max_age <= 36000
    secure = cookies.set_cookie_header(body(cookies.ticket("medialit_teacher", value)), secure=True, path="/school")
    assert "Secure" in secure.split("; ") and "Path=/school" in secure.split("; ")


def test_the_route_clears_a_cookie_with_a_ticket_for_nothing():
    header = cookies.set_cookie_header(body(cookies.ticket("medialit_learner", None)), secure=False)
    assert header.startswith("medialit_learner=; ") and "Max-Age=0" in header


@pytest.mark.parametrize("request_body", [
    b"", b"not json", b"[]", json.dumps({"ticket": "forged.ticket"}).encode(),
    body(tokens.sign("cookie", -5, name="medialit_teacher", value=None)),  # an expired ticket
    body(tokens.sign("cookie", 60, name="session", value=None)),  # a cookie the app does not set
    body(tokens.sign("cookie", 60, name="medialit_teacher", value="forged.value")),  # a value not signed
    body(tokens.sign("cookie", 60, name="medialit_teacher", value=tokens.sign("learner", 60, code="X"))),  # kind
    b"x" * (cookies.MAX_BODY + 1),
])
def test_the_route_refuses_what_the_server_did_not_sign(request_body):
    assert cookies.set_cookie_header(request_body, secure=False) is None


def test_a_ticket_names_only_the_apps_cookies():
    with pytest.raises(ValueError, match="unknown cookie"):
        cookies.ticket("other", None)
