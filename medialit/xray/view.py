"""The document X-ray as the lesson lab and the students' document show it. Pure: no Streamlit.

- :func:`document_of` finds the document a lesson file names, even when the file has other errors
  (the X-ray helps most while a lesson is being written).
- :func:`finding_rows` and :func:`quote_block` list one kind of finding with line numbers, and as
  YAML items ready to paste under a highlight question's ``passages:`` or a label question's ``excerpts:``.
- :func:`layer` turns findings into the highlight widget's read-only ``xray`` layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medialit.format.document import read_document
from medialit.format.yamlsafe import read_yaml, yaml_quote
from medialit.paths import inside_kit, kit_root
from medialit.scaffold.writer import quote_for
from medialit.xray import Finding, kind_label, line_col

EXCERPT_CHARS = 90


@dataclass(frozen=True)
class Document:
    """A lesson's document: its path inside the kit, and its text (None with ``problem`` when unreadable)."""

    file: str | None
    text: str | None
    problem: str | None = None


def document_of(yaml_text: str, root: Path | None = None) -> Document:
    """The document ``document: file:`` names in a lesson's text, read from the kit (never from elsewhere)."""
    root = (root or kit_root()).resolve()
    data = read_yaml(yaml_text.encode("utf-8")).data
    ref = data.get("document") if isinstance(data, dict) else None
    file = ref.get("file") if isinstance(ref, dict) else None
    if not isinstance(file, str) or not file.strip():
        return Document(None, None, "no document")
    candidate = Path(file)
    full = root / candidate
    if candidate.is_absolute() or ".." in candidate.parts or not inside_kit(full, root) or not full.is_file():
        return Document(file, None, "not in the kit")
    try:
        return Document(file, read_document(full))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Document(file, None, str(exc))


def excerpt(text: str, finding: Finding, limit: int = EXCERPT_CHARS) -> str:
    """The finding's passage on one line, cut at ``limit`` characters."""
    flat = " ".join(text[finding.start:finding.end].split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def finding_rows(text: str, findings: list[Finding], lang: str) -> list[dict[str, object]]:
    """One row per finding: its line, its passage, what it is (and what it points at), and why it matters."""
    rows = []
    for finding in findings:
        passage = excerpt(text, finding)
        detail = f" ({finding.detail})" if finding.detail and finding.detail not in passage else ""
        rows.append({"line": line_col(text, finding.start)[0], "passage": passage,
                     "what": finding.label(lang) + detail, "why": " ".join(finding.note(lang).split())})
    return rows


def quote_block(text: str, findings: list[Finding], lang: str) -> str:
    """The findings as YAML list items (``- quote:`` with ``occurrence:``/``technique:`` when needed)."""
    lines = []
    for finding in findings:
        quote, occurrence = quote_for(text, finding)
        lines.append(f"- quote: {yaml_quote(quote)}")
        if occurrence:
            lines.append(f"  occurrence: {occurrence}")
        if finding.technique:
            lines.append(f"  technique: {finding.technique}")
        lines.append(f"  # line {line_col(text, finding.start)[0]} · {finding.label(lang)}")
    return "\n".join(lines)


def layer(findings: list[Finding], lang: str, title: str) -> dict:
    """The highlight widget's read-only ``xray`` layer: each passage titled with what was noticed and why."""
    colon = "\u00a0: " if lang == "fr" else ": "
    return {
        "name": "xray",
        "title": title,
        "spans": [[f.start, f.end] for f in findings],
        "titles": [f"{kind_label(f.kind, lang)} — {f.label(lang)}{colon}{' '.join(f.note(lang).split())}"
                   for f in findings],
    }
