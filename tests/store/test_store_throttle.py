"""Guessing throttles (teacher passwords, codes): budgets, lockouts that double, parallel sessions, the real user.

Time is given to the store (``now=``), so lockouts are followed second by second without waiting;
parallel sessions are threads released together against the same database (both backends).
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from medialit.store import Store
from medialit.store.auth import CODES, TEACHER, Policy

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ATTACKER, TEACHER_PC = "203.0.113.66", "198.51.100.7"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def together(count: int, work) -> list:  # type: ignore[no-untyped-def] - any callable of the thread's index
    """Run ``work(i)`` in ``count`` threads released at once; their results in index order."""
    barrier, results, errors = threading.Barrier(count), [None] * count, []

    def body(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def admitted_over(store: Store, policy: Policy, clients: list[str], *, seconds: int, every: float) -> list[float]:
    """Each client tries every ``every`` seconds for ``seconds``: the times of the attempts that were checked."""
    checked = []
    for step in range(int(seconds / every)):
        moment = step * every
        for client in clients:
            if store.admit(policy, client, now=at(moment)).admitted:
                checked.append(moment)
    return checked


def test_a_client_has_its_budget_then_lockouts_that_double(store: Store) -> None:
    verdicts = [store.admit(TEACHER, ATTACKER, now=T0) for _ in range(TEACHER.client_budget + 1)]
    assert all(v.admitted for v in verdicts)  # the budget, and the attempt that starts the first lockout
    refused = store.admit(TEACHER, ATTACKER, now=at(0.5))
    assert (refused.admitted, refused.by, refused.wait) == (False, "client", 0.5)
    assert store.admit(TEACHER, ATTACKER, now=at(1)).admitted  # 1 s later: one more, then 2 s
    assert not store.admit(TEACHER, ATTACKER, now=at(2.9)).admitted
    assert store.admit(TEACHER, ATTACKER, now=at(3)).admitted  # then 4 s
    assert store.admit(TEACHER, ATTACKER, now=at(3.5)).wait == 3.5
    assert TEACHER.lock_seconds(40, TEACHER.client_max_lock) == 900  # at most 15 minutes


def test_another_client_is_not_touched_by_a_lockout(store: Store) -> None:
    for _ in range(TEACHER.client_budget + 3):
        store.admit(TEACHER, ATTACKER, now=T0)
    assert not store.admit(TEACHER, ATTACKER, now=T0).admitted
    assert store.admit(TEACHER, TEACHER_PC, now=T0).admitted


def test_a_right_guess_is_given_back_but_does_not_reset_the_streak(store: Store) -> None:
    # A student who owns one real code cannot refill the budget by using it between guesses.
    guesses = 0
    for _ in range(30):
        guesses += store.admit(CODES, ATTACKER, now=T0).admitted
        if store.admit(CODES, ATTACKER, now=T0).admitted:
            store.give_back(CODES, ATTACKER)  # the real code
    assert guesses <= CODES.client_budget
    assert not store.admit(CODES, ATTACKER, now=T0).admitted


def test_a_quiet_hour_ends_a_streak(store: Store) -> None:
    for _ in range(TEACHER.client_budget + 1):
        store.admit(TEACHER, ATTACKER, now=T0)
    later = at(TEACHER.quiet + 1)
    verdicts = [store.admit(TEACHER, ATTACKER, now=later) for _ in range(TEACHER.client_budget + 1)]
    assert all(v.admitted for v in verdicts)


def test_parallel_sessions_get_the_budget_and_not_one_attempt_more(store: Store) -> None:
    # 60 sessions from one machine press "log in" in the same instant.
    verdicts = together(60, lambda i: store.admit(TEACHER, ATTACKER, now=T0))
    assert sum(v.admitted for v in verdicts) == TEACHER.client_budget + 1
    assert Counter(v.by for v in verdicts if not v.admitted) == {"client": 60 - TEACHER.client_budget - 1}
    with store.engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT scope, failures FROM throttles")).all())
    assert rows == {f"teacher:{ATTACKER}": TEACHER.client_budget + 1, "teacher:*": TEACHER.client_budget + 1}


def test_parallel_sessions_from_many_addresses_hit_the_budget_for_everyone(store: Store) -> None:
    # 40 machines, 5 sessions each, all in the same instant: every client has its budget of 5, but
    # everyone's budget runs out first; after it only each client's reserve passes.
    clients = [f"203.0.113.{i}" for i in range(40)]
    verdicts = together(200, lambda i: store.admit(TEACHER, clients[i % 40], now=T0))
    admitted = sum(v.admitted for v in verdicts)
    assert admitted == 40 * TEACHER.reserve
    assert Counter(v.by for v in verdicts if not v.admitted) == {"everyone": 200 - 40 * TEACHER.reserve}


def test_a_parallel_attack_checks_at_most_one_password_a_second_after_the_budget(store: Store) -> None:
    # 10 sessions from one machine try twice a second for two minutes (2,400 attempts).
    checked = admitted_over(store, TEACHER, [ATTACKER] * 10, seconds=120, every=0.5)
    after_budget = checked[TEACHER.client_budget:]
    assert len(after_budget) <= 120  # at most one a second...
    gaps = [b - a for a, b in zip(after_budget, after_budget[1:], strict=False)]
    assert all(gap >= 1 for gap in gaps) and gaps == sorted(gaps)  # ...and ever fewer (1 s, 2 s, 4 s...)
    print(f"one machine, 10 sessions, 2 min: {len(checked)} passwords checked of 2400 tried; gaps {gaps}")


def test_many_addresses_at_once_check_at_most_one_password_a_second_after_the_budgets(store: Store) -> None:
    # 15 machines, one session each, try every second for two minutes (1,800 attempts).
    clients = [f"203.0.113.{i}" for i in range(15)]
    checked = admitted_over(store, TEACHER, clients, seconds=120, every=1)
    budget = TEACHER.global_budget + len(clients) * TEACHER.reserve
    assert len(checked) <= budget + 120
    tail = [t for t in checked if t >= 10]  # once every reserve is spent: everyone's lockouts alone
    assert len(tail) <= 110 and all(b - a >= 1 for a, b in zip(tail, tail[1:], strict=False))
    print(f"15 machines, 2 min: {len(checked)} passwords checked of 1800 tried ({len(tail)} after 10 s)")


def test_the_teacher_at_her_own_computer_gets_in_during_an_attack_from_everywhere(store: Store) -> None:
    clients = [f"203.0.113.{i}" for i in range(15)]
    admitted_over(store, TEACHER, clients, seconds=30, every=1)
    crowd = store.admit(TEACHER, clients[0], now=at(30))
    assert not crowd.admitted
    mine = store.admit(TEACHER, TEACHER_PC, now=at(30))
    assert mine.admitted  # her own computer has its reserve: the attack elsewhere does not lock her out
    store.give_back(TEACHER, TEACHER_PC)


@pytest.mark.parametrize("policy", [TEACHER, CODES], ids=lambda p: p.name)
def test_lockouts_are_logged(store: Store, policy: Policy, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="medialit.auth")
    for _ in range(policy.client_budget + 2):
        store.admit(policy, ATTACKER, now=T0)
    messages = [r.getMessage() for r in caplog.records if r.name == "medialit.auth"]
    assert f"{policy.name}: {ATTACKER} locked out for 1 s after {policy.client_budget + 1} attempts" in messages
    assert any(m.startswith(f"{policy.name}: refused an attempt from {ATTACKER}") for m in messages)


def test_the_throttle_holds_across_two_stores_on_one_database(open_store) -> None:  # type: ignore[no-untyped-def]
    # Two replicas: the rows are in the database, not in a process.
    first, second = open_store(), open_store()
    for i in range(TEACHER.client_budget + 1):
        (first if i % 2 else second).admit(TEACHER, ATTACKER, now=T0)
    assert not first.admit(TEACHER, ATTACKER, now=T0).admitted
    assert not second.admit(TEACHER, ATTACKER, now=T0).admitted
