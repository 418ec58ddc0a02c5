"""In-process benchmarks of the engine: scoring, validation, class analytics, the X-ray.

Each function returns a dict of figures for ``results.json``. Timings are medians of repeats
where a single pass is short; everything is seeded.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pandas as pd

from benchmarks.answers import make_answer
from benchmarks.genlessons import make_kit
from medialit import analytics
from medialit.loader import LoadedLesson, load_lesson
from medialit.paths import kit_root
from medialit.store.analytics import FRAME_COLUMNS


def _median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scoring(lessons: list[LoadedLesson], seconds_per_type: float = 0.4, lang: str = "fr") -> dict:
    """Answers scored per second, per question type (the shipped questions, ideal and wrong answers)."""
    rng = random.Random(3)
    pool: dict[str, list] = defaultdict(list)
    for loaded in lessons:
        for q in loaded.lesson.questions:
            ctx = loaded.context(q, lang)
            for right in (True, False, False):
                pool[q.type].append((q, make_answer(loaded, q, lang, rng, right=right), ctx))
    out = {}
    for kind, items in sorted(pool.items()):
        for q, raw, ctx in items:  # warm-up: lazy dictionaries (lemmas, vocabularies) load once
            q.score(raw, ctx)
        done, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds_per_type:
            for q, raw, ctx in items:
                q.score(raw, ctx)
            done += len(items)
        elapsed = time.perf_counter() - started
        out[kind] = {"answers_per_s": round(done / elapsed), "questions": len(items) // 3}
    return out


def validation(n: int = 1000, seed: int = 5) -> dict:
    """Load (validate) ``n`` generated lesson files, about half of them broken; lessons per second."""
    with tempfile.TemporaryDirectory(prefix="medialit-genkit-") as tmp:
        root = Path(tmp)
        made = make_kit(root, n, seed=seed)
        started = time.perf_counter()
        results = {path: load_lesson(path, root) for path in made}
        elapsed = time.perf_counter() - started
    # A file cut short may still be a valid (shorter) lesson: YAML cannot tell, so it is not judged.
    misjudged = [f"{path.name} ({kind})" for path, kind in made.items()
                 if kind != "truncated" and results[path].ok != (kind == "valid")]
    return {
        "files": n,
        "valid": sum(kind == "valid" for kind in made.values()),
        "broken": sum(kind != "valid" for kind in made.values()),
        "seconds": round(elapsed, 3),
        "lessons_per_s": round(n / elapsed),
        "misjudged": len(misjudged),
        "truncated_still_valid": sum(kind == "truncated" and results[p].ok for p, kind in made.items()),
        "misjudged_examples": misjudged[:5],
    }


def class_frame(lessons: list[LoadedLesson], students: int, seed: int = 11, lang: str = "fr") -> pd.DataFrame:
    """A synthetic answers frame shaped like ``Store.answers_frame()``: every student answers every
    question of ``lessons`` (some twice), with scored ideal or wrong answers."""
    rng = random.Random(seed)
    pools = {}
    for loaded in lessons:
        for q in loaded.lesson.questions:
            ctx, options = loaded.context(q, lang), []
            for right in (True, False, False, False):
                raw = make_answer(loaded, q, lang, rng, right=right)
                score = q.score(raw, ctx)
                options.append((raw, score.earned, score.possible, score.needs_review))
            pools[(loaded.lesson.id, q.id)] = options
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    rows, answer_id = [], 0
    for learner in range(1, students + 1):
        for (lesson_id, question_id), options in pools.items():
            for attempt in (1, 2) if rng.random() < 0.2 else (1,):
                answer_id += 1
                raw, earned, possible, review = options[0] if attempt == 2 else rng.choice(options)
                rows.append({"answer_id": answer_id, "learner_id": learner, "pseudonym": f"S{learner}",
                             "class_session_id": 1, "lesson_id": lesson_id, "question_id": question_id,
                             "attempt": attempt, "raw": raw, "earned": earned, "possible": possible,
                             "final_earned": earned, "status": "complete", "needs_review": review,
                             "override_comment": None, "content_hash": "h",
                             "created_at": t0 + timedelta(seconds=answer_id), "override_at": None})
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    frame["override_at"] = pd.to_datetime(frame["override_at"], utc=True)
    return frame


def dashboard(lessons: list[LoadedLesson], students: int = 1000, repeat: int = 3) -> dict:
    """One refresh of the teacher's analytics for a class of ``students`` over ``lessons``, step by step."""
    frame = class_frame(lessons, students)
    questions = analytics.question_frame([loaded.lesson for loaded in lessons])
    options = analytics.option_frame([loaded.lesson for loaded in lessons])
    marks = analytics.latest(frame)
    steps: dict[str, Callable[[], object]] = {
        "latest": lambda: analytics.latest(frame),
        "roster": lambda: analytics.roster(marks, questions),
        "skill_profile": lambda: analytics.skill_profile(marks, questions),
        "student_skills": lambda: analytics.student_skills(marks, questions),
        "item_analysis": lambda: analytics.item_analysis(marks, questions),
        "option_distribution+misconceptions": lambda: analytics.common_misconceptions(
            analytics.option_distribution(marks, options)),
        "impressions": lambda: analytics.impression_means(analytics.impressions(marks, questions)),
        "class_discernment": lambda: analytics.class_discernment(marks, questions),
    }
    for loaded in lessons:
        for q in loaded.lesson.questions:
            if q.type == "highlight":
                steps[f"heat_counts:{q.id}"] = partial(analytics.heat_counts, marks, loaded.lesson.id, q.id,
                                                       len(loaded.text))
    step_ms = {name: round(_median_seconds(work, repeat) * 1000, 1) for name, work in steps.items()}
    return {"students": students, "lessons": len(lessons), "answers": len(frame),
            "seconds": round(sum(step_ms.values()) / 1000, 3), "steps_ms": step_ms,
            "note": "the sum of every analysis a dashboard refresh could show, each on the latest marks "
                    "computed once (latest included)"}


def xray_seeds(repeat: int = 3) -> dict:
    """The X-ray of each seed document, uncached: ms per document, findings, characters per second."""
    from medialit import xray

    per_doc = {}
    for path in sorted((kit_root() / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")

        def run(text: str = text) -> list:
            xray._CACHE.clear()  # measure the analysis, not the per-text cache
            return xray.xray(text, "fr")

        seconds = _median_seconds(run, repeat)
        per_doc[path.name] = {"chars": len(text), "ms": round(seconds * 1000, 1), "findings": len(run())}
    total_chars = sum(d["chars"] for d in per_doc.values())
    total_s = sum(d["ms"] for d in per_doc.values()) / 1000
    return {"documents": per_doc, "total_ms": round(total_s * 1000, 1),
            "chars_per_s": round(total_chars / total_s) if total_s else None}
