"""The conflicts `compare` finds, side by side, each with the reason it was found."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.choices import Confidence, OutputFormat
from factcheck.output.render import Emitted, emit
from factcheck.output.terminal import (
    cell,
    console,
    note,
    plural,
    visible,
)

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    import datetime as dt

    from factcheck.compare import Comparison, Conflict, Evidence


class Claim(Protocol):
    """What a table shows of a claim: a record's, or the one a kept comparison holds
    (compare_kept.ClaimShown)."""

    @property
    def id(self) -> str: ...
    @property
    def speaker(self) -> str: ...
    @property
    def speaker_role(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def text(self) -> str: ...


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
        say_limits(comparison.topic, comparison.about, comparison.limits)
        yield comparison


def say_limits(topic: str | None, about: str | None, limits: Iterable[str]) -> None:
    """On stderr, each limit that cut a comparison's work short."""
    scope = f"topic '{topic}'" if topic else f"'{about}'"
    for limit in limits:
        note(f"limit ({scope}): {limit}")


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
