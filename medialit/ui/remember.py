"""Remembered browsers: the teacher's login for a school day, a student's learner for a school year.

Both live in signed HttpOnly cookies (:mod:`medialit.web.tokens`, :mod:`medialit.web.cookies`),
never in the URL: the teacher's screen is projected. A page cannot send ``Set-Cookie`` itself, so
:func:`request` queues a signed ticket in the session; the page agent (:mod:`medialit.ui.agent`,
drawn on every page) POSTs it to the cookie route and reports back, and :func:`stored` drops it.
Cookies are read with ``st.context.cookies``, which holds what the browser sent when this session
opened (a reload opens a new session).

- Teacher: ``medialit_teacher`` holds ``{sid, pw}``: a login id recorded in the store (logout
  revokes it) and a fingerprint of the password it was opened with (changing the password ends it).
- Student: ``medialit_learner`` holds the learner's resume code, so the bare address resumes.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from medialit.web.cookies import route_path, ticket
from medialit.web.tokens import sign, verify

TEACHER_COOKIE, LEARNER_COOKIE = "medialit_teacher", "medialit_learner"
TEACHER_SECONDS = 10 * 3600  # a school day
LEARNER_SECONDS = 365 * 24 * 3600  # a school year
_PENDING = "_ml_cookie_pending"  # [{"id", "url", "ticket"}]: cookies the agent still has to store
_LEARNER_SET = "_ml_learner_cookie"  # the code this session last asked the browser to remember (None: forget)


def cookie(name: str) -> str | None:
    """The value the browser sent for cookie ``name`` when this session opened (None when absent)."""
    value = st.context.cookies.get(name)  # empty without a browser (AppTest)
    return value if isinstance(value, str) and value else None


def request(name: str, value: str | None) -> None:
    """Ask the browser to store ``value`` (a signed token) in cookie ``name``, or to delete it (None).

    A newer request for the same cookie replaces an older one still waiting.
    """
    pending: list[dict[str, Any]] = [p for p in st.session_state.get(_PENDING, []) if p["name"] != name]
    pending.append({"id": secrets.token_hex(8), "name": name, "url": route_path(), "ticket": ticket(name, value)})
    st.session_state[_PENDING] = pending


def pending() -> list[dict[str, str]]:
    """The tickets the agent must POST (what it is given as data: id, url, ticket)."""
    return [{"id": p["id"], "url": p["url"], "ticket": p["ticket"]} for p in st.session_state.get(_PENDING, [])]


def stored(ticket_id: str) -> None:
    """The agent reports that the ticket ``ticket_id`` was handled: stop sending it."""
    st.session_state[_PENDING] = [p for p in st.session_state.get(_PENDING, []) if p["id"] != ticket_id]


# The teacher


def teacher_token(login_id: str, fingerprint: str, now: float | None = None) -> str:
    return sign("teacher", TEACHER_SECONDS, now=now, sid=login_id, pw=fingerprint)


def remember_teacher(fingerprint: str) -> tuple[str, datetime]:
    """A new remembered login for this browser: its id and expiry (the caller records it in the store)."""
    login_id = secrets.token_urlsafe(24)
    token = teacher_token(login_id, fingerprint)
    claims = verify(token, "teacher") or {}
    request(TEACHER_COOKIE, token)
    return login_id, datetime.fromtimestamp(int(claims.get("exp", 0)), UTC)


def teacher_login(fingerprint: str) -> str | None:
    """The login id in this browser's teacher cookie, when it is signed, unexpired, and opened with the
    current password (``fingerprint``); else None. The caller still asks the store whether it was revoked."""
    claims = verify(cookie(TEACHER_COOKIE), "teacher")
    if claims is None or not isinstance(claims.get("sid"), str) or claims.get("pw") != fingerprint:
        return None
    return claims["sid"]


def forget_teacher() -> None:
    request(TEACHER_COOKIE, None)


# The student


def remember_learner(code: str) -> None:
    """Make this browser resume ``code`` from the bare address (unless it already does)."""
    if remembered_code() == code:
        return
    st.session_state[_LEARNER_SET] = code
    request(LEARNER_COOKIE, sign("learner", LEARNER_SECONDS, code=code))


def remembered_code() -> str | None:
    """The resume code this browser remembers: what this session last asked it to, else its signed,
    unexpired cookie; None when there is none."""
    if _LEARNER_SET in st.session_state:
        return st.session_state[_LEARNER_SET]
    claims = verify(cookie(LEARNER_COOKIE), "learner")
    code = claims.get("code") if claims else None
    return code if isinstance(code, str) and code else None


def forget_learner() -> None:
    """This browser stops resuming a learner (shared computers, leaving a class)."""
    st.session_state[_LEARNER_SET] = None
    request(LEARNER_COOKIE, None)
