"""What each command shows: claims, topics, a claim's detail, problems, checks, conflicts and
calculations, as a table for people or JSON/JSONL/CSV for scripts, through one format switch
(emit). The terminal itself, the escaping and the pager are terminal.py's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.choices import Confidence, OutputFormat, Verdict
from factcheck.filters import Listable
from factcheck.jsonout import (
    json_bytes,
    write_bytes,
    write_json,
    write_json_array,
    write_jsonl,
    writes_output,
)
from factcheck.output.terminal import (
    MAX_CELL,
    PLAIN_ROWS,
    Unwrapped,
    cell,
    console,
    error,
    note,
    plural,
    show,
    stream_table,
    table,
    visible,
    write_csv,
)

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    from factcheck.checks import CheckReport, CheckResult
    from factcheck.compare import Comparison, Conflict, Evidence
    from factcheck.figures.arithmetic import Calculation
    from factcheck.folder.problems import Problem
    from factcheck.folder.query import ClaimView, TopicCount
    from factcheck.folder.store import Summary
    from factcheck.model import Claim, Source

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


@dataclass(frozen=True)
class Emitted:
    """What a command prints, in each format it takes: how to draw it for people, the
    document of --format json, the items of jsonl (one a line), the header and rows of csv.
    A format left None is one the command does not offer (output_format refuses it first).
    `streamed`: the items are written as they come, one held at a time (compare --all)."""

    table: Callable[[], None] | None
    json: Callable[[], Any] | None = None
    jsonl: Callable[[], Iterable[Any]] | None = None
    csv: tuple[Sequence[str], Callable[[], Iterable[Sequence[str]]]] | None = None
    streamed: bool = False


@writes_output
def emit(output: Emitted, fmt: OutputFormat) -> None:
    """The one place the output format is chosen."""
    if fmt is OutputFormat.table and output.table is not None:
        output.table()
    elif fmt is OutputFormat.json and output.json is not None:
        document = output.json()
        write_json_array(document) if output.streamed else write_json(document)
    elif fmt is OutputFormat.jsonl and output.jsonl is not None:
        if not output.streamed:
            write_jsonl(output.jsonl())
        for item in output.jsonl() if output.streamed else ():
            write_bytes(json_bytes(item, indent=None) + b"\n")
    elif fmt is OutputFormat.csv and output.csv is not None:
        headers, rows = output.csv
        write_csv(headers, rows())
    else:
        raise ValueError(f"no {fmt.value} output here")  # output_format() let it through


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
    if len(items) > PLAIN_ROWS:
        stream_table(headers, values)
    elif console().width < COMPACT_BELOW:
        show(*_claim_blocks(items))
    else:
        show(_claims_table(headers, list(values)))
    note(plural(len(items), "claim"))


# Below this width a table of claims or checks cannot show its IDs whole beside the text:
# each record is stacked instead, its ID and speaker on one line and its text under them.
COMPACT_BELOW = 140


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


class _Facts:
    """'head  fact · fact · fact', broken between facts only, never inside one ("3 figures",
    "computed 13.75%"), the next line indented past the text below it (at 4): a heading
    that wraps mid-phrase at 80 columns is hard to read. A fact longer than a whole line
    wraps as text does."""

    def __init__(self, head: Text | None, facts: Sequence[str], style: str = "dim") -> None:
        self.head = head
        self.facts = [cell(f, style) for f in facts if f]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = self.head.copy() if self.head is not None else Text()
        joiner = "  " if self.head is not None else ""
        for fact in self.facts:
            if line.cell_len and line.cell_len + len(joiner) + fact.cell_len > width:
                yield line
                line, joiner = Text(" " * (4 if self.head is not None else 2)), ""
            line.append(joiner)
            line.append_text(fact)
            joiner = " · "
        yield line


def _claim_blocks(items: Sequence[Listable]) -> list[RenderableType]:
    """One claim a block: 'id  speaker · date · topics · N figures', then its text, indented."""
    blocks: list[RenderableType] = []
    for claim in items:
        facts = [claim.speaker, claim.date.isoformat() if claim.date else "",
                 ", ".join(claim.topics),
                 plural(claim.figures, "figure") if claim.figures else "",
                 f"rated {_rating_text(claim)}" if claim.review else ""]  # fmt: skip
        blocks.append(_Facts(Text(visible(claim.id), style="bold"), facts))
        blocks.append(Padding(cell(claim.text), (0, 0, 1, 2)))
    return blocks


def topics(items: Sequence[TopicCount], fmt: OutputFormat) -> None:
    def for_people() -> None:
        show(table(("topic", "claims"), ([cell(t.topic, "bold"), str(t.claims)] for t in items)))

    emit(Emitted(table=for_people, json=lambda: [t.model_dump() for t in items],
                 jsonl=lambda: (t.model_dump() for t in items),
                 csv=(("topic", "claims"), lambda: ([t.topic, str(t.claims)] for t in items))),
         fmt)  # fmt: skip


def one_document(
    document: Any, fmt: OutputFormat, for_people: Callable[[], None] | None = None
) -> None:
    """A single result: indented JSON, or one line of it, or `for_people`."""
    emit(Emitted(table=for_people, json=lambda: document, jsonl=lambda: [document]), fmt)


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
        ("archived", source.archived if source else None),
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
    parts = [review.reviewer, review.date.isoformat() if review.date else None, review.url,
             f"in {review.language}" if review.language else None]  # fmt: skip
    return " · ".join(p for p in parts if p) or None


def _source_line(source: Source) -> str:
    parts = [source.id, source.outlet, source.title, source.url]
    return " · ".join(p for p in parts if p)


def validation_summary(summary: Summary, fmt: OutputFormat) -> None:
    n = summary.counts
    if summary.skipped:
        note(f"skipped as hidden (not read): {', '.join(summary.skipped)}")
    said = (f"{plural(n.claims, 'claim')}, {plural(n.sources, 'source')}, "
            f"{plural(n.checks, 'check')} in {plural(n.files, 'file')}")  # fmt: skip
    document = {"valid": True, "claims": n.claims, "sources": n.sources, "checks": n.checks,
                "files": n.files, "problems": [], "skipped": summary.skipped}  # fmt: skip
    emit(Emitted(table=lambda: show(Text(said)), json=lambda: document), fmt)


def problems(items: Sequence[Problem], fmt: OutputFormat) -> None:
    """Problems in the claims data: on stderr for people, as a JSON document for scripts."""

    def for_people() -> None:
        for problem in items:
            error(str(problem))
        error(f"{plural(len(items), 'problem')} in the claims data")

    document = {"valid": False, "problems": [p.to_dict() for p in items]}
    emit(Emitted(table=for_people, json=lambda: document), fmt)


VERDICT_STYLES = {
    Verdict.consistent: "green",
    Verdict.approximate: "yellow",
    Verdict.inconsistent: "red",
    Verdict.gross: "bold red",
    Verdict.uncheckable: "dim",
}
CHECK_CSV_HEADERS = (
    "id", "origin", "target", "claimed", "computed", "percent", "verdict", "relative_error",
    "closer", "explanation",
)  # fmt: skip


def _check_csv_row(result: CheckResult) -> list[str]:
    computed = result.computed
    return [
        result.id,
        result.origin.value,
        result.target or "",
        result.claimed or "",
        computed.value if computed else "",
        (computed.percent or "") if computed else "",
        result.verdict.value,
        result.relative_error or "",
        result.closer or "",
        result.explanation,
    ]


def check_report(report: CheckReport, fmt: OutputFormat) -> None:
    emit(Emitted(table=lambda: _check_report_for_people(report), json=lambda: report,
                 jsonl=lambda: report.checks,
                 csv=(CHECK_CSV_HEADERS, lambda: (_check_csv_row(r) for r in report.checks))),
         fmt)  # fmt: skip


def _check_report_for_people(report: CheckReport) -> None:
    # A long explanation in a narrow column is unreadable: below 120 columns the
    # explanations follow the table, one paragraph per check.
    width = console().width
    headers = ["check", "claim", "claimed", "computed", "verdict", "explanation"]
    values = [
        [r.id, r.target or ", ".join(r.claims), r.claimed or "", _computed_short(r),
         r.verdict.value, _explained(r)]
        for r in report.checks
    ]  # fmt: skip
    if len(values) > PLAIN_ROWS:
        stream_table(headers, values)
    elif width < COMPACT_BELOW or _explanation_room(values, width) < MIN_EXPLANATION:
        show(*_check_blocks(values))
    else:
        show(_checks_table(headers, values))
    counts = ", ".join(f"{n} {v.value}" for v, n in report.counts.items() if n)
    note(f"{plural(len(report.checks), 'check')}: {counts or 'none'}")


# Narrower than this, an explanation column reads as a word a line (16 rows for one check at
# 140 columns): the checks are stacked instead, each explanation at full width.
MIN_EXPLANATION = 40


def _explanation_room(rows: list[list[str]], width: int) -> int:
    """The width _checks_table leaves the explanation: what its other columns take (IDs and
    references whole, the claimed figure up to 20), and the borders and padding."""
    taken = sum(max((len(r[i]) for r in rows), default=0) for i in (0, 1, 3, 4))
    taken += min(20, max((len(r[2]) for r in rows), default=0))
    return width - taken - 3 * 6 - 1


def _checks_table(headers: Sequence[str], rows: list[list[str]]) -> Table:
    """Check IDs and references never broken; the explanation gets the spare width."""
    result = Table(show_lines=True)
    for i, header in enumerate(headers[:2]):
        longest = max((len(r[i]) for r in rows), default=len(header))
        result.add_column(header, no_wrap=True, min_width=longest, style="bold" if i == 0 else "")
    result.add_column(headers[2], overflow="fold", max_width=20)
    result.add_column(headers[3], no_wrap=True)
    result.add_column(headers[4], no_wrap=True)
    result.add_column(headers[5], overflow="fold", ratio=1)
    for row in rows:
        verdict = cell(row[4], VERDICT_STYLES[Verdict(row[4])])
        result.add_row(*(cell(v) for v in row[:4]), verdict, cell(row[5]))
    return result


def _check_blocks(rows: list[list[str]]) -> list[RenderableType]:
    """One check a block: 'id  verdict', the reference and figures, then the explanation."""
    blocks: list[RenderableType] = []
    for check_id, target, claimed, computed, verdict, explanation in rows:
        blocks.append(Text.assemble(Text(visible(check_id), style="bold"), "  ",
                                    cell(verdict, VERDICT_STYLES[Verdict(verdict)])))  # fmt: skip
        facts = [target, f"claimed {claimed or '-'}", f"computed {computed}"]
        blocks.append(Padding(_Facts(None, facts), (0, 0, 0, 2)))
        blocks.append(Padding(cell(explanation), (0, 0, 1, 2)))
    return blocks


def _explained(result: CheckResult) -> str:
    """The explanation, with the desk's own note on a declared check (the built-in checks'
    notes only restate their rule, which the explanation already says)."""
    if result.note and result.origin.value == "declared":
        return f"{result.explanation} Note: {result.note}"
    return result.explanation


def _computed_short(result: CheckResult) -> str:
    computed = result.computed
    if computed is None:
        return "-"
    claimed_share = result.claimed_interval is not None and "%" in result.claimed_interval
    if claimed_share and computed.percent:
        return computed.percent
    from factcheck.figures.quantity import decimal_text

    return decimal_text(Fraction(computed.fraction), 4)


def calculation(result: Calculation, fmt: OutputFormat) -> None:
    one_document(result, fmt, lambda: _calculation_for_people(result))


def _calculation_for_people(result: Calculation) -> None:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    bounds = result.interval
    for label, value in (
        ("expression", result.expression),
        ("value", None if result.value is None else _exactness(result)),
        ("fraction", result.fraction),
        ("percent", result.percent),
        ("one in", result.one_in.removeprefix("one in ") if result.one_in else None),
        ("range", f"{bounds.lo} to {bounds.hi}" if bounds and bounds.lo != bounds.hi else None),
        ("claimed", result.claimed),
        ("reads as", result.claimed_interval),
    ):
        if value:
            grid.add_row(label, cell(value))
    if result.verdict is not None:
        grid.add_row("verdict", cell(result.verdict.value, VERDICT_STYLES[result.verdict]))
        grid.add_row("why", cell(result.explanation))
    show(grid)


def _exactness(result: Calculation) -> str:
    return f"{result.value}" + ("" if result.value_exact else " (rounded; the fraction is exact)")


CONFIDENCE_STYLES = {Confidence.high: "bold", Confidence.medium: "", Confidence.low: "dim"}
CONFLICT_CSV_HEADERS = (
    "topic", "about", "claim_a", "claim_b", "proposition", "rule", "confidence", "explanation",
    "also", "paired_by",
)  # fmt: skip


def comparisons(
    items: Iterable[Comparison], fmt: OutputFormat, single: bool, claims: Mapping[str, Claim]
) -> None:
    """One comparison (--topic, --about) or one per topic (--all); `claims` by ID, to show.
    Each comparison is written as it comes, so that only one is held at a time. Where a
    limit cut the work short, it is said on stderr too, whatever the format: a script that
    reads "0 conflicts" must be told that not every pair was compared."""
    items = _saying_limits(items)

    def for_people() -> None:
        for comparison in items:
            _comparison_for_people(comparison, claims)

    rows = lambda: (  # noqa: E731
        [c.topic or "", c.about or "", *_two_sides(x), x.proposition or "", x.rule.value,
         x.confidence.value, x.explanation, "; ".join(f.rule.value for f in x.also),
         x.paired_by]
        for c in items
        for x in c.conflicts
    )  # fmt: skip
    if single and fmt is OutputFormat.json:
        emit(Emitted(table=for_people, json=lambda: next(iter(items))), fmt)
        return
    emit(Emitted(table=for_people, json=lambda: items, jsonl=lambda: items,
                 csv=(CONFLICT_CSV_HEADERS, rows), streamed=True), fmt)  # fmt: skip


def _saying_limits(items: Iterable[Comparison]) -> Iterator[Comparison]:
    for comparison in items:
        scope = f"topic '{comparison.topic}'" if comparison.topic else f"'{comparison.about}'"
        for limit in comparison.limits:
            note(f"limit ({scope}): {limit}")
        yield comparison


def _two_sides(conflict: Conflict) -> list[str]:
    """claim_a and claim_b of a CSV row: the two claims, or the two sides' claims joined."""
    if conflict.sides is not None:
        return [" ".join(ids) for ids in conflict.sides.values()]
    return conflict.claims[:2]


