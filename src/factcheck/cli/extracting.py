"""`factcheck extract`: from an article to draft claim records (the command; the library is
factcheck.extract)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.choices import OutputFormat
from factcheck.cli.base import app, handles_errors
from factcheck.cli.environment import environment
from factcheck.cli.folder import _writable_target, append_checked, load_for_adding, read_input
from factcheck.cli.options import (
    ClaimsDir,
    DocumentFormat,
    JsonFlag,
    option_date,
    option_topics,
    output_format,
    paged,
)
from factcheck.errors import UsageError as UsageProblem
from factcheck.folder.problems import ClaimsError
from factcheck.text.sentences import MAX_SENTENCE

if TYPE_CHECKING:
    from factcheck.extract.drafts import Drafts, Origin
    from factcheck.extract.kept import Summary
    from factcheck.extract.run import Candidate, Extraction


ArticleFile = Annotated[
    str,
    typer.Argument(
        metavar="FILE",
        help="The article: plain text, Markdown or a saved HTML page (- for stdin); at most 1 MB "
        "of article text (split a longer one).",
    ),
]
MinScore = Annotated[
    float | None,
    typer.Option(
        "--min-score",
        min=0.0,
        max=1.0,
        help="List sentences scoring at least this (0 lists every sentence); by default, "
        "those the model judges check-worthy (docs/extract.md).",
    ),
]
Top = Annotated[int | None, typer.Option("--top", min=1, help="At most this many, best first.")]
WriteFile = Annotated[
    Path | None,
    typer.Option(
        "--write",
        metavar="FILE",
        help="Append the candidates listed as draft claim records (and the checks their "
        "figures suggest) to this .toml file of the claims folder.",
    ),
]
DraftTopics = Annotated[
    list[str] | None,
    typer.Option("--topic", metavar="TOPIC", help="Topic of the drafted claims (repeatable)."),
]
ArticleSource = Annotated[
    str | None,
    typer.Option("--source", metavar="ID", help="The folder's source record of the article."),
]
ArticleUrl = Annotated[
    str | None,
    typer.Option("--url", metavar="URL", help="The article's URL, for a new source."),
]
ArticleOutlet = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        metavar="NAME",
        help="Who published it: a new source, and the speaker of sentences nobody is quoted in.",
    ),
]
ArticleDate = Annotated[
    str | None,
    typer.Option("--date", metavar="DATE", help="When it was published (YYYY-MM-DD)."),
]


@app.command("extract")
@handles_errors
def extract_command(
    article: ArticleFile,
    min_score: MinScore = None,
    top: Top = None,
    write: WriteFile = None,
    topic: DraftTopics = None,
    source: ArticleSource = None,
    url: ArticleUrl = None,
    outlet: ArticleOutlet = None,
    date: ArticleDate = None,
    claims: ClaimsDir = "claims",
    fmt: DocumentFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Draft claim records from an article: each sentence worth checking, who asserts it,
    quotation or paraphrase, its figures, and a check-worthiness score with the reason. In a
    transcript, each line labelled "TRUMP: ..." or "Donald Trump: ..." is that speaker's, and
    the label is no part of what was said; a post pasted with its signature ("... — Jane
    Doe (@janedoe) May 2, 2020") is its author's. A line that states nothing (a time stamp, a lone
    heading, "Trump said.") scores 0 and says what it is. What was read of an article is kept
    in the cache, so reading it again (another --top or --json) takes no parsing.

    Needs the extract extra: pip install 'factcheck[extract]'.

    Examples:

    \b
      factcheck extract article.txt
      factcheck extract page.html --min-score 0 --json
      factcheck extract debate-transcript.txt --min-score 0 --top 20
      factcheck extract article.txt --top 10 --write claims/drafts.toml --topic detainers \\
          --outlet Benzinga --url https://example.com/story
    """
    from factcheck.extract import kept

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    if write is not None and not topic:
        raise UsageProblem("--write needs --topic: every claim record has at least one topic")
    if source is not None and (url or outlet):
        raise UsageProblem("give --source ID or --url/--outlet for a new source, not both")
    published = option_date("--date", date)
    _check_options(topic or [], url)
    text = _article_text(article)
    voice = outlet or "the article"
    cached = environment().cache
    if write is None:
        made = kept.summary(text, voice, cached)  # as kept for this text, when it is
    else:
        found, made = kept.extraction(text, voice, cached)
    _say_language(made, article)
    ranked = made.chosen(min_score, top)
    if write is not None:
        chosen = [found.candidates[shown["sentence"] - 1] for shown in ranked]
        _write_drafts(found, chosen, write, list(topic or ()), source, url, outlet, published,
                      claims)  # fmt: skip
    _write_candidates(made, ranked, fmt, made.threshold if min_score is None else min_score)


def _check_options(topics: list[str], url: str | None) -> None:
    """What a draft record would refuse, said of the option before the article is read."""
    import re

    from factcheck.model import URL_PATTERN

    option_topics(topics)
    if url is not None and not re.match(URL_PATTERN, url):
        raise UsageProblem(f"--url {url!r} is not a web address: write it in full, "
                           "'https://example.org/page'")  # fmt: skip


