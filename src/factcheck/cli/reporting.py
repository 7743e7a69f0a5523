"""`factcheck report`: a static page of the desk's verdicts (the command; the library is
factcheck.report)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from factcheck import completion
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import load_claims
from factcheck.cli.options import ClaimsDir, TopicFilter
from factcheck.errors import OutputFailure
from factcheck.errors import UsageError as UsageProblem


class PageFormat(str, enum.Enum):
    html = "html"
    markdown = "markdown"


ReportClaims = Annotated[
    list[str] | None,
    typer.Option("--claim", metavar="ID", help="Only this reviewed claim (repeatable).",
                 autocompletion=completion.claim_ids),
]  # fmt: skip
Output = Annotated[
    Path | None,
    typer.Option("-o", "--output", metavar="FILE",
                 help="Where to write the page (default report.html, or report.md)."),
]  # fmt: skip
Format = Annotated[PageFormat, typer.Option("--format", help="html, or markdown for a CMS.")]
Title = Annotated[str, typer.Option("--title", help="The page's title.")]
Publisher = Annotated[
    str | None,
    typer.Option("--publisher", metavar="NAME", help="The desk, as `export` names it."),
]


@app.command("report")
@handles_errors
def report_command(
    topic: TopicFilter = None,
    claim: ReportClaims = None,
    output: Output = None,
    fmt: Format = PageFormat.html,
    title: Title = "Fact checks",
    publisher: Publisher = None,
    claims: ClaimsDir = "claims",
) -> None:
    """Write a page of the desk's verdicts: each reviewed claim as said, who said it, when
    and where, the rating on the desk's scale, the reasoning, the arithmetic behind it with a
    chart, the conflicts `compare` finds and other fact-checkers' reviews. The HTML page
    carries the ClaimReview JSON-LD `export` writes, works offline and escapes every string
    from the records; Markdown writes its charts beside it as SVG files.

    Examples:

    \b
      factcheck report -o report.html
      factcheck report --topic detainers --format markdown -o detainers.md
    """
    from factcheck.folder.atomic import replace_file
    from factcheck.output import terminal
    from factcheck.report import entries

    corpus = load_claims(claims)
    unknown = [c for c in claim or [] if c not in corpus.claims]
    if unknown:
        raise UsageProblem(f"--claim {unknown[0]}: no such claim in {claims}")
    found = entries.report(corpus, topic or [], claim or [], publisher)
    for note in found.notes:
        terminal.note(note)
    target = output or Path("report.md" if fmt is PageFormat.markdown else "report.html")
    pieces = _pieces(found, title, target, fmt)
    try:
        for path, text in pieces.items():
            replace_file(path, text.encode("utf-8"))
    except OSError as error:
        raise OutputFailure(f"cannot write {target}: {error.strerror or error}") from None
    beside = f" and {len(pieces) - 1} charts beside it" if len(pieces) > 1 else ""
    terminal.note(f"wrote {target}: {terminal.plural(len(found.entries), 'reviewed claim')}"
                  f"{beside}")  # fmt: skip


def _pieces(found: object, title: str, target: Path, fmt: PageFormat) -> dict[Path, str]:
    from factcheck.report import html, markdown
    from factcheck.report.entries import Report

    assert isinstance(found, Report)
    if fmt is PageFormat.html:
        return {target: html.page(found, title)}
    text, charts = markdown.page(found, title, target.stem)
    return {target: text, **{target.with_name(name): chart for name, chart in charts.items()}}
