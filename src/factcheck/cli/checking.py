"""`check` and `calc`: the arithmetic behind the figures."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import completion
from factcheck.choices import FAILING_BY_DEFAULT, OutputFormat, Verdict
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import claims_folder, load_claims
from factcheck.cli.options import (
    ClaimsDir,
    DocumentFormat,
    FormatOption,
    JsonFlag,
    output_format,
    paged,
)
from factcheck.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
)
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.checks import CheckFilter, CheckReport
    from factcheck.figures.expression import Resolver
    from factcheck.folder.access import Folder
    from factcheck.folder.store import Corpus


def _verdicts(values: list[str] | None) -> list[Verdict]:
    names = [name.strip() for value in values or [] for name in value.split(",") if name.strip()]
    if values is not None and not names:
        known = ", ".join(v.value for v in Verdict)
        raise UsageProblem(f"--fail-on is empty; give verdicts from: {known}")
    try:
        return [Verdict(name) for name in names]
    except ValueError:
        known = ", ".join(v.value for v in Verdict)
        raise UsageProblem(f"--fail-on takes verdicts from: {known}") from None


FailOnOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="VERDICTS",
        help="Verdicts that make the exit code 1 (comma-separated or repeated). "
        "Default: inconsistent,gross.",
    ),
]
DraftsFlag = Annotated[
    bool,
    typer.Option(
        "--drafts",
        help="Let drafted checks (suggested by extract, not yet reviewed) set the exit code too.",
    ),
]


@app.command("check")
@handles_errors
def check_command(
    claims: ClaimsDir = "claims",
    topic: Annotated[
        list[str] | None,
        typer.Option(
            metavar="TOPIC",
            help="Only checks on claims with this topic (repeat).",
            autocompletion=completion.topics,
        ),
    ] = None,
    claim: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID",
            help="Only checks that involve this claim ID (repeat).",
            autocompletion=completion.claim_ids,
        ),
    ] = None,
    fail_on: FailOnOption = None,
    drafts: DraftsFlag = False,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Recompute the arithmetic behind the claims and say which figures hold.

    Runs every [[checks]] record and the checks the records imply (parts of a whole must fit
    in it; "N of M" needs N <= M). Verdicts: consistent, approximate, inconsistent, gross,
    uncheckable. Exit 1 when a verdict in --fail-on occurs. A draft (a check extract suggested,
    or one reading a drafted claim) is marked, counted apart, and fails only with --drafts.

    Examples:

    \b
      factcheck check
      factcheck check --claim newsom-one-in-eight --json | jq '.checks[].verdict'
      factcheck check --fail-on inconsistent,gross,approximate
      factcheck check --drafts
    """
    from factcheck import jsonout
    from factcheck.checks import CheckFilter
    from factcheck.output import verdicts

    fmt = output_format(fmt, as_json)
    failing = _verdicts(fail_on) or sorted(FAILING_BY_DEFAULT, key=list(Verdict).index)
    check_filter = CheckFilter(topics=tuple(topic or ()), claim_ids=tuple(claim or ()))
    folder = claims_folder(claims)
    reports: list[CheckReport] = []  # computed now, or read back from what was kept
    answer = _answer(folder, check_filter, failing, drafts, fmt, reports)
    failed, report_json = answer[:1] == b"1", memoryview(answer)[1:]
    if fmt is OutputFormat.json:
        jsonout.write_json_bytes(report_json)  # as it was written: not parsed again
    else:
        with paged(fmt):
            verdicts.check_report(reports[-1], fmt)
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _answer(folder: Folder, check_filter: CheckFilter, failing: list[Verdict], drafts: bool,
            fmt: OutputFormat, reports: list[CheckReport]) -> bytes:  # fmt: skip
    """1 or 0 (failed), then the report as `--json` prints it: brought up to date from the
    parts kept before an edit of a few files (check_parts.py), kept for the folder as it is
    (Folder.remembered), or computed."""
    from factcheck import check_parts
    from factcheck.checks import CheckReport

    everything = not check_filter.topics and not check_filter.claim_ids

    def after_edit() -> bytes | None:
        found = check_parts.after_edit(folder, failing, drafts, check_filter)
        if found is None:
            return None
        failed, printed = found
        if fmt is not OutputFormat.json:
            reports.append(CheckReport.model_validate_json(printed))
        return (b"1" if failed else b"0") + printed

    return folder.remembered(
        "check", _question(check_filter, failing, drafts),
        lambda corpus: _checked(corpus, check_filter, failing, drafts, reports,
                                folder if everything else None),
        _sound(fmt, reports), after_edit,
    )  # fmt: skip


