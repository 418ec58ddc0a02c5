"""Turning the format's validation errors into sentences a teacher can act on.

No Python type names, no tracebacks: each error names the key, says what is wrong and how to fix
it, with "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
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
    """The model class describing the object at ``path`` in ``data``.

    A list of questions holds several models: the one of each item is picked from that item's own
    ``type`` once the index is known (not from the first item's).
    """
    candidates: list[Any] = [root]
    node = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else (
                node.get(part) if isinstance(node, dict) else None)
            continue
        model = _pick(candidates, node)
        field = model.model_fields.get(part) if model else None
        if field is None:
            return None
        node = node.get(part) if isinstance(node, dict) else None
        candidates = _unwrap(field.annotation)
    return _pick(candidates, node)


def _pick(candidates: list[Any], node: Any) -> type[BaseModel] | None:
    if not candidates:
        return None
    sample = node[0] if isinstance(node, list) and node else node
    kind = sample.get("type") if isinstance(sample, dict) else None
    if isinstance(kind, str) and kind in KINDS and len(candidates) > 1:
        return KINDS[kind].model
    return candidates[0]


@dataclass(frozen=True)
class _Error:
    """One validation error, with what its message needs: the key's name, the value, the context."""

    kind: str
    key: str
    value: Any
    ctx: dict
    msg: str
    path: Path
    root: type[BaseModel]
    data: Any


def describe(error: dict, path: Path, root: type[BaseModel], data: Any) -> str:
    """One teacher-worded sentence for one validation error."""
    err = _Error(kind=error["type"], key=_name(path), value=error.get("input"), ctx=error.get("ctx") or {},
                 msg=str(error.get("msg", "")), path=path, root=root, data=data)
    handler = _HANDLERS.get(err.kind)
    if handler is None and err.kind.startswith("text_"):
        handler = _text_rule
    return (handler or _fallback)(err)


def _missing(err: _Error) -> str:
    return f"the key '{err.path[-1]}' is missing: add it" + _missing_hint(err.path)


def _extra(err: _Error) -> str:
    model = model_at(err.root, err.path[:-1], err.data)
    allowed = list(model.model_fields) if model else []
    near = get_close_matches(str(err.path[-1]), allowed, n=1, cutoff=0.6)
    hint = f" (did you mean '{near[0]}'?)" if near else (f"; allowed here: {', '.join(allowed)}" if allowed else "")
    return f"unknown key '{err.path[-1]}'{hint}"


def _tag_invalid(err: _Error) -> str:
    near = get_close_matches(str(err.ctx.get("tag", "")), tuple(KINDS), n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"unknown question type '{err.ctx.get('tag')}'{hint}: use one of {', '.join(KINDS)}"


def _tag_missing(err: _Error) -> str:
    return f"the question has no 'type': add 'type:' with one of {', '.join(KINDS)}"


def _literal(err: _Error) -> str:
    expected = [e.strip(" '") for e in str(err.ctx.get("expected", "")).replace(" or ", ", ").split(",")]
    near = get_close_matches(str(err.value), expected, n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"'{err.key}' cannot be '{err.value}'{hint}: use one of {', '.join(expected)}"


def _pattern(err: _Error) -> str:
    return (f"'{err.key}' should be a short id made of lowercase letters, digits and dashes, like "
            f"'scare-quotes' (not '{err.value}')")


def _number(err: _Error) -> str:
    whole = "a whole number" if err.kind.startswith("int") else "a number"
    return f"'{err.key}' should be {whole}, not '{_short(err.value)}'"


def _boolean(err: _Error) -> str:
    return f"'{err.key}' should be true or false, not '{_short(err.value)}'"


def _string(err: _Error) -> str:
    return f"'{err.key}' should be text; put it in quotes"


def _list(err: _Error) -> str:
    return f"'{err.key}' should be a list: one item per line, each starting with '- '"


def _mapping(err: _Error) -> str:
    return f"'{err.key}' should be a group of 'key: value' lines indented below it"


_BOUNDS = {"greater_than_equal": "at least", "greater_than": "more than",
           "less_than_equal": "at most", "less_than": "less than"}


def _bound(err: _Error) -> str:
    limit = next(iter(err.ctx.values()), "")
    return f"'{err.key}' should be {_BOUNDS[err.kind]} {limit}, not {_short(err.value)}"


def _length(err: _Error) -> str:
    n = err.ctx.get("min_length", err.ctx.get("max_length"))
    need = "at least" if err.kind == "too_short" else "at most"
    return f"'{err.key}' needs {need} {n} item(s)"


def _empty(err: _Error) -> str:
    return f"'{err.key}' is empty: write something"


def _too_long(err: _Error) -> str:
    return f"'{err.key}' is too long (at most {err.ctx.get('max_length')} characters)"


def _text_rule(err: _Error) -> str:
    return f"'{err.key}': {err.msg}"


def _not_allowed(err: _Error) -> str:
    return f"'{err.key}' has a value that is not allowed: '{_short(err.value)}'"


def _fallback(err: _Error) -> str:
    return f"'{err.key}': {err.msg.removeprefix('Value error, ')}"


_HANDLERS: dict[str, Callable[[_Error], str]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "union_tag_invalid": _tag_invalid,
    "union_tag_not_found": _tag_missing,
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern,
    **dict.fromkeys(("int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"), _number),
    **dict.fromkeys(("bool_parsing", "bool_type"), _boolean),
    "string_type": _string,
    **dict.fromkeys(("list_type", "tuple_type"), _list),
    **dict.fromkeys(("model_type", "dict_type", "model_attributes_type"), _mapping),
    **dict.fromkeys(_BOUNDS, _bound),
    **dict.fromkeys(("too_short", "too_long"), _length),
    "string_too_short": _empty,
    "string_too_long": _too_long,
    "enum": _not_allowed,
}


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
