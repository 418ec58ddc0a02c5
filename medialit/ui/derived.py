"""Per-lesson data the pages derive from a loaded lesson, computed once per lesson version.

Keyed on the lesson's ``content_hash`` (which changes whenever the file or its document does),
so an edited lesson is never served stale and an unchanged one costs a dict lookup per rerun.
Everything here is answer-key free unless its name says otherwise.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from medialit.format.loader import LoadedLesson
from medialit.format.vocab import category_name
from medialit.questions import QuestionBase

_MAX = 2048
_cache: OrderedDict[tuple, Any] = OrderedDict()
_lock = threading.Lock()


def memo(loaded: LoadedLesson, name: str, *args: Any, make: Callable[[], Any]) -> Any:
    """``make()`` cached under (lesson version, name, args); least recently used entries go first."""
    key = (loaded.content_hash, loaded.lesson.id, name, *args)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = make()
    with _lock:
        _cache[key] = value
        while len(_cache) > _MAX:
            _cache.popitem(last=False)
    return value


def question(loaded: LoadedLesson, question_id: str) -> QuestionBase:
    """The question with that id (the caller knows it exists)."""
    found = loaded.lesson.question(question_id)
    if found is None:
        raise KeyError(question_id)
    return found


def shown(loaded: LoadedLesson, question_id: str, lang: str) -> dict[str, Any]:
    """The question as the browser may see it before submission: ``answer_key_free``."""

    def make() -> dict[str, Any]:
        q = question(loaded, question_id)
        return q.answer_key_free(loaded.context(q, lang))

    return memo(loaded, "shown", question_id, lang, make=make)


def skills(loaded: LoadedLesson, lang: str) -> list[tuple[str, str]]:
    """The lesson's skills as (id, name in ``lang``), in the order of the vocabulary."""

    def make() -> list[tuple[str, str]]:
        used = loaded.lesson.skills()
        order = ("sourcing", "framing", "loaded_language")
        return [(s, category_name("skills", s, lang)) for s in sorted(used, key=lambda s: (order + (s,)).index(s))]

    return memo(loaded, "skills", lang, make=make)