def _comparison_for_people(comparison: Comparison, claims: Mapping[str, Claim]) -> None:
    out = console()
    scope = f"topic '{comparison.topic}'" if comparison.topic else f"'{comparison.about}'"
    out.rule(Text(visible(f"{scope}: {plural(comparison.claims, 'claim')}"), style="bold"))
    proposition: object = object()
    for conflict in comparison.conflicts:
        if conflict.proposition != proposition:
            proposition = conflict.proposition
            heading = f"proposition '{proposition}'" if proposition else "no shared proposition"
            out.print(Text(visible(heading), style="bold underline"))
        if conflict.sides is not None:
            out.print(_sides(conflict.sides, claims))
        else:
            out.print(_side_by_side([claims[i] for i in conflict.claims], conflict))
        out.print(_reason(conflict))
    for limit in comparison.limits:
        out.print(Text("limit: ", style="bold yellow") + cell(limit))
    if comparison.contrasts:
        out.print(Text("contrasting evidence (not conflicts)", style="bold underline"))
        for contrast in comparison.contrasts:
            out.print(Text("  ") + cell(contrast.explanation))
    count = len(comparison.conflicts)
    note(f"{scope}: {plural(count, 'conflict')}, {plural(len(comparison.contrasts), 'contrast')}")


def _side_by_side(claims: Sequence[Claim], conflict: Conflict) -> Table:
    evidence = conflict.evidence + [e for f in conflict.also for e in f.evidence]
    spans = [e for e in evidence if e.start is not None]
    grid = Table(show_header=True, expand=True)
    for claim in claims:
        grid.add_column(Text(visible(claim.id), style="bold"), ratio=1, overflow="fold")
    speakers = [c.speaker + (f", {c.speaker_role}" if c.speaker_role else "") for c in claims]
    places = [
        " · ".join(filter(None, [c.date.isoformat() if c.date else "", c.source])) for c in claims
    ]
    for values in (speakers, places):
        if any(values):
            grid.add_row(*(cell(v, "italic") for v in values))
    grid.add_row(*(_highlighted(c.text, [s for s in spans if s.claim == c.id]) for c in claims))
    return grid


