"""`list`, `show` and `topics`: the claims as they are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import completion
from factcheck.choices import OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import _cache, load_claims
from factcheck.cli.options import (
    SETTINGS,
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
    _date,
    output_format,
    paged,
)

if TYPE_CHECKING:
    from factcheck.filters import ClaimFilter
    from factcheck.listing import Listed, Listing, Stored


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
    from factcheck import filters

    fmt = output_format(fmt, as_json)
    wanted = filters.ClaimFilter(
        topics=tuple(topic or ()), speaker=speaker, search=search, source=source,
        since=_date("--since", since), until=_date("--until", until), rating=rating,
        drafts=drafts,
    )  # fmt: skip
    # A listing does not keep the draft mark: --drafts reads the claims themselves.
    listable = fmt in (OutputFormat.json, OutputFormat.table) and not drafts
    if not (listable and _list_from_listing(claims, wanted, fmt)):
        _list_from_folder(claims, wanted, fmt, listable)


def _list_from_listing(claims: str, wanted: ClaimFilter, fmt: OutputFormat) -> bool:
    """The answer from the cache's listing of the folder, when it has one: for an unchanged
    folder and no filter, the very bytes `list --json` printed last time."""
    from factcheck import filters, jsonout

    stored = _cached_listing(claims)
    if stored is not None and fmt is OutputFormat.json and wanted.is_everything():
        jsonout.write_bytes(stored.output)
        return True
    listed = stored.claims() if stored is not None else _listing_after_edit(claims)
    if listed is None:
        return False
    filters.require_known_among(listed.claims, listed.sources, listed.ratings, wanted.topics,
                                wanted.speaker, wanted.source, wanted.rating)  # fmt: skip
    _write_listed(filters.listed_in_order(listed.claims, wanted), fmt)
    return True


def _list_from_folder(claims: str, wanted: ClaimFilter, fmt: OutputFormat, listable: bool) -> None:
    """The folder loaded, the claims listed; and, for a folder worth it, its listing kept
    for the next run."""
    from factcheck import jsonout, listing, query, render

    corpus = load_claims(claims)
    query.require_known(corpus, wanted.topics, wanted.speaker, wanted.source, wanted.rating)
    kept = query.list_claims(corpus, wanted)
    if not (listable and listing.worth_remembering(corpus)):
        with paged(fmt):
            render.claims(kept, fmt)
        return
    if fmt is OutputFormat.json:
        fragments = listing.claims_json_by_id(corpus)
        jsonout.write_json_fragments([fragments[c.id] for c in kept])
    else:  # the table first: making the listing's JSON need not delay it
        with paged(fmt):
            render.claims_for_people(kept)
        fragments = listing.claims_json_by_id(corpus)
    every = len(kept) == len(corpus.claims)  # then `kept` is all of them, in list order
    listing.remember(corpus, fragments, _cache(), kept if every else None)


def _write_listed(chosen: list[Listed], fmt: OutputFormat) -> None:
    """Claims listed in the cache, as `list --json` or the table of `list` shows them."""
    if fmt is OutputFormat.json:
        from factcheck import jsonout

        jsonout.write_json_fragments([c.json for c in chosen])
        return
    from factcheck import render

    with paged(fmt):
        render.claims_for_people(chosen)


def _listed_claims(folder: str) -> Listing | None:
    """The folder's claims from its listing (listing.py): unchanged since a clean load, or
    edited in a few files since; None when the folder must be loaded."""
    stored = _cached_listing(folder)
    return stored.claims() if stored is not None else _listing_after_edit(folder)


def _listing_after_edit(folder: str) -> Listing | None:
    """The folder's claims from its listing and the few files edited since (listing.py)."""
    from factcheck import listing

    return None if not _listable(folder) else listing.after_edit(Path(folder), _cache())


def _cached_listing(folder: str) -> Stored | None:
    """The folder's claims as `list --json` needs them, from the cache, when not a byte of
    the folder has changed since a clean load (listing.py); None otherwise."""
    from factcheck import listing

    return None if not _listable(folder) else listing.from_cache(Path(folder), _cache())


def _listable(folder: str) -> bool:
    """A folder named, not standard input, with the cache on: what a listing is kept for."""
    return bool(folder.strip()) and folder != "-" and SETTINGS["cache"]


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
    from factcheck import query, render

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    listed = _listed_claims(claims)  # the claim from its file's cache entry, when it can
    view = None if listed is None else query.listed_claim_view(Path(claims), _cache(), listed,
                                                               claim_id)  # fmt: skip
    if view is None:
        view = query.claim_view(load_claims(claims), claim_id)
    with paged(fmt):
        render.claim_detail(view, fmt)


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
    from factcheck import query, render

    fmt = output_format(fmt, as_json)
    listed = _listed_claims(claims)  # counted from the folder's listing, when it can
    found = listed.claims if listed is not None else load_claims(claims).claims.values()
    render.topics(query.topic_counts(found), fmt)
