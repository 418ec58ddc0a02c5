"""docs/lesson-format.md names every key of the lesson and of its document: a new field is documented."""

from __future__ import annotations

import re

import pytest

from medialit.format.model import DocumentRef, Lesson
from medialit.paths import kit_root

DOC = (kit_root() / "docs" / "lesson-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("model", "key"), [(m, k) for m in (Lesson, DocumentRef) for k in m.model_fields],
                         ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_every_lesson_and_document_key_is_in_the_format_docs(model, key):
    assert re.search(rf"^\s*{key}:", DOC, re.MULTILINE), f"docs/lesson-format.md does not show '{key}:'"


def test_the_docs_explain_drafts_and_the_author():
    assert "**`status: draft`**" in DOC
    assert "author: null                          # the byline's name as printed" in DOC