def _sides(sides: Mapping[str, list[str]], claims: Mapping[str, Claim]) -> Table:
    """A crowded proposition: who affirms it beside who denies it, one claim a line."""
    grid = Table(show_header=True, expand=True)
    for stance, ids in sides.items():
        grid.add_column(Text(f"{stance} ({len(ids)})", style="bold"), ratio=1, overflow="fold")
    columns = [[f"{claims[i].speaker}: {i}" for i in ids] for ids in sides.values()]
    for row in itertools.zip_longest(*columns, fillvalue=""):
        grid.add_row(*(cell(value) for value in row))
    return grid


def _highlighted(text: str, spans: Sequence[Evidence]) -> Text:
    """The claim's text with the words that fired in reverse video, escaped piece by piece."""
    result = Text()
    position = 0
    for span in sorted(spans, key=lambda s: s.start or 0):
        start, end = span.start or 0, span.end or 0
        if start < position:
            continue
        result.append(visible(text[position:start]))
        result.append(visible(text[start:end]), style="reverse bold")
        position = end
    result.append(visible(text[position:]))
    return result


def _reason(conflict: Conflict) -> Group:
    """The rule and its explanation, then what else was found and why it might not be a
    conflict, each indented, and wrapped lines kept under their own start."""
    head = Text()
    head.append(f"{conflict.rule.value}", style="bold")
    head.append(f" ({conflict.confidence.value} confidence): ",
                style=CONFIDENCE_STYLES[conflict.confidence])  # fmt: skip
    head.append(visible(conflict.explanation))
    details: list[Text] = []
    for finding in conflict.also:
        details.append(Text(f"also {finding.rule.value} ({finding.confidence.value}): ")
                       + Text(visible(finding.explanation)))  # fmt: skip
    if conflict.resource:
        details.append(Text(f"found with: {visible(conflict.resource)}", style="dim"))
    details.append(Text(f"paired by: {visible(conflict.paired_by)}", style="dim"))
    for caveat in conflict.caveats:
        details.append(Text(f"might not conflict: {visible(caveat)}", style="dim"))
    return Group(head, *(Padding(d, (0, 0, 0, 2)) for d in details), Text(""))
