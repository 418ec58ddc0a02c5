"""What every registered question type must bring, checked piece by piece (see ``medialit.questions.kind``).

``missing_pieces(kind, kit)`` lists, in words, every piece a kind lacks or gets wrong; the conformance
test expects none for each registered type, and a test with a deliberately broken type expects each
message. ``lesson_with(kind, kit)`` writes a one-question lesson on the kit's seed from the type's own
scaffold example, which the checks load, score, draw and print.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import get_args

from medialit.export.gift import gift
from medialit.export.key import answer_key_html
from medialit.export.worksheet import worksheet_html
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.questions.base import QuestionBase
from medialit.questions.kind import Gift, KeyBlock, Printed, QuestionKind, Suggestion
from medialit.ui.widget import Widget

SEED = "seeds/rt.txt"
SUGGESTIONS = (Suggestion("poncifs anti-russes"), Suggestion("pêle-mêle"))
LESSON = """\
id: conformance-{name}
title: {{fr: "Type {name}", en: "Type {name}"}}
document: {{file: {seed}}}
level: {{fr: "Lycée", en: "Upper secondary"}}
duration_minutes: 10
introduction: {{fr: "Intro.", en: "Intro."}}
teacher_notes: {{goals: {{fr: "But.", en: "Goal."}}, discussion: {{fr: "Discussion.", en: "Discussion."}}}}
questions:
{questions}
"""


def lesson_with(kind: QuestionKind, kit: Path) -> Path:
    """A lesson in ``kit`` holding the type's scaffold example as its only question."""
    example = kind.printed.scaffold_example(SUGGESTIONS)
    body = "\n".join("  " + line for line in example.rstrip("\n").split("\n"))
    path = kit / "lessons" / f"conformance-{kind.name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LESSON.format(name=kind.name, seed=SEED, questions=body), encoding="utf-8")
    return path


def _overrides(model: type[QuestionBase], name: str) -> bool:
    return getattr(model, name) is not getattr(QuestionBase, name)


def _model_pieces(kind: QuestionKind) -> list[str]:
    model = kind.model
    missing = []
    if not (inspect.isclass(model) and issubclass(model, QuestionBase)):
        return [f"{kind.name}: the model does not subclass QuestionBase"]
    literal = get_args(model.model_fields["type"].annotation)
    if literal != (kind.name,):
        missing.append(f"{kind.name}: the model's 'type' is not Literal['{kind.name}']")
    for method in ("score", "ideal_answer", "answer_from"):
        if not _overrides(model, method):
            missing.append(f"{kind.name}: the model does not implement {method}()")
    if not (model.__doc__ or "").strip() and not (inspect.getmodule(model).__doc__ or "").strip():
        missing.append(f"{kind.name}: the model has no docstring saying how it scores")
    return missing


def _printed_pieces(kind: QuestionKind) -> list[str]:
    missing = []
    if not isinstance(kind.printed, Printed):
        missing.append(f"{kind.name}: 'printed' is not a Printed")
    if not kind.worksheet_template.is_file():
        missing.append(f"{kind.name}: no worksheet.html in {kind.folder}")
    return missing


def _widget_pieces(kind: QuestionKind) -> list[str]:
    try:
        module = importlib.import_module(kind.widget_module)
    except ImportError as exc:
        return [f"{kind.name}: its widget module {kind.widget_module} cannot be imported ({exc})"]
    except TypeError as exc:  # an abstract method left out: the WIDGET cannot be made
        return [f"{kind.name}: its widget lacks a piece ({exc})"]
    if not isinstance(getattr(module, "WIDGET", None), Widget):
        return [f"{kind.name}: {kind.widget_module} has no WIDGET (a Widget)"]
    return []


def _behaviour(kind: QuestionKind, loaded: LoadedLesson) -> list[str]:
    """Score, answer key, GIFT, worksheet and the widget's read/values round trip, in both languages."""
    missing = []
    q = loaded.lesson.questions[0]
    for lang in ("fr", "en"):
        ctx = loaded.context(q, lang)
        ideal = q.ideal_answer(ctx)
        result = q.score(ideal, ctx)
        if not result.complete or abs(result.earned - result.possible) > 1e-9:
            missing.append(f"{kind.name}: the ideal answer does not earn full marks ({lang})")
        if q.score({}, ctx).complete:
            missing.append(f"{kind.name}: an empty answer is not incomplete ({lang})")
        key = kind.printed.answer_key(q, ctx)
        if not (isinstance(key, list) and key and all(isinstance(b, KeyBlock) for b in key)):
            missing.append(f"{kind.name}: answer_key() gives no KeyBlock")
        exported = kind.printed.gift(q, ctx)
        if exported is None and not kind.printed.gift_unsupported:
            missing.append(f"{kind.name}: GIFT is neither written nor said to be impossible (gift_unsupported)")
        if exported is not None and not isinstance(exported, Gift):
            missing.append(f"{kind.name}: gift() gives neither a Gift nor None")
        printed = worksheet_html(loaded, lang), answer_key_html(loaded, lang)
        if f'id="q-{q.id}"' not in printed[0] or f'id="key-{q.id}"' not in printed[1]:
            missing.append(f"{kind.name}: not printed on the worksheet or the answer key")
        gift(loaded, lang)
        if not _widget_pieces(kind):
            widget = kind.widget
            shown_key = "k"
            if widget.read(q, loaded, shown_key, widget.values(q, loaded, shown_key, ideal)) != ideal:
                missing.append(f"{kind.name}: the widget's read() is not the inverse of values()")
    return missing


def missing_pieces(kind: QuestionKind, kit: Path) -> list[str]:
    """Every piece ``kind`` lacks, in words ([] when it conforms)."""
    missing = _model_pieces(kind) + _printed_pieces(kind) + _widget_pieces(kind)
    if missing:
        return missing
    result = load_lesson(lesson_with(kind, kit), kit)
    if not result.ok:
        return [f"{kind.name}: its scaffold example does not validate: {p}" for p in result.problems]
    return _behaviour(kind, result.loaded)
