"""The JSON Schema of the lesson format, for editors (yaml-language-server) to autocomplete."""

from __future__ import annotations

import json
from pathlib import Path

from medialit.format.model import Lesson
from medialit.paths import kit_root

SCHEMA_FILE = "lesson.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"


def schema_text() -> str:
    schema = Lesson.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "medialit lesson"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(root: Path | None = None) -> Path:
    path = (root or kit_root()) / SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8")
    return path
