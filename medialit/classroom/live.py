"""The live class: one copy of each watched class session per process, brought up to date cheaply.

The dashboard asks for its class every 3 seconds, from every teacher tab. :func:`class_snapshot`
answers with a :class:`~medialit.classroom.data.ClassData` that is **the same object** as long as
nothing the dashboard shows has changed (so the analyses it memoises are not computed again), and
otherwise a new one built from the copy, updated with what changed only:

1. the class's :func:`~medialit.store.class_feed.class_signature` (a few aggregates answered from
   indexes) says whether anything may have changed;
2. if so, only the new answers are read (ids above the largest seen), the grades of the class's
   graded answers, and the learners or progress when theirs changed; the copy's count of answers is
   checked against the database's (a late commit with a smaller id, or answers deleted, are found
   by comparing ids);
3. a part whose rows turn out identical (a grade given in another class moves the global part of
   the signature) leaves the snapshot as it was.

The copy is keyed by store URL and class session id, so two databases in one process never mix.
At most :data:`MAX_CLASSES` classes are kept (the least recently asked for is dropped, and any not
asked for in :data:`IDLE_SECONDS`); a deleted
class session is dropped when asked for; an edited lesson file (its content hash) gives a new
snapshot over the same answers. Thread-safe: each class has a lock, so two tabs refreshing at once
read the database once and share the result.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

import pandas as pd

from medialit.analytics import option_frame, question_frame
from medialit.classroom.data import ClassData, session_lessons
from medialit.format.library import Library
from medialit.store import ClassSession, Store
from medialit.store.class_feed import (
    ClassSignature,
    class_answer_ids,
    class_answers,
    class_overrides,
    class_signature,
)
from medialit.store.classroom import learners_frame, progress_frame

MAX_CLASSES = 8  # a copy of a class of 1,000 learners x 5 lessons weighs ~60-100 MB of frames; a class of 30, ~2 MB
IDLE_SECONDS = 15 * 60  # a copy nobody asked for in that time is dropped (the dashboard asks every 3 s)


@dataclass
class _Copy:
    """The raw frames of one class as last read, the signature they match, and the views built on them."""

    klass: ClassSession
    signature: ClassSignature
    answers: pd.DataFrame
    learners: pd.DataFrame
    progress: pd.DataFrame
    overrides: pd.DataFrame
    version: int = 0
    views: dict[str, ClassData] = field(default_factory=dict)  # by language
    view_keys: dict[str, tuple] = field(default_factory=dict)


@dataclass
class _Slot:
    lock: threading.Lock = field(default_factory=threading.Lock)
    copy: _Copy | None = None
    asked: float = field(default_factory=time.monotonic)


class LiveClasses:
    """Process-wide copies of the class sessions the dashboard watches (see the module's docstring)."""

    def __init__(self, max_classes: int = MAX_CLASSES, idle_seconds: float = IDLE_SECONDS) -> None:
        self.max_classes = max_classes
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._slots: OrderedDict[tuple[str, int], _Slot] = OrderedDict()

    def _slot(self, key: tuple[str, int]) -> _Slot:
        now = time.monotonic()
        with self._lock:
            slot = self._slots.get(key)
            if slot is None:
                slot = self._slots[key] = _Slot()
            slot.asked = now
            self._slots.move_to_end(key)
            while len(self._slots) > self.max_classes:
                self._slots.popitem(last=False)
            for stale in [k for k, other in self._slots.items() if now - other.asked > self.idle_seconds]:
                del self._slots[stale]
            return slot

    def forget(self, store: Store, class_session_id: int) -> None:
        """Drop the copy of a class session (deleted, or no longer watched)."""
        with self._lock:
            self._slots.pop((store.url, class_session_id), None)

    def clear(self) -> None:
        with self._lock:
            self._slots.clear()

    def __len__(self) -> int:
        return len(self._slots)

    def snapshot(self, store: Store, class_session_id: int, lang: str = "fr", kit: Library | None = None
                 ) -> ClassData | None:
        """The class session's data now (the same object as last time when nothing changed), or None."""
        klass = store.class_session(class_session_id)
        if klass is None:
            self.forget(store, class_session_id)
            return None
        slot = self._slot((store.url, class_session_id))
        with slot.lock:
            copy = slot.copy
            if copy is None or (copy.klass.created_at, copy.klass.join_code) != (klass.created_at, klass.join_code):
                copy = slot.copy = _read_all(store, klass)
            else:
                _catch_up(store, copy, class_session_id)
                copy.klass = klass
            return _view(copy, lang, kit)


def _read_all(store: Store, klass: ClassSession) -> _Copy:
    signature = class_signature(store, klass.id)  # before the rows: a change meanwhile is read next time
    return _Copy(klass=klass, signature=signature, answers=class_answers(store, klass.id),
                 learners=learners_frame(store, klass.id), progress=progress_frame(store, klass.id),
                 overrides=class_overrides(store, klass.id))


def _catch_up(store: Store, copy: _Copy, class_session_id: int) -> None:
    """Read what changed since ``copy.signature`` into ``copy`` (its version moves when a row did)."""
    now = class_signature(store, class_session_id)
    before = copy.signature
    if now == before:
        return
    changed = False
    if now.answers != before.answers:
        changed |= _new_answers(store, copy, class_session_id, now.answers[0])
    if now.overrides != before.overrides:
        overrides = class_overrides(store, class_session_id)
        if not overrides.equals(copy.overrides):
            copy.answers = with_overrides(copy.answers, overrides)
            copy.overrides = overrides
            changed = True
    if now.learners != before.learners:
        learners = learners_frame(store, class_session_id)
        if not learners.equals(copy.learners):
            copy.learners, changed = learners, True
    if now.progress != before.progress:
        progress = progress_frame(store, class_session_id)
        if not progress.equals(copy.progress):
            copy.progress, changed = progress, True
    copy.signature = now
    if changed:
        copy.version += 1


def _new_answers(store: Store, copy: _Copy, class_session_id: int, count: int) -> bool:
    """Append the answers stored since the copy was read; True when the copy changed."""
    frame = copy.answers
    top = int(frame["answer_id"].max()) if len(frame) else 0
    fresh = class_answers(store, class_session_id, after_id=top)
    parts = [frame, fresh] if len(fresh) else [frame]
    if len(frame) + len(fresh) != count:  # ids committed out of order, or answers deleted: compare ids
        stored = class_answer_ids(store, class_session_id)
        known = set(frame["answer_id"].tolist()) | set(fresh["answer_id"].tolist())
        late = sorted(stored - known)
        parts = [part[part["answer_id"].isin(stored)] for part in parts]
        if late:
            parts.append(class_answers(store, class_session_id, answer_ids=late))
    parts = [part for part in parts if len(part)]
    if len(parts) == 1 and parts[0] is frame:
        return False
    merged = pd.concat(parts, ignore_index=True) if parts else frame.iloc[0:0]
    if not _follows(parts):
        merged = merged.sort_values(["created_at", "answer_id"], kind="stable").reset_index(drop=True)
    copy.answers = merged
    return True


def _follows(parts: list[pd.DataFrame]) -> bool:
    """True when each part (each sorted by time then id) starts after the previous one ends: their
    concatenation is in order without sorting (new answers come after the others, as a rule)."""
    for before, after in zip(parts, parts[1:], strict=False):
        last, first = before.iloc[-1], after.iloc[0]
        if (first["created_at"], first["answer_id"]) <= (last["created_at"], last["answer_id"]):
            return False
    return True


def with_overrides(answers: pd.DataFrame, overrides: pd.DataFrame) -> pd.DataFrame:
    """``answers`` with the teacher's grades of ``overrides`` (one row per graded answer), and no others."""
    if not len(answers):
        return answers
    graded = overrides.set_index("answer_id").reindex(answers["answer_id"].to_numpy())  # NaN/NaT: not graded
    out = answers.copy()
    points = graded["override_earned"].astype(float).set_axis(out.index)
    out["final_earned"] = points.where(points.notna(), out["earned"]).astype(float)
    comments = graded["override_comment"].astype(object).set_axis(out.index)
    out["override_comment"] = comments.where(comments.notna(), None).astype(object)
    out["override_at"] = pd.to_datetime(graded["override_at"], utc=True).set_axis(out.index).astype(
        "datetime64[us, UTC]")
    return out


def _view(copy: _Copy, lang: str, kit: Library | None) -> ClassData:
    """The ClassData of ``copy`` in ``lang``: the one built last time unless the rows, the class or a lesson changed."""
    lessons, missing = session_lessons(copy.klass, kit)
    key = (copy.version, tuple((lo.lesson.id, lo.content_hash) for lo in lessons), tuple(missing))
    view = copy.views.get(lang)
    if view is not None and copy.view_keys.get(lang) == key:
        if view.klass != copy.klass:  # renamed, closed or reopened: same rows, new heading
            view = copy.views[lang] = replace(view, klass=copy.klass)
        return view
    models = [loaded.lesson for loaded in lessons]
    view = ClassData(klass=copy.klass, lang=lang, lessons=tuple(lessons), missing=tuple(missing),
                     answers=copy.answers, learners=copy.learners, progress=copy.progress,
                     questions=question_frame(models, lang), options=option_frame(models, lang))
    copy.views[lang], copy.view_keys[lang] = view, key
    return view


LIVE = LiveClasses()


def class_snapshot(store: Store, class_session_id: int, lang: str = "fr", kit: Library | None = None
                   ) -> ClassData | None:
    """The class session's data for the live dashboard (see :class:`LiveClasses`), or None when it is gone."""
    return LIVE.snapshot(store, class_session_id, lang, kit)
