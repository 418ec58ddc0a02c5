"""Generated lesson files for the validation benchmark: varied valid ones and broken ones.

Templates are the shipped lessons and drills (parsed YAML). A valid variant gets a new id, a
new title and duration, and a random non-empty subset of the questions in a random order. A
broken variant is one of :data:`BREAKAGES`: a YAML syntax error, a half-written (truncated) or
empty file, a missing or unknown key, a wrong type, a quote that is not in the document, a
choice with no right option, two questions with one id.
"""

from __future__ import annotations

import copy
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from medialit.format.library import lesson_files
from medialit.paths import kit_root

Template = dict
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Breakage = Callable[[Template, random.Random], str]


def _dump(data: Template) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)


def _syntax(data: Template, rng: random.Random) -> str:
    return _dump(data).replace("\nquestions:", "\nquestions: [", 1)


def _truncated(data: Template, rng: random.Random) -> str:
    text = _dump(data)
    return text[: rng.randint(len(text) // 4, 3 * len(text) // 4)]


def _empty(data: Template, rng: random.Random) -> str:
    return ""


def _missing_key(data: Template, rng: random.Random) -> str:
    data.pop("introduction", None)
    data.pop("teacher_notes", None)
    return _dump(data)


def _unknown_key(data: Template, rng: random.Random) -> str:
    rng.choice(data["questions"])["colour"] = "blue"
    return _dump(data)


def _wrong_type(data: Template, rng: random.Random) -> str:
    data["duration_minutes"] = "about an hour"
    return _dump(data)


def _bad_quote(data: Template, rng: random.Random) -> str:
    for q in data["questions"]:
        for item in q.get("passages", []) + q.get("excerpts", []):
            item["quote"] = "a sentence that appears nowhere in the document"
            return _dump(data)
    data["questions"][0]["type"] = "no-such-type"
    return _dump(data)


def _no_correct(data: Template, rng: random.Random) -> str:
    for q in data["questions"]:
        if q.get("type") == "choice":
            for option in q["options"]:
                option["correct"] = False
            return _dump(data)
    data["questions"][0]["points"] = -3
    return _dump(data)


def _duplicate_ids(data: Template, rng: random.Random) -> str:
    data["questions"].append(copy.deepcopy(data["questions"][0]))
    return _dump(data)


BREAKAGES: dict[str, Breakage] = {
    "yaml_syntax": _syntax, "truncated": _truncated, "empty": _empty, "missing_key": _missing_key,
    "unknown_key": _unknown_key, "wrong_type": _wrong_type, "bad_quote": _bad_quote, "no_correct": _no_correct,
    "duplicate_ids": _duplicate_ids,
}  # fmt: skip


def templates() -> list[Template]:
    """The shipped lesson files, parsed."""
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) for path in lesson_files()]


def make_kit(target: Path, n: int, *, seed: int = 0, broken_share: float = 0.5) -> dict[Path, str]:
    """Write ``n`` lesson files into a new kit at ``target``; returns {file: "valid" or breakage name}.

    The kit gets copies of the documents (``seeds/``, ``contrast/``) so quotes can be located.
    """
    rng = random.Random(seed)
    source = kit_root()
    for folder in ("seeds", "contrast"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)
    (target / "lessons").mkdir(parents=True, exist_ok=True)
    pool = templates()
    made: dict[Path, str] = {}
    for i in range(n):
        data = copy.deepcopy(rng.choice(pool))
        data["id"] = f"generated-{i:04d}"
        questions = data["questions"]
        data["questions"] = rng.sample(questions, rng.randint(1, len(questions)))
        data["duration_minutes"] = rng.randint(5, 90)
        if rng.random() < broken_share:
            kind = rng.choice(sorted(BREAKAGES))
            text = BREAKAGES[kind](data, rng)
        else:
            kind, text = "valid", _dump(data)
        path = target / "lessons" / f"generated-{i:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        made[path] = kind
    return made
