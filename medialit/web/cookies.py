"""The cookie route: ``POST <base>/_medialit/cookie`` stores (or clears) one of the app's cookies.

Streamlit pages talk to the browser over a websocket and cannot send ``Set-Cookie``; and a cookie a
script could write would not be HttpOnly. So a page that wants a cookie set draws a tiny component
(:mod:`medialit.ui.agent`) that POSTs a **ticket** here: a token signed by the server, valid two
minutes, naming the cookie and the (itself signed) value to store, or ``null`` to clear it. This
route checks the ticket and answers 204 with the header. Nothing travels in the URL.

Cookies are ``HttpOnly; SameSite=Strict; Path=<base>``, with ``Max-Age`` the remaining life of the
value (a school day for the teacher, a school year for a student's browser), and ``Secure`` when
the request came over HTTPS (directly or through a proxy that says so in ``X-Forwarded-Proto``).
"""

from __future__ import annotations

import json
from typing import Any

from medialit.web.tokens import expires_in, sign, verify

ROUTE = "/_medialit/cookie"
TICKET_KIND = "cookie"
TICKET_SECONDS = 120
# cookie name -> the kind of token it may hold
COOKIES = {"medialit_teacher": "teacher", "medialit_learner": "learner"}
MAX_BODY = 8192


def base_path() -> str:
    """The app's path prefix (``server.baseUrlPath``) as ``""`` or ``"/prefix"``."""
    from streamlit import config

    prefix = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}" if prefix else ""


def route_path() -> str:
    """Where the browser POSTs its tickets."""
    return base_path() + ROUTE


def ticket(name: str, value: str | None) -> str:
    """A ticket asking the route to set cookie ``name`` to ``value`` (a signed token), or to clear it."""
    if name not in COOKIES:
        raise ValueError(f"unknown cookie {name!r}")
    return sign(TICKET_KIND, TICKET_SECONDS, name=name, value=value)


def set_cookie_header(body: bytes, secure: bool, path: str = "/") -> str | None:
    """The ``Set-Cookie`` value a request body ``{"ticket": ...}`` asks for, or None when it is refused."""
    try:
        data = json.loads(body.decode("utf-8")) if len(body) <= MAX_BODY else None
    except (UnicodeDecodeError, ValueError):
        return None
    claims = verify(data.get("ticket") if isinstance(data, dict) else None, TICKET_KIND)
    if claims is None or claims.get("name") not in COOKIES:
        return None
    name, value = str(claims["name"]), claims.get("value")
    if value is None:
        return cookie_header(name, "", 0, secure, path)
    held = verify(value, COOKIES[name])
    if held is None:
        return None
    return cookie_header(name, str(value), expires_in(held), secure, path)


def cookie_header(name: str, value: str, max_age: int, secure: bool, path: str = "/") -> str:
    """A ``Set-Cookie`` value with the app's attributes (``max_age=0`` deletes the cookie)."""
    parts = [f"{name}={value}", f"Path={path or '/'}", f"Max-Age={max(0, max_age)}", "HttpOnly", "SameSite=Strict"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


async def endpoint(request: Any) -> Any:
    """The Starlette endpoint: 204 with ``Set-Cookie``, or 400 for a refused ticket."""
    from starlette.responses import Response

    body = await request.body()
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"
    header = set_cookie_header(body, secure, base_path() or "/")
    if header is None:
        return Response(status_code=400)
    return Response(status_code=204, headers={"Set-Cookie": header, "Cache-Control": "no-store"})


def routes() -> list[Any]:
    """The routes ``app.py`` mounts beside Streamlit's."""
    from starlette.routing import Route

    return [Route(route_path(), endpoint, methods=["POST"])]
