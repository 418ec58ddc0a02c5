"""``choice``: one or several right options, each option explaining itself.

Several right options: partial credit = max(0, right picks - wrong picks) / number right, so
ticking every option does not pay.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

from medialit.format.text import LText
from medialit.i18n import tr
from medialit.questions.base import ContentProblem, Context, QuestionBase, Slug, Strict
from medialit.questions.scoring import Part, Score, Verdict, incomplete

MIN_FOR_CUES = 3  # one-answer questions needed before a pattern across them means something
LONGEST_SHARE = 0.75  # the right option longest in this share of them is a cue


def _right_is_longest(q: ChoiceQuestion, lang: str) -> bool:
    lengths = [(len(o.text.get(lang, lang)), o.correct) for o in q.options]
    longest = max(n for n, _ in lengths)
    return all(correct for n, correct in lengths if n == longest)


class Option(Strict):
    id: Slug = Field(description="Stable id of the option: answers store it.")
    text: LText
    correct: bool = False
    feedback: LText | None = Field(None, description="Why this option is right or wrong.")
    misconception: LText | None = Field(None, description="The misunderstanding this wrong option reveals.")


class ChoiceQuestion(QuestionBase):
    type: Literal["choice"]
    options: list[Option] = Field(min_length=2)
    multiple: bool | None = Field(
        None, description="Tick boxes (true) or one answer (false); by default, true when several options are right."
    )
    shuffle: bool = Field(
        True, description="Show the options in an order of their own to each student (the same on every device); "
        "'false' for a scale or an 'all of the above'. Printed worksheets and Moodle keep the file's order.",
    )

    def order_for(self, learner: str, lesson_id: str) -> list[str]:
        """The options' ids in the order ``learner`` sees them: shuffled (``shuffle``), the same on every device
        and every reload for that learner (seeded by the learner, the lesson and the question), the file's
        order otherwise."""
        ids = [o.id for o in self.options]
        if self.shuffle:
            random.Random(f"{learner}:{lesson_id}:{self.id}").shuffle(ids)
        return ids

    def is_multiple(self) -> bool:
        return self.multiple if self.multiple is not None else sum(o.correct for o in self.options) > 1

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        known = {o.id for o in self.options}
        picked = [p for p in (answer or {}).get("selected", []) if p in known]
        if not picked:
            key = "choice_pick_some" if self.is_multiple() else "choice_pick_one"
            return incomplete(tr(key, ctx.lang), self.points)
        if not self.is_multiple():
            picked = picked[:1]
        parts = tuple(self._part(o, o.id in picked, ctx) for o in self.options if o.id in picked or o.correct)
        n_right = sum(o.correct for o in self.options)
        right = sum(1 for o in self.options if o.correct and o.id in picked)
        wrong = len(picked) - right
        if self.is_multiple():
            net = right - wrong
            earned = max(0, net) / n_right * self.points
            how = tr("choice_multi_how", ctx.lang, right=right, wrong=wrong, net=net, total=n_right,
                     net_clamped=max(0, net), max=float(self.points), pts=float(earned))
        else:
            earned = self.points if right else 0.0
            how = tr("choice_single_how" if right else "choice_single_wrong_how", ctx.lang,
                     pts=float(earned), max=float(self.points))
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=parts)

    def _part(self, option: Option, picked: bool, ctx: Context) -> Part:
        verdict: Verdict
        if picked:
            verdict = "right" if option.correct else "wrong"
            feedback = ctx.t(option.feedback)
        else:
            verdict = "missed"
            feedback = ctx.t(option.feedback) or tr("choice_missed", ctx.lang)
        return Part(key=option.id, label=ctx.t(option.text), verdict=verdict, feedback=feedback)

    def check(self, ctx: Context) -> list[ContentProblem]:
        found: list[ContentProblem] = []
        seen: set[str] = set()
        for i, option in enumerate(self.options):
            if option.id in seen:
                found.append(ContentProblem(("options", i, "id"), "error",
                                     f"two options have the id '{option.id}': give each option its own id"))
            seen.add(option.id)
            if not option.correct and not option.feedback:
                found.append(ContentProblem(("options", i), "warning",
                                     f"the wrong option '{option.id}' has no feedback: add 'feedback:' saying why "
                                     "it is wrong"))
        n_right = sum(o.correct for o in self.options)
        if n_right == 0:
            found.append(ContentProblem(("options",), "error",
                                 "no option is marked 'correct: true': mark the right answer(s)"))
        if self.multiple is False and n_right > 1:
            found.append(ContentProblem(("multiple",), "error",
                                 f"'multiple: false' allows one answer, but {n_right} options are correct: "
                                 "remove 'multiple: false' or keep one correct option"))
        if n_right == len(self.options) and len(self.options) > 1:
            found.append(ContentProblem(("options",), "warning",
                                 "every option is correct: the question cannot tell a careful reader from a guess"))
        return found

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"selected": [o.id for o in self.options if o.correct]}

    @classmethod
    def check_together(cls, questions: Sequence[tuple[int, QuestionBase]],
                       lang: str) -> list[tuple[int, ContentProblem]]:
        """Cues a guesser could use: the right option always in one place, or nearly always the longest."""
        singles = [(i, q) for i, q in questions  # one right option (none is an error reported on its own)
                   if isinstance(q, ChoiceQuestion) and not q.is_multiple() and sum(o.correct for o in q.options) == 1]
        if len(singles) < MIN_FOR_CUES:
            return []
        found = []
        places = {next(k for k, o in enumerate(q.options) if o.correct) for _, q in singles}
        if len(places) == 1:
            found.append((singles[0][0], ContentProblem(("options",), "warning", (
                f"in all {len(singles)} one-answer choice questions the right option is option {places.pop() + 1} in "
                "the file: vary its place (the printed worksheet and Moodle keep the file's order)"))))
        longest = [i for i, q in singles if _right_is_longest(q, lang)]
        if len(longest) >= LONGEST_SHARE * len(singles):
            found.append((longest[0], ContentProblem(("options",), "warning", (
                f"in {len(longest)} of {len(singles)} one-answer choice questions the right option is the longest: "
                "make wrong options as specific and as long as right ones (a guesser picks the longest)"))))
        return found

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        picked = [value] if isinstance(value, str) else value
        known = {o.id for o in self.options}
        if not isinstance(picked, list) or not all(isinstance(p, str) and p in known for p in picked):
            raise ValueError(f"give option ids among {', '.join(sorted(known))} (one id, or a list)")
        return {"selected": picked}

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        return {
            **super().answer_key_free(ctx),
            "multiple": self.is_multiple(),
            "options": [{"id": o.id, "text": ctx.t(o.text)} for o in self.options],
        }
