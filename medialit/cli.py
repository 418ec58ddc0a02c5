"""The ``medialit`` command: validate lesson files, write the schema, and more."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from medialit.format.library import lesson_files
from medialit.format.loader import LoadResult, lesson_data, load_lesson
from medialit.format.problems import Problem
from medialit.format.schema import write_schema
from medialit.paths import content_dirs, kit_root
from medialit.questions.scoring import fmt


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """medialit: a media-literacy teaching kit."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
def validate(paths: tuple[Path, ...], strict: bool, as_json: bool) -> None:
    """Check lesson and exercise files (default: lessons/ and exercises/) and list ALL problems.

    Exit status: 0 when clean, 1 when there are problems, 2 for usage errors.
    """
    results = [load_lesson(f, kit_root()) for f in _files_to_check(paths)]
    problems = [p for r in results for p in r.problems]
    if as_json:
        click.echo(json.dumps(_json_report(results), ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(str(p))
        click.echo(_summary(len(results), problems, strict))
    failing = [p for p in problems if p.severity == "error" or strict]
    sys.exit(1 if failing else 0)


def _files_to_check(paths: tuple[Path, ...]) -> list[Path]:
    """The lesson files under ``paths`` (default: the kit's content folders).

    Raises click.UsageError (exit status 2) for a path that does not exist, or when no file is found.
    """
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {missing[0]}")
    files = lesson_files(list(paths) or content_dirs())
    if not files:
        raise click.UsageError("no lesson files (.yaml) found there")
    return files


def _json_report(results: list[LoadResult]) -> dict[str, Any]:
    """The ``--json`` report: per file its lesson summary and problems, then the error and warning counts."""
    problems = [p for r in results for p in r.problems]
    return {
        "files": [
            {"file": r.display, "lesson": r.lesson_id, **(lesson_data(r) or {"questions": []}),
             "problems": [{"line": p.line, "severity": p.severity, "question": p.question, "message": p.message}
                          for p in r.problems]}
            for r in results
        ],
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
    }


def _summary(n_files: int, problems: list[Problem], strict: bool) -> str:
    """The last line of the text report: files checked, errors, warnings (and what --strict does to them)."""
    n_err = sum(p.severity == "error" for p in problems)
    n_warn = len(problems) - n_err
    summary = f"{n_files} file(s) checked: {n_err} error(s), {n_warn} warning(s)"
    if strict and n_warn:
        summary += " (--strict: warnings count as failures)"
    return summary


@main.command()
def migrate() -> None:
    """Create or upgrade the database (MEDIALIT_DATABASE_URL, else the SQLite file in data/).

    The app does this at start too; run it once before starting several replicas.
    """
    from sqlalchemy.engine import make_url

    from medialit.store import Store

    store = Store()
    click.echo(f"database ready: {make_url(str(store.url)).render_as_string(hide_password=True)}")
    store.close()


@main.command()
def schema() -> None:
    """Write lesson.schema.json (for editor autocompletion) at the top of the kit."""
    path = write_schema()
    click.echo(f"wrote {path}")



# --- Authoring: document X-ray, exports, new lesson (implementations in medialit.xray, medialit.export,
# medialit.scaffold.writer; imported inside each command so that `medialit validate` starts fast).


@main.command("xray")
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="The document's language.")
@click.option("--kind", "kinds", multiple=True, help="Only these kinds of findings (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def xray_command(document: Path, lang: str, kinds: tuple[str, ...], as_json: bool) -> None:
    """List what the X-ray notices in DOCUMENT (loaded words, sources, links, dates, figures…), by line."""
    from dataclasses import asdict

    from medialit.format.document import read_document
    from medialit.xray import KINDS, line_col, summary, xray

    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise click.UsageError(f"unknown kind '{unknown[0]}': use one of {', '.join(KINDS)}")
    try:
        text = read_document(document)
    except (UnicodeDecodeError, ValueError) as exc:
        raise click.ClickException(f"{document} cannot be read as UTF-8 text ({exc})") from exc
    findings = [f for f in xray(text, lang) if not kinds or f.kind in kinds]
    if as_json:
        rows = [{**asdict(f), "line": line_col(text, f.start)[0], "text": text[f.start:f.end]} for f in findings]
        click.echo(json.dumps({"findings": rows, "summary": summary(findings)}, ensure_ascii=False, indent=2))
        return
    for f in findings:
        line, col = line_col(text, f.start)
        excerpt = " ".join(text[f.start:f.end].split())
        excerpt = excerpt if len(excerpt) <= 70 else excerpt[:69] + "…"
        detail = f" [{f.detail}]" if f.detail and f.detail not in excerpt else ""
        click.echo(f"{line:>4}:{col:<4} {f.kind:<16} «{excerpt}» — {f.label(lang)}{detail}")
    click.echo(", ".join(f"{kind}: {n}" for kind, n in summary(findings).items() if n) or "nothing found")


@main.command("xray-eval")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def xray_eval_command(as_json: bool) -> None:
    """How well the X-ray finds loaded language: on the kit's lessons (seed), and on the evaluation texts
    of tests/xray/texts (dev, and held-out: texts its word lists were never tuned on), reported apart."""
    from medialit.format.library import Library
    from medialit.xray import textsets
    from medialit.xray.evaluation import evaluate, report_lines

    seed = evaluate(Library(kit_root()))
    folder = kit_root() / "tests" / "xray" / "texts"
    sets = {name: textsets.evaluate_set(folder / name) for name in textsets.SETS if (folder / name).is_dir()}
    if as_json:
        click.echo(json.dumps({"seed": seed, **sets}, ensure_ascii=False, indent=2))
        return
    lines = report_lines(seed)
    for result in sets.values():
        lines += ["", *textsets.report_lines(result)]
    click.echo("\n".join(lines))


@main.command("export")
@click.argument("lesson")
@click.option("--format", "fmt", type=click.Choice(["html", "gift"]), default="html", show_default=True)
@click.option("--key", is_flag=True, help="HTML: the teacher's answer key instead of the student worksheet.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: print).")
def export_command(lesson: str, fmt: str, key: bool, lang: str, output: Path | None) -> None:
    """Export LESSON (a lesson file or a lesson id): printable worksheet / answer key, or Moodle GIFT."""
    from medialit.export.gift import gift
    from medialit.export.key import answer_key_html
    from medialit.export.worksheet import worksheet_html
    from medialit.format.library import resolve

    result = resolve(lesson)
    if result is None:
        raise click.ClickException(f"no lesson file or lesson id '{lesson}' (see lessons/ and exercises/)")
    if result.loaded is None:
        for problem in result.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{result.display} has errors: fix them first (medialit validate)")
    skipped: list[str] = []
    if fmt == "gift":
        if key:
            raise click.UsageError("--key goes with --format html (a GIFT file carries its own answers)")
        text, skipped = gift(result.loaded, lang)
    else:
        text = (answer_key_html if key else worksheet_html)(result.loaded, lang)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    if skipped:
        click.echo(f"not exported (GIFT cannot express highlight and label questions): {', '.join(skipped)}",
                   err=True)


@main.command("score")
@click.argument("cases", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per case.")
def score_command(cases: Path, as_json: bool) -> None:
    """Score the answers in CASES (a YAML list of lesson, question, lang, answer), in input order.

    For tuning a rubric on a class's answers: each line gives the points, whether the answer is complete,
    whether it is held for review, the scorer's confidence, and how the points were computed.
    """
    from medialit.cases import CaseFileError, read_cases, score_cases

    try:
        results = score_cases(read_cases(cases), kit_root())
    except CaseFileError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for n, r in enumerate(results, start=1):
            where = f"{n}. {r.lesson}/{r.question} ({r.lang})"
            if r.error:
                click.echo(f"{where}: cannot be scored: {r.error}")
                continue
            state = "held for review" if r.pending else "complete" if r.complete else "incomplete"
            click.echo(f"{where}: {fmt(r.earned)}/{fmt(r.possible)} pt, {state}, confidence {r.confidence:.2f}"
                       f"{', to review' if r.needs_review and not r.pending else ''} — {r.explanation}")
    if any(r.error for r in results):
        raise SystemExit(1)


@main.command("new")
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--id", "lesson_id", help="The lesson id (default: from the file name).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="The document's and the lesson's language.")
def new_command(document: Path, lesson_id: str | None, lang: str) -> None:
    """Start a lesson on DOCUMENT: copy it into seeds/ if needed and write lessons/<id>.yaml to complete."""
    from medialit.scaffold.writer import ScaffoldError, scaffold

    try:
        path = scaffold(document, lesson_id=lesson_id, lang=lang, root=kit_root())
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from exc
    result = load_lesson(path, kit_root())
    click.echo(f"wrote {result.display}")
    for problem in result.problems:
        click.echo(str(problem))
    click.echo("next: write the texts marked 'À écrire' / 'To write', then: medialit validate --strict "
               f"{result.display}")

if __name__ == "__main__":  # pragma: no cover
    main()
