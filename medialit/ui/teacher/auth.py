"""The teacher's password: where it comes from, the login form, and the guard every teacher page calls.

The password comes from ``st.secrets["teacher_password"]`` (``.streamlit/secrets.toml``) or the
environment variable ``MEDIALIT_TEACHER_PASSWORD``; with neither, the teacher area is closed and
says how to open it. A browser session is a teacher's after a successful login: the session keeps
a fingerprint of the password it logged in with (so changing the password logs everyone out) and
:func:`is_teacher` re-checks it on every run. Comparisons are constant-time (``hmac``).

A successful login is also remembered by the browser for a school day (:mod:`medialit.ui.remember`):
a signed HttpOnly cookie naming a login recorded in the store, so a reload (or a second tab, the
projected lobby) stays logged in without the password being typed again, possibly on the projector.
The cookie is checked once per browser session; it is refused when forged, expired, opened with
another password, or revoked. :func:`logout` revokes it and clears it.

Guessing is throttled in the store (:mod:`medialit.store.auth`, policy ``TEACHER``): a budget of
attempts per client and for everyone, then lockouts with exponential back-off, counted before the
password is compared, so parallel sessions gain nothing; a teacher at another computer still gets
in. The client is the browser's address (:func:`medialit.ui.client.client_key`: ``X-Forwarded-For``
only from trusted proxies). Every wrong guess, refusal and lockout is logged on ``medialit.auth``.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os

import streamlit as st
from streamlit import config as st_config

from medialit.i18n import tr
from medialit.limits import PASSWORD_MAX
from medialit.store import get_store
from medialit.store.auth import TEACHER, log_wrong_guess
from medialit.ui import remember
from medialit.ui.client import client_key

ENV_PASSWORD = "MEDIALIT_TEACHER_PASSWORD"
SECRET_NAME = "teacher_password"
PASSWORD_KEY, LOGIN_KEY, LOGOUT_KEY = "teacher-password", "teacher-login", "teacher-logout"
_AUTH = "_ml_teacher"  # session state: fingerprint of the password this session logged in with
_FAILED = "_ml_teacher_failed"  # session state: what the last attempt got (a catalogue key and its values)
_LOGIN_ID = "_ml_teacher_login"  # the remembered login this session holds (revoked at logout)
_COOKIE_CHECKED = "_ml_teacher_cookie_checked"


# (st.secrets object, its files' stamps, the environment's value) -> the password: read once per process
# and again when one of them changes (without a secrets file, st.secrets looks for one on every call).
_configured: tuple[object, tuple, str | None, str | None] | None = None


def _secret_file_stamps() -> tuple:
    stamps: list[tuple[int, int, int] | None] = []
    for path in st_config.get_option("secrets.files") or ():
        try:
            found = os.stat(path)
            stamps.append((found.st_mtime_ns, found.st_size, found.st_ino))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def configured_password() -> str | None:
    """The teacher password from the secrets file, else the environment; None when neither is set."""
    global _configured
    secrets, stamps, env = st.secrets, _secret_file_stamps(), os.environ.get(ENV_PASSWORD)
    known = _configured
    if known is not None and known[0] is secrets and known[1] == stamps and known[2] == env:
        return known[3]
    try:
        value = secrets.get(SECRET_NAME)
    except FileNotFoundError:  # no secrets.toml at all (StreamlitSecretNotFoundError)
        value = None
    value = value or env
    password = str(value) if value else None
    _configured = (secrets, stamps, env, password)
    return password


def _fingerprint(password: str) -> str:
    return hashlib.sha256(b"medialit-teacher\x00" + password.encode("utf-8")).hexdigest()


def is_teacher() -> bool:
    """True when this browser session logged in with the current password (checked on every call), or
    its browser holds a valid remembered login (checked once per session, see the module docstring)."""
    held = st.session_state.get(_AUTH)
    if not isinstance(held, str):  # a student (no password to read), unless the browser remembers a teacher
        return _from_cookie()
    password = configured_password()
    return bool(password and hmac.compare_digest(held, _fingerprint(password)))


def _from_cookie() -> bool:
    """Log this session in from the browser's teacher cookie, once per session (a student has none)."""
    if st.session_state.get(_COOKIE_CHECKED) or remember.cookie(remember.TEACHER_COOKIE) is None:
        return False
    st.session_state[_COOKIE_CHECKED] = True
    password = configured_password()
    if not password:
        return False
    fingerprint = _fingerprint(password)
    login_id = remember.teacher_login(fingerprint)
    if login_id is None or not get_store().teacher_login_valid(login_id):
        return False
    st.session_state[_AUTH], st.session_state[_LOGIN_ID] = fingerprint, login_id
    return True


