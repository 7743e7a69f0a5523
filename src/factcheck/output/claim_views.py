"""The claims as commands show them: `list` (a table, stacked blocks at a narrow width, CSV,
JSON), `topics`, and one claim's detail for `show`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.choices import OutputFormat
from factcheck.filters import Listable
from factcheck.jsonout import writes_output
from factcheck.output.terminal import (
    MAX_CELL,
    PLAIN_ROWS,
    Unwrapped,
    cell,
    console,
    note,
    plural,
    show,
    stream_blocks,
    stream_table,
    table,
    visible,
)

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    from factcheck.folder.query import ClaimView, TopicCount
    from factcheck.model import Claim, Source


from factcheck.output.render import COMPACT_BELOW, Emitted, Facts, emit, one_document

CLAIM_CSV_HEADERS = (
    "id",
    "speaker",
    "date",
    "topics",
    "source",
    "about",
    "stance",
    "figures",
    "text",
)


def _claim_csv_row(claim: Claim) -> list[str]:
    return [
        claim.id,
        claim.speaker,
        claim.date.isoformat() if claim.date else "",
        ";".join(claim.topics),
        claim.source or "",
        claim.about or "",
        claim.stance or "",
        str(len(claim.quantities)),
        claim.text,
    ]


def claims(items: Sequence[Claim], fmt: OutputFormat) -> None:
    # Models go to the serializer as they are: pydantic-core writes them far faster than dicts.
    rows = (CLAIM_CSV_HEADERS, lambda: (_claim_csv_row(c) for c in items))
    emit(Emitted(lambda: claims_for_people(items), lambda: items, lambda: items, rows), fmt)


@writes_output
def claims_for_people(items: Sequence[Listable]) -> None:
    """The table of `list`, from loaded claims or claims listed in the cache (listing.py)."""
    headers = ("id", "speaker", "date", "topics", "text", "figures")
    values = (
        [c.id, c.speaker, c.date.isoformat() if c.date else "-", ", ".join(c.topics),
         c.text, str(c.figures) if c.figures else ""]
        for c in items
    )  # fmt: skip
    if len(items) > PLAIN_ROWS and console().width < COMPACT_BELOW:
        stream_blocks((c.id, " · ".join(_facts(c)), c.text) for c in items)
    elif len(items) > PLAIN_ROWS:
        stream_table(headers, values)
    elif console().width < COMPACT_BELOW:
        show(*_claim_blocks(items))
    else:
        show(_claims_table(headers, list(values)))
    note(plural(len(items), "claim"))


def _claims_table(headers: Sequence[str], rows: list[list[str]]) -> Table:
    """IDs never broken; speaker and topics kept narrow; the text gets the spare width."""
    result = Table(show_lines=False)
    longest_id = max((len(r[0]) for r in rows), default=2)
    result.add_column(headers[0], no_wrap=True, min_width=longest_id, style="bold")
    result.add_column(headers[1], overflow="fold", max_width=20)
    result.add_column(headers[2], no_wrap=True)
    # Topics wrap between topics, never inside one: the column is as wide as the longest.
    longest_topic = max((len(t) for r in rows for t in r[3].split(", ")), default=6)
    result.add_column(headers[3], overflow="fold", min_width=min(longest_topic, 30),
                      max_width=max(16, min(longest_topic, 30)))  # fmt: skip
    result.add_column(headers[4], overflow="fold", ratio=1)
    result.add_column(headers[5], no_wrap=True, justify="right")
    for row in rows:
        result.add_row(*(cell(value) for value in row))
    return result


def _rating_text(claim: Listable) -> str:
    review = claim.review
    if review is None:
        return ""
    return review.rating or review.textual_rating or ""


def _facts(claim: Listable) -> list[str]:
    facts = [claim.speaker, claim.date.isoformat() if claim.date else "", ", ".join(claim.topics),
             plural(claim.figures, "figure") if claim.figures else "",
             f"rated {_rating_text(claim)}" if claim.review else ""]  # fmt: skip
    return [f for f in facts if f]


def _claim_blocks(items: Sequence[Listable]) -> list[RenderableType]:
    """One claim a block: 'id  speaker · date · topics · N figures', then its text, indented."""
    blocks: list[RenderableType] = []
    for claim in items:
        blocks.append(Facts(Text(visible(claim.id), style="bold"), _facts(claim)))
        blocks.append(Padding(cell(claim.text), (0, 0, 1, 2)))
    return blocks


def topics(items: Sequence[TopicCount], fmt: OutputFormat) -> None:
    def for_people() -> None:
        show(table(("topic", "claims"), ([cell(t.topic, "bold"), str(t.claims)] for t in items)))

    emit(Emitted(table=for_people, json=lambda: [t.model_dump() for t in items],
                 jsonl=lambda: (t.model_dump() for t in items),
                 csv=(("topic", "claims"), lambda: ([t.topic, str(t.claims)] for t in items))),
         fmt)  # fmt: skip


def claim_detail(view: ClaimView, fmt: OutputFormat) -> None:
    one_document(view, fmt, lambda: _claim_detail_for_people(view))


def _claim_detail_for_people(view: ClaimView) -> None:
    claim = view.claim
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column(overflow="fold")
    source = view.source
    for label, value in (
        ("speaker", claim.speaker + (f" ({claim.speaker_role})" if claim.speaker_role else "")),
        ("date", claim.date.isoformat() if claim.date else None),
        ("source", _source_line(source) if source else claim.source),
        ("published", source.published.isoformat() if source and source.published else None),
        ("source notes", source.notes if source else None),
        ("topics", ", ".join(claim.topics)),
        ("about", f"{claim.about} ({claim.stance or 'no stance'})" if claim.about else None),
        ("text", claim.text if len(claim.text) <= MAX_CELL else "(in full below)"),
        (
            "quote",
            claim.quote if not claim.quote or len(claim.quote) <= MAX_CELL else "(in full below)",
        ),
        ("disputes", ", ".join(view.disputes) or None),
        ("disputed by", ", ".join(view.disputed_by) or None),
        ("checks", ", ".join(view.checks) or None),
        ("verdict", claim.verdict),
        ("rating", _rating_line(view)),
        ("review", _review_line(claim)),
        ("rationale", claim.review.rationale if claim.review else None),
        ("language", claim.language),
        ("notes", claim.notes),
        ("file", view.path),
    ):
        if value:
            fields.add_row(label, cell(value))
    renderables: list[RenderableType] = [Text(visible(claim.id), style="bold underline"), fields]
    renderables += _links(view)
    # A very long text is printed as it is, wrapped by the terminal, not laid out in a grid.
    for label, long_text in (("text", claim.text), ("quote", claim.quote or "")):
        if len(long_text) > MAX_CELL:
            renderables.append(Text(f"{label}:", style="bold"))
            renderables.append(Unwrapped(visible(long_text)))
    if claim.quantities:
        renderables.append(Text("figures", style="bold"))
        renderables.append(Padding(_figures(claim), (0, 0, 0, 2)))
    show(*renderables)


def _figures(claim: Claim) -> Table:
    from factcheck.figures.quantity import parse_figure

    """One line a figure, its name and then what it says, every field it has: words wrap,
    IDs (measures, parts) are never cut in two, at any width."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, q in claim.quantities.items():
        facts = [f"{q.value} (reads as {parse_figure(q.value).claimed_text})"]
        named = (("measure", q.measure), ("part of", q.part_of), ("period", q.period_text),
                 ("unit", q.unit), ("note", q.note))  # fmt: skip
        for label, value in named:
            if value:
                facts.append(f"{label} {value}")
        grid.add_row(cell(name), cell(" · ".join(facts)))
    return grid


