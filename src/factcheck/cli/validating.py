"""`validate` and `schema`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.choices import OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import summarise_claims
from factcheck.cli.options import ClaimsDir, JsonFlag, ValidateFormat, output_format
from factcheck.errors import (
    EXIT_DATA,
)
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    pass


@app.command("validate")
@handles_errors
def validate_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Report only the problems of these files (the whole folder is still read, so "
            "that references across files resolve). What a pre-commit hook passes.",
            show_default=False,
        ),
    ] = None,
    claims: ClaimsDir = "claims",
    fmt: ValidateFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Check every claims file; exit 0 when all is well, 3 with every problem otherwise.

    Run it in a claims repository's CI or pre-commit hook (which passes the changed files:
    their problems are reported, read in the context of the whole folder). With --json the
    problems are a JSON document on stdout.

    Examples:

    \b
      factcheck validate --claims claims/
      factcheck validate claims/2025/budget.toml
    """
    from factcheck.folder.problems import ClaimsError
    from factcheck.output import render, terminal

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json))
    wanted = _files_in_folder(files or [], claims)
    try:
        summary = summarise_claims(claims)
    except ClaimsError as error:
        problems = [p for p in error.problems if wanted is None or _concerns(p.path, wanted)]
        if problems:
            render.problems(problems, fmt)
            raise typer.Exit(EXIT_DATA) from None
        terminal.note("the files given are valid; other files in the folder have problems")
        return
    render.validation_summary(summary, fmt)


def _files_in_folder(files: list[Path], claims: str) -> set[Path] | None:
    """The given files, resolved. A file outside the claims folder (pre-commit passes every
    changed .toml, pyproject.toml too) is left out, and said so."""
    from factcheck.output import terminal

    if not files:
        return None
    folder = Path(claims).resolve()
    wanted = set()
    for file in files:
        if not file.exists():
            raise UsageProblem(f"{file}: no such file; name a claims file, or none to validate "
                               "the whole folder")  # fmt: skip
        resolved = file.resolve()
        if folder in resolved.parents:
            wanted.add(resolved)
        else:
            terminal.note(f"skipped {file}: not in the claims folder {claims}")
    return wanted


def _concerns(path: str, wanted: set[Path]) -> bool:
    """Whether a problem is about one of the files given (a problem about the folder as a
    whole, such as a missing folder, concerns them all)."""
    resolved = Path(path).resolve()
    return resolved in wanted or resolved.is_dir()


@app.command("schema")
@handles_errors
def schema_command() -> None:
    """Print the JSON Schema of a claims file, for editors that validate TOML as you type.

    Example (taplo / Even Better TOML): save it, then start a claims file with

      #:schema ./factcheck.schema.json

      factcheck schema > factcheck.schema.json
    """
    from factcheck.model import claims_file_json_schema
    from factcheck.output import render

    render.one_document(claims_file_json_schema(), OutputFormat.json)
