"""``medialit new DOCUMENT``: start a lesson on a document.

Copies the document into the kit's ``seeds/`` (when it is not already inside the kit) and writes
``lessons/<id>.yaml``: the schema line, the metadata read from the document, one real question (the
first-impression rating, unscored) so that the file validates at once, one COMMENTED example of each
question type, and the X-ray's suggestions as commented candidates ready to paste. The lesson
validates with warnings that say what remains to write. Nothing is ever overwritten.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from medialit.format.document import MAX_DOCUMENT_BYTES, find_all
from medialit.format.schema import SCHEMA_LINE
from medialit.format.yamlsafe import yaml_quote
from medialit.paths import inside_kit, kit_root
from medialit.questions import registry
from medialit.questions.kind import Suggestion
from medialit.scaffold.examples import FIRST_IMPRESSION
from medialit.scaffold.meta import Metadata, read_metadata
from medialit.xray import KINDS, Finding, kind_label, line_col, xray

SUGGESTIONS_PER_KIND = 12
MAX_QUOTE = 100
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class ScaffoldError(ValueError):
    """Why a lesson cannot be started on this document (worded for the teacher)."""


def slugify(name: str) -> str:
    """A lesson id from a file name: lower case, no accents, words joined by dashes (80 characters at most)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].strip("-")
    return slug or "lesson"


