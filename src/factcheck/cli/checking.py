"""`check` and `calc`: the arithmetic behind the figures."""

from __future__ import annotations

import sys
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
    from factcheck.figures.expression import Resolver
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
    from factcheck import check_kept, jsonout
    from factcheck.checks import CheckFilter
    from factcheck.output import verdicts

    fmt = output_format(fmt, as_json)
    failing = _verdicts(fail_on) or sorted(FAILING_BY_DEFAULT, key=list(Verdict).index)
    check_filter = CheckFilter(topics=tuple(topic or ()), claim_ids=tuple(claim or ()))
    answer = check_kept.answer(claims_folder(claims), check_filter, failing, drafts,
                               parsed=fmt is not OutputFormat.json)  # fmt: skip
    if answer.report is None:
        jsonout.write_json_bytes(answer.report_json)  # as it was written: not parsed again
    else:
        with paged(fmt):
            verdicts.check_report(answer.report, fmt)
    if answer.failed:
        raise typer.Exit(EXIT_FAILED)


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
