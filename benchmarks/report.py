"""The table ``make bench`` prints: each figure, its target (if any) and whether it is met."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """``figure(results) <= limit`` (or == for equality targets); None when the section did not run."""

    label: str
    section: str
    figure: Callable[[dict], float]
    limit: float | None
    unit: str
    equal_to: Callable[[dict], float] | None = None


def _panel_share(result: dict) -> float:
    """The share of a class's reruns that reran the question panel (a fragment) rather than the whole page."""
    return round(100 * result.get("fragment_reruns", 0) / max(result["reruns"], 1), 1)


def _get(*path: str | int) -> Callable[[dict], float]:
    """A figure read along ``path`` (NaN when absent: e.g. a dashboard page that never finished)."""
    def read(result: dict) -> float:
        value: Any = result
        for step in path:
            if not isinstance(value, dict) or str(step) not in value:
                return float("nan")
            value = value[str(step)]
        return float(value)
    return read


def _burst_targets(prefix: str, section: str, label: str) -> tuple[Target, ...]:
    rows: list[Target] = []
    for n in (30, 150):
        rows += [
            Target(f"{label}{n} first loads at once: minimal page median", section, _get(n, "minimal", "median_ms"),
                   None, "ms"),
            Target(f"{label}{n} first loads at once: home median", section, _get(n, "home", "median_ms"), None, "ms"),
            Target(f"{label}{n} first loads at once: lesson median", section, _get(n, "lesson", "median_ms"), None,
                   "ms"),
            Target(f"{label}{n} at once: home / minimal", section, _get(n, "home_vs_minimal"), 2, "x"),
            Target(f"{label}{n} at once: lesson / minimal", section, _get(n, "lesson_vs_minimal"), 2, "x"),
            *(Target(f"{label}{n} at once: server CPU per {page} load", section,
                     _get(n, page, "cpu_ms_per_load"), None, "ms") for page in ("minimal", "home", "lesson")),
        ]
    return tuple(rows)


def _weight_targets(section: str, label: str) -> tuple[Target, ...]:
    rows: list[Target] = []
    for page in ("home", "join", "lesson"):
        rows.append(Target(f"{label}first visit, {page} page (Chromium, on the wire)", section,
                           lambda r, p=page: round(r[p]["total_bytes"] / 1e6, 3), 1.2, "MB"))
        rows.append(Target(f"{label}first visit, {page} page, gzip only (plain HTTP)", section,
                           lambda r, p=page: round(r[p]["gzip_only_bytes"] / 1e6, 3), None, "MB"))
    return tuple(rows)


def _cold_targets(section: str, label: str) -> tuple[Target, ...]:
    return (
        Target(f"{label}restart: healthy after", section, _get("healthy_after_s"), None, "s"),
        Target(f"{label}restart: first burst of 30 (cold) median", section, _get("cold", "median"), None, "ms"),
        Target(f"{label}restart: same burst warm median", section, _get("warm", "median"), None, "ms"),
        Target(f"{label}restart: cold / warm burst", section, _get("cold_vs_warm"), 2, "x"),
    )


