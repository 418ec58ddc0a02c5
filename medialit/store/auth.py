"""Throttles against guessing (teacher passwords, resume and join codes): per client and for everyone.

Each kind of guess has a :class:`Policy` and two kinds of rows in ``throttles``: one per client
(``teacher:203.0.113.5``) and one for all clients together (``teacher:*``). They live in the
database, so they hold across tabs, restarts and replicas.

* **An attempt counts before it is checked.** :meth:`ThrottleMixin.admit` runs in one write
  transaction that locks the client's row and the everyone row, refuses the attempt if a lockout
  applies, else adds one to both counts (and starts a lockout when a count passes its budget) and
  commits: only then may the caller check the guess. Parallel sessions therefore queue on the
  rows, and the attempt after the budget is refused even if a hundred arrive in the same
  millisecond. A right guess calls :meth:`ThrottleMixin.give_back`, which takes the attempt off
  both counts again (a lockout already started stays).
* **Budget, then exponential back-off.** A client's first ``client_budget`` attempts of a streak
  are free; each one after it locks the client out for 1 s, 2 s, 4 s... up to
  ``client_max_lock``. The same for everyone with ``global_budget`` and ``global_max_lock``. So
  after the budgets, whatever the number of parallel sessions, at most one attempt per second is
  checked, and fewer and fewer.
* **The real user still gets in.** One client's lockout never touches another client, and a
  client with fewer than ``reserve`` attempts in its streak passes even while everyone is locked
  out: a teacher at her own computer gets in during an attack from elsewhere.
* A streak ends after ``quiet`` seconds without an attempt (counts start again at 0). Rows
  untouched for a day are pruned from time to time.

Every refusal and every lockout is logged on ``medialit.auth``; the callers log wrong guesses
(:func:`log_wrong_guess`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from .coltypes import utcnow
from .core import StoreCore
from .models import ThrottleRow

log = logging.getLogger("medialit.auth")

RETENTION = timedelta(days=1)
_PRUNE_EVERY = 50  # attempts (counted on the everyone row) between two prunings
_SCOPE_MAX = 200  # the column's width


@dataclass(frozen=True)
class Policy:
    """How many guesses of one kind are allowed, per client and for everyone (see the module docstring)."""

    name: str
    client_budget: int
    global_budget: int
    reserve: int
    client_max_lock: float
    global_max_lock: float
    quiet: float = 3600.0

    def lock_seconds(self, over: int, cap: float) -> float:
        """The lockout after the ``over``-th attempt beyond a budget: 1 s, 2 s, 4 s... at most ``cap``."""
        return min(2.0 ** min(over - 1, 40), cap)


# A teacher mistypes a pass phrase a few times; nobody needs 20 tries an hour from every address.
TEACHER = Policy("teacher", client_budget=5, global_budget=20, reserve=3, client_max_lock=900, global_max_lock=300)
# Resume codes of 12 characters and join codes: a class behind one address mistypes codes now and
# then, so the budgets are larger and the lockouts short; the codes' length does the rest.
CODES = Policy("codes", client_budget=20, global_budget=100, reserve=3, client_max_lock=300, global_max_lock=60)
# Resume codes of 6 characters (handed out before 12 became the rule, and still valid): too short to
# survive a year at one guess a second, so wrong guesses of that length get much longer lockouts, and
# only a client with no wrong guess in its streak passes while everyone is locked out.
SHORT_CODES = Policy("short-codes", client_budget=10, global_budget=30, reserve=1, client_max_lock=3600,
                     global_max_lock=3600)


@dataclass(frozen=True)
class Verdict:
    """May the attempt be checked? ``wait``: seconds before this client may try again when refused;
    ``attempts``: the client's attempts in its streak (this one included when admitted);
    ``by``: ``"client"`` or ``"everyone"``, the lockout that refused it."""

    admitted: bool
    wait: float = 0.0
    attempts: int = 0
    by: str = ""


def scope(policy: Policy, client: str) -> str:
    """The row of ``client`` for ``policy`` (``"*"`` is everyone)."""
    return f"{policy.name}:{client}"[:_SCOPE_MAX]


def log_wrong_guess(policy: Policy, client: str, verdict: Verdict) -> None:
    """Log a guess that was admitted and turned out wrong."""
    log.warning("%s: wrong guess from %s (%d in its current streak)", policy.name, client, verdict.attempts)


class ThrottleMixin(StoreCore):
    """Admission of guesses against the ``throttles`` rows."""

    def admit(self, policy: Policy, client: str, *, now: datetime | None = None) -> Verdict:
        """Count one attempt of ``client`` and say whether it may be checked (see the module docstring)."""
        at = now or utcnow()
        mine, everyone = scope(policy, client), scope(policy, "*")

        def work(session: Session) -> tuple[Verdict, list[str]]:
            # Always the everyone row first, then the client's: one lock order, no deadlock.
            crowd, own = _row(session, everyone, at, policy), _row(session, mine, at, policy)
            refusal = _refusal(policy, own, crowd, at)
            if refusal is not None:
                return refusal, []
            events = []
            for row, budget, cap, who in ((own, policy.client_budget, policy.client_max_lock, client),
                                          (crowd, policy.global_budget, policy.global_max_lock, "everyone")):
                row.failures += 1
                row.last_at = at
                if row.failures > budget:
                    seconds = policy.lock_seconds(row.failures - budget, cap)
                    until = at + timedelta(seconds=seconds)
                    if row.locked_until is None or until > row.locked_until:
                        row.locked_until = until
                        events.append(f"{who} locked out for {seconds:.0f} s after {row.failures} attempts")
            if crowd.failures % _PRUNE_EVERY == 0:
                _prune(session, at)
            return Verdict(True, attempts=own.failures), events

        verdict, events = self._write(work, integrity_retries=3)
        for event in events:
            log.warning("%s: %s", policy.name, event)
        if not verdict.admitted:
            log.info("%s: refused an attempt from %s (%s locked out for %.0f s more)", policy.name, client,
                     "this client" if verdict.by == "client" else "everyone", verdict.wait)
        return verdict

    def give_back(self, policy: Policy, client: str) -> None:
        """Take a right guess (admitted just before) off the counts: only wrong guesses use the budgets."""

        def work(session: Session) -> None:
            for name in (scope(policy, "*"), scope(policy, client)):
                row = session.get(ThrottleRow, name, with_for_update=True)
                if row is not None and row.failures > 0:
                    row.failures -= 1

        self._write(work)


def _row(session: Session, name: str, at: datetime, policy: Policy) -> ThrottleRow:
    """The row ``name``, locked for this transaction (created when new), its streak reset when quiet."""
    row = session.get(ThrottleRow, name, with_for_update=True)
    if row is None:  # two creators race on PostgreSQL: the loser's IntegrityError retries the transaction
        row = ThrottleRow(scope=name, failures=0, last_at=at, locked_until=None)
        session.add(row)
        session.flush()
    locked = row.locked_until is not None and row.locked_until > at
    if not locked and row.last_at < at - timedelta(seconds=policy.quiet):
        row.failures, row.locked_until = 0, None
    return row


def _refusal(policy: Policy, own: ThrottleRow, crowd: ThrottleRow, at: datetime) -> Verdict | None:
    """Why this attempt may not be checked now, or None."""
    if own.locked_until is not None and own.locked_until > at:
        return Verdict(False, (own.locked_until - at).total_seconds(), own.failures, "client")
    if crowd.locked_until is not None and crowd.locked_until > at and own.failures >= policy.reserve:
        return Verdict(False, (crowd.locked_until - at).total_seconds(), own.failures, "everyone")
    return None


def _prune(session: Session, at: datetime) -> None:
    """Forget rows untouched for a day (and not locked): their streaks are over anyway."""
    session.execute(
        delete(ThrottleRow).where(
            ThrottleRow.last_at < at - RETENTION,
            or_(ThrottleRow.locked_until.is_(None), ThrottleRow.locked_until < at),
        ),
        execution_options={"synchronize_session": False},
    )
