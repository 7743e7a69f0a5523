"""`compare`: conflicting assertions side by side."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    from factcheck.folder.store import Corpus


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
        help="Show only conflicts this sure or surer.",
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
    min_confidence: MinConfidence = Confidence.low,
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
    if fmt is OutputFormat.json and not all_topics:  # an answer the cache can keep
        if _one_comparison_json(claims, topic, about, min_confidence) and fail_on_conflict:
            raise typer.Exit(EXIT_FAILED)
        return
    corpus = load_claims(claims)
    from factcheck.compare import compare_scope
    from factcheck.folder import query
    from factcheck.output import conflicts

    if topic is not None:  # the message and suggestions of `list --topic`, from one place
        query.require_known(corpus, (topic,))

    shown = compare_scope(corpus, topic=topic, about=about, minimum=min_confidence)
    had_conflicts: list[bool] = []
    with paged(fmt):
        conflicts.comparisons(
            _noting_conflicts(shown, had_conflicts), fmt, single=not all_topics,
            claims=corpus.claims,
        )  # fmt: skip
    if fail_on_conflict and any(had_conflicts):
        raise typer.Exit(EXIT_FAILED)


def _one_comparison_json(claims: str, topic: str | None, about: str | None,
                         minimum: Confidence) -> bool:  # fmt: skip
    """`compare --topic` or `--about` as JSON, from the answer kept for the folder's state
    when it has one (Folder.remembered); whether it holds conflicts."""
    import json

    from factcheck import jsonout
    from factcheck.output import conflicts

    asked = json.dumps([topic, about, minimum.value]).encode()
    answer = claims_folder(claims).remembered(
        "compare", asked, lambda corpus: _compared(corpus, topic, about, minimum), _sound_compared
    )  # fmt: skip
    limits_line, _, comparison = answer[1:].partition(b"\n")
    conflicts.say_limits(topic, about, json.loads(limits_line))
    jsonout.write_json_bytes(comparison)
    return answer[:1] == b"1"


def _compared(corpus: Corpus, topic: str | None, about: str | None, minimum: Confidence) -> bytes:
    """The answer kept: 1 or 0 (conflicts), the limits as one line of JSON, then the
    comparison as `--json` prints it."""
    from factcheck import jsonout
    from factcheck.compare import compare_scope
    from factcheck.folder import query

    if topic is not None:
        query.require_known(corpus, (topic,))
    (comparison,) = compare_scope(corpus, topic=topic, about=about, minimum=minimum)
    limits = jsonout.json_bytes(comparison.limits, indent=None)
    return (
        (b"1" if comparison.conflicts else b"0") + limits + b"\n" + jsonout.json_bytes(comparison)
    )


def _sound_compared(kept: bytes) -> bool:
    """A kept answer in the shape _compared writes, with nothing json_bytes would not write."""
    import json

    from factcheck import jsonout

    limits_line, newline, rest = kept[1:].partition(b"\n")
    if kept[:1] not in (b"0", b"1") or not newline or not jsonout.made_by_json_bytes(kept[1:]):
        return False
    try:
        limits = json.loads(limits_line)
    except ValueError:
        return False
    return type(limits) is list and all(type(x) is str for x in limits) and rest[:1] == b"{"


def _noting_conflicts(comparisons: Iterable[Comparison], seen: list[bool]) -> Iterator[Comparison]:
    """--all writes topic by topic as each is made: whether any had conflicts is noted on
    the way, for --fail-on-conflict."""
    for comparison in comparisons:
        seen.append(bool(comparison.conflicts))
        yield comparison