TARGETS: tuple[Target, ...] = (
    Target("30 students: interaction median", "classroom_30", lambda r: r["interaction_ms"]["median"], 50, "ms"),
    Target("30 students: interaction p95", "classroom_30", lambda r: r["interaction_ms"]["p95"], 250, "ms"),
    Target("30 students: interaction max", "classroom_30", lambda r: r["interaction_ms"]["max"], None, "ms"),
    Target("30 students: first load median", "classroom_30", lambda r: r["first_load_ms"]["median"], 1000, "ms"),
    Target("30 students: first load p95", "classroom_30", lambda r: r["first_load_ms"]["p95"], None, "ms"),
    Target("30 students: server CPU per rerun", "classroom_30", lambda r: r["cpu_ms_per_rerun"], None, "ms"),
    Target("30 students: reruns of the question panel alone", "classroom_30", _panel_share, None, "%"),
    Target("30 students: load generator CPU", "classroom_30", lambda r: r["client_cpu_s"], None, "s"),
    Target("30 students: memory per session", "classroom_30", lambda r: r["rss_mb_per_session"], 1, "MB"),
    Target("30 students: answers stored = submitted", "classroom_30", lambda r: r["stored"], None, "",
           equal_to=lambda r: r["submitted"]),
    Target("150 students: interaction median", "classroom_150", lambda r: r["interaction_ms"]["median"], None, "ms"),
    Target("150 students: interaction p95", "classroom_150", lambda r: r["interaction_ms"]["p95"], 1000, "ms"),
    Target("150 students: interaction max", "classroom_150", lambda r: r["interaction_ms"]["max"], None, "ms"),
    Target("150 students: first load median", "classroom_150", lambda r: r["first_load_ms"]["median"], None, "ms"),
    Target("150 students: server CPU per rerun", "classroom_150", lambda r: r["cpu_ms_per_rerun"], None, "ms"),
    Target("150 students: reruns of the question panel alone", "classroom_150", _panel_share, None, "%"),
    Target("150 students: load generator CPU", "classroom_150", lambda r: r["client_cpu_s"], None, "s"),
    Target("150 students: memory per session", "classroom_150", lambda r: r["rss_mb_per_session"], 1, "MB"),
    Target("150 students: answers stored = submitted", "classroom_150", lambda r: r["stored"], None, "",
           equal_to=lambda r: r["submitted"]),
    Target("realistic class: students (15-60 s per action)", "realistic", lambda r: r["students"], None, ""),
    Target("realistic class: interaction median", "realistic", lambda r: r["interaction_ms"]["median"], None, "ms"),
    Target("realistic class: interaction p95", "realistic", lambda r: r["interaction_ms"]["p95"], 250, "ms"),
    Target("realistic class: first load median", "realistic", lambda r: r["first_load_ms"]["median"], None, "ms"),
    Target("realistic class: server CPU (share of a core)", "realistic", lambda r: r["server_cpu_share"], None, ""),
    Target("realistic class: answers stored = submitted", "realistic", lambda r: r["stored"], None, "",
           equal_to=lambda r: r["submitted"]),
    Target("capacity: largest class at p95 <= 250 ms, nothing lost", "capacity", lambda r: r["largest_class"],
           None, "students"),
    *_burst_targets("", "first_loads", ""),
    *_burst_targets("", "baseline_first_loads", "BEFORE: "),
    Target("join burst: 30 open the join link at once, page median", "join_burst",
           lambda r: r["page_load_ms"]["median"], None, "ms"),
    Target("join burst: join click median", "join_burst", lambda r: r["join_click_ms"]["median"], None, "ms"),
    Target("join burst: join click p95", "join_burst", lambda r: r["join_click_ms"]["p95"], None, "ms"),
    Target("join burst: failed joins", "join_burst", lambda r: r["failed"], None, "", equal_to=lambda r: 0),
    *_cold_targets("cold_start", ""),
    *_cold_targets("baseline_cold_start", "BEFORE: "),
    *_weight_targets("weight", ""),
    *_weight_targets("baseline_weight", "BEFORE: "),
    Target("dashboard page, 1,000 x 5: opened (1) or not within the timeout (0)", "dashboard_page",
           lambda r: float(r["finished"]), None, ""),
    Target("dashboard page: answers / to review", "dashboard_page", lambda r: r["answers"], None, "",),
    Target("dashboard page: opens in", "dashboard_page", _get("open_s"), 2, "s"),
    Target("dashboard page: a live refresh, CPU", "dashboard_page", _get("refresh_cpu_ms_mean"), 100, "ms"),
    Target("dashboard page: a live refresh, bytes", "dashboard_page", _get("refresh_kb_median"), 50, "KB"),
    Target("dashboard page: a live refresh after 30 new answers, CPU", "dashboard_page", _get("arrived_cpu_ms_mean"),
           None, "ms"),
    Target("dashboard page: a live refresh after 30 new answers, bytes", "dashboard_page",
           _get("arrived_kb_median"), None, "KB"),
    Target("dashboard page: saving a grade, CPU", "dashboard_page", _get("grade_cpu_ms_mean"), None, "ms"),
    Target("dashboard page: saving a grade, bytes", "dashboard_page", _get("grade_kb_median"), None, "KB"),
    Target("lesson page rerun / floor (median)", "rerun_cost", lambda r: r["ratio"], 3, "x"),
    Target("lesson page rerun (exec_time median)", "rerun_cost", lambda r: r["lesson_exec_ms_median"], None, "ms"),
    Target("floor page rerun (exec_time median)", "rerun_cost", lambda r: r["floor_exec_ms_median"], None, "ms"),
    Target("worst page state / floor", "rerun_cost", lambda r: r["worst_state"]["ratio"], None, "x"),
    Target("submit rerun (exec_time median)", "rerun_cost", lambda r: r["submit_exec_ms_median"], None, "ms"),
    Target("question panel rerun, fragment (exec_time median)", "rerun_cost",
           lambda r: r.get("panel_exec_ms_median") or 0, None, "ms"),
    Target("validation of generated lessons", "validation", lambda r: r["lessons_per_s"], None, "lessons/s"),
    Target("validation misjudged files", "validation", lambda r: r["misjudged"], None, "",
           equal_to=lambda r: 0),
    Target("dashboard analyses alone (pandas, no page): 1,000 students x 5 lessons", "dashboard",
           lambda r: r["seconds"], 0.5, "s"),
    Target("every class analysis at once (info)", "dashboard", lambda r: r["all_analyses_s"], None, "s"),
    Target("X-ray: five seeds, uncached", "xray", lambda r: r["total_ms"], None, "ms"),
)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) else str(value)


