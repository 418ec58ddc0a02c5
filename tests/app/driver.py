"""Drive the student app in AppTest like a student: by widget key, one question at a time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from medialit.format.loader import LoadedLesson
from medialit.questions import QuestionBase
from medialit.questions.registry import kind_of
from medialit.ui import keys

TIMEOUT = 30
REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
FIXTURE_LESSON = "fixture-otan"  # tests/app/fixtures/kit: every question type on the RT France seed


def shipped_files() -> list[Path]:
    """Every lesson and drill file the kit ships (parametrizes the full walks)."""
    return sorted(p for folder in ("lessons", "exercises") for p in (REPO / folder).glob("*.y*ml"))


def new_app(**query: str) -> AppTest:
    """A fresh browser tab on the app (a refresh is a new AppTest with the same URL)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


WIDGET_ELEMENTS = ("checkbox", "radio", "selectbox", "multiselect", "text_area", "text_input", "number_input",
                   "slider", "select_slider", "toggle", "segmented_control", "pills")


def _element(at: AppTest, key: str) -> Any:
    """The AppTest element of the widget with ``key`` (None for a custom component)."""
    for kind in WIDGET_ELEMENTS:
        for element in at.get(kind):
            if getattr(element, "key", None) == key:
                return element
    return None


def fill(at: AppTest, loaded: LoadedLesson, q: QuestionBase, raw: dict[str, Any], attempt: int = 1) -> AppTest:
    """Put ``raw`` into the question's inputs as a student would (no submit): the values come from the
    type's widget (``values``, the inverse of ``read``); a custom component's value is seeded, then run."""
    key = keys.answer(loaded.lesson.id, q.id, attempt)
    seeded = False
    for name, value in kind_of(q).widget.values(q, loaded, key, raw).items():
        element = _element(at, name)
        if element is not None:
            element.set_value(value)
        else:  # the highlight widget (components v2): AppTest cannot set it, its state can be seeded
            at.session_state[name] = value
            seeded = True
    if seeded:
        at.run()
    return at


def submit(at: AppTest, loaded: LoadedLesson, q: QuestionBase, attempt: int = 1) -> AppTest:
    return at.button(key=keys.submit(loaded.lesson.id, q.id, attempt)).click().run()


def answer(at: AppTest, loaded: LoadedLesson, q: QuestionBase, raw: dict[str, Any], attempt: int = 1) -> AppTest:
    """Fill and submit one attempt."""
    return submit(fill(at, loaded, q, raw, attempt), loaded, q, attempt)


def go_next(at: AppTest, loaded: LoadedLesson) -> AppTest:
    return at.button(key=keys.step(loaded.lesson.id, "next")).click().run()


def texts(at: AppTest) -> str:
    """Every string the page would send to the browser, joined (labels, bodies, options, help, data)."""
    parts: list[str] = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if proto.DESCRIPTOR.name == "BidiComponent":  # the highlight widget: its data, not its JS/CSS code
            parts.append(json.dumps(json.loads(proto.json or "{}"), ensure_ascii=False))
        else:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
    return "\n".join(parts)


def document_layers(at: AppTest) -> list[str]:
    """The names of the layers the highlight widgets on the page draw."""
    names = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "BidiComponent":
            names += [layer["name"] for layer in json.loads(proto.json or "{}").get("layers", [])]
    return names


def goto(at: AppTest, loaded: LoadedLesson, index: int) -> AppTest:
    """Jump to question ``index`` with the question list."""
    return at.segmented_control(key=keys.stepper(loaded.lesson.id)).set_value(index).run()


def _walk(node: Any):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def walk(at: AppTest, loaded: LoadedLesson, lang: str, answer_for: Any) -> AppTest:
    """Answer every question in order (``answer_for(q, ctx) -> raw``), moving on with "Next"."""
    questions = loaded.lesson.questions
    for i, q in enumerate(questions):
        at = answer(at, loaded, q, answer_for(q, loaded.context(q, lang)))
        assert not errors(at), errors(at)
        if i < len(questions) - 1:
            at = go_next(at, loaded)
    return at


def ideal(q: QuestionBase, ctx: Any) -> dict[str, Any]:
    return q.ideal_answer(ctx)


def wrong(q: QuestionBase, ctx: Any) -> dict[str, Any]:
    """A complete answer that cannot earn full marks (partial where the type allows it)."""
    if q.type == "choice":
        if q.is_multiple():
            return {"selected": [o.id for o in q.options]}  # every box: the wrong ticks cost
        return {"selected": [next(o.id for o in q.options if not o.correct)]}
    if q.type == "highlight":
        gold = q.ideal_answer(ctx)["spans"]
        return {"spans": gold[:1] + [[0, len(ctx.text)]]}  # one right passage inside the whole text
    if q.type == "free_text":
        filler = "je pense que ce texte parle surtout de la politique des pays et des relations entre eux"
        words = filler.split()
        return {"text": " ".join((words * 20)[:max(q.min_words, min(len(words), q.max_words))])}
    if q.type == "rating":
        if q.expected is None:
            return {"value": q.scale_max}
        far = q.scale_max if q.expected.min - q.scale_min < q.scale_max - q.expected.max else q.scale_min
        return {"value": far}
    if q.type == "label":
        offered = q.offered()
        return {"labels": {e.id: next(c for c in offered if c not in e.answer) for e in q.excerpts}}
    raise AssertionError(q.type)
