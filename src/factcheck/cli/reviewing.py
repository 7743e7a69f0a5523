"""`factcheck review`: accept or reject the drafts `extract --write` made (the command; the
library is factcheck.reviewing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import completion
from factcheck.cli import prompts
from factcheck.cli.base import app, handles_errors
from factcheck.cli.folder import claims_folder
from factcheck.cli.options import ClaimsDir, JsonFlag, NoInput, TopicFilter
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.folder.access import Folder
    from factcheck.folder.store import Corpus
    from factcheck.model import Claim
    from factcheck.reviewing import Decisions

AcceptIds = Annotated[
    list[str] | None,
    typer.Option("--accept", metavar="ID", help="Accept this draft claim or check "
                 "(repeatable); a claim's drafted checks come with it.",
                 autocompletion=completion.claim_ids),
]  # fmt: skip
RejectIds = Annotated[
    list[str] | None,
    typer.Option("--reject", metavar="ID", help="Remove this draft claim or check "
                 "(repeatable); a claim's drafted checks go with it.",
                 autocompletion=completion.claim_ids),
]  # fmt: skip
DraftsFile = Annotated[
    Path | None,
    typer.Option("--file", metavar="FILE", help="Review only the drafts of this claims file."),
]
CHOICES = {"a": "accept", "r": "reject", "s": "skip", "q": "quit"}


@app.command("review")
@handles_errors
def review_command(
    accept: AcceptIds = None,
    reject: RejectIds = None,
    topic: TopicFilter = None,
    file: DraftsFile = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
    as_json: JsonFlag = False,
) -> None:
    """Accept or reject drafts: at a terminal, each draft claim in turn with its suggested
    checks ([a]ccept, [r]eject, [s]kip, [q]uit); or those named with --accept and --reject
    (for scripts, with --no-input). Accepting takes out the record's 'draft = true' line,
    rejecting takes out the record; every other byte of the file stays as it was, and the
    folder is validated before the change is kept.

    Examples:

    \b
      factcheck review
      factcheck review --topic detainers
      factcheck review --no-input --accept hurt-spending-up --reject article-meeting-ended
    """
    from factcheck import reviewing

    folder = claims_folder(claims)
    corpus = folder.corpus()
    if accept or reject:
        decisions = reviewing.decided(corpus, accept or [], reject or [])
        reviewing.apply(folder, corpus, decisions)
    elif prompts.at_a_terminal(no_input):
        decisions = _interactively(folder, corpus, reviewing.drafts(corpus, topic or [], file))
    else:
        raise UsageProblem("nothing to review: name drafts with --accept ID or --reject ID, or "
                           "run at a terminal without --no-input")  # fmt: skip
    _report(decisions, as_json)


def _interactively(folder: Folder, corpus: Corpus, drafts: list[Claim]) -> Decisions:
    """Each draft in turn; each decision is written as it is made, so stopping loses none."""
    from factcheck import reviewing
    from factcheck.output import reviewed

    done = reviewing.Decisions()
    for number, claim in enumerate(drafts, start=1):
        reviewed.draft(claim, reviewing.checks_of(corpus, claim.id), number, len(drafts))
        choice = _choice()
        if choice == "quit":
            break
        if choice == "skip":
            continue
        current = folder.corpus()
        decided = reviewing.decided(current, *(([claim.id], []) if choice == "accept" else
                                              ([], [claim.id])))  # fmt: skip
        reviewing.apply(folder, current, decided)
        done.accepted += decided.accepted
        done.rejected += decided.rejected
    return done


def _choice() -> str:
    while True:
        answer = prompts.ask(True, "", "[a]ccept, [r]eject, [s]kip or [q]uit").lower()[:1]
        if answer in CHOICES:
            return CHOICES[answer]
        typer.echo("answer a, r, s or q; try again (Ctrl-C to stop)", err=True)


def _report(decisions: Decisions, as_json: bool) -> None:
    from factcheck import jsonout
    from factcheck.output import terminal

    if as_json:
        jsonout.write_json({"accepted": decisions.accepted, "rejected": decisions.rejected})
    for word, ids in (("accepted", decisions.accepted), ("rejected", decisions.rejected)):
        if ids:
            terminal.note(f"{word}: {', '.join(ids)}")
    if not decisions.accepted and not decisions.rejected:
        terminal.note("nothing accepted or rejected")