def _read_checked(path: Path, root: Path) -> bytes:
    shown = str(path)
    if not path.exists() and not path.is_symlink():
        raise ScaffoldError(f"no such file: {shown}")
    if (path.is_symlink() or _lexically_inside(path, root)) and not inside_kit(path, root):
        raise ScaffoldError(f"'{shown}' is a link to a file outside the kit: copy the file itself (not a link) "
                            "and run the command on the copy")
    if not path.is_file():
        raise ScaffoldError(f"'{shown}' is not a file: give the path of a text file (.txt or .md)")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise ScaffoldError(f"'{shown}' is {size / (1024 * 1024):.1f} MB: a document may be "
                            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB at most (keep only the article's text)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ScaffoldError(f"'{shown}' is not UTF-8 text (line {line}): save it as UTF-8 text in your editor, "
                            "then run the command again") from exc
    if not text.strip():
        raise ScaffoldError(f"'{shown}' is empty: paste the document's text into it first")
    return data


def _lexically_inside(path: Path, root: Path) -> bool:
    """Is ``path`` inside the kit as written ("..", not links, resolved): "../work/a.txt" run in the kit is not."""
    try:
        Path(os.path.normpath(path.absolute())).relative_to(root)
    except ValueError:
        return False
    return True


def _place_document(path: Path, data: bytes, root: Path) -> str:
    """The document's path inside the kit, copying it into seeds/ when it is outside."""
    if inside_kit(path, root):
        return path.resolve().relative_to(root).as_posix()
    name = re.sub(r"[^\w.\-]+", "-", path.name).strip("-.") or "document.txt"
    target = root / "seeds" / name
    if target.exists():
        if target.read_bytes() != data:
            raise ScaffoldError(f"seeds/{name} already exists with a different text: rename your file and run the "
                                "command again")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return f"seeds/{name}"


def _id_in_use(lesson_id: str, root: Path) -> str | None:
    pattern = re.compile(rf"^id:\s*['\"]?{re.escape(lesson_id)}['\"]?\s*(?:#.*)?$", re.MULTILINE)
    for folder in ("lessons", "exercises"):
        for file in sorted((root / folder).glob("*.y*ml")) if (root / folder).is_dir() else []:
            if pattern.search(file.read_text(encoding="utf-8", errors="replace")):
                return f"{folder}/{file.name}"
    return None


def scaffold(document_path: Path | str, lesson_id: str | None = None, lang: str = "fr",
             root: Path | None = None) -> Path:
    """Write ``lessons/<id>.yaml`` for the document and return its path. Raises ``ScaffoldError``."""
    root = (root or kit_root()).resolve()
    path = Path(document_path)
    if lang not in ("fr", "en"):
        raise ScaffoldError(f"unknown language '{lang}': use fr or en")
    data = _read_checked(path, root)
    lesson_id = lesson_id or slugify(path.stem)
    if not _SLUG.match(lesson_id) or len(lesson_id) > 80:
        raise ScaffoldError(f"'{lesson_id}' cannot be a lesson id: use lowercase letters, digits and dashes, "
                            "e.g. rt-france-2018-sommet")
    target = root / "lessons" / f"{lesson_id}.yaml"
    if target.exists():
        raise ScaffoldError(f"lessons/{lesson_id}.yaml already exists: it is never overwritten; choose another "
                            "--id (a lesson id must never change meaning)")
    used = _id_in_use(lesson_id, root)
    if used:
        raise ScaffoldError(f"the id '{lesson_id}' is already used by {used}: choose another --id")
    relative = _place_document(path, data, root)
    text = data.decode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(lesson_yaml(lesson_id, relative, text, lang), encoding="utf-8")
    return target


def _metadata_lines(meta: Metadata) -> list[str]:
    lines = []
    for key, value, what in (("title", meta.title, "the headline"), ("author", meta.author, "the author"),
                             ("outlet", meta.outlet, "the outlet or site"), ("date", meta.date, "the date"),
                             ("address", meta.address, "the web address")):
        if value:
            lines.append(f"  {key}: {yaml_quote(value)}   # check it: {what} as printed")
        else:
            lines.append(f"  # {key}: \"…\"   # {what}: not found in the document; leave it out if it is not printed")
    return lines


def lesson_yaml(lesson_id: str, document_file: str, text: str, lang: str = "fr") -> str:
    """The new lesson file's text (valid YAML, one real question, everything else commented)."""
    meta = read_metadata(text, lang)
    findings = xray(text, lang)
    title = meta.title or document_file.rsplit("/", 1)[-1]
    lines = [
        SCHEMA_LINE,
        f"# Lesson started by `medialit new` on {date.today().isoformat()} from {document_file}.",
        "# To do: write the title, introduction and teacher notes; uncomment and adapt the example questions",
        "# (one of each type) and use the X-ray's suggestions at the end of the file. Check your work with:",
        f"#   .venv/bin/medialit validate lessons/{lesson_id}.yaml --strict",
        f"id: {lesson_id}   # stable: answers are stored against it; never reuse it",
        "kind: lesson",
        "status: draft   # students do not see a draft (nor class sessions); write 'published' when it is ready",
        f"title: {{fr: {yaml_quote('À écrire : ' + title)}, en: {yaml_quote('To write: ' + title)}}}",
        "document:",
        f"  file: {document_file}",
        *_metadata_lines(meta),
        "  written_for_kit: false",
        f"language: {lang}",
        'level: {fr: "Lycée (15-18 ans)", en: "Upper secondary (15-18)"}',
        "duration_minutes: 50",
        'introduction: {fr: "À écrire : ce que les élèves vont lire et faire.", '
        'en: "To write: what students will read and do."}',
        "teacher_notes:",
        '  goals: {fr: "À écrire : ce que les élèves sauront faire à la fin.", '
        'en: "To write: what students will be able to do at the end."}',
        '  discussion: {fr: "À écrire : ce dont discuter avec la classe, et quand.", '
        'en: "To write: what to discuss with the class, and when."}',
        '  # timing: {fr: "…", en: "…"}',
        '  # background: {fr: "…", en: "…"}   # outside facts, stated carefully…',
        '  # sources: ["[Title](https://…)"]   # …with their sources',
        "questions:",
        FIRST_IMPRESSION.rstrip("\n"),
        "",
        *_examples(text, findings),
        "",
        *suggestion_lines(text, findings, lang),
    ]
    return "\n".join(lines) + "\n"


def quote_for(text: str, finding: Finding) -> tuple[str, int | None]:
    """A quote of the finding (white space tidied, at most ``MAX_QUOTE`` characters) and its occurrence."""
    printed = " ".join(text[finding.start:finding.end].split())
    if len(printed) > MAX_QUOTE:
        printed = printed[:MAX_QUOTE].rsplit(" ", 1)[0]
    spans = find_all(text, printed)
    if len(spans) <= 1:
        return printed, None
    position = next((i for i, (s, _) in enumerate(spans, start=1) if s >= finding.start), len(spans))
    return printed, position


def _examples(text: str, findings: list[Finding]) -> list[str]:
    """One commented example per question type, quoting passages the X-ray found (loaded wording first)."""
    wording = [f for f in findings if f.kind in ("loaded", "scare_quotes", "absolute")] or findings
    suggestions = [Suggestion(*quote_for(text, f)) for f in wording[:2]] or [Suggestion(" ".join(text.split()[:3]))]
    lines = ["  # --- Examples: one of each question type. Uncomment one (remove \"# \" at the start of its lines),",
             "  # --- then rewrite its texts. See docs/lesson-format.md."]
    for kind in registry.KINDS.values():
        lines += ["  # " + line for line in kind.printed.scaffold_example(suggestions).rstrip("\n").split("\n")]
    return lines


def suggestion_lines(text: str, findings: list[Finding], lang: str = "fr") -> list[str]:
    """The X-ray's findings as commented passages, grouped by kind, ready to paste into a question."""
    lines = [
        "# ---------------------------------------------------------------------------------------------",
        "# X-ray suggestions (medialit xray): CANDIDATES to check, not answers. Each one is ready to paste",
        "# under 'passages:' of a highlight question (remove '# ' from its lines); for a label question",
        "# add an 'id:' and an 'answer:'.",
    ]
    for kind in KINDS:
        mine = [f for f in findings if f.kind == kind]
        if not mine:
            continue
        lines.append(f"# --- {kind_label(kind, lang)} ({kind}): {len(mine)}")
        for finding in mine[:SUGGESTIONS_PER_KIND]:
            quote, occurrence = quote_for(text, finding)
            line, _ = line_col(text, finding.start)
            detail = f" ({finding.detail})" if finding.detail and finding.detail not in quote else ""
            lines.append(f"#     - quote: {yaml_quote(quote)}")
            if occurrence:
                lines.append(f"#       occurrence: {occurrence}")
            if finding.technique:
                lines.append(f"#       technique: {finding.technique}")
            note = " ".join(finding.note(lang).split())
            lines.append(f"#       # line {line} · {finding.label(lang)}{detail}: {note}")
        if len(mine) > SUGGESTIONS_PER_KIND:
            lines.append(f"#     # … and {len(mine) - SUGGESTIONS_PER_KIND} more: run `medialit xray` on the document")
    return lines
