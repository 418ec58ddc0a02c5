"""How the scorers do on the adversarial cases: each case against its expected range, by kind and split.

``python -m tests.scoring.evaluation [--split tune|heldout] [--failures]`` prints the table; the tests
assert the held-out targets of issue 11. Failures are listed for the tune split only: the held-out
split is measured, never inspected to tune rubrics or scorers.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from medialit.cases import CaseResult, read_cases, score_case
from medialit.paths import kit_root

CASES = Path(__file__).resolve().parent / "cases"
GOOD = ("good", "defensible")
GAMING = ("lazy", "keywords", "offtopic", "reversed", "loaded_rewrite", "wrong")
GOOD_AT_LEAST, GAMING_AT_MOST = 0.7, 0.4


@dataclass(frozen=True)
class Scored:
    case: dict
    result: CaseResult

    @property
    def kind(self) -> str:
        return str(self.case["kind"])

    @property
    def meets_expectation(self) -> bool:
        low, high = self.case["expect"]
        if self.kind in GAMING and self.result.pending:
            return True  # held for review, no points: the gaming answer earned nothing automatically
        return not self.result.pending and low - 1e-9 <= self.result.fraction <= high + 1e-9

    @property
    def meets_target(self) -> bool:
        """Issue 11's targets: good answers ≥ 70 % (not held); gaming ones ≤ 40 % or held with no points."""
        if self.kind in GOOD:
            return not self.result.pending and self.result.fraction >= GOOD_AT_LEAST - 1e-9
        if self.kind in GAMING:
            return self.result.pending or self.result.fraction <= GAMING_AT_MOST + 1e-9
        return self.meets_expectation


def scored(split: str | None = None) -> list[Scored]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in read_cases(path):
            if split is None or case.get("split") == split:
                found.append(Scored(case, score_case(case, kit_root())))
    return found


def by_kind(results: list[Scored]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        table[r.kind][0] += r.meets_target
        table[r.kind][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def share(results: list[Scored], kinds: tuple[str, ...], types: tuple[str, ...] = ("free_text", "highlight")) -> float:
    chosen = [r for r in results if r.kind in kinds]
    return sum(r.meets_target for r in chosen) / len(chosen) if chosen else 1.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["tune", "heldout"], default="tune")
    parser.add_argument("--failures", action="store_true", help="list the cases that miss (tune split only)")
    args = parser.parse_args()
    results = scored(args.split)
    print(f"{args.split}: {len(results)} cases; good ≥70 %: {share(results, GOOD):.0%}; "
          f"gaming ≤40 % or held: {share(results, GAMING):.0%}")
    for kind, (ok, n) in by_kind(results).items():
        print(f"  {kind:<15} {ok}/{n}")
    if args.failures and args.split == "tune":
        for r in results:
            if not r.meets_target:
                print(f"- {r.case['lesson']}/{r.case['question']} [{r.kind}] {r.result.fraction:.2f}"
                      f"{' HELD' if r.result.pending else ''} :: {str(r.case['answer'])[:150]}")


if __name__ == "__main__":
    main()