def _say_language(made: Summary, where: str) -> None:
    """Not English: said in one line, since speakers, quotations and figures are read by
    English rules and what they miss would otherwise pass for nothing there."""
    from factcheck.output import terminal

    if made.cut:
        terminal.note(f"{made.cut} pieces of text with no sentence end for over {MAX_SENTENCE:,} "
                      "characters were cut at spaces to be read")  # fmt: skip
    if not made.english:
        shown = "<stdin>" if where == "-" else where
        language = f"{made.language_name} ({made.language_code})"
        terminal.note(f"{shown}: the text looks like {language}, not "
                      "English; speakers, quotations and figures are read by English rules, "
                      "so some will be missed")  # fmt: skip


def _write_candidates(
    made: Summary, ranked: list[dict[str, Any]], fmt: OutputFormat, threshold: float
) -> None:
    from factcheck.output import extracted
    from factcheck.output.render import Emitted, emit

    def for_people() -> None:
        with paged(fmt):
            extracted.candidates(ranked, made.sentences, threshold)

    language = {"code": made.language_code, "name": made.language_name}
    document = {"sentences": made.sentences, "threshold": made.threshold,
                "language": language, "candidates": ranked}  # fmt: skip
    emit(Emitted(table=for_people, json=lambda: document, jsonl=lambda: ranked), fmt)


def _article_text(where: str) -> str:
    from factcheck.extract import article

    shown = "<stdin>" if where == "-" else where
    return article.read_article(read_input(where, article.MAX_BYTES), shown)


def _write_drafts(
    found: Extraction,
    chosen: list[Candidate],
    target: Path,
    topics: list[str],
    source: str | None,
    url: str | None,
    outlet: str | None,
    published: object,
    claims: str,
) -> None:
    """Append the drafts to a file of the claims folder, which must load without a problem
    first; the file is written atomically, and not at all if the folder would not then load.
    Sentences the folder already records from the same source are not added again. Nothing
    is made on disk (not even the folder) until there is something to write."""
    from factcheck.extract.drafts import Origin

    _writable_target(target, Path(claims), claims)
    if not chosen:
        raise UsageProblem("no candidates to write; lower --min-score")
    origin = Origin(source, url, outlet, published)  # type: ignore[arg-type]
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            _draft_and_append(found, chosen, target, topics, origin, claims)
            return
        except _Raced as raced:
            # Another writer added to the folder between our reading it and taking its lock
            # (the same article written at once): the write was refused; read the folder as
            # it is now and draft again, which adds only what is still new. Each failure
            # means another writer got through, so a few tries serve any number of them.
            if attempt == _ATTEMPTS:
                raise raced.error from None


_ATTEMPTS = 8


class _Raced(Exception):
    """The folder would refuse our records (nothing written): perhaps another writer."""

    def __init__(self, error: ClaimsError) -> None:
        super().__init__(str(error))
        self.error = error


def _draft_and_append(
    found: Extraction,
    chosen: list[Candidate],
    target: Path,
    topics: list[str],
    origin: Origin,
    claims: str,
) -> None:
    """Draft from the folder as it is now and append what is new."""
    from pydantic import ValidationError

    from factcheck.extract.drafts import Recorded, drafts
    from factcheck.output import terminal

    source = origin.source_id
    corpus = load_for_adding(claims, create=False)
    if source is not None and source not in corpus.sources:
        raise UsageProblem(f"--source {source}: no such source in {claims}")
    recorded = Recorded.of(list(corpus.sources.values()), list(corpus.claims.values()))
    try:
        made = drafts(found, chosen, topics, origin, corpus.taken_ids(), recorded)
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(map(str, first["loc"]))
        raise UsageProblem(f"a draft cannot be a record ({place}: {first['msg']})") from None
    if made.already:
        terminal.note(f"{len(made.already)} already recorded from this source, not added "
                      f"again: {', '.join(made.already)}")  # fmt: skip
    if not made.claims:
        terminal.note(f"nothing to add to {target}")
        return
    if not Path(claims).exists():
        load_for_adding(claims)  # makes a new desk's folder, now that there is a record for it
    try:
        append_checked(target, _text(made), claims, corpus.left_out)
    except ClaimsError as error:
        raise _Raced(error) from None
    terminal.note(f"added to {target}: {plural(made)} (drafts: factcheck list --drafts)")


def _text(made: Drafts) -> str:
    from factcheck.folder.records import record_text

    pieces = [record_text("sources", s) for s in made.sources]
    pieces += [record_text("claims", c) for c in made.claims]
    pieces += [record_text("checks", c) for c in made.checks]
    return "\n".join(pieces)


def plural(made: Drafts) -> str:
    from factcheck.output.terminal import plural as counted

    return ", ".join([counted(len(made.claims), "claim"), counted(len(made.checks), "check"),
                      counted(len(made.sources), "source")])  # fmt: skip
