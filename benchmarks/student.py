"""A simulated student walking a lesson of the real app through :class:`~benchmarks.wsclient.AppClient`.

The walk: open ``?lesson=<id>`` (the first load), then for each question think, fill in the
answer (text areas and highlight marks are an edit of their own, like a browser's blur or a
mouse selection), think, click Submit, check the feedback banner came back, sometimes try again,
think, click Next; at the end Finish, and confirm on the summary. Every rerun's latency goes to
the :class:`Timings`; every answer whose feedback came back is counted as *submitted* (the app
writes the answer to the database before it draws the feedback).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from websockets.exceptions import ConnectionClosed

from benchmarks.answers import make_answer, widget_values
from benchmarks.wsclient import AppClient, AppError, Run
from medialit.classroom.joinlink import JOIN_PAGE, JOIN_PARAM
from medialit.format.loader import LoadedLesson
from medialit.i18n import LANGS, messages, tr
from medialit.questions import QuestionBase
from medialit.ui import keys
from medialit.ui.teacher import join as join_page

RESULT_KEYS = ("ui_result_right", "ui_result_partial", "ui_result_wrong", "ui_result_recorded")


def _prefixes(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(form.split("{", 1)[0] for lang in LANGS for name in names for form in messages(lang)[name])


RESULT_PREFIXES = _prefixes(RESULT_KEYS)
RETRYABLE_PREFIXES = _prefixes(("ui_result_partial", "ui_result_wrong"))


@dataclass
class Timings:
    """Client-side latencies, in seconds, of a whole class."""

    first_load: list[float] = field(default_factory=list)
    interaction: list[float] = field(default_factory=list)
    reruns: int = 0
    fragment_reruns: int = 0  # of those, reruns of a fragment only (the lesson's question panel)


@dataclass
class Progress:
    """What one student did: the answers whose feedback came back, and where they are."""

    code: str = ""
    index: int = 0
    pending: int | None = None  # the question a Next click in flight was moving to
    submitted: list[tuple[str, int]] = field(default_factory=list)  # (question id, attempt)
    verdicts: dict[str, str] = field(default_factory=dict)
    finished: bool = False
    error: str = ""


def result_banner(run: Run) -> str | None:
    """The feedback banner's text, or None when the run shows no result."""
    return next((body for body in run.alerts() if body.startswith(RESULT_PREFIXES)), None)


def position(run: Run, lang: str) -> int | None:
    """The question the page shows (0-based), from its "Question n of N" heading."""
    head = tr("ui_question_n", lang, n="\x00", total="\x00").split("\x00")[0]
    for kind, body in run.texts:
        if kind == "heading" and body.startswith(head):
            return int(body[len(head):].split()[0]) - 1
    return None


class Student:
    """One student: a seeded random walk of one lesson on one tab."""

    def __init__(self, base_url: str, loaded: LoadedLesson, *, seed: int, lang: str = "fr",
                 think: tuple[float, float] = (1.0, 3.0), p_right: float = 0.6, p_retry: float = 0.3,
                 timings: Timings | None = None, query: str = "", cache_messages: bool = True,
                 on_feedback: Callable[[Student, str, int], None] | None = None) -> None:
        self.loaded, self.lang = loaded, lang
        self.rng = random.Random(seed)
        self.think_range, self.p_right, self.p_retry = think, p_right, p_retry
        self.timings = timings or Timings()
        self.on_feedback = on_feedback
        self.progress = Progress()
        start = f"lesson={loaded.lesson.id}&lang={lang}" + (f"&{query}" if query else "")
        self.tab = AppClient(base_url, start, cache_messages=cache_messages,
                             locale="en-GB" if lang == "en" else "fr-FR")

    @property
    def lesson_id(self) -> str:
        return self.loaded.lesson.id

    async def think(self) -> None:
        low, high = self.think_range
        if high > 0:
            await asyncio.sleep(self.rng.uniform(low, high))

    async def act(self, *, click: str | None = None, values: dict | None = None, first: bool = False) -> Run:
        run = await self.tab.rerun(click=click, values=values)
        self.timings.reruns += 1
        self.timings.fragment_reruns += bool(run.fragment_ids)
        (self.timings.first_load if first else self.timings.interaction).append(run.seconds)
        self.progress.code = dict(parse_qsl(self.tab.query)).get("code", self.progress.code)
        return self.tab.check(run)

    async def join(self, class_code: str, pseudonym: str) -> None:
        """Join a class on its join page (``/join?join=CODE``), then follow the link to the lesson."""
        self.tab.navigate(JOIN_PAGE, f"{JOIN_PARAM}={class_code}&lang={self.lang}")
        await self.act(first=True)
        await self.think()
        await self.act(values={join_page.PSEUDONYM_KEY: pseudonym}, click=join_page.JOIN_KEY)
        if not self.progress.code:
            raise AppError(f"joining class {class_code} as {pseudonym!r} failed: {self.tab.last.alerts()}")
        await self.think()
        self.tab.navigate("lessons", f"code={self.progress.code}&lang={self.lang}&lesson={self.lesson_id}")
        await self.act()

    async def walk(self, questions: int | None = None, finish: bool = True, join: tuple[str, str] | None = None
                   ) -> Progress:
        """Open the lesson (directly, or by joining the class ``join`` = (class code, pseudonym)), answer
        ``questions`` questions (all by default), then finish."""
        try:
            await self.tab.connect()
            if join is None:
                await self.act(first=True)
            else:
                await self.join(*join)
            for i, q in enumerate(self.loaded.lesson.questions[: questions or None]):
                if i:
                    await self.think()
                    self.progress.pending = i  # the server may save the move before the client sees it
                    await self.act(click=keys.step(self.lesson_id, "next"))
                    self.progress.index, self.progress.pending = i, None
                await self.answer(q)
            if finish and questions is None:
                await self.finish()
        except (TimeoutError, AppError, KeyError, ValueError, OSError, ConnectionClosed) as exc:
            self.progress.error = f"{type(exc).__name__}: {exc}"
        return self.progress

    async def answer(self, q: QuestionBase) -> None:
        """Answer ``q`` (first attempt), and sometimes try again after a wrong answer."""
        right = self.rng.random() < self.p_right
        banner = await self.attempt(q, 1, right=right)
        if banner.startswith(RETRYABLE_PREFIXES) and self.rng.random() < self.p_retry:
            retry = keys.retry(self.lesson_id, q.id)
            if retry in self.tab.last.widgets:
                await self.think()
                await self.act(click=retry)
                await self.attempt(q, 2, right=True)

    async def attempt(self, q: QuestionBase, attempt: int, *, right: bool) -> str:
        raw = make_answer(self.loaded, q, self.lang, self.rng, right=right)
        inputs = widget_values(self.loaded, q, raw, attempt, self.lang)
        await self.think()
        if inputs.edit:
            await self.act(values=inputs.edit)
            await self.think()
        run = await self.act(click=keys.submit(self.lesson_id, q.id, attempt), values=inputs.submit)
        banner = result_banner(run)
        if banner is None:
            raise AppError(f"no feedback after submitting {q.id} (attempt {attempt}): {run.alerts()}")
        self.progress.submitted.append((q.id, attempt))
        self.progress.verdicts[q.id] = banner
        if self.on_feedback is not None:
            self.on_feedback(self, q.id, attempt)
        return banner

    async def finish(self) -> None:
        await self.think()
        await self.act(click=keys.finish(self.lesson_id))
        await self.act(click=keys.finish(self.lesson_id))  # the summary asks to confirm
        self.progress.finished = True

    async def close(self) -> None:
        await self.tab.close()
