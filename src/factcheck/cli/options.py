"""The options several commands share (the claims folder, the list filters, the output
format)."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck import completion
from factcheck.choices import OutputFormat
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.filters import ClaimFilter


DEFAULT_CLAIMS = "claims"


def _found_claims(value: str) -> str:
    """The claims folder: as given; or, for the default `claims` where the current folder
    has none, the nearest `claims` folder above it, as git finds `.git` (so that
    `cd claims && factcheck list` and a run from a subfolder of the repository work)."""
    if value != DEFAULT_CLAIMS or os.path.lexists(value):
        return value
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / DEFAULT_CLAIMS).is_dir():
            return str(folder / DEFAULT_CLAIMS)
        if (folder / ".git").exists():
            break  # the top of the repository: no claims folder in it
    return value


ClaimsDir = Annotated[
    str,
    typer.Option(
        "--claims",
        metavar="DIR",
        envvar="FACTCHECK_CLAIMS",
        help="The claims folder (every *.toml below it is read), one .toml file, or - to read "
        "one claims document from standard input. By default ./claims, or the nearest "
        "claims folder above the current one.",
        show_default=True,
        callback=_found_claims,
    ),
]


# The filters of `list`, shared by every command that narrows the claims it works on.
TopicFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Only claims on this topic (repeat for any of several).",
        autocompletion=completion.topics,
    ),
]


SpeakerFilter = Annotated[
    str | None,
    typer.Option("--speaker", metavar="TEXT", help="Speaker contains this (any case)."),
]


SourceFilter = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="ID",
        help="Only claims from this source ID.",
        autocompletion=completion.source_ids,
    ),
]


RatingFilter = Annotated[
    str | None,
    typer.Option(
        "--rating", metavar="RATING", help="Only claims reviewed with this rating ID (or text)."
    ),
]


SinceFilter = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="Claims dated on or after (YYYY-MM-DD)."),
]


UntilFilter = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", help="Claims dated on or before (YYYY-MM-DD)."),
]


def _format_option(*allowed: str) -> Any:
    return typer.Option(
        "--format",
        "-f",
        metavar="|".join(allowed),
        help=f"table for people; {', '.join(allowed[1:])} for scripts.",
    )


# Each command's help lists the formats it takes, and output_format() enforces the same list.
FormatOption = Annotated[OutputFormat, _format_option("table", "json", "jsonl", "csv")]


DocumentFormat = Annotated[OutputFormat, _format_option("table", "json", "jsonl")]


ValidateFormat = Annotated[OutputFormat, _format_option("table", "json")]


JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]


def output_format(
    fmt: OutputFormat, as_json: bool, allowed: tuple[OutputFormat, ...] = tuple(OutputFormat)
) -> OutputFormat:
    if as_json:
        if fmt not in (OutputFormat.table, OutputFormat.json):
            raise UsageProblem(f"--json and --format {fmt.value} disagree; give one of them")
        fmt = OutputFormat.json
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise UsageProblem(f"--format {fmt.value} does not fit this command; use one of: {names}")
    return fmt


def paged(fmt: OutputFormat) -> contextlib.AbstractContextManager[None]:
    """The pager for a table on a terminal; nothing for scripts' formats."""
    from factcheck.cli.environment import environment
    from factcheck.output import terminal

    return terminal.paged(environment().pager and fmt is OutputFormat.table)


def option_date(option: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date from an option, or a usage error in plain words."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(
            f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-20"
        ) from None


def option_topics(topics: list[str]) -> list[str]:
    """Topics given with --topic for new records, each an ID, or a usage error with the fix
    (the record's model would refuse it later with its regular expression)."""
    import re

    from factcheck.model import SLUG_PATTERN

    for topic in topics:
        if not re.fullmatch(SLUG_PATTERN, topic):
            raise UsageProblem(f"--topic {topic!r} is not a topic ID: lowercase letters, digits "
                               "and hyphens, from a letter (e.g. 'covid-vaccines')")  # fmt: skip
    return topics


def claim_filter(
    topic: list[str] | None,
    speaker: str | None,
    source: str | None,
    rating: str | None,
    since: str | None,
    until: str | None,
    **more: Any,
) -> ClaimFilter:
    """The claims the shared filter options keep (`list`, `match`); `more`: what only one
    command has (`search`, `drafts`)."""
    from factcheck.filters import ClaimFilter

    return ClaimFilter(topics=tuple(topic or ()), speaker=speaker, source=source, rating=rating,
                       since=option_date("--since", since), until=option_date("--until", until),
                       **more)  # fmt: skip


def _file_option(default: str) -> Any:
    return typer.Option(
        "--file",
        metavar="FILE",
        help="The .toml file to add to (created if missing; its comments and layout are kept). "
        f"Default: {default} in the claims folder.",
    )


# The file `new` and `import` add records to.
FileOption = Annotated[Path | None, _file_option("new-claims.toml")]
ImportFileOption = Annotated[Path | None, _file_option("imported.toml")]


NoInput = Annotated[
    bool, typer.Option("--no-input", help="Never prompt: take every field from the options.")
]


class ExchangeFormat(str, enum.Enum):
    claimreview = "claimreview"
    claimreview_jsonl = "claimreview-jsonl"
