"""`new check` and `new rating`: the desk's arithmetic checks and its rating scale, added to a
claims file as `new claim` adds claims."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.cli import prompts
from factcheck.cli.base import handles_errors, new_app
from factcheck.cli.folder import add_record, load_for_adding
from factcheck.cli.options import ClaimsDir, FileOption, NoInput
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    pass


CheckId = Annotated[
    str | None,
    typer.Option("--id", metavar="ID", help="Default: suggested from the claim it tests."),
]
Compute = Annotated[
    str | None,
    typer.Option(
        "--compute", metavar="EXPR", help="What to compute: figures, claim.quantity, + - * / ( )."
    ),
]
Tests = Annotated[
    str | None,
    typer.Option(
        "--claim", metavar="CLAIM.QUANTITY", help="The claimed figure the result is held against."
    ),
]
Expect = Annotated[
    str | None,
    typer.Option(
        "--expect", metavar="FIGURE", help="Or a figure as written, when no claim holds it."
    ),
]
Note = Annotated[
    str | None,
    typer.Option("--note", metavar="TEXT", help="Why the check is fair, or what it leaves out."),
]


@new_app.command("check")
@handles_errors
def new_check_command(
    check_id: CheckId = None,
    compute: Compute = None,
    claim: Tests = None,
    expect: Expect = None,
    note: Note = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add an arithmetic check of a claim's figure: recomputed by `factcheck check`. At a
    terminal, asks for the expression, the figure it tests and the ID.

    Example:

    \b
      factcheck new check --no-input --compute "4,561 / 33,179" \\
          --claim newsom-one-in-eight.untaken_share --note "Releases against detainers"
    """
    corpus = load_for_adding(claims)
    asking = prompts.at_a_terminal(no_input)
    compute = compute or prompts.ask(asking, "compute", "Compute (figures, claim.quantity, "
                                     "+ - * / ( ))", prompts.not_an_expression)  # fmt: skip
    if claim is None and expect is None:
        claim = prompts.ask(asking, "claim", "The claimed figure it tests (claim-id.quantity)")
    suggested = _suggest_check_id((claim or "check").split(".")[0], corpus.taken_ids())
    if check_id is None:
        check_id = prompts.ask_id(suggested, corpus.taken_ids()) if asking else suggested
    optional = {"claim": claim, "expect": expect, "note": note}
    fields: dict[str, Any] = {"id": check_id, "compute": compute}
    fields.update({k: v for k, v in optional.items() if v is not None})
    add_record("checks", fields, corpus, claims, file)


def _suggest_check_id(base: str, taken: set[str]) -> str:
    candidate, n = f"{base}-check", 2
    while candidate in taken:
        candidate, n = f"{base}-check-{n}", n + 1
    return candidate


RatingId = Annotated[
    str | None,
    typer.Option("--id", metavar="ID", help="What a review names it by: false, mostly-true."),
]
Label = Annotated[
    str | None,
    typer.Option("--label", metavar="TEXT", help="The rating as published: 'Mostly true'."),
]
Value = Annotated[
    str | None,
    typer.Option(
        "--value",
        metavar="NUMBER",
        help="Its place on the scale: 2.",
    ),
]
Best = Annotated[
    str | None,
    typer.Option(
        "--best",
        metavar="NUMBER",
        help="The best value of the scale: 5.",
    ),
]
Worst = Annotated[
    str | None,
    typer.Option(
        "--worst",
        metavar="NUMBER",
        help="The worst value of the scale: 1.",
    ),
]


@new_app.command("rating")
@handles_errors
def new_rating_command(
    rating_id: RatingId = None,
    label: Label = None,
    value: Value = None,
    best: Best = None,
    worst: Worst = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add a step of the desk's rating scale, for reviews to name. At a terminal, asks for
    each field.

    Example:

    \b
      factcheck new rating --no-input --id false --label False --value 1 --best 5 --worst 1
    """
    corpus = load_for_adding(claims)
    asking = prompts.at_a_terminal(no_input)
    fields: dict[str, Any] = {
        "id": rating_id or prompts.ask(asking, "id", "ID (lowercase, digits, hyphens)",
                                       prompts.not_an_id),
        "label": label or prompts.ask(asking, "label", "Label as published"),
        "value": value or prompts.ask(asking, "value", "Value", prompts.not_a_number),
        "best": best or prompts.ask(asking, "best", "Best value", prompts.not_a_number),
        "worst": worst or prompts.ask(asking, "worst", "Worst value", prompts.not_a_number),
    }  # fmt: skip
    for scale in ("value", "best", "worst"):  # 5 is written 5, 2.5 as "2.5" (exact)
        number = str(fields[scale]).strip()
        wrong = prompts.not_a_number(number)
        if wrong:
            raise UsageProblem(f"--{scale}: {wrong}")
        fields[scale] = int(number) if "." not in number else number
    add_record("ratings", fields, corpus, claims, file)
