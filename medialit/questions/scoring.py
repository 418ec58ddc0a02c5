"""What every scorer returns, and the rules shared by all question types.

A score is earned/possible plus an explanation of how it was computed. An empty answer is
*incomplete* (the student is asked to answer), never wrong. Retries cost a penalty per retry
(Moodle's interactive mode: max(raw - tries_used x penalty, 0)); hints may cost too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from medialit.i18n import tr

Verdict = Literal["right", "wrong", "partial", "missed", "extra", "neutral", "info"]
Reduced = Literal["all", "no_feedback", "verdict_only", "hidden"]


@dataclass(frozen=True)
class Part:
    """One line of feedback: an option, a passage, a concept or an excerpt.

    The feedback renderer is the same for every type; a scorer says how its parts are shown:
    ``quoted`` (the label is a passage of a document, not Markdown), ``given`` (what the student
    gave for this part, e.g. the category they chose), ``word`` (the verdict in words, when the
    generic "right / wrong / missed" does not fit), and ``reduced``: what stays visible while the
    student may still try again — everything, all but the feedback, the verdict only, or nothing.
    """

    key: str
    label: str
    verdict: Verdict
    feedback: str = ""
    earned: float = 0.0
    possible: float = 0.0
    spans: tuple[tuple[int, int], ...] = ()
    quoted: bool = False
    given: str = ""
    word: str = ""
    reduced: Reduced = "all"


@dataclass(frozen=True)
class Score:
    """The result of scoring one answer. ``how`` says in words how the points were computed.

    ``needs_review``: the teacher may want to read it (written answers). ``confidence`` (0–1): how sure
    the automatic score is; a scorer that is not sure sets ``pending``: the answer is held for the
    teacher's review, earns no point until then (``extra["auto_earned"]`` keeps what the scorer would
    give) and goes first in the teacher's queue. ``retry_lines``: what the student may see of the
    correction while a retry remains (Markdown lines), when the parts would give the answer away.
    """

    complete: bool
    earned: float = 0.0
    possible: float = 0.0
    how: str = ""
    parts: tuple[Part, ...] = ()
    needs_review: bool = False
    message: str = ""
    scored: bool = True
    extra: dict = field(default_factory=dict)
    confidence: float = 1.0
    pending: bool = False
    retry_lines: tuple[str, ...] = ()

    @property
    def fraction(self) -> float:
        return self.earned / self.possible if self.possible else 0.0

    @property
    def is_right(self) -> bool:
        return self.complete and self.possible > 0 and self.earned >= self.possible - 1e-9

    def to_dict(self) -> dict:
        data = asdict(self)
        data["parts"] = [asdict(p) for p in self.parts]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Score:
        known = set(Part.__dataclass_fields__)
        parts = tuple(
            Part(**{**{k: v for k, v in p.items() if k in known}, "spans": tuple(tuple(s) for s in p.get("spans", ()))})
            for p in data.get("parts", ())
        )
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**fields, "parts": parts, "retry_lines": tuple(data.get("retry_lines", ()))})


def incomplete(message: str, possible: float) -> Score:
    """An answer that cannot be scored yet: the student is told what is missing."""
    return Score(complete=False, possible=possible, message=message)


def fmt(value: float) -> str:
    """Points as a teacher writes them: 2, 1.5, 0.67."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def apply_penalties(
    score: Score, *, retries_used: int, retry_penalty: float, hints_used: int, hint_penalty: float, lang: str
) -> Score:
    """Deduct ``retry_penalty`` x points per earlier try and ``hint_penalty`` x points per hint.

    Penalties are fractions of the question's points; the result is never below zero.
    """
    if not score.complete or score.possible <= 0:
        return score
    deduction = (retries_used * retry_penalty + hints_used * hint_penalty) * score.possible
    if deduction <= 0:
        return score
    earned = max(score.earned - deduction, 0.0)
    notes = []
    if retries_used:
        notes.append(
            tr("penalty_retry", lang, n=retries_used, pts=float(retries_used * retry_penalty * score.possible))
        )
    if hints_used and hint_penalty:
        notes.append(tr("penalty_hint", lang, n=hints_used, pts=float(hints_used * hint_penalty * score.possible)))
    how = (
        f"{score.how} {tr('penalty_then', lang, notes='; '.join(notes), raw=float(score.earned), final=float(earned))}"
    )
    return replace(score, earned=earned, how=how.strip())
