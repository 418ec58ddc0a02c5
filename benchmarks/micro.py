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
from medialit.classroom.data import ClassData
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.paths import kit_root
from medialit.store.answer_feed import FRAME_COLUMNS


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


def class_tables(lessons: list[LoadedLesson], frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The learners and progress frames of the class in ``frame`` (shaped like the store's)."""
    t0 = datetime(2026, 3, 2, 8, 55, tzinfo=UTC)
    ids = sorted(frame["learner_id"].unique())
    learners = pd.DataFrame({"learner_id": ids, "pseudonym": [f"S{i}" for i in ids], "code": [f"C{i}" for i in ids],
                             "joined_at": t0, "last_seen_at": t0})
    progress = pd.DataFrame([{"learner_id": i, "lesson_id": loaded.lesson.id,
                              "current_index": len(loaded.lesson.questions) - 1, "updated_at": t0, "finished_at": t0}
                             for i in ids for loaded in lessons])
    return learners, progress


def dashboard(lessons: list[LoadedLesson], students: int = 1000, repeat: int = 3) -> dict:
    """One refresh of the teacher's dashboard for a class of ``students`` over ``lessons``: the analyses
    ``medialit.ui.teacher.dashboard.draw`` runs (roster, one lesson's items and options, one heatmap,
    skills, impressions, discernment) on a ``ClassData`` built from a synthetic answers frame. The
    database read is not included. Also timed: every analysis at once (``all_analyses_s``)."""
    frame = class_frame(lessons, students)
    questions = analytics.question_frame([loaded.lesson for loaded in lessons])
    options = analytics.option_frame([loaded.lesson for loaded in lessons])
    learners, progress = class_tables(lessons, frame)
    shown = next(loaded for loaded in lessons if any(q.type == "highlight" for q in loaded.lesson.questions))
    heat_q = next(q.id for q in shown.lesson.questions if q.type == "highlight")

    def refresh() -> None:
        data = ClassData(klass=None, lang="fr", lessons=tuple(lessons), missing=(),  # type: ignore[arg-type]
                         answers=frame, learners=learners, progress=progress, questions=questions, options=options)
        analytics.roster(data.answers, data.questions, data.learners, data.progress)
        analytics.lesson_items(data.marks, data.questions, shown.lesson.id)
        analytics.option_distribution(data.marks, data.options[data.options["lesson_id"] == shown.lesson.id])
        analytics.heat_counts(data.marks, shown.lesson.id, heat_q, len(shown.text))
        analytics.skill_profile(data.marks, data.questions)
        analytics.impression_means(analytics.impressions(data.marks, data.questions))
        analytics.discernment(data.marks, data.questions)
        analytics.class_discernment(data.marks, data.questions)

    marks = analytics.latest(frame)
    steps: dict[str, Callable[[], object]] = {
        "latest": lambda: analytics.latest(frame),
        "roster": lambda: analytics.roster(frame, questions, learners, progress),
        "lesson_items (one lesson)": lambda: analytics.lesson_items(marks, questions, shown.lesson.id),
        "option_distribution (one lesson)": lambda: analytics.option_distribution(
            marks, options[options["lesson_id"] == shown.lesson.id]),
        "heat_counts (one question)": partial(analytics.heat_counts, marks, shown.lesson.id, heat_q, len(shown.text)),
        "skill_profile": lambda: analytics.skill_profile(marks, questions),
        "impressions + means": lambda: analytics.impression_means(analytics.impressions(marks, questions)),
        "discernment": lambda: analytics.discernment(marks, questions),
        "class_discernment": lambda: analytics.class_discernment(marks, questions),
        "latest(marks) (what each analysis redoes)": lambda: analytics.latest(marks),
    }
    step_ms = {name: round(_median_seconds(work, repeat) * 1000, 1) for name, work in steps.items()}

    def everything() -> None:
        analytics.item_analysis(marks, questions)
        analytics.common_misconceptions(analytics.option_distribution(marks, options))
        analytics.student_skills(marks, questions)
        for loaded in lessons:
            for q in loaded.lesson.questions:
                if q.type == "highlight":
                    analytics.heat_counts(marks, loaded.lesson.id, q.id, len(loaded.text))

    return {"students": students, "lessons": len(lessons), "answers": len(frame),
            "seconds": round(_median_seconds(refresh, repeat), 3), "steps_ms": step_ms,
            "all_analyses_s": round(_median_seconds(everything, repeat), 3),
            "shown": {"lesson": shown.lesson.id, "heatmap_question": heat_q}}


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