def _remember_login() -> None:
    """Hand this browser a remembered login (a school day) for the password just checked."""
    password = configured_password()
    if not password:
        return
    login_id, expires_at = remember.remember_teacher(_fingerprint(password))
    get_store().open_teacher_login(login_id, expires_at)
    st.session_state[_LOGIN_ID] = login_id


def check_password(attempt: str) -> bool:
    """Admit the attempt (throttle), compare in constant time; logs the session in on success.

    Leaves in session state why a refused attempt was refused (shown by :func:`login_form`).
    """
    password = configured_password()
    if not password:
        return False
    st.session_state[_FAILED] = ("class_login_wrong", {})
    if len(attempt) > PASSWORD_MAX:  # no configured pass phrase is that long: refused unread
        return False
    store, who = get_store(), client_key()
    verdict = store.admit(TEACHER, who)
    if not verdict.admitted:
        st.session_state[_FAILED] = ("class_login_wait", {"n": max(1, math.ceil(verdict.wait))})
        return False
    if hmac.compare_digest(attempt.encode("utf-8"), password.encode("utf-8")):
        store.give_back(TEACHER, who)
        st.session_state[_AUTH] = _fingerprint(password)
        st.session_state.pop(_FAILED, None)
        return True
    log_wrong_guess(TEACHER, who, verdict)
    return False


def _on_login() -> None:
    attempt = st.session_state.get(PASSWORD_KEY) or ""
    st.session_state[PASSWORD_KEY] = ""
    if check_password(attempt):
        _remember_login()


def logout() -> None:
    """Forget this session's login, revoke the browser's remembered login and clear its cookie."""
    st.session_state.pop(_AUTH, None)
    st.session_state[_COOKIE_CHECKED] = True  # a cookie that could not be cleared is not read again
    login_id = st.session_state.pop(_LOGIN_ID, None)
    if login_id:
        get_store().revoke_teacher_login(login_id)
    remember.forget_teacher()


def login_form(lang: str) -> None:
    """The password form, or how to set a password when none is configured."""
    if not configured_password():
        st.warning(tr("class_no_password", lang))
        return
    with st.form(LOGIN_KEY, clear_on_submit=False):
        st.text_input(tr("class_password", lang), type="password", key=PASSWORD_KEY, max_chars=PASSWORD_MAX)
        st.form_submit_button(tr("class_login", lang), type="primary", key=LOGIN_KEY + "-submit", on_click=_on_login)
    failed = st.session_state.get(_FAILED)
    if failed:
        key, values = failed
        st.error(tr(key, lang, **values))


def require_teacher(lang: str, sidebar: bool = True) -> None:
    """Stop the page here unless this session is the teacher's (shows the login form instead).

    A teacher's page also gets the logout button in its sidebar (``sidebar=False``: none, the lobby).
    """
    if is_teacher():
        if sidebar:
            with st.sidebar:
                logout_button(lang)
        return
    st.info(tr("class_need_login", lang))
    login_form(lang)
    st.stop()


def logout_button(lang: str, key: str = LOGOUT_KEY) -> None:
    """"Log out": ends the login in this browser (the remembered one included)."""
    st.button(tr("class_logout", lang), key=key, on_click=logout)