def _question(check_filter: CheckFilter, failing: list[Verdict], drafts: bool) -> bytes:
    """What shapes `check`'s answer besides the folder: the key its answer is kept under."""
    import json

    return json.dumps([check_filter.topics, check_filter.claim_ids, failing, drafts]).encode()


def _sound(fmt: OutputFormat, reports: list[CheckReport]) -> Callable[[bytes], bool]:
    """Whether a kept answer may be used: a verdict flag, then JSON that json_bytes could have
    written (nothing a terminal would obey); for a table or CSV, also a report that parses."""
    from pydantic import ValidationError

    from factcheck import jsonout
    from factcheck.checks import CheckReport

    def sound(kept: bytes) -> bool:
        if kept[:1] not in (b"0", b"1") or not jsonout.made_by_json_bytes(kept[1:]):
            return False
        if fmt is not OutputFormat.json:
            try:
                reports.append(CheckReport.model_validate_json(kept[1:]))
            except ValidationError:
                return False
        return True

    return sound


def _checked(corpus: Corpus, check_filter: CheckFilter, failing: list[Verdict], drafts: bool,
             reports: list[CheckReport], keep_parts: Folder | None) -> bytes:  # fmt: skip
    """`check`'s answer for the folder: 1 or 0 (failed), then the report as `--json` prints it;
    an unfiltered report's parts kept in `keep_parts`, for the next run after an edit."""
    from factcheck import check_parts, jsonout
    from factcheck.checks import run_checks
    from factcheck.folder import query

    query.require_known(corpus, topics=check_filter.topics)
    for claim_id in check_filter.claim_ids:
        query.require_claim(corpus, claim_id)
    report = run_checks(corpus, check_filter, failing, drafts_fail=drafts)
    reports.append(report)
    printed = jsonout.json_bytes(report)
    if keep_parts is not None:
        check_parts.keep(keep_parts, corpus, report, printed)
    return (b"1" if report.failed else b"0") + printed


@app.command("calc")
@handles_errors
def calc_command(
    expression_text: Annotated[
        str, typer.Argument(metavar="EXPR", help="Figures as written, claim.quantity, + - * / ( ).")
    ],
    claimed: Annotated[
        str | None,
        typer.Option(
            "--claim", metavar="FIGURE", help="A figure as written to judge: 'about one in eight'."
        ),
    ] = None,
    claims: ClaimsDir = "claims",
    fmt: DocumentFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Compute a value exactly and, with --claim, say whether a figure describes it.

    Numbers you type are exact; a reference to a claim's figure (claim-id.quantity) carries
    the precision its wording allows, and reads the claims folder. Exit 0 whatever the
    verdict (use `check` to fail a build); 2 for an expression or figure it cannot read.

    Examples:

    \b
      factcheck calc "4,561 / 33,179" --claim "about one in eight"
      factcheck calc -5%
      factcheck calc "dhs-released-4561.released / lyons-letter-33179.detainers" --json
    """
    from factcheck.figures import expression
    from factcheck.figures.arithmetic import calculate
    from factcheck.figures.quantity import FigureError
    from factcheck.output import terminal, verdicts

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    try:
        needs_claims = bool(expression.references(expression_text))
        corpus = load_claims(claims) if needs_claims else None
        result = calculate(expression_text, claimed, _resolver(corpus))
    except expression.ExpressionError as error:
        if error.pointer and sys.stderr is not None and sys.stderr.isatty():
            terminal.error(f"error: {error}")
            terminal.note(error.pointer)
            raise typer.Exit(EXIT_USAGE) from None
        raise UsageProblem(str(error)) from None
    except FigureError as error:
        raise UsageProblem(str(error)) from None
    except expression.Undefined as error:
        raise UsageProblem(f"{expression_text} cannot be computed: {error}") from None
    verdicts.calculation(result, fmt)


def _resolver(corpus: Corpus | None) -> Resolver:
    from factcheck.checks import figure_of
    from factcheck.figures.quantity import Figure

    def resolve(reference: str) -> Figure:
        if corpus is None or corpus.quantity(reference) is None:
            raise UsageProblem(f"no figure '{reference}' in the claims folder")
        return figure_of(corpus, reference)

    return resolve
