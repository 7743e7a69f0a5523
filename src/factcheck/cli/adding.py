"""`new claim`, `new source`: records added to a claims file, validated first, asked for at a
terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck import completion
from factcheck.cli import prompts
from factcheck.cli.base import handles_errors, new_app
from factcheck.cli.folder import add_record, load_for_adding
from factcheck.cli.options import ClaimsDir, FileOption, NoInput, option_date

if TYPE_CHECKING:
    from factcheck.folder.store import Corpus


RecordId = Annotated[
    str | None, typer.Option("--id", metavar="ID", help="Default: suggested from speaker and text.")
]
Speaker = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        metavar="NAME",
        help="Who said it.",
    ),
]
ClaimText = Annotated[
    str | None,
    typer.Option(
        "--text",
        metavar="TEXT",
        help="The assertion.",
    ),
]
Topics = Annotated[
    list[str] | None,
    typer.Option("--topic", metavar="TOPIC", help="A topic (repeat).",
                 autocompletion=completion.topics),
]  # fmt: skip
SourceId = Annotated[
    str | None,
    typer.Option(
        "--source", metavar="ID", help="The source's ID.", autocompletion=completion.source_ids
    ),
]
When = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DATE",
        help="YYYY-MM-DD.",
    ),
]
Quote = Annotated[
    str | None,
    typer.Option(
        "--quote",
        metavar="TEXT",
        help="The speaker's words.",
    ),
]
About = Annotated[
    str | None,
    typer.Option(
        "--about", metavar="KEY", help="The proposition.", autocompletion=completion.propositions
    ),
]
Stance = Annotated[
    str | None,
    typer.Option(
        "--stance",
        metavar="affirms|denies",
        help="Towards --about.",
    ),
]
Figures = Annotated[
    list[str] | None,
    typer.Option("--figure", metavar="NAME=VALUE",
                 help="A figure as written: released='4,561' (repeat)."),
]  # fmt: skip


@new_app.command("claim")
@handles_errors
def new_claim_command(
    claim_id: RecordId = None,
    speaker: Speaker = None,
    text: ClaimText = None,
    topic: Topics = None,
    source: SourceId = None,
    date: When = None,
    quote: Quote = None,
    about: About = None,
    stance: Stance = None,
    figure: Figures = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add a claim: at a terminal, asks for what the options do not give (speaker, text,
    topics, then the ID it suggests, the source, the date and the figures, which Enter
    skips), or takes every field from the options (--no-input, for scripts). The record is
    validated, its ID checked against the folder, and the file left as it was if anything
    is wrong.

    Examples:

    \b
      factcheck new claim
      factcheck new claim --no-input --speaker "Gavin Newsom" --topic detainers --text "..."
    """
    from factcheck.folder import records

    corpus = load_for_adding(claims)
    asking = prompts.at_a_terminal(no_input)
    speaker = speaker or prompts.ask(asking, "speaker", "Speaker")
    text = text or prompts.ask(asking, "text", "Text of the claim")
    asked = None if topic else prompts.ask(asking, "topic", "Topics (comma-separated)",
                                           prompts.not_topics)  # fmt: skip
    topics = topic or [t.strip() for t in (asked or "").split(",") if t.strip()]
    suggested = records.suggest_id(speaker, text, corpus.taken_ids())
    if claim_id is None:
        claim_id = prompts.ask_id(suggested, corpus.taken_ids()) if asking else suggested
    if asking:
        source, date, figure = _ask_the_rest(corpus, source, date, figure)
    fields: dict[str, Any] = {"id": claim_id, "text": text, "speaker": speaker, "topics": topics}
    optional = {"source": source, "quote": quote, "about": about, "stance": stance,
                "date": option_date("--date", date)}  # fmt: skip
    fields.update({k: v for k, v in optional.items() if v is not None})
    if figure:
        fields["quantities"] = dict(prompts.figure(f) for f in figure)
    add_record("claims", fields, corpus, claims, file)


def _ask_the_rest(
    corpus: Corpus, source: str | None, date: str | None, figures: list[str] | None
) -> tuple[str | None, str | None, list[str] | None]:
    """The optional fields a desk most often fills, asked when no option gave them."""

    def unknown_source(answer: str) -> str | None:
        if answer in corpus.sources:
            return None
        known = ", ".join(sorted(corpus.sources)[:8]) or "none yet: 'factcheck new source'"
        return f"no source '{answer}' in the folder (known: {known})"

    if source is None and corpus.sources:
        only = next(iter(corpus.sources)) if len(corpus.sources) == 1 else ""
        source = prompts.ask_optional("Source ID", unknown_source, default=only)
    if date is None:
        date = prompts.ask_optional("Date (YYYY-MM-DD)", prompts.not_a_date)
    if not figures:
        answer = prompts.ask_optional("Figures as NAME=VALUE; ...", prompts.not_figures)
        figures = [f.strip() for f in answer.split(";")] if answer else None
    return source, date, figures


NewSourceId = Annotated[
    str | None,
    typer.Option(
        "--id",
        metavar="ID",
        help="The source's ID.",
    ),
]
Outlet = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        metavar="NAME",
        help="The publication.",
    ),
]
Title = Annotated[
    str | None,
    typer.Option(
        "--title",
        metavar="TEXT",
        help="The headline.",
    ),
]
Url = Annotated[
    str | None,
    typer.Option(
        "--url",
        metavar="URL",
        help="Where it was published.",
    ),
]
Published = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help="YYYY-MM-DD.",
    ),
]
Archived = Annotated[
    str | None,
    typer.Option(
        "--archived",
        metavar="URL",
        help="An archive copy.",
    ),
]


@new_app.command("source")
@handles_errors
def new_source_command(
    source_id: NewSourceId = None,
    outlet: Outlet = None,
    title: Title = None,
    url: Url = None,
    published: Published = None,
    archived: Archived = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add a source, for claims to name with --source. At a terminal, asks for the ID, then
    the outlet, headline, URL and date (Enter skips each).

    Example:

    \b
      factcheck new source --no-input --id benzinga-2025 --outlet Benzinga
    """
    corpus = load_for_adding(claims)
    asking = prompts.at_a_terminal(no_input)
    source_id = source_id or prompts.ask(asking, "id", "ID (lowercase, digits, hyphens)",
                                         prompts.not_an_id)  # fmt: skip
    if asking:
        outlet = outlet or prompts.ask_optional("Outlet")
        title = title or prompts.ask_optional("Headline")
        url = url or prompts.ask_optional("URL")
        published = published or prompts.ask_optional("Published (YYYY-MM-DD)", prompts.not_a_date)
    optional = {"outlet": outlet, "title": title, "url": url, "archived": archived,
                "published": option_date("--published", published)}  # fmt: skip
    fields: dict[str, Any] = {"id": source_id}
    fields.update({k: v for k, v in optional.items() if v is not None})
    add_record("sources", fields, corpus, claims, file)
