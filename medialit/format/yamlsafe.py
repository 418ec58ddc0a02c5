"""Safe YAML reading for lesson files, keeping the line of every key and value.

``yaml.safe_load`` semantics (no Python objects), plus what a teacher's file needs:
- a size limit, and anchors/aliases refused (no "billion laughs" alias bombs);
- ``yes``/``no``/``on``/``off`` stay text (``text: Non`` is the French word, not false) and dates stay
  text (``date: 2018-07-11`` is shown as printed); only ``true``/``false`` are booleans;
- duplicate keys are reported instead of silently keeping the last one;
- every problem is a (line, message) pair in plain words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 512 * 1024
MAX_DEPTH = 40

Path = tuple[str | int, ...]

# The C parser is ~10x faster; both give the same marks (PyYAML built without libyaml has only SafeLoader).
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]  # a base chosen at import time
    """SafeLoader whose implicit booleans are only true/false and which has no timestamps."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class YamlDoc:
    """A parsed file: its data, the line of each path, and the problems met while reading."""

    data: Any = None
    key_lines: dict[Path, int] = field(default_factory=dict)
    value_lines: dict[Path, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """The line of ``path``'s key, else of the nearest enclosing item; 1 at worst."""
        path = tuple(path)
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.value_lines:
                return self.value_lines[path]
            path = path[:-1]
        return self.value_lines.get((), 1)


def read_yaml(text: str | bytes) -> YamlDoc:
    """Parse ``text``; never raises. Problems carry 1-based lines."""
    doc = YamlDoc()
    if isinstance(text, bytes):
        raw_bytes = text
        if len(raw_bytes) > MAX_BYTES:
            doc.problems.append((1, _too_big(len(raw_bytes))))
            return doc
        try:
            text = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw_bytes[: exc.start].count(b"\n") + 1
            doc.problems.append((line, "the file is not UTF-8 text: save it as UTF-8 in your editor"))
            return doc
    if len(text.encode("utf-8")) > MAX_BYTES:
        doc.problems.append((1, _too_big(len(text.encode("utf-8")))))
        return doc
    alias = _first_anchor_or_alias(text)
    if alias is not None:
        doc.problems.append(alias)
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(exc, text))
        return doc
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        reason = type(exc).__name__.lower()
        doc.problems.append((1, f"the file could not be read as YAML ({reason}); check its indentation"))
        return doc
    if node is None:
        doc.problems.append((1, "the file is empty: start from a lesson in lessons/ or run 'medialit new'"))
        return doc
    try:
        doc.data = _build(node, (), doc, 0)
    except _TooDeep as exc:
        doc.problems.append((exc.line, f"the file is nested more than {MAX_DEPTH} levels deep; check its indentation"))
        doc.data = None
    return doc


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _too_big(size: int) -> str:
    return (
        f"the file is {size // 1024} KB, over the {MAX_BYTES // 1024} KB limit for a lesson: "
        "keep long texts in the document file under seeds/"
    )


def _first_anchor_or_alias(text: str) -> tuple[int, str] | None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return (
                    (event.start_mark.line if event.start_mark else 0) + 1,
                    "anchors and aliases ('&name' and '*name') are not allowed in lesson files: "
                    "write the text out in full",
                )
    except (yaml.YAMLError, RecursionError, ValueError):
        return None  # compose() reports the syntax error with its position
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line and message of a syntax error, on the line where the mistake is.

    The parser notices a missing ':' or an unclosed quote only on a later line; the line of the key
    it was reading (its context mark), or of the quote that swallowed the lines after it, is the one
    the teacher must fix.
    """
    runaway = _runaway_scalar(text, exc)
    if runaway is None and exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        runaway = exc.context_mark.line + 1, exc.context_mark.column + 1, True
    if runaway is not None:
        line, col, quoted = runaway
        if quoted:
            return line, (f"YAML syntax error at column {col}: a quote opens here and is not closed on this line; "
                          "add the closing quote (or put the text in the other kind of quotes)")
        return line, (f"YAML syntax error at column {col}: this line has no ':' after its key; "
                      "write the key, then ': ', then the value")
    mark = exc.problem_mark or exc.context_mark
    if exc.context in _CONTEXT_IS_THE_MISTAKE and exc.context_mark is not None:
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    what = (exc.problem or "syntax error").strip()
    if "cannot start any token" in what and "\t" in _line_text(exc, mark):
        hint = "use spaces, not tabs, to indent"
    else:
        hint = next((h for start, h in _SYNTAX_HINTS if what.startswith(start)), _DEFAULT_HINT)
    return line, f"YAML syntax error at column {col}: {what}; {hint}"


_CONTEXT_IS_THE_MISTAKE = ("while scanning a simple key",)


def _runaway_scalar(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, bool] | None:
    """(line, column, quoted) of a text that ran over several lines up to the error, if there is one.

    A quoted text runs on when its closing quote is missing; a plain one when its line has no ':'
    (the next line's ``key: value`` is then read as the rest of it).
    """
    problem = exc.problem_mark
    if problem is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except (yaml.YAMLError, RecursionError, ValueError):
        pass
    if last is None or last.start_mark.line == last.end_mark.line or last.end_mark.line != problem.line:
        return None
    if last.plain and not (exc.problem or "").startswith("mapping values are not allowed"):
        return None
    return last.start_mark.line + 1, last.start_mark.column + 1, not last.plain


def _line_text(exc: yaml.MarkedYAMLError, mark: yaml.Mark | None) -> str:
    buffer = getattr(mark, "buffer", None) or ""
    if not buffer or mark is None:
        return "\t"  # the C parser keeps no buffer: tabs are the usual cause of this message
    start = buffer.rfind("\n", 0, mark.pointer) + 1
    end = buffer.find("\n", mark.pointer)
    return buffer[start : end if end >= 0 else None]


_DEFAULT_HINT = "check the indentation and the quotes on this line and the one before"
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "a text containing ': ' must be put in quotes, or the indentation is off"),
    ("could not find expected ':'", "a key is missing its ':' or a quote is not closed"),
    ("found unexpected end of stream", "a quote is not closed"),
    ("did not find expected key", "the indentation is off, or a text starting with a quote does not end with it"),
    ("did not find expected node content", "a bracket or a quote is not closed"),
    ("found undefined alias", "aliases are not allowed: write the text out in full"),
)


def _build(node: yaml.Node, path: Path, doc: YamlDoc, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 1)
    doc.value_lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                doc.problems.append((key_node.start_mark.line + 1, "a key must be a plain word followed by ':'"))
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                first = doc.key_lines.get(path + (key,), 0)
                doc.problems.append(
                    (key_node.start_mark.line + 1, f"the key '{key}' appears twice (first on line {first}): keep one")
                )
                continue
            doc.key_lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), doc, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), doc, depth + 1) for i, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return node  # a mapping used as a key: reported by the caller
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        return node.value
    finally:
        loader.dispose()


def yaml_quote(value: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML; line separators escaped too)."""
    text = json.dumps(value, ensure_ascii=False)
    for char in ("\u2028", "\u2029", "\x85"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text
