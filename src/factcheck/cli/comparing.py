"""`compare`: conflicting assertions side by side."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import completion
from factcheck.choices import Confidence, OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import claims_folder, load_claims
from factcheck.cli.options import ClaimsDir, FormatOption, JsonFlag, output_format, paged
from factcheck.errors import (
    EXIT_FAILED,
)
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.compare import Comparison


OneTopic = Annotated[
    str | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Compare the claims on this topic.",
        autocompletion=completion.topics,
    ),
]
AllTopics = Annotated[bool, typer.Option("--all", help="Every topic in turn.")]
AboutKey = Annotated[
    str | None,
    typer.Option(
        "--about",
        metavar="KEY",
        help="One proposition (an `about` key), across topics.",
        autocompletion=completion.propositions,
    ),
]
MinConfidence = Annotated[
    Confidence,
    typer.Option(
        "--min-confidence",
        metavar="low|medium|high",
        help="Show only conflicts this sure or surer. The default, medium, leaves out the "
        "suggestions read from wording alone at low confidence (on drafts of real news "
        "almost all were wrong: docs/compare.md); low shows them, and stderr says how many "
        "were left out.",
    ),
]
FailOnConflict = Annotated[
    bool,
    typer.Option(
        "--fail-on-conflict/--no-fail-on-conflict",
        help="Exit 1 when any conflict is shown (for a claims repo's CI).",
    ),
]


@app.command("compare")
@handles_errors
def compare_command(
    topic: OneTopic = None,
    all_topics: AllTopics = False,
    about: AboutKey = None,
    min_confidence: MinConfidence = Confidence.medium,
    fail_on_conflict: FailOnConflict = False,
    claims: ClaimsDir = "claims",
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Show conflicting assertions side by side, each with the rule that found it.

    Rules, most certain first: recorded (opposite stance on one `about`, or `disputes`),
    rebuttal ("a lie", "misinformation" aimed at the other speaker), numeric (one measure,
    figures that cannot both hold); then, read from the words alone and shown as
    suggestions: negation (a predicate negated on one side only), values (two years,
    numbers, colours or nationalities in one slot), antonym (WordNet or the desk's
    contrast pairs) and category (one named subject said to be two kinds of thing, "a
    film" / "a truck"). Figures of different measures on one proposition are listed as
    contrasting evidence.

    Examples:

    \b
      factcheck compare --topic detainers
      factcheck compare --all --min-confidence high --json
      factcheck compare --about ca-follows-the-law-on-detainers --fail-on-conflict
    """
    fmt = output_format(fmt, as_json)
    if sum([topic is not None, all_topics, about is not None]) != 1:
        raise UsageProblem("give one of --topic TOPIC, --all or --about KEY")
    if all_topics:
        conflicted = _every_topic(claims, min_confidence, fmt)
    else:
        conflicted = _one_comparison(claims, topic, about, min_confidence, fmt)
    if fail_on_conflict and conflicted:
        raise typer.Exit(EXIT_FAILED)


def _one_comparison(claims: str, topic: str | None, about: str | None, minimum: Confidence,
                    fmt: OutputFormat) -> bool:  # fmt: skip
    """`--topic` or `--about`, from the answer kept for the folder's state when it has one
    (compare_kept.py); whether it holds conflicts."""
    from factcheck import compare_kept, jsonout
    from factcheck.output import conflicts

    folder = claims_folder(claims)
    answer = compare_kept.answer(folder, topic, about, minimum)
    if fmt is OutputFormat.json:  # as kept, not parsed and written again
        conflicts.say_limits(topic, about, answer.limits)
        jsonout.write_json_bytes(answer.comparison_json)
        return answer.conflicts
    comparison = answer.comparison()
    kept = answer.claims_shown(comparison)  # None: not as written, so the folder's own
    shown: Mapping[str, conflicts.Claim] = folder.corpus().claims if kept is None else kept
    with paged(fmt):
        conflicts.comparisons([comparison], fmt, single=True, claims=shown)
    return answer.conflicts


def _every_topic(claims: str, minimum: Confidence, fmt: OutputFormat) -> bool:
    """`--all`, topic by topic as each is made; whether any had conflicts."""
    from factcheck.compare import compare_scope
    from factcheck.output import conflicts

    corpus = load_claims(claims)
    had_conflicts: list[bool] = []
    shown = compare_scope(corpus, topic=None, about=None, minimum=minimum)
    with paged(fmt):
        conflicts.comparisons(_noting_conflicts(shown, had_conflicts), fmt, single=False,
                              claims=corpus.claims)  # fmt: skip
    return any(had_conflicts)


def _noting_conflicts(comparisons: Iterable[Comparison], seen: list[bool]) -> Iterator[Comparison]:
    """--all writes topic by topic as each is made: whether any had conflicts is noted on
    the way, for --fail-on-conflict."""
    for comparison in comparisons:
        seen.append(bool(comparison.conflicts))
        yield comparison