def _rating_line(view: ClaimView) -> str | None:
    rating = view.rating
    if rating is not None:
        return (f"{rating.label} ({rating.value} on a scale from {rating.worst} to {rating.best}; "
                f"{rating.normalised} on the common 0-1 scale)")  # fmt: skip
    review = view.claim.review
    return review.textual_rating if review else None


def _review_line(claim: Claim) -> str | None:
    review = claim.review
    if review is None:
        return None
    parts = [review.reviewer, review.date.isoformat() if review.date else None,
             f"in {review.language}" if review.language else None]  # fmt: skip
    return " · ".join(p for p in parts if p) or None


def _source_line(source: Source) -> str:
    parts = [source.id, source.outlet, source.title]
    return " · ".join(p for p in parts if p)


def _links(view: ClaimView) -> list[RenderableType]:
    """Each URL on a line of its own, printed whole for the terminal to wrap: laid out in
    the grid, a URL was cut into pieces at the column's edge and could not be clicked or
    copied."""
    source, review = view.source, view.claim.review
    links = (("url", source.url if source else None),
             ("archived", source.archived if source else None),
             ("review url", review.url if review else None))  # fmt: skip
    lines: list[RenderableType] = []
    for label, url in links:
        if url:
            line = Unwrapped()
            line.append(f"{label}  ", style="bold")
            line.append(visible(url))
            lines.append(line)
    return lines
