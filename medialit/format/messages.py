"""Turning the format's validation errors into sentences a teacher can act on.

No Python type names, no tracebacks: each error names the key, says what is wrong and how to fix
it, with "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import types
import typing
from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ValidationError

from medialit.questions.registry import KINDS

Path = tuple[str | int, ...]


def data_path(loc: tuple, data: Any) -> Path:
    """The path of an error inside the YAML data (dropping pydantic's union-branch names)."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            path.append(part)
            node = node[part]
        elif last and isinstance(part, str) and isinstance(node, dict) and part not in KINDS:
            path.append(part)  # a missing key: name it
        elif isinstance(part, str) and part in KINDS:
            continue  # the discriminated union's branch
        elif isinstance(node, dict) and isinstance(part, int):
            path.append(part)  # a dict key that is a number (rating labels)
            node = node.get(part)
    return tuple(path)


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through Optional, list, dict, Annotated, Union)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set):
        return _unwrap(typing.get_args(annotation)[0])
    if origin is dict:
        return _unwrap(typing.get_args(annotation)[1])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _unwrap(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def model_at(root: type[BaseModel], path: Path, data: Any) -> type[BaseModel] | None:
    """The model class describing the object at ``path`` in ``data``."""
    model: type[BaseModel] | None = root
    node = data
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        node = node.get(part) if isinstance(node, dict) else None
        candidates = _unwrap(field.annotation)
        model = _pick(candidates, node)
    return model


def _pick(candidates: list[Any], node: Any) -> type[BaseModel] | None:
    if not candidates:
        return None
    sample = node[0] if isinstance(node, list) and node else node
    if isinstance(sample, dict) and sample.get("type") in KINDS and len(candidates) > 1:
        return KINDS[sample["type"]].model
    return candidates[0]


def describe(error: dict, path: Path, root: type[BaseModel], data: Any) -> str:  # noqa: C901 - one flat table of error kinds, one sentence each
    """One teacher-worded sentence for one validation error."""
    kind = error["type"]
    key = _name(path)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"the key '{path[-1]}' is missing: add it" + _missing_hint(path)
    if kind == "extra_forbidden":
        model = model_at(root, path[:-1], data)
        allowed = list(model.model_fields) if model else []
        near = get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean '{near[0]}'?)" if near else (f"; allowed here: {', '.join(allowed)}" if allowed else "")
        return f"unknown key '{path[-1]}'{hint}"
    if kind == "union_tag_invalid":
        near = get_close_matches(str(ctx.get("tag", "")), tuple(KINDS), n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        return f"unknown question type '{ctx.get('tag')}'{hint}: use one of {', '.join(KINDS)}"
    if kind == "union_tag_not_found":
        return f"the question has no 'type': add 'type:' with one of {', '.join(KINDS)}"
    if kind == "literal_error":
        expected = [e.strip(" '") for e in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        near = get_close_matches(str(value), expected, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        return f"'{key}' cannot be '{value}'{hint}: use one of {', '.join(expected)}"
    if kind == "string_pattern_mismatch":
        return (f"'{key}' should be a short id made of lowercase letters, digits and dashes, like "
                f"'scare-quotes' (not '{value}')")
    if kind in ("int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"):
        whole = "a whole number" if kind.startswith("int") else "a number"
        return f"'{key}' should be {whole}, not '{_short(value)}'"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{key}' should be true or false, not '{_short(value)}'"
    if kind in ("string_type",):
        return f"'{key}' should be text; put it in quotes"
    if kind in ("list_type", "tuple_type"):
        return f"'{key}' should be a list: one item per line, each starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{key}' should be a group of 'key: value' lines indented below it"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"'{key}' should be {bound} {limit}, not {_short(value)}"
    if kind in ("too_short", "too_long"):
        n = ctx.get("min_length", ctx.get("max_length"))
        need = "at least" if kind == "too_short" else "at most"
        return f"'{key}' needs {need} {n} item(s)"
    if kind == "string_too_short":
        return f"'{key}' is empty: write something"
    if kind == "string_too_long":
        return f"'{key}' is too long (at most {ctx.get('max_length')} characters)"
    if kind.startswith("text_"):
        return f"'{key}': {error['msg']}"
    if kind == "literal_error" or kind == "enum":
        return f"'{key}' has a value that is not allowed: '{_short(value)}'"
    return f"'{key}': {error['msg'].removeprefix('Value error, ')}"


def _missing_hint(path: Path) -> str:
    hints = {
        "id": " (a short slug such as 'scare-quotes'; answers are stored against it)",
        "skill": " (sourcing, framing or loaded_language)",
        "type": f" ({', '.join(KINDS)})",
        "prompt": " (the question shown to students)",
        "file": " (the document's path in the kit, e.g. seeds/….txt)",
    }
    return hints.get(str(path[-1]), "")


def _name(path: Path) -> str:
    """How to name the place of an error: its key (with the scale value for rating labels)."""
    names = [str(p) for p in path if isinstance(p, str)]
    if not names:
        return "the file"
    if names[-1].isdigit() and len(names) > 1:
        return f"{names[-2]} {names[-1]}"
    return names[-1]


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def translate(exc: ValidationError, root: type[BaseModel], data: Any) -> list[tuple[Path, str]]:
    """Every error of ``exc`` as (path in the data, message), one per distinct place."""
    seen: set[tuple[Path, str]] = set()
    result = []
    for error in exc.errors(include_url=False):
        path = data_path(error["loc"], data)
        if error["type"] == "union_tag_invalid":
            path = path + ("type",)  # point at the 'type:' line itself, not the question's first line
        message = describe(dict(error), path, root, data)
        if (path, message) not in seen:
            seen.add((path, message))
            result.append((path, message))
    return result
