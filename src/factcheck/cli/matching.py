"""`factcheck match`: has this claim been checked already? (the command; the library is
factcheck.match)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck import completion
from factcheck.choices import OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import claims_folder, read_input
from factcheck.cli.options import (
    ClaimsDir,
    DocumentFormat,
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
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.filters import ClaimFilter
    from factcheck.folder.access import Folder
    from factcheck.match.archive import Archive
    from factcheck.match.index import Index


QueryText = Annotated[
    str | None, typer.Argument(metavar="TEXT", help="The claim to look for in the archive.")
]
QueriesFile = Annotated[
    str | None,
    typer.Option(
        "--queries",
        metavar="FILE",
        help='Match many: JSON Lines of {"id": ..., "text": ...} (- for stdin); writes '
        "one JSON line per query.",
    ),
]
RecordedClaim = Annotated[
    str | None,
    typer.Option(
        "--claim",
        metavar="ID",
        help="Match a recorded claim against the rest of the folder.",
        autocompletion=completion.claim_ids,
    ),
]
Duplicates = Annotated[
    bool,
    typer.Option("--duplicates", help="List pairs of claims that very likely say the same."),
]
Top = Annotated[int, typer.Option("--top", min=1, max=100, help="Matches per query.")]


@app.command("match")
@handles_errors
def match_command(
    text: QueryText = None,
    queries: QueriesFile = None,
    claim: RecordedClaim = None,
    duplicates: Duplicates = False,
    top: Top = 5,
    topic: TopicFilter = None,
    speaker: SpeakerFilter = None,
    source: SourceFilter = None,
    rating: RatingFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    claims: ClaimsDir = "claims",
    fmt: DocumentFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Rank the folder's claims by how likely each verifies TEXT: has it been checked already?

    Each match has a score from 0 to 1 (the ranker's probability that the claim verifies
    the text) and the reason: the words, names and figures the two share, and how close
    they are in meaning. Needs the match extra: pip install 'factcheck[match]'.

    Examples:

    \b
      factcheck match "Biden owns the largest mansion in Delaware"
      factcheck match --claim newsom-one-in-eight --top 3 --json
      factcheck match --queries posts.jsonl > matches.jsonl
      factcheck match --duplicates
    """
    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    asked = [x for x in (text is not None, queries is not None, claim is not None, duplicates) if x]
    if len(asked) != 1:
        raise UsageProblem("give one of TEXT, --queries FILE, --claim ID or --duplicates")
    if text is not None and not text.strip():
        raise UsageProblem("TEXT is empty; give the claim to look for")
    if text is not None:
        from factcheck.match.queries import unreadable

        problem = unreadable(text)
        if problem:
            raise UsageProblem(f"TEXT {problem}")
    folder = claims_folder(claims)
    wanted = claim_filter(topic, speaker, source, rating, since, until)
    kept = _index(folder, wanted)
    if queries is not None:
        _match_queries(kept.index, queries, top)
    elif duplicates:
        _duplicates(kept.index, fmt)
    else:
        _match_one(kept, folder, text, claim, top, fmt)


def _match_one(
    kept: Archive, folder: Folder, text: str | None, claim: str | None, top: int, fmt: OutputFormat
) -> None:
    from factcheck.match import archive, run
    from factcheck.output import matched

    index, leave_out = kept.index, []
    if claim is not None:
        document = archive.documents([folder.claim_view(claim).claim])[0]
        text = document.both
        leave_out = [n for n, i in enumerate(archive.document_ids(index)) if i == claim]
    assert text is not None
    found = []
    for m in run.match(index, text, top, leave_out):
        shown = kept.shown(m.document.id, m.number) or archive.fields_of(
            folder.claim_view(m.document.id))  # fmt: skip
        found.append(archive.match_json(m, shown))
    asked = claim or text
    _write(found, fmt, lambda: matched.matches(found, asked))


def _match_queries(index: Index, path: str, top: int) -> None:
    from factcheck import jsonout
    from factcheck.match import archive, queries, run

    asked = queries.parse(path if path != "-" else "<stdin>", read_input(path, queries.MAX_BYTES))
    jsonout.write_jsonl(
        {"id": a.id, "matches": [archive.brief_json(m) for m in run.match(index, a.text, top)]}
        for a in asked
    )


def _duplicates(index: Index, fmt: OutputFormat) -> None:
    from factcheck.match import archive, duplicates, run
    from factcheck.output import matched

    pairs = [archive.duplicate_json(p) for p in duplicates.duplicates(index)]
    _write(pairs, fmt, lambda: matched.duplicates(pairs, run.DUPLICATE_THRESHOLD))


def _write(items: list[dict[str, Any]], fmt: OutputFormat, for_people: Callable[[], None]) -> None:
    """JSON, JSON Lines, or the table `for_people` draws (through the pager)."""
    from factcheck.output.render import Emitted, emit

    def paged_for_people() -> None:
        with paged(fmt):
            for_people()

    emit(Emitted(table=paged_for_people, json=lambda: items, jsonl=lambda: items), fmt)


def _index(folder: Folder, wanted: ClaimFilter) -> Archive:
    """The index of the claims the filters keep (match/archive.py decides how it is kept),
    and a note when some are too long to be read whole for their meaning."""
    from factcheck.match import archive
    from factcheck.output import terminal
    from factcheck.text.embeddings import MAX_EMBEDDED

    kept = archive.index_for(folder, wanted)
    long = kept.index.longer_than(MAX_EMBEDDED)
    if long:
        limit = f"{MAX_EMBEDDED:,}"
        terminal.note(f"{long} claims longer than {limit} characters are compared in meaning "
                      f"by their first {limit} (their words count in full)")  # fmt: skip
    return kept
