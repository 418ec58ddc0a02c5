"""Summaries of latency samples: medians and tail percentiles, in milliseconds."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by the nearest-rank method; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """``{"n", "median", "p95", "max"}`` of samples given in seconds, reported in ms."""
    return {
        "n": len(seconds),
        "median": round(percentile(seconds, 50) * 1000, 1),
        "p95": round(percentile(seconds, 95) * 1000, 1),
        "max": round(max(seconds, default=math.nan) * 1000, 1),
    }
