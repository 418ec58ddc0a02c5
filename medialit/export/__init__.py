"""Exports of a lesson: a printable worksheet and answer key (HTML, A4), and Moodle's GIFT format.

``worksheet_html(loaded, lang)``, ``answer_key_html(loaded, lang)`` and ``gift(loaded, lang)`` are
pure functions of a loaded lesson (no file written), so the app can offer them as downloads.
``resolve(lesson)`` finds a lesson by path or by id for the command line.
"""

from __future__ import annotations

from pathlib import Path

from medialit.catalog import catalog
from medialit.export.gift import gift
from medialit.export.key import answer_key_html
from medialit.export.worksheet import worksheet_html
from medialit.loader import LoadResult, load_lesson

__all__ = ["answer_key_html", "gift", "resolve", "worksheet_html"]


def resolve(lesson: str, root: Path | None = None) -> LoadResult | None:
    """The load result of ``lesson``, given as a file path or a lesson id (None when neither exists)."""
    path = Path(lesson)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return load_lesson(path, root)
    return catalog(root).result_for_id(lesson)
