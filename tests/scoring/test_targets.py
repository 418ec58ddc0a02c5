"""Issue 11's targets, measured on the HELD-OUT adversarial answers (never used to tune rubrics or scorers).

≥ 85 % of good answers (free text and marked passages) score ≥ 70 % and are not held; ≥ 85 % of gaming
answers (lazy, keyword lists, off-topic, reversed meaning, loaded rewrites, wrong marks) score ≤ 40 % or
are held for the teacher with no points. ``python -m tests.scoring.evaluation --split heldout`` prints
the table the README quotes.
"""

from __future__ import annotations

import pytest

from tests.scoring.evaluation import GAMING, GOOD, Scored, scored, share

TARGET = 0.85


@pytest.fixture(scope="module")
def heldout() -> list[Scored]:
    return scored("heldout")


# Shares are computed before the assertion: a failure prints the figure, never a held-out answer.


def test_good_held_out_answers_get_at_least_70_percent(heldout: list[Scored]) -> None:
    good = share(heldout, GOOD)
    assert good >= TARGET


def test_gaming_held_out_answers_get_at_most_40_percent_or_are_held(heldout: list[Scored]) -> None:
    gaming = share(heldout, GAMING)
    assert gaming >= TARGET


@pytest.mark.parametrize("kind", ["offtopic", "reversed", "keywords", "loaded_rewrite", "lazy"])
def test_no_single_trick_pays_on_held_out_answers(heldout: list[Scored], kind: str) -> None:
    """Each trick separately is caught more often than not: a floor against a blind spot that would become a
    recipe. (Measured: reversed meaning is the weakest, about 6 in 10; the README gives every figure.)"""
    caught = share(heldout, (kind,))
    assert caught > 0.5
