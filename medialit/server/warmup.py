"""What a fresh process does before it answers its health check: the work the first students would wait for.

Measured on a 2-core machine: the first burst of 30 page loads on a process just started took
18 s, because 30 script threads imported the app's modules, read the lesson files and migrated the
database all at once. :func:`warm` does that once, in order, before the server accepts anyone:
the app's modules, both string catalogues, every lesson file, the database (opened and migrated),
the scoring's word lists, and the compressed front-end files (see :mod:`medialit.server.assets`).
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable

log = logging.getLogger("medialit.server")

# The page modules app.py reaches (imported here, not by 30 script threads under the import lock).
APP_MODULES = (
    "medialit.ui.views.student",
    "medialit.ui.teacher",
    "medialit.classroom.data",
    "medialit.analytics",
    "pandas",
)


def _modules() -> str:
    for name in APP_MODULES:
        importlib.import_module(name)
    return f"{len(APP_MODULES)} packages"


def _catalogues() -> str:
    from medialit.i18n import LANGS, keys

    return ", ".join(f"{lang} {len(keys(lang))} strings" for lang in LANGS)


def _library() -> str:
    from medialit.format.library import library

    results = library().results()
    return f"{sum(r.loaded is not None for r in results)} of {len(results)} lesson files"


def _database() -> str:
    from medialit.store import get_store

    return repr(get_store())


def _scoring() -> str:
    """Score each question's ideal answer once: the lemma tables and lexicons load now, not at a first Submit."""
    from medialit.format.library import library

    scored = 0
    for loaded in library().lessons():
        for question in loaded.lesson.questions:
            context = loaded.context(question, loaded.lesson.language)
            question.score(question.ideal_answer(context), context)
            scored += 1
    return f"{scored} ideal answers"


STEPS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("modules", _modules),
    ("catalogues", _catalogues),
    ("lessons", _library),
    ("database", _database),
    ("scoring", _scoring),
)


def warm(extra: tuple[tuple[str, Callable[[], str]], ...] = ()) -> dict[str, float]:
    """Run every step (and ``extra``); seconds per step. A failing step is logged, never fatal: the
    app then does that work on the first request, as it always could."""
    took = {}
    for name, step in (*STEPS, *extra):
        started = time.perf_counter()
        try:
            what = step()
        except Exception:  # noqa: BLE001 - warming is an optimisation; the app still serves
            log.exception("warm-up step %r failed (the first requests will do it)", name)
            what = "failed"
        took[name] = round(time.perf_counter() - started, 3)
        log.info("warm-up: %s in %.2f s (%s)", name, took[name], what)
    steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in took.items())
    print(f"medialit: warmed up in {sum(took.values()):.1f} s ({steps})", file=sys.stderr, flush=True)
    return took
