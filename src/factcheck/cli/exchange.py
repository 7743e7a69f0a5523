"""`export` and `import`: ClaimReview out and in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import (
    MAX_IMPORT_BYTES,
    _writable_target,
    append_checked,
    load_claims,
    load_for_adding,
    read_input,
)
from factcheck.cli.options import ClaimsDir, ExchangeFormat, ImportFileOption, option_topics
from factcheck.errors import (
    EXIT_USAGE,
)
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    pass


@app.command("export")
@handles_errors
def export_command(
    fmt: Annotated[
        ExchangeFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="claimreview|claimreview-jsonl",
            help="claimreview: one JSON-LD document with @graph; claimreview-jsonl: one "
            "ClaimReview a line.",
        ),
    ] = ExchangeFormat.claimreview,
    publisher: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The desk, for reviews that name no reviewer."),
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Export the reviews of this reviewer (any case)."),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Export every review, other fact-checkers' imported ones too."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail (exit 1) if a review cannot be valid ClaimReview."),
    ] = False,
    claims: ClaimsDir = "claims",
) -> None:
    """Export the desk's reviewed claims as schema.org ClaimReview (JSON-LD), as
    fact-checkers exchange them. The desk's own reviews are those naming no reviewer or the
    --publisher; imported reviews of other fact-checkers are theirs to publish (--all,
    --reviewer). A review with no URL is left out with the reason (ClaimReview requires
    one); what else a review lacks is said on stderr, not invented.

    Examples:

    \b
      factcheck export --format claimreview > reviews.jsonld
      factcheck export --format claimreview-jsonl --publisher "The Desk"
    """
    from factcheck.claimreview import export
    from factcheck.output import terminal

    if everything and reviewer is not None:
        raise UsageProblem("give --all or --reviewer NAME, not both")
    corpus = load_claims(claims)
    reviews, notes = export.export(corpus, publisher, reviewer, everything, strict)
    for message in notes:
        terminal.note(message)
    from factcheck import jsonout

    # JSON-LD is pasted into <script type="application/ld+json">: written HTML-safe.
    if fmt is ExchangeFormat.claimreview:
        jsonout.write_html_safe_json(export.document(reviews))
    else:
        jsonout.write_html_safe_jsonl([{"@context": export.CONTEXT, **r} for r in reviews])
    terminal.note(terminal.plural(len(reviews), "review") + " exported")


ReviewFile = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help="ClaimReview JSON-LD, a Fact Check Tools API response, a Data Commons feed, or "
        "a TSV or CSV table of claims (- for stdin).",
    ),
]
ImportTopic = Annotated[
    str,
    typer.Option("--topic", metavar="TOPIC", help="The topic the imported claims are filed under."),
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print what would be written; write nothing.")
]
TableColumns = Annotated[
    str | None,
    typer.Option("--columns", metavar="FIELD=COLUMN,...", help="For a TSV or CSV table: which "
                 "column holds what (text, speaker, date, url, rating, reviewer, review_url, "
                 "review_date, headline, rationale); by default found by the headers' names."),
]  # fmt: skip
TableRating = Annotated[
    str | None,
    typer.Option("--rating-words", metavar="TEXT", help="For a table: the rating of rows that "
                 "have none ('see the fact-check'), since an imported review needs one."),
]  # fmt: skip


@app.command("import")
@handles_errors
def import_command(
    path: ReviewFile,
    topic: ImportTopic = "imported",
    file: ImportFileOption = None,
    dry_run: DryRun = False,
    columns: TableColumns = None,
    rating_words: TableRating = None,
    claims: ClaimsDir = "claims",
) -> None:
    """Import ClaimReview records (or a TSV or CSV table of claims) as claims, sources and
    ratings. IDs are derived from each
    review, so importing the same file twice adds nothing; every record written passes
    validate; what cannot be read is reported with its place in the file.

    Examples:

    \b
      factcheck import afp.jsonld --claims claims --topic covid
      factcheck import api-response.json --dry-run
      factcheck import verified_claims.tsv --columns text=vclaim,headline=title \\
          --rating-words "see the fact-check" --topic archive
    """
    from factcheck.claimreview import records as to_records
    from factcheck.folder import records
    from factcheck.output import terminal

    option_topics([topic])
    reading = _reading(path, columns, rating_words)
    corpus = load_for_adding(claims, create=not dry_run)
    with terminal.progress(len(reading.found), "importing reviews") as advance:
        imported = to_records.to_records(reading.found, corpus, topic, advance)
    for where, what in [*reading.problems, *imported.problems]:
        terminal.error(f"{path}: {where}: {what}")
    text = "".join(
        records.record_text(kind, record) + "\n"
        for kind, batch in (("ratings", imported.ratings), ("sources", imported.sources),
                            ("claims", imported.claims))
        for record in batch
    )  # fmt: skip
    summary = (f"{terminal.plural(len(imported.claims), 'claim')}, "
               f"{terminal.plural(len(imported.sources), 'source')}, "
               f"{terminal.plural(len(imported.ratings), 'rating')} new; "
               f"{len(imported.already)} already in the folder")  # fmt: skip
    target = file or Path(claims) / "imported.toml"
    if dry_run or not text:
        _say_what_would_be_added(target, text, summary, dry_run)
        if not reading.found:
            raise typer.Exit(EXIT_USAGE)  # nothing in the file could be read
        return
    _writable_target(target, Path(claims), claims)
    append_checked(target, text, claims, corpus.left_out)
    terminal.note(f"added to {target}: {summary}")


def _reading(path: Path, columns: str | None, rating_words: str | None) -> Any:
    """The reviews of a ClaimReview document, or of a table of claims (TSV, CSV)."""
    from factcheck.claimreview import read, table

    if table.is_table(str(path)) or columns is not None:
        raw = read_input(str(path), MAX_IMPORT_BYTES)
        if len(raw) > MAX_IMPORT_BYTES:
            raise UsageProblem(f"{path}: more than {MAX_IMPORT_BYTES // 2**20} MB; split it")
        return table.read_table(raw, str(path), table.parse_columns(columns), rating_words)
    return read.read(_json_document(path))


def _json_document(path: Path) -> Any:
    """The file (or stdin) as JSON, read with a cap; too long, too deep or not JSON is a
    usage error naming the file."""
    import json

    raw = read_input(str(path), MAX_IMPORT_BYTES)
    if len(raw) > MAX_IMPORT_BYTES:
        raise UsageProblem(f"{path}: more than {MAX_IMPORT_BYTES // 2**20} MB; import from a "
                           "smaller file, or split the feed")  # fmt: skip
    try:
        return json.loads(raw, parse_constant=_no_constant, parse_int=_bounded_int)
    except RecursionError:
        raise UsageProblem(f"{path}: JSON nested too deep to be a ClaimReview") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise UsageProblem(f"{path}: not JSON ({error})") from None


def _say_what_would_be_added(target: Path, text: str, summary: str, dry_run: bool) -> None:
    from factcheck.output import terminal

    if text:
        terminal.write_text(text)
    said = f"would add to {target}: " if dry_run else "nothing to add: "
    terminal.note(said + summary)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON; a number must be written out")


def _bounded_int(text: str) -> int:
    """A JSON integer; hundreds of digits is no rating or date but an attack on int()."""
    if len(text.lstrip("-")) > 100:
        raise ValueError(f"a number of {len(text):,} digits")
    return int(text)
