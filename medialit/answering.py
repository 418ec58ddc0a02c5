"""The answer flow, one function for the app, the command line and the tests: score, penalties, record.

``evaluate`` is pure: a raw answer scored by its question, then Moodle's retry penalty and the hint
penalty. ``submit`` adds the rules that need the store: the number of tries the lesson allows, the
hints the learner used, and the write itself, which checks — inside the same transaction — that the
learner's class session still takes answers and that this attempt was not stored meanwhile (two tabs,
a double click). The submitted answer is committed before ``submit`` returns, so the feedback a page
draws from it is always what the database holds.

An answer larger than :data:`medialit.limits.ANSWER_TEXT_MAX` characters (or with more than
:data:`~medialit.limits.ANSWER_PARTS_MAX` pieces) is refused before anything else is done with it:
the scorers never read it, and nothing is stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError

from medialit.format.loader import LoadedLesson
from medialit.i18n import tr
from medialit.limits import ANSWER_PARTS_MAX, ANSWER_TEXT_MAX
from medialit.questions import QuestionBase
from medialit.questions.scoring import Score, apply_penalties
from medialit.store import Answer, AttemptTaken, SessionClosed, Store

Outcome = Literal["recorded", "incomplete", "too_long", "closed", "taken", "no_tries_left", "unknown_question",
                  "not_saved"]
log = logging.getLogger(__name__)
_KEY_MAX = 256  # the longest name a piece of an answer may have (widget keys, option and excerpt ids)


@dataclass(frozen=True)
class Submission:
    """What became of a submitted answer: ``recorded`` (with the stored ``answer``), or why not.

    ``incomplete``: nothing stored, ``message`` says what is missing. ``closed``: the class session
    takes no more answers (closed, or the learner left it). ``taken``: this attempt was stored
    meanwhile (another tab): redraw from the store. ``no_tries_left``: the lesson allows no further
    attempt. ``unknown_question``: the lesson no longer has this question (its file changed).
    ``too_long``: larger than the kit accepts, not even scored. ``not_saved``: the database failed;
    the page keeps the answer for another try.
    """

    outcome: Outcome
    answer: Answer | None = None
    score: Score | None = None
    message: str = ""

    @property
    def recorded(self) -> bool:
        return self.outcome == "recorded"


def tries_allowed(loaded: LoadedLesson) -> int:
    """How many attempts the lesson allows per question (the first one and its retries)."""
    return loaded.lesson.settings.retries + 1


def evaluate(loaded: LoadedLesson, question: QuestionBase, raw: dict[str, Any], *, attempt: int = 1,
             hints_used: int = 0, lang: str = "fr") -> Score:
    """The score of ``raw`` as attempt ``attempt`` after ``hints_used`` hints: pure, stores nothing."""
    score = question.score(raw, loaded.context(question, lang))
    if not score.complete:
        return score
    settings = loaded.lesson.settings
    return apply_penalties(score, retries_used=attempt - 1, retry_penalty=settings.retry_penalty,
                           hints_used=hints_used, hint_penalty=settings.hint_penalty, lang=lang)


def submit(store: Store, loaded: LoadedLesson, learner_id: int, question_id: str, raw: dict[str, Any], *,
           attempt: int, lang: str) -> Submission:
    """Score and store attempt ``attempt`` of ``learner_id`` on ``question_id`` (see :class:`Submission`)."""
    if oversized(raw):
        return Submission("too_long", message=tr("ui_answer_too_long", lang, max=ANSWER_TEXT_MAX))
    lesson_id = loaded.lesson.id
    question = loaded.lesson.question(question_id)
    if question is None:
        return Submission("unknown_question", message=tr("ui_lesson_being_edited", lang))
    if attempt < 1 or attempt > tries_allowed(loaded) or (attempt > 1 and _finished(store, learner_id, lesson_id)):
        return Submission("no_tries_left", message=tr("ui_no_tries_left", lang))
    hints = store.hints_used(learner_id, lesson_id).get(question_id, 0)
    score = evaluate(loaded, question, raw, attempt=attempt, hints_used=hints, lang=lang)
    if not score.complete:
        return Submission("incomplete", score=score, message=score.message)
    try:
        answer = store.record_answer(
            learner_id, lesson_id, question_id, raw=raw, earned=score.earned, possible=score.possible,
            status="complete", result=score.to_dict(), content_hash=loaded.content_hash,
            needs_review=score.needs_review, expected_attempt=attempt,
        )
    except AttemptTaken:
        return Submission("taken", score=score)
    except SessionClosed as closed:
        return Submission("closed", score=score,
                          message=tr("class_answers_left" if closed.left else "class_answers_closed", lang))
    except SQLAlchemyError:
        log.exception("answer of learner %s to %s/%s not stored", learner_id, lesson_id, question_id)
        return Submission("not_saved", score=score, message=tr("ui_answer_not_saved", lang))
    return Submission("recorded", answer=answer, score=score)


def oversized(raw: object, *, text_max: int = ANSWER_TEXT_MAX, parts_max: int = ANSWER_PARTS_MAX) -> bool:
    """True when ``raw`` (strings, numbers, lists and dicts) holds more than ``text_max`` characters of
    text (in its values; a key is a name, at most ``_KEY_MAX`` characters) or more than ``parts_max``
    pieces. Reads no further than the bound: cheap on any input."""
    text, parts = text_max, parts_max
    pending: list[object] = [raw]
    while pending:
        item = pending.pop()
        parts -= 1
        if isinstance(item, str):
            text -= len(item)
        elif isinstance(item, dict):
            if len(item) > parts or any(len(str(key)) > _KEY_MAX for key in item):
                return True
            pending.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            if len(item) > parts:
                return True
            pending.extend(item)
        if text < 0 or parts < 0:
            return True
    return False


def _finished(store: Store, learner_id: int, lesson_id: str) -> bool:
    progress = store.progress(learner_id, lesson_id)
    return progress is not None and progress.finished
