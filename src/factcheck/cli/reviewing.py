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
from factcheck.cli.options import ClaimsDir, JsonFlag, NoInput, TopicFilter, option_date
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
RatingId = Annotated[
    str | None,
    typer.Option("--rating", metavar="ID", help="With one --accept: the claim's rating, a "
                 "[[ratings]] ID of the folder."),
]  # fmt: skip
RatingWords = Annotated[
    str | None,
    typer.Option("--rating-words", metavar="TEXT", help="With one --accept: a rating no "
                 "scale holds, as published ('Misleading')."),
]  # fmt: skip
Rationale = Annotated[
    str | None, typer.Option("--rationale", metavar="TEXT", help="Why, in a sentence or two.")
]
ReviewUrl = Annotated[
    str | None, typer.Option("--review-url", metavar="URL", help="Where the review is published.")
]
ReviewDate = Annotated[
    str | None,
    typer.Option("--review-date", metavar="DATE", help="When it was published (default today)."),
]
Reviewer = Annotated[
    str | None, typer.Option("--reviewer", metavar="NAME", help="The desk or fact-checker.")
]
SetFields = Annotated[
    list[str] | None,
    typer.Option("--set", metavar="FIELD=VALUE", help="With one --accept: correct the draft "
                 "first (speaker, text, topics as 'a,b', date, or a figure's name; repeatable)."),
]  # fmt: skip
CHOICES = {"a": "accept", "r": "reject", "e": "edit", "s": "skip", "q": "quit"}


@app.command("review")
@handles_errors
def review_command(
    accept: AcceptIds = None,
    reject: RejectIds = None,
    topic: TopicFilter = None,
    file: DraftsFile = None,
    rating: RatingId = None,
    rating_words: RatingWords = None,
    rationale: Rationale = None,
    review_url: ReviewUrl = None,
    review_date: ReviewDate = None,
    reviewer: Reviewer = None,
    set_fields: SetFields = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
    as_json: JsonFlag = False,
) -> None:
    """Accept or reject drafts: at a terminal, each draft claim in turn with its suggested
    checks ([a]ccept, [r]eject, [e]dit a field, [s]kip, [q]uit); or those named with --accept
    and --reject (for scripts, with --no-input; --set corrects a field first). Accepting
    takes out the record's 'draft = true' line, rejecting takes out the record, editing
    writes that field's line anew; every other byte of the file stays as it was, and the
    folder is validated before the change is kept.

    With one --accept, --rating (or --rating-words), --rationale, --review-url, --review-date
    and --reviewer give the claim the desk's review as it is accepted.

    Examples:

    \b
      factcheck review
      factcheck review --topic detainers
      factcheck review --no-input --accept hurt-spending-up --reject article-meeting-ended
      factcheck review --no-input --accept hurt-spending-up --set speaker="Robert Hurt"
      factcheck review --no-input --accept hurt-spending-up --rating false \\
          --rationale "Up 23.7 percent, not 80." --review-url https://desk.example/hurt
    """
    from factcheck import reviewing

    folder = claims_folder(claims)
    corpus = folder.corpus()
    given = {"rating": rating, "textual_rating": rating_words, "rationale": rationale,
             "url": review_url, "date": review_date, "reviewer": reviewer}  # fmt: skip
    if accept or reject:
        if set_fields:
            corpus = _corrected(folder, corpus, accept or [], set_fields)
        decisions = reviewing.decided(corpus, accept or [], reject or [])
        if any(v is not None for v in given.values()):
            decisions.reviews = _review(corpus, accept or [], given)
        reviewing.apply(folder, corpus, decisions)
    elif prompts.at_a_terminal(no_input):
        decisions = _interactively(folder, corpus, reviewing.drafts(corpus, topic or [], file))
    else:
        raise UsageProblem("nothing to review: name drafts with --accept ID or --reject ID, or "
                           "run at a terminal without --no-input")  # fmt: skip
    _report(decisions, as_json)


def _review(corpus: Corpus, accept: list[str], given: dict[str, str | None]) -> dict[str, str]:
    """The review line of the one claim accepted, from the options."""
    import datetime as dt

    from factcheck import reviewing

    claims = [a for a in accept if a in corpus.claims]
    if len(claims) != 1:
        raise UsageProblem("a review (--rating, --rationale, ...) goes with one claim --accept")
    fields: dict[str, object] = dict(given)
    fields["date"] = option_date("--review-date", given["date"]) or dt.date.today()
    return {claims[0]: reviewing.review_line(corpus, fields)}


def _corrected(folder: Folder, corpus: Corpus, accept: list[str], fields: list[str]) -> Corpus:
    """The folder after each --set FIELD=VALUE is written into the one claim accepted."""
    from factcheck import reviewing

    claims = [a for a in accept if a in corpus.claims]
    if len(claims) != 1:
        raise UsageProblem("--set corrects one draft claim: give it with one --accept")
    for written in fields:
        field, equals, value = written.partition("=")
        if not equals:
            raise UsageProblem(f"--set {written!r}: write FIELD=VALUE, e.g. speaker='Robert Hurt'")
        reviewing.correct(folder, corpus, claims[0], field.strip(), value)
        corpus = folder.corpus()
    return corpus


def _interactively(folder: Folder, corpus: Corpus, drafts: list[Claim]) -> Decisions:
    """Each draft in turn; each decision is written as it is made, so stopping loses none."""
    from factcheck import reviewing

    done = reviewing.Decisions()
    for number, draft in enumerate(drafts, start=1):
        current, choice = _decide(folder, draft.id, number, len(drafts))
        if choice == "quit":
            break
        if choice == "skip":
            continue
        decided = reviewing.decided(current, *(([draft.id], []) if choice == "accept" else
                                              ([], [draft.id])))  # fmt: skip
        reviewing.apply(folder, current, decided)
        done.accepted += decided.accepted
        done.rejected += decided.rejected
    return done


def _decide(folder: Folder, claim_id: str, number: int, total: int) -> tuple[Corpus, str]:
    """The draft shown, corrected as often as the desk asks, then what to do with it."""
    from factcheck import reviewing
    from factcheck.output import reviewed

    while True:
        current = folder.corpus()
        claim = current.claims[claim_id]
        reviewed.draft(claim, reviewing.checks_of(current, claim_id), number, total)
        choice = _choice()
        if choice != "edit":
            return current, choice
        _edit(folder, current, claim)


def _edit(folder: Folder, corpus: Corpus, claim: Claim) -> None:
    """One field corrected at the prompt; an answer it cannot take is said, nothing written."""
    from factcheck import reviewing
    from factcheck.errors import UsageError
    from factcheck.folder.problems import ClaimsError

    fields = reviewing.editable(claim)
    field = prompts.ask(True, "", f"field ({', '.join(fields)})",
                        lambda f: None if f in fields else f"'{f}' is none of those")  # fmt: skip
    value = prompts.ask(True, "", f"new {field}")
    try:
        reviewing.correct(folder, corpus, claim.id, field, value)
    except (UsageError, ClaimsError) as error:
        typer.echo(f"not changed: {error}", err=True)


def _choice() -> str:
    while True:
        answer = prompts.ask(True, "", "[a]ccept, [r]eject, [e]dit, [s]kip or [q]uit").lower()[:1]
        if answer in CHOICES:
            return CHOICES[answer]
        typer.echo("answer a, r, e, s or q; try again (Ctrl-C to stop)", err=True)


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
