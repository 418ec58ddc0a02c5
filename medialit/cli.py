"""The ``medialit`` command: validate lesson files, write the schema, and more."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from medialit.catalog import lesson_files
from medialit.loader import lesson_data, load_lesson
from medialit.paths import content_dirs, kit_root
from medialit.schema import write_schema


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
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {missing[0]}")
    files = lesson_files(list(paths) or content_dirs())
    if not files:
        raise click.UsageError("no lesson files (.yaml) found there")
    results = [load_lesson(f, kit_root()) for f in files]
    problems = [p for r in results for p in r.problems]
    failing = [p for p in problems if p.severity == "error" or strict]
    if as_json:
        report = {
            "files": [
                {"file": r.display, "lesson": r.lesson_id, **(lesson_data(r) or {"questions": []}),
                 "problems": [{"line": p.line, "severity": p.severity, "question": p.question, "message": p.message}
                              for p in r.problems]}
                for r in results
            ],
            "errors": sum(p.severity == "error" for p in problems),
            "warnings": sum(p.severity == "warning" for p in problems),
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(str(p))
        n_err = sum(p.severity == "error" for p in problems)
        n_warn = len(problems) - n_err
        summary = f"{len(files)} file(s) checked: {n_err} error(s), {n_warn} warning(s)"
        if strict and n_warn:
            summary += " (--strict: warnings count as failures)"
        click.echo(summary)
    sys.exit(1 if failing else 0)


@main.command()
def schema() -> None:
    """Write lesson.schema.json (for editor autocompletion) at the top of the kit."""
    path = write_schema()
    click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
