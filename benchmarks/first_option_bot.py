"""A test-taking trick, played against the real app: "always tick the first option shown".

Bots speak Streamlit's websocket protocol (``benchmarks.wsclient``), open each shipped lesson as new
learners, and on every choice question submit the first option the page shows them (for a
several-answer question, the first box only); they skip the other questions. Their scores are read
back from the database. Options are shuffled per learner, so the bot should score about what a blind
guess scores (*chance*: right options / options for one answer); the same trick on the file's order
(what a printed worksheet or a non-shuffled question shows) is given beside it.

``python -m benchmarks.first_option_bot [--bots 12]`` prints a table and writes a JSON report next to
the other benchmark results.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
from dataclasses import dataclass

from benchmarks.harness import running_server, stored_answers
from benchmarks.student import Student, result_banner
from benchmarks.wsclient import AppError
from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.paths import kit_root
from medialit.questions.choice import ChoiceQuestion
from medialit.ui import keys

RESULTS = kit_root() / "benchmarks" / "work" / "first_option_bot.json"


class FirstOptionBot(Student):
    """A student who answers choice questions by the first option shown, and skips the rest."""

    async def answer(self, q: object) -> None:
        if not isinstance(q, ChoiceQuestion):
            return
        key = keys.answer(self.lesson_id, q.id, 1)
        run = self.tab.last
        if q.is_multiple():
            boxes = [k for k in run.widgets if k.startswith(f"{key}-")]  # in the order they are drawn
            values = {boxes[0]: True}
        else:
            values = {key: list(run.widgets[key].proto.options)[0]}  # the first label shown
        done = await self.act(click=keys.submit(self.lesson_id, q.id, 1), values=values)
        if result_banner(done) is None:
            raise AppError(f"no feedback on {q.id}: {done.alerts()}")
        self.progress.submitted.append((q.id, 1))


@dataclass(frozen=True)
class Figures:
    questions: int
    bot: float
    chance: float
    file_order: float


def chance(q: ChoiceQuestion) -> float:
    """What the trick earns on average over every order: a random option (or box) is right this often."""
    right = sum(o.correct for o in q.options)
    if q.is_multiple():
        return (right / len(q.options)) * (1 / right)  # one right box ticked out of `right` expected
    return right / len(q.options)


def file_order_score(loaded: LoadedLesson, q: ChoiceQuestion) -> float:
    first = q.options[0].id
    return q.score({"selected": [first]}, loaded.context(q, loaded.lesson.language)).fraction


async def _play(base_url: str, lessons: list[LoadedLesson], bots: int) -> list[str]:
    players = [FirstOptionBot(base_url, loaded, seed=n, think=(0, 0)) for loaded in lessons for n in range(bots)]
    progress = await asyncio.gather(*(p.walk(finish=False) for p in players))
    for player in players:
        await player.close()
    return [p.error for p in progress if p.error]


def run(bots: int) -> dict[str, Figures]:
    lessons = [lo for lo in library().lessons() if lo.lesson.kind == "lesson"]
    with running_server() as server:
        errors = asyncio.run(_play(server.url, lessons, bots))
        if errors:
            raise SystemExit("bots failed: " + "; ".join(errors[:3]))
        stored = stored_answers(server)
    figures = {}
    for loaded in lessons:
        choice = [q for q in loaded.lesson.questions if isinstance(q, ChoiceQuestion)]
        possible = {q.id: q.points for q in choice}
        earned = [a.earned / possible[a.question_id] for a in stored
                  if a.lesson_id == loaded.lesson.id and a.question_id in possible]
        figures[loaded.lesson.id] = Figures(
            questions=len(choice), bot=statistics.fmean(earned) if earned else 0.0,
            chance=statistics.fmean(chance(q) for q in choice),
            file_order=statistics.fmean(file_order_score(loaded, q) for q in choice))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bots", type=int, default=12, help="learners per lesson (default 12)")
    args = parser.parse_args()
    figures = run(args.bots)
    print(f"{'lesson':<42} {'choice q':>8} {'bot':>6} {'chance':>7} {'file order':>10}")
    for lesson_id, f in figures.items():
        print(f"{lesson_id:<42} {f.questions:>8} {f.bot:>6.0%} {f.chance:>7.0%} {f.file_order:>10.0%}")
    every = list(figures.values())
    bot = statistics.fmean(f.bot for f in every)
    print(f"{'all lessons':<42} {sum(f.questions for f in every):>8} {bot:>6.0%} "
          f"{statistics.fmean(f.chance for f in every):>7.0%} {statistics.fmean(f.file_order for f in every):>10.0%}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({k: vars(v) for k, v in figures.items()}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
