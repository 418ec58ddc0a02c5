"""The teacher login in the app: a budget of wrong passwords, then lockouts during which nothing is checked.

Issue 13: the delay slowed each guess down but not the total rate, and the right password still worked
after 250 failures. Now a locked-out client is refused before its password is even compared.
(The rates under parallel sessions: tests/store/test_store_throttle.py and tests/faults/test_server_attacks.py.)
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from apptest import log_in, new_app, open_page

from medialit.limits import PASSWORD_MAX
from medialit.store.auth import TEACHER
from medialit.store.coltypes import utcnow

PASSWORD = "une phrase de passe longue"
LOGGED_IN = "Vous êtes connecté(e) comme enseignant(e)."


@pytest.fixture
def classroom(store, monkeypatch):
    monkeypatch.setenv("MEDIALIT_TEACHER_PASSWORD", PASSWORD)
    return store


def test_wrong_passwords_use_the_budget_then_the_client_must_wait(classroom) -> None:
    said = [log_in(new_app(), f"guess {n}").error[0].value for n in range(TEACHER.client_budget + 2)]
    assert said[:TEACHER.client_budget + 1] == ["Mot de passe incorrect."] * (TEACHER.client_budget + 1)
    assert said[-1].startswith("Trop de tentatives de connexion : réessayez dans ")


def lock_out(store, client: str, seconds: int = 64) -> None:
    """Wrong guesses from ``client`` over the last minute, at the rate the throttle let them through:
    the client is now locked out for ``seconds``."""
    moment = utcnow() - timedelta(seconds=seconds - 1)
    for _ in range(TEACHER.client_budget + 1):
        assert store.admit(TEACHER, client, now=moment).admitted
    lock = 1
    while lock < seconds:
        moment += timedelta(seconds=lock)
        assert store.admit(TEACHER, client, now=moment).admitted
        lock *= 2


def test_the_right_password_is_not_even_checked_during_a_lockout(classroom) -> None:
    lock_out(classroom, "127.0.0.1")  # an attacker at this address, for a minute
    at = log_in(new_app(), PASSWORD)
    assert at.error[0].value.startswith("Trop de tentatives de connexion : réessayez dans ")
    assert LOGGED_IN not in [s.value for s in at.success]
    at = log_in(new_app(), PASSWORD)  # a new tab is the same client
    assert LOGGED_IN not in [s.value for s in at.success]


def test_the_right_password_gets_in_and_is_not_counted(classroom) -> None:
    for _ in range(TEACHER.client_budget * 3):
        at = log_in(new_app(), PASSWORD)
        assert LOGGED_IN in [s.value for s in at.success]


def test_the_password_box_is_bounded(classroom) -> None:
    at = open_page(new_app().run(), "teacher")
    box = at.text_input(key="teacher-password")
    assert box.max_chars == PASSWORD_MAX
    at = box.set_value("x" * 50_000).run()  # a hostile client: Streamlit keeps what the box may hold
    at = at.button(key="teacher-login-submit").click().run()
    assert at.error[0].value == "Mot de passe incorrect."
