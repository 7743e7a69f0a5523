"""The verdicts of `check` and the answers of `calc`, as tables for people or data."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.choices import OutputFormat, Verdict
from factcheck.output.terminal import (
    PLAIN_ROWS,
    cell,
    console,
    note,
    plural,
    show,
    stream_blocks,
    stream_table,
    visible,
)

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    from factcheck.checks import CheckReport, CheckResult
    from factcheck.figures.arithmetic import Calculation


from factcheck.output.render import COMPACT_BELOW, Emitted, Facts, emit, one_document

VERDICT_STYLES = {
    Verdict.consistent: "green",
    Verdict.approximate: "yellow",
    Verdict.inconsistent: "red",
    Verdict.gross: "bold red",
    Verdict.uncheckable: "dim",
}


CHECK_CSV_HEADERS = (
    "id", "origin", "target", "claimed", "computed", "percent", "verdict", "relative_error",
    "closer", "explanation", "draft",
)  # fmt: skip


def _style(verdict: str) -> str:
    """The style of a verdict as shown: "inconsistent (draft)" is styled as inconsistent."""
    return VERDICT_STYLES[Verdict(verdict.removesuffix(" (draft)"))]


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
        "true" if result.draft else "false",
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
         f"{r.verdict.value} (draft)" if r.draft else r.verdict.value, _explained(r)]
        for r in report.checks
    ]  # fmt: skip
    if len(values) > PLAIN_ROWS and width < COMPACT_BELOW:
        stream_blocks(
            (f"{check_id}  {verdict}", f"{target} · claimed {claimed or '-'} · computed "
             f"{computed}", explanation)
            for check_id, target, claimed, computed, verdict, explanation in values
        )  # fmt: skip
    elif len(values) > PLAIN_ROWS:
        stream_table(headers, values)
    elif width < COMPACT_BELOW or _explanation_room(values, width) < MIN_EXPLANATION:
        show(*_check_blocks(values))
    else:
        show(_checks_table(headers, values))
    reviewed = len(report.checks) - sum(report.draft_counts.values())
    counts = ", ".join(f"{n} {v.value}" for v, n in report.counts.items() if n)
    summary = f"{plural(reviewed, 'check')}: {counts or 'none'}"
    drafts = sum(report.draft_counts.values())
    if drafts:
        drafted = ", ".join(f"{n} {v.value}" for v, n in report.draft_counts.items() if n)
        setting = "set" if report.drafts_fail else "do not set"
        summary += (
            f"; {plural(drafts, 'drafted check')} (not yet reviewed; they {setting} the exit "
            f"code): {drafted}"
        )
    note(summary)


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
        verdict = cell(row[4], _style(row[4]))
        result.add_row(*(cell(v) for v in row[:4]), verdict, cell(row[5]))
    return result


def _check_blocks(rows: list[list[str]]) -> list[RenderableType]:
    """One check a block: 'id  verdict', the reference and figures, then the explanation."""
    blocks: list[RenderableType] = []
    for check_id, target, claimed, computed, verdict, explanation in rows:
        blocks.append(Text.assemble(Text(visible(check_id), style="bold"), "  ",
                                    cell(verdict, _style(verdict))))  # fmt: skip
        facts = [target, f"claimed {claimed or '-'}", f"computed {computed}"]
        blocks.append(Padding(Facts(None, facts), (0, 0, 0, 2)))
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