def rows(results: dict) -> list[tuple[str, str, str, str]]:
    """(figure, value, target, verdict) for every target whose section ran."""
    out = []
    for target in TARGETS:
        section = results.get(target.section)
        if section is None:
            continue
        try:
            value = target.figure(section)
        except (KeyError, TypeError, ZeroDivisionError):
            continue
        if target.equal_to is not None:
            expected = target.equal_to(section)
            out.append((target.label, _fmt(value), f"= {_fmt(expected)}", "PASS" if value == expected else "FAIL"))
        elif target.limit is not None:
            out.append((target.label, f"{_fmt(value)} {target.unit}".strip(), f"<= {_fmt(target.limit)} {target.unit}",
                        "PASS" if value <= target.limit else "FAIL"))  # NaN (not measured) is a FAIL
        else:
            out.append((target.label, f"{_fmt(value)} {target.unit}".strip(), "", ""))
    for kind, figures in sorted(results.get("scoring", {}).items()):
        out.append((f"scoring: {kind}", f"{_fmt(figures['answers_per_s'])} answers/s", "", ""))
    return out


def table(results: dict) -> str:
    """The rows as a Markdown table, with the timing method and the machine's load."""
    lines = ["| figure | value | target | result |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(results)]
    rerun = results.get("rerun_cost")
    if rerun:
        lines.append(f"\nRerun timing: {rerun['timing']}; client round trips on the same idle servers: lesson "
                     f"{_fmt(rerun['lesson_rtt_ms_median'])} ms, floor {_fmt(rerun['floor_rtt_ms_median'])} ms.")
    profile = results.get("profile")
    if profile:
        shares = ", ".join(f"{group} {share:.0%}" for group, share in profile["self_time_share"].items()
                           if share >= 0.01)
        hot = [row for row in profile["app_functions_ms_per_run"] if "<module>" not in row["function"]][:10]
        how = "estimated unprofiled" if hot and "estimated_ms" in hot[0] else "profiled"
        lines.append(f"Profile of {profile['runs']} lesson reruns (cProfile; self time by package: {shares}). "
                     f"App functions, cumulative ms per rerun ({how}):")
        lines += [f"  {row['function']}: {row.get('estimated_ms', row['cumulative_ms'])} ms" for row in hot]
    sections = results.get("meta", {}).get("sections", {})
    if sections:
        loads = ", ".join(f"{name} {s['load_average_before']}→{s['load_average_after']}"
                          for name, s in sections.items())
        lines.append(f"Load average (1 min) before→after each section, {results['meta'].get('cpus')} CPUs: {loads}.")
    return "\n".join(lines)
