"""Looking up a code a student gave (a resume code, a join code) through the guessing throttle.

Every lookup is admitted first (per client and for everyone: :data:`~medialit.store.auth.CODES`,
or :data:`~medialit.store.auth.SHORT_CODES` for a resume code of the old, short length):
a code that matches gives its attempt back, one that matches nothing is logged as a wrong guess,
and a refused lookup is not made at all (the page says how long to wait).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from medialit.store import get_store
from medialit.store.auth import CODES, SHORT_CODES, Policy, log_wrong_guess
from medialit.store.codes import LEARNER_CODE_LENGTH
from medialit.ui.client import client_key

T = TypeVar("T")


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """What a lookup found (None: nothing, or not looked up); ``wait``: seconds to wait when refused."""

    found: T | None
    wait: int = 0


def resume_policy(code: str) -> Policy:
    """The throttle for looking up resume code ``code`` (normalised): a short one can only be an old code."""
    return SHORT_CODES if len(code) < LEARNER_CODE_LENGTH else CODES


def look_up(find: Callable[[str], T | None], code: str, policy: Policy = CODES) -> Lookup[T]:
    """``find(code)`` if the throttle admits this client's attempt now."""
    store, who = get_store(), client_key()
    verdict = store.admit(policy, who)
    if not verdict.admitted:
        return Lookup(None, max(1, math.ceil(verdict.wait)))
    found = find(code)
    if found is None:
        log_wrong_guess(policy, who, verdict)
    else:
        store.give_back(policy, who)
    return Lookup(found)
