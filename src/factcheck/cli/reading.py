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
    from factcheck.filters import ClaimFilter
    from factcheck.folder.access import Folder
    from factcheck.folder.pieces import Listed


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
    # A listing does not keep the draft mark: --drafts reads the claims themselves.
    listable = fmt in (OutputFormat.json, OutputFormat.table) and not drafts
    folder = claims_folder(claims)
    if not (listable and _list_from_listing(folder, wanted, fmt)):
        _list_from_folder(folder, wanted, fmt, listable)


def _list_from_listing(folder: Folder, wanted: ClaimFilter, fmt: OutputFormat) -> bool:
    """The answer from the cache's listing of the folder, when it has one: for an unchanged
    folder and no filter, each claim's JSON as `list --json` printed it last time, cut from
    the listing's pieces in order, never parsed."""
    from factcheck import filters, jsonout

    stored = folder.stored_listing()
    if stored is not None and fmt is OutputFormat.json and wanted.is_everything():
        fragments = stored.fragments()
        if fragments is not None:
            jsonout.write_json_fragments(fragments)
            return True
    listed = folder.listing(stored)
    if listed is None:
        return False
    filters.require_known_among(listed.claims, listed.sources, listed.ratings, wanted.topics,
                                wanted.speaker, wanted.source, wanted.rating)  # fmt: skip
    _write_listed(filters.listed_in_order(listed.claims, wanted), fmt)
    return True


def _list_from_folder(folder: Folder, wanted: ClaimFilter, fmt: OutputFormat, keep: bool) -> None:
    """The folder loaded, the claims listed; and, for a folder worth it, its listing kept
    for the next run."""
    from factcheck import jsonout
    from factcheck.folder import listing, query
    from factcheck.output import claim_views

    corpus = folder.corpus()
    query.require_known(corpus, wanted.topics, wanted.speaker, wanted.source, wanted.rating)
    kept = query.list_claims(corpus, wanted)
    if not (keep and folder.worth_a_listing(corpus)):
        with paged(fmt):
            claim_views.claims(kept, fmt)
        return
    if fmt is OutputFormat.json:
        fragments = listing.claims_json_by_id(corpus)
        jsonout.write_json_fragments([fragments[c.id] for c in kept])
    else:  # the table first: making the listing's JSON need not delay it
        with paged(fmt):
            claim_views.claims_for_people(kept)
        fragments = listing.claims_json_by_id(corpus)
    every = len(kept) == len(corpus.claims)  # then `kept` is all of them, in list order
    folder.remember_listing(corpus, fragments, kept if every else None)


def _write_listed(chosen: list[Listed], fmt: OutputFormat) -> None:
    """Claims listed in the cache, as `list --json` or the table of `list` shows them."""
    if fmt is OutputFormat.json:
        from factcheck import jsonout

        jsonout.write_json_fragments([c.json for c in chosen])
        return
    from factcheck.output import claim_views

    with paged(fmt):
        claim_views.claims_for_people(chosen)


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
