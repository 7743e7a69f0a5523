"""`list`, `show` and `topics`: the claims as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import completion
from factcheck.choices import OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import claims_folder
from factcheck.cli.options import (
    ClaimsDir,
    DocumentFormat,
    FormatOption,
    JsonFlag,
    RatingFilter,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    TopicFilter,
    UntilFilter,
    claim_filter,
    output_format,
    paged,
)

if TYPE_CHECKING:
    from factcheck.folder.access import Shape


@app.command("list")
@handles_errors
def list_command(
    claims: ClaimsDir = "claims",
    topic: TopicFilter = None,
    speaker: SpeakerFilter = None,
    search: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Text, quote or ID contains this (any case).")
    ] = None,
    source: SourceFilter = None,
    rating: RatingFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="Only claims drafted by extract, to be reviewed.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """List claims, filtered, by date then ID (undated claims last).

    Examples:

    \b
      factcheck list --topic detainers
      factcheck list --speaker newsom --json | jq '.[].id'
    """
    fmt = output_format(fmt, as_json)
    wanted = claim_filter(topic, speaker, source, rating, since, until, search=search,
                          drafts=drafts)  # fmt: skip
    shapes: dict[OutputFormat, Shape] = {OutputFormat.json: "json", OutputFormat.table: "rows"}
    shape = shapes.get(fmt, "records")
    listed = claims_folder(claims).listed(wanted, shape)
    if listed.json is not None:
        from factcheck import jsonout

        jsonout.write_json_fragments(listed.json)
        return
    from factcheck.output import claim_views

    with paged(fmt):
        if fmt is OutputFormat.table:
            claim_views.claims_for_people(listed.claims)
        else:
            claim_views.claims(listed.claims, fmt)  # type: ignore[arg-type]  # whole records


@app.command("show")
@handles_errors
def show_command(
    claim_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The claim's ID.", autocompletion=completion.claim_ids),
    ],
    claims: ClaimsDir = "claims",
    fmt: DocumentFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Show one claim in full: source, figures, what it disputes and what disputes it.

    Example:

    \b
      factcheck show dhs-released-4561
    """
    from factcheck.output import claim_views

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    view = claims_folder(claims).claim_view(claim_id)
    with paged(fmt):
        claim_views.claim_detail(view, fmt)


@app.command("topics")
@handles_errors
def topics_command(
    claims: ClaimsDir = "claims",
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Each topic with its number of claims.

    Example:

    \b
      factcheck topics --json
    """
    from factcheck.output import claim_views

    fmt = output_format(fmt, as_json)
    claim_views.topics(claims_folder(claims).topic_counts(), fmt)  # from its listing, when it can
