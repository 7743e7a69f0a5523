"""The `factcheck` command line: each command parses options, asks the library once, renders."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import errno
import functools
import gc
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from factcheck import __version__, completion
from factcheck.choices import FAILING_BY_DEFAULT, Confidence, OutputFormat, Verdict

# The library (pydantic models, the loader, rich) is imported inside the commands, not here:
# `factcheck --version`, `--help` and completion then start in about the time typer takes.
if TYPE_CHECKING:
    from factcheck.cache import Cache
    from factcheck.compare import Comparison
    from factcheck.expression import Resolver
    from factcheck.listing import Listed, Listing, Stored
    from factcheck.store import Corpus, Problem, Summary

from factcheck.errors import (
    EXIT_DATA,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    EXIT_USAGE,
    DataError,
    FactcheckError,
    OutputFailure,
    UsageError,
)

__all__ = ["EXIT_DATA", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OUTPUT", "EXIT_USAGE"]

app = typer.Typer(
    name="factcheck",
    help=(
        "Fact-check toolkit: claim records in TOML, exact arithmetic checks, conflicts.\n\n"
        "Exit codes: 0 ok; 1 a check failed (or conflicts, when asked to fail on them); "
        "2 usage error; 3 invalid or unreadable claim data; 4 output could not be written; "
        "130 interrupted."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Help text is plain text: "[[checks]]" must not be read as Rich markup and vanish.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


UsageProblem = UsageError  # the name the commands raise it by


def _one_line_usage_errors() -> None:
    """click's option errors say what is wrong in three lines ("Usage: ...", "Try ...",
    "Error: ..."); every other error of the tool is one line. Its UsageError is told to say
    it as the tool does, `error: <what> (see 'factcheck list -h')`, still exit 2. Help shown
    for a command given no arguments is left as it is."""
    try:
        from typer._click.exceptions import NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError
    except ImportError:  # pragma: no cover - another typer: its own format stays
        return
    shown = ClickUsageError.show

    def show(self: ClickUsageError, file: Any = None) -> None:
        if isinstance(self, NoArgsIsHelpError):
            shown(self, file)
            return
        from factcheck import render

        command = self.ctx.command_path if self.ctx is not None else "factcheck"
        render.error(f"error: {self.format_message()} (see '{command} -h')")

    ClickUsageError.show = show  # type: ignore[method-assign]


_one_line_usage_errors()


def _arguments_named_by_their_metavar() -> None:
    """typer writes an argument's Python type beside it in --help (`FILE <list[Path]>`,
    `ID <str>`), and a required one in braces in the usage line (`show [OPTIONS] {ID}`):
    where the argument has a metavar, that says what to give, as `ID` or `[FILE]...`."""
    from typer.core import TyperArgument

    typed = TyperArgument.display_type_rich
    usage = getattr(TyperArgument, "_usage_display_name", None)

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if self.metavar is not None else typed(self, ctx)

    def usage_display_name(self: Any) -> str:
        name = usage(self) if usage is not None else self.metavar
        if self.metavar is not None and name.startswith("{"):
            return f"{self.metavar}..." if self.nargs != 1 else str(self.metavar)
        return str(name)

    TyperArgument.display_type_rich = display_type_rich  # type: ignore[method-assign]
    if usage is not None:
        TyperArgument._usage_display_name = usage_display_name  # type: ignore[method-assign]


_arguments_named_by_their_metavar()


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(command: F) -> F:
    """The one error handler: user mistakes become a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck.discovery import one_snapshot

        _LEFT_OUT.clear()
        try:
            with one_snapshot():  # the folder walked and each file read once per command
                result = command(*args, **kwargs)
            if _LEFT_OUT:
                _report_left_out()
            return result
        except KeyboardInterrupt:
            from factcheck import render

            render.error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            code = _exit_code(error)  # the library is imported only when something failed
            if code is None:
                raise
            if _LEFT_OUT and not isinstance(error, DataError):
                _list_left_out()  # they may be why: `show` of a record left out
            raise typer.Exit(code) from None

    return wrapper  # type: ignore[return-value]


def _exit_code(error: Exception) -> int | None:
    """Say what went wrong and give the exit code for it: every FactcheckError (errors.py)
    the same way, but for the claims folder's problems, listed one a line, and a reader
    that stopped early. None for what is not ours to handle (typer's own exits, and bugs,
    which must show their traceback)."""
    if not isinstance(error, FactcheckError):
        return None
    from factcheck import render
    from factcheck.store import ClaimsError

    if isinstance(error, ClaimsError):
        render.problems(error.problems, OutputFormat.table)
    elif isinstance(error, render.OutputError) and error.cut_short:
        # The reader stopped early (`| head`): what it wanted, it had. Like git and
        # ripgrep, that is no error, so a `set -o pipefail` script goes on.
        _silence_stdout()
        return 0
    else:
        render.error(f"error: {error}")
    return error.exit_code


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at /dev/null, so that the flush at
    exit does not fail a second time with a message nobody asked for."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


DEFAULT_CLAIMS = "claims"


def _found_claims(value: str) -> str:
    """The claims folder: as given; or, for the default `claims` where the current folder
    has none, the nearest `claims` folder above it, as git finds `.git` (so that
    `cd claims && factcheck list` and a run from a subfolder of the repository work)."""
    if value != DEFAULT_CLAIMS or os.path.lexists(value):
        return value
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / DEFAULT_CLAIMS).is_dir():
            return str(folder / DEFAULT_CLAIMS)
        if (folder / ".git").exists():
            break  # the top of the repository: no claims folder in it
    return value


ClaimsDir = Annotated[
    str,
    typer.Option(
        "--claims",
        metavar="DIR",
        envvar="FACTCHECK_CLAIMS",
        help="The claims folder (every *.toml below it is read), one .toml file, or - to read "
        "one claims document from standard input. By default ./claims, or the nearest "
        "claims folder above the current one.",
        show_default=True,
        callback=_found_claims,
    ),
]


# The filters of `list`, shared by every command that narrows the claims it works on.
TopicFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Only claims on this topic (repeat for any of several).",
        autocompletion=completion.topics,
    ),
]
SpeakerFilter = Annotated[
    str | None,
    typer.Option("--speaker", metavar="TEXT", help="Speaker contains this (any case)."),
]
SourceFilter = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="ID",
        help="Only claims from this source ID.",
        autocompletion=completion.source_ids,
    ),
]
RatingFilter = Annotated[
    str | None,
    typer.Option(
        "--rating", metavar="RATING", help="Only claims reviewed with this rating ID (or text)."
    ),
]
SinceFilter = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="Claims dated on or after (YYYY-MM-DD)."),
]
UntilFilter = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", help="Claims dated on or before (YYYY-MM-DD)."),
]


def _format_option(*allowed: str) -> Any:
    return typer.Option(
        "--format",
        "-f",
        metavar="|".join(allowed),
        help=f"table for people; {', '.join(allowed[1:])} for scripts.",
    )


# Each command's help lists the formats it takes, and output_format() enforces the same list.
FormatOption = Annotated[OutputFormat, _format_option("table", "json", "jsonl", "csv")]
DocumentFormat = Annotated[OutputFormat, _format_option("table", "json", "jsonl")]
ValidateFormat = Annotated[OutputFormat, _format_option("table", "json")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]


def output_format(
    fmt: OutputFormat, as_json: bool, allowed: tuple[OutputFormat, ...] = tuple(OutputFormat)
) -> OutputFormat:
    if as_json:
        if fmt not in (OutputFormat.table, OutputFormat.json):
            raise UsageProblem(f"--json and --format {fmt.value} disagree; give one of them")
        fmt = OutputFormat.json
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise UsageProblem(f"--format {fmt.value} does not fit this command; use one of: {names}")
    return fmt


def load_claims(folder: str) -> Corpus:
    """The claims folder, a single .toml file, or one document on stdin (`--claims -`).
    Records with problems are left out, and the command, its output written, lists the
    problems and exits 3 (see handles_errors); `validate` reads strictly instead."""
    from factcheck.store import STDIN, load, load_document

    if not folder.strip():
        raise UsageProblem("--claims is empty; give the claims folder (default: ./claims)")
    if folder == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UsageProblem("--claims -: there is no standard input to read")
        corpus = load_document(STDIN, stream.read(), keep_going=True)
    else:
        corpus = load(Path(folder), _cache(), keep_going=True)
    if corpus.left_out and not _LEFT_OUT:
        _LEFT_OUT.append(corpus)
    return corpus


# The folder a command read whose records with problems it left out: the problems are
# listed, and the exit is 3, once the command's output is written.
_LEFT_OUT: list[Corpus] = []


def _report_left_out() -> None:
    _list_left_out()
    raise typer.Exit(EXIT_DATA)


def _list_left_out() -> None:
    from factcheck import render

    corpus = _LEFT_OUT.pop()
    render.problems(corpus.left_out, OutputFormat.table)
    named = corpus.left_out_records
    more = f" and {len(named) - 5} more" if len(named) > 5 else ""
    render.note(f"left out for these problems: {', '.join(named[:5])}{more}; everything "
                "else was read ('factcheck validate' checks every file)")  # fmt: skip


def load_for_adding(folder: str, create: bool = True) -> Corpus:
    """The folder a command adds records to. A new desk's folder may not exist yet, or hold
    no file: it is made here (unless `create` is off, as for a dry run) and is an empty
    folder of records, which the first record added gives its first file."""
    from factcheck import render
    from factcheck.discovery import claim_files
    from factcheck.store import Corpus

    path = Path(folder)
    if not folder.strip() or folder == "-" or path.is_file():
        return load_claims(folder)
    if not path.exists():
        if not create:
            return Corpus(root=path)
        try:
            path.mkdir(parents=True)
        except OSError as error:
            raise UsageProblem(f"{folder}: cannot be created: {error.strerror}") from None
        render.note(f"created the claims folder {folder}")
    found = claim_files(path)
    if path.is_dir() and not found.files and not found.problems:
        return Corpus(root=path, skipped=found.skipped)
    return load_claims(folder)


def _writable_target(target: Path, folder: Path, claims: str) -> None:
    """A file records may be added to: a .toml file inside the claims folder (a link is
    followed, and must lead inside it too), that the folder's reading does not skip."""
    try:
        _check_target(target, folder, claims)
    except OSError as error:  # a name too long, a loop of links
        raise UsageProblem(f"{target}: {error.strerror or error}; name another file") from None


def _check_target(target: Path, folder: Path, claims: str) -> None:
    if target.suffix != ".toml" or folder.resolve() not in target.resolve().parents:
        raise UsageProblem(f"{target} must be a .toml file inside the claims folder {claims}")
    inside = target.resolve().relative_to(folder.resolve()).parts
    if any(part.startswith(".") for part in inside):
        raise UsageProblem(f"{target}: hidden files and folders are never read; name it "
                           "without a leading dot")  # fmt: skip
    if target.exists() and not target.is_file():
        raise UsageProblem(f"{target} is not a file; name a .toml file")


def append_checked(target: Path, text: str, claims: str, before: Sequence[Problem] = ()) -> None:
    """Append records to a claims file and load the folder again; if that finds a problem
    the folder did not have `before`, put the file back as it was and raise it. A file that
    has problems itself is not added to. Writers take the folder's lock for all of it, so
    that two commands adding at once never lose each other's records."""
    from factcheck import records
    from factcheck.discovery import shown
    from factcheck.store import ClaimsError, Problem

    own = [p for p in before if p.path == shown(target)]
    if own:
        refusal = Problem(shown(target), "has the problems above; fix them before adding to "
                          "it, or name another file (nothing was written)")  # fmt: skip
        raise ClaimsError([*own, refusal])
    with records.folder_lock(Path(claims)):
        original = target.read_bytes() if target.exists() else None
        try:
            records.append_atomically(target, text)
        except OSError as error:  # a full disk, a read-only folder, a name too long
            raise OutputFailure(f"cannot write {target}: {error.strerror or error}; nothing "
                                "was changed") from None  # fmt: skip
        known = {_unplaced(p) for p in before}
        new = [p for p in load_claims(claims).left_out if _unplaced(p) not in known]
        if new:
            records.restore(target, original)
            raise ClaimsError(new)


def _unplaced(problem: Problem) -> tuple[str, str | None, str | None, str]:
    """A problem without its line: appending to a file moves no line before the end."""
    return problem.path, problem.record, problem.field, problem.message


def summarise_claims(folder: str) -> Summary:
    """What `validate` says of a valid folder: from the cache's record of its last clean
    load when not a byte has changed since, else from loading it."""
    from factcheck.store import Summary, summarise

    if folder.strip() and folder != "-":
        return summarise(Path(folder), _cache())
    return Summary.of(load_claims(folder))


def _cache() -> Cache | None:
    if not SETTINGS["cache"]:
        return None
    from factcheck.cache import Cache, default_folder

    folder = default_folder()
    return None if folder is None else Cache(folder)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            envvar="FACTCHECK_NO_PAGER",
            help="Print tables straight to the terminal; by default a long table goes through "
            "$PAGER (or less -FRX). Pipes and --json never use a pager.",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="FACTCHECK_NO_CACHE",
            help="Parse and validate every file afresh. By default the records of files "
            "unchanged since a clean load come from a cache in $FACTCHECK_CACHE_DIR, else "
            "$XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck.",
        ),
    ] = False,
) -> None:
    """Fact-check toolkit: claim records in TOML, exact arithmetic checks, conflicts."""
    SETTINGS["pager"] = not no_pager
    SETTINGS["cache"] = not no_cache


SETTINGS = {"pager": True, "cache": True}


def paged(fmt: OutputFormat) -> contextlib.AbstractContextManager[None]:
    """The pager for a table on a terminal; nothing for scripts' formats."""
    from factcheck import render

    return render.paged(SETTINGS["pager"] and fmt is OutputFormat.table)


def _date(option: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date from an option, or a usage error in plain words."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(
            f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-20"
        ) from None


@app.command("list")
@handles_errors
def list_command(
    claims: ClaimsDir = "claims",
    topic: TopicFilter = None,
    speaker: SpeakerFilter = None,
    search: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Text, quote or ID contains this (any case).")
    ] = None,
    source: SourceFilter = None,
    rating: RatingFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="Only claims drafted by extract, to be reviewed.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """List claims, filtered, by date then ID (undated claims last).

    Examples:

    \b
      factcheck list --topic detainers
      factcheck list --speaker newsom --json | jq '.[].id'
    """
    from factcheck import filters, jsonout, listing

    fmt = output_format(fmt, as_json)
    topics = tuple(topic or ())

    def claim_filter() -> filters.ClaimFilter:
        return filters.ClaimFilter(
            topics=topics, speaker=speaker, search=search, source=source,
            since=_date("--since", since), until=_date("--until", until), rating=rating,
            drafts=drafts,
        )  # fmt: skip

    # A listing does not keep the draft mark: --drafts reads the claims themselves.
    listable = fmt in (OutputFormat.json, OutputFormat.table) and not drafts
    if listable:  # first from the cache's listing of the folder, if it can
        stored = _cached_listing(claims)
        options = (speaker, search, source, since, until, rating)
        unfiltered = not topics and all(option is None for option in options)  # "" filters
        if stored is not None and unfiltered and fmt is OutputFormat.json:
            jsonout.write_bytes(stored.output)  # an unchanged folder: what `list` printed
            return
        listed = stored.claims() if stored is not None else _listing_after_edit(claims)
        if listed is not None:
            filters.require_known_among(listed.claims, listed.sources, listed.ratings, topics,
                                        speaker, source, rating)  # fmt: skip
            chosen = filters.listed_in_order(listed.claims, claim_filter())
            _write_listed(chosen, fmt)
            return
    from factcheck import query, render

    corpus = load_claims(claims)
    query.require_known(corpus, topics, speaker, source, rating)
    kept = query.list_claims(corpus, claim_filter())
    if listable and listing.worth_remembering(corpus):
        if fmt is OutputFormat.json:
            fragments = listing.claims_json_by_id(corpus)
            jsonout.write_json_fragments([fragments[c.id] for c in kept])
        else:  # the table first: the JSON for the listing (1 s at 100k) need not delay it
            with paged(fmt):
                render.claims_for_people(kept)
            fragments = listing.claims_json_by_id(corpus)
        every = len(kept) == len(corpus.claims)  # then `kept` is all of them, in list order
        listing.remember(corpus, fragments, _cache(), kept if every else None)
        return
    with paged(fmt):
        render.claims(kept, fmt)


def _write_listed(chosen: list[Listed], fmt: OutputFormat) -> None:
    """Claims listed in the cache, as `list --json` or the table of `list` shows them."""
    if fmt is OutputFormat.json:
        from factcheck import jsonout

        jsonout.write_json_fragments([c.json for c in chosen])
        return
    from factcheck import render

    with paged(fmt):
        render.claims_for_people(chosen)


def _listed_claims(folder: str) -> Listing | None:
    """The folder's claims from its listing (listing.py): unchanged since a clean load, or
    edited in a few files since; None when the folder must be loaded."""
    stored = _cached_listing(folder)
    return stored.claims() if stored is not None else _listing_after_edit(folder)


def _listing_after_edit(folder: str) -> Listing | None:
    """The folder's claims from its listing and the few files edited since (listing.py)."""
    from factcheck import listing

    return None if not _listable(folder) else listing.after_edit(Path(folder), _cache())


def _cached_listing(folder: str) -> Stored | None:
    """The folder's claims as `list --json` needs them, from the cache, when not a byte of
    the folder has changed since a clean load (listing.py); None otherwise."""
    from factcheck import listing

    return None if not _listable(folder) else listing.from_cache(Path(folder), _cache())


def _listable(folder: str) -> bool:
    """A folder named, not standard input, with the cache on: what a listing is kept for."""
    return bool(folder.strip()) and folder != "-" and SETTINGS["cache"]


@app.command("show")
@handles_errors
def show_command(
    claim_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The claim's ID.", autocompletion=completion.claim_ids),
    ],
    claims: ClaimsDir = "claims",
    fmt: DocumentFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Show one claim in full: source, figures, what it disputes and what disputes it.

    Example:

    \b
      factcheck show dhs-released-4561
    """
    from factcheck import query, render

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    listed = _listed_claims(claims)  # the claim from its file's cache entry, when it can
    view = None if listed is None else query.listed_claim_view(Path(claims), _cache(), listed,
                                                               claim_id)  # fmt: skip
    if view is None:
        view = query.claim_view(load_claims(claims), claim_id)
    with paged(fmt):
        render.claim_detail(view, fmt)


@app.command("topics")
@handles_errors
def topics_command(
    claims: ClaimsDir = "claims",
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Each topic with its number of claims.

    Example:

    \b
      factcheck topics --json
    """
    from factcheck import query, render

    fmt = output_format(fmt, as_json)
    listed = _listed_claims(claims)  # counted from the folder's listing, when it can
    found = listed.claims if listed is not None else load_claims(claims).claims.values()
    render.topics(query.topic_counts(found), fmt)


@app.command("validate")
@handles_errors
def validate_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Report only the problems of these files (the whole folder is still read, so "
            "that references across files resolve). What a pre-commit hook passes.",
            show_default=False,
        ),
    ] = None,
    claims: ClaimsDir = "claims",
    fmt: ValidateFormat = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Check every claims file; exit 0 when all is well, 3 with every problem otherwise.

    Run it in a claims repository's CI or pre-commit hook (which passes the changed files:
    their problems are reported, read in the context of the whole folder). With --json the
    problems are a JSON document on stdout.

    Examples:

    \b
      factcheck validate --claims claims/
      factcheck validate claims/2025/budget.toml
    """
    from factcheck import render
    from factcheck.store import ClaimsError

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json))
    wanted = _files_in_folder(files or [], claims)
    try:
        summary = summarise_claims(claims)
    except ClaimsError as error:
        problems = [p for p in error.problems if wanted is None or _concerns(p.path, wanted)]
        if problems:
            render.problems(problems, fmt)
            raise typer.Exit(EXIT_DATA) from None
        render.note("the files given are valid; other files in the folder have problems")
        return
    render.validation_summary(summary, fmt)


def _files_in_folder(files: list[Path], claims: str) -> set[Path] | None:
    """The given files, resolved. A file outside the claims folder (pre-commit passes every
    changed .toml, pyproject.toml too) is left out, and said so."""
    from factcheck import render

    if not files:
        return None
    folder = Path(claims).resolve()
    wanted = set()
    for file in files:
        if not file.exists():
            raise UsageProblem(f"{file}: no such file; name a claims file, or none to validate "
                               "the whole folder")  # fmt: skip
        resolved = file.resolve()
        if folder in resolved.parents:
            wanted.add(resolved)
        else:
            render.note(f"skipped {file}: not in the claims folder {claims}")
    return wanted


def _concerns(path: str, wanted: set[Path]) -> bool:
    """Whether a problem is about one of the files given (a problem about the folder as a
    whole, such as a missing folder, concerns them all)."""
    resolved = Path(path).resolve()
    return resolved in wanted or resolved.is_dir()


@app.command("schema")
@handles_errors
def schema_command() -> None:
    """Print the JSON Schema of a claims file, for editors that validate TOML as you type.

    Example (taplo / Even Better TOML): save it, then start a claims file with

      #:schema ./factcheck.schema.json

      factcheck schema > factcheck.schema.json
    """
    from factcheck import render
    from factcheck.model import claims_file_json_schema

    render.one_document(claims_file_json_schema(), OutputFormat.json)


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
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            metavar="VERDICTS",
            help="Verdicts that make the exit code 1 (comma-separated or repeated). "
            "Default: inconsistent,gross.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonFlag = False,
) -> None:
    """Recompute the arithmetic behind the claims and say which figures hold.

    Runs every [[checks]] record and the checks the records imply (parts of a whole must fit
    in it; "N of M" needs N <= M). Verdicts: consistent, approximate, inconsistent, gross,
    uncheckable. Exit 1 when a verdict in --fail-on occurs.

    Examples:

    \b
      factcheck check
      factcheck check --claim newsom-one-in-eight --json | jq '.checks[].verdict'
      factcheck check --fail-on inconsistent,gross,approximate
    """
    from factcheck import query, render
    from factcheck.checks import CheckFilter, run_checks

    fmt = output_format(fmt, as_json)
    failing = _verdicts(fail_on) or sorted(FAILING_BY_DEFAULT, key=list(Verdict).index)
    corpus = load_claims(claims)
    query.require_known(corpus, topics=topic or ())
    unknown = [c for c in claim or [] if c not in corpus.claims]
    if unknown:
        raise query.UnknownClaim(unknown[0], query.nearest_ids(unknown[0], corpus.claims))
    check_filter = CheckFilter(topics=tuple(topic or ()), claim_ids=tuple(claim or ()))
    report = run_checks(corpus, check_filter, failing)
    with paged(fmt):
        render.check_report(report, fmt)
    if report.failed:
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
    from factcheck import expression, render
    from factcheck.arithmetic import calculate
    from factcheck.quantity import FigureError

    fmt = output_format(fmt, as_json, (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl))
    try:
        needs_claims = bool(expression.references(expression_text))
        corpus = load_claims(claims) if needs_claims else None
        result = calculate(expression_text, claimed, _resolver(corpus))
    except expression.ExpressionError as error:
        if error.pointer and sys.stderr is not None and sys.stderr.isatty():
            render.error(f"error: {error}")
            render.note(error.pointer)
            raise typer.Exit(EXIT_USAGE) from None
        raise UsageProblem(str(error)) from None
    except FigureError as error:
        raise UsageProblem(str(error)) from None
    except expression.Undefined as error:
        raise UsageProblem(f"{expression_text} cannot be computed: {error}") from None
    render.calculation(result, fmt)


def _resolver(corpus: Corpus | None) -> Resolver:
    from factcheck.checks import figure_of
    from factcheck.quantity import Figure

    def resolve(reference: str) -> Figure:
        if corpus is None or corpus.quantity(reference) is None:
            raise UsageProblem(f"no figure '{reference}' in the claims folder")
        return figure_of(corpus, reference)

    return resolve


@app.command("compare")
@handles_errors
def compare_command(
    topic: Annotated[
        str | None,
        typer.Option(
            metavar="TOPIC",
            help="Compare the claims on this topic.",
            autocompletion=completion.topics,
        ),
    ] = None,
    all_topics: Annotated[bool, typer.Option("--all", help="Every topic in turn.")] = False,
    about: Annotated[
        str | None,
        typer.Option(
            metavar="KEY",
            help="One proposition (an `about` key), across topics.",
            autocompletion=completion.propositions,
        ),
    ] = None,
    min_confidence: Annotated[
        Confidence,
        typer.Option(metavar="low|medium|high", help="Show only conflicts this sure or surer."),
    ] = Confidence.low,
    fail_on_conflict: Annotated[
        bool, typer.Option(help="Exit 1 when any conflict is shown (for a claims repo's CI).")
    ] = False,
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
    corpus = load_claims(claims)
    from factcheck import query, render
    from factcheck.compare import compare_scope

    if topic is not None:  # the message and suggestions of `list --topic`, from one place
        query.require_known(corpus, (topic,))

    shown = compare_scope(corpus, topic=topic, about=about, minimum=min_confidence)
    had_conflicts: list[bool] = []
    with paged(fmt):
        render.comparisons(
            _noting_conflicts(shown, had_conflicts), fmt, single=not all_topics,
            claims=corpus.claims,
        )  # fmt: skip
    if fail_on_conflict and any(had_conflicts):
        raise typer.Exit(EXIT_FAILED)


def _noting_conflicts(comparisons: Iterable[Comparison], seen: list[bool]) -> Iterator[Comparison]:
    """--all writes topic by topic as each is made: whether any had conflicts is noted on
    the way, for --fail-on-conflict."""
    for comparison in comparisons:
        seen.append(bool(comparison.conflicts))
        yield comparison


new_app = typer.Typer(
    help="Add a claim or a source to a claims file: validated first, appended, written atomically.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(new_app, name="new")

FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="FILE",
        help="The .toml file to add to (created if missing; its comments and layout are kept). "
        "Default: new-claims.toml in the claims folder.",
    ),
]
ImportFileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="FILE",
        help="The .toml file to add to (created if missing; its comments and layout are kept). "
        "Default: imported.toml in the claims folder.",
    ),
]
NoInput = Annotated[
    bool, typer.Option("--no-input", help="Never prompt: take every field from the options.")
]


@new_app.command("claim")
@handles_errors
def new_claim_command(
    claim_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="Default: suggested from speaker and text."),
    ] = None,
    speaker: Annotated[str | None, typer.Option(metavar="NAME", help="Who said it.")] = None,
    text: Annotated[str | None, typer.Option(metavar="TEXT", help="The assertion.")] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option(metavar="TOPIC", help="A topic (repeat).", autocompletion=completion.topics),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(metavar="ID", help="The source's ID.", autocompletion=completion.source_ids),
    ] = None,
    date: Annotated[str | None, typer.Option(metavar="DATE", help="YYYY-MM-DD.")] = None,
    quote: Annotated[str | None, typer.Option(metavar="TEXT", help="The speaker's words.")] = None,
    about: Annotated[
        str | None,
        typer.Option(
            metavar="KEY", help="The proposition.", autocompletion=completion.propositions
        ),
    ] = None,
    stance: Annotated[
        str | None, typer.Option(metavar="affirms|denies", help="Towards --about.")
    ] = None,
    figure: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME=VALUE", help="A figure as written: released='4,561' (repeat)."),
    ] = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add a claim: prompts for what is missing on a terminal, or takes every field from the
    options (--no-input, for scripts). The record is validated, its ID checked against the
    folder, and the file left as it was if anything is wrong.

    Examples:

    \b
      factcheck new claim
      factcheck new claim --no-input --speaker "Gavin Newsom" --topic detainers --text "..."
    """
    from factcheck import records

    corpus = load_for_adding(claims)
    ask = not no_input and sys.stdin is not None and sys.stdin.isatty()
    speaker = speaker or _ask(ask, "speaker", "Speaker")
    text = text or _ask(ask, "text", "Text of the claim")
    topics = topic or [t.strip() for t in _ask(ask, "topic", "Topics (comma-separated)").split(",")]
    taken = corpus.taken_ids()
    suggested = records.suggest_id(speaker, text, taken)
    if claim_id is None:
        claim_id = typer.prompt("ID", default=suggested) if ask else suggested
    fields: dict[str, Any] = {"id": claim_id, "text": text, "speaker": speaker, "topics": topics}
    optional = {"source": source, "quote": quote, "about": about, "stance": stance,
                "date": _date("--date", date)}  # fmt: skip
    fields.update({k: v for k, v in optional.items() if v is not None})
    if figure:
        fields["quantities"] = dict(_figure(f) for f in figure)
    _add_record("claims", fields, corpus, claims, file)


@new_app.command("source")
@handles_errors
def new_source_command(
    source_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="The source's ID.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(metavar="NAME", help="The publication.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="The headline.")] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="Where it was published.")] = None,
    published: Annotated[str | None, typer.Option(metavar="DATE", help="YYYY-MM-DD.")] = None,
    archived: Annotated[str | None, typer.Option(metavar="URL", help="An archive copy.")] = None,
    file: FileOption = None,
    claims: ClaimsDir = "claims",
    no_input: NoInput = False,
) -> None:
    """Add a source, for claims to name with --source.

    Example:

    \b
      factcheck new source --no-input --id benzinga-2025 --outlet Benzinga
    """
    corpus = load_for_adding(claims)
    ask = not no_input and sys.stdin is not None and sys.stdin.isatty()
    source_id = source_id or _ask(ask, "id", "ID (lowercase, digits, hyphens)", _not_an_id)
    optional = {"outlet": outlet, "title": title, "url": url, "archived": archived,
                "published": _date("--published", published)}  # fmt: skip
    fields: dict[str, Any] = {"id": source_id}
    fields.update({k: v for k, v in optional.items() if v is not None})
    _add_record("sources", fields, corpus, claims, file)


def _ask(
    ask: bool, option: str, prompt: str, problem: Callable[[str], str | None] | None = None
) -> str:
    """An answer at the terminal, asked again while it is empty or `problem` finds one in it
    (said, with how to fix it). Ctrl-C or Ctrl-D ends the command as an interruption (exit
    130), not as a failed check."""
    if not ask:
        raise UsageProblem(f"--{option} is required with --no-input (or when not at a terminal)")
    while True:
        try:
            answer = str(typer.prompt(prompt)).strip()
        except typer.Abort:
            from factcheck import render

            render.error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        wrong = "it must not be empty" if not answer else problem(answer) if problem else None
        if wrong is None:
            return answer
        typer.echo(f"{wrong}; try again (Ctrl-C to stop)", err=True)


def _not_an_id(answer: str) -> str | None:
    import re

    from factcheck.model import SLUG_PATTERN

    if re.fullmatch(SLUG_PATTERN, answer):
        return None
    return f"'{answer}' is not an ID: lowercase letters, digits and hyphens, e.g. benzinga-2025"


def _figure(written: str) -> tuple[str, str]:
    name, equals, value = written.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise UsageProblem(f"--figure {written!r}: write NAME=VALUE, e.g. released='4,561'")
    return name.strip(), value.strip().strip("'\"")


def _add_record(
    kind: str, fields: dict[str, Any], corpus: Corpus, claims: str, file: Path | None
) -> None:
    """Validate, check against the folder, append atomically, and validate the folder again
    (putting the file back if that fails)."""
    from pydantic import ValidationError

    from factcheck import records, render
    from factcheck.model import RECORD_KINDS, Claim, Source
    from factcheck.store import friendly_message

    try:
        record = RECORD_KINDS[kind].model_validate(fields)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(map(str, d['loc'])) or kind}: {friendly_message(kind, list(d['loc']), d)}"
            for d in error.errors()
        )
        raise UsageProblem(f"the {kind[:-1]} is not valid: {details}") from None
    if not isinstance(record, (Claim, Source)):
        raise UsageProblem(f"cannot add a {kind[:-1]} here")
    records.check_new(corpus, record)
    folder = Path(claims)
    target = file or folder / "new-claims.toml"
    _writable_target(target, folder, claims)
    append_checked(target, records.record_text(kind, record), claims, corpus.left_out)
    render.note(f"added {kind[:-1]} '{record.id}' to {target}")
    render.one_document({"id": record.id, "file": str(target)}, OutputFormat.jsonl)


class ExchangeFormat(str, enum.Enum):
    claimreview = "claimreview"
    claimreview_jsonl = "claimreview-jsonl"


@app.command("export")
@handles_errors
def export_command(
    fmt: Annotated[
        ExchangeFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="claimreview|claimreview-jsonl",
            help="claimreview: one JSON-LD document with @graph; claimreview-jsonl: one "
            "ClaimReview a line.",
        ),
    ] = ExchangeFormat.claimreview,
    publisher: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The desk, for reviews that name no reviewer."),
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Export the reviews of this reviewer (any case)."),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Export every review, other fact-checkers' imported ones too."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail (exit 1) if a review cannot be valid ClaimReview."),
    ] = False,
    claims: ClaimsDir = "claims",
) -> None:
    """Export the desk's reviewed claims as schema.org ClaimReview (JSON-LD), as
    fact-checkers exchange them. The desk's own reviews are those naming no reviewer or the
    --publisher; imported reviews of other fact-checkers are theirs to publish (--all,
    --reviewer). A review with no URL is left out with the reason (ClaimReview requires
    one); what else a review lacks is said on stderr, not invented.

    Examples:

    \b
      factcheck export --format claimreview > reviews.jsonld
      factcheck export --format claimreview-jsonl --publisher "The Desk"
    """
    from factcheck import render
    from factcheck.claimreview import export

    if everything and reviewer is not None:
        raise UsageProblem("give --all or --reviewer NAME, not both")
    corpus = load_claims(claims)
    reviews, notes = export.export(corpus, publisher, reviewer, everything, strict)
    for message in notes:
        render.note(message)
    from factcheck import jsonout

    # JSON-LD is pasted into <script type="application/ld+json">: written HTML-safe.
    if fmt is ExchangeFormat.claimreview:
        jsonout.write_html_safe_json(export.document(reviews))
    else:
        jsonout.write_html_safe_jsonl([{"@context": export.CONTEXT, **r} for r in reviews])
    render.note(render.plural(len(reviews), "review") + " exported")


@app.command("import")
@handles_errors
def import_command(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="ClaimReview JSON-LD, a Fact Check Tools API "
            "response, or a Data Commons feed (- for stdin).",
        ),
    ],
    topic: Annotated[
        str, typer.Option(metavar="TOPIC", help="The topic the imported claims are filed under.")
    ] = "imported",
    file: ImportFileOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be written; write nothing.")
    ] = False,
    claims: ClaimsDir = "claims",
) -> None:
    """Import ClaimReview records as claims, sources and ratings. IDs are derived from each
    review, so importing the same file twice adds nothing; every record written passes
    validate; what cannot be read is reported with its place in the file.

    Examples:

    \b
      factcheck import afp.jsonld --claims claims --topic covid
      factcheck import api-response.json --dry-run
    """
    import json
    import re

    from factcheck import records, render
    from factcheck.claimreview import read
    from factcheck.claimreview import records as to_records
    from factcheck.model import SLUG_PATTERN

    if not re.fullmatch(SLUG_PATTERN, topic):
        raise UsageProblem(f"--topic {topic!r} is not a topic ID: lowercase letters, digits "
                           "and hyphens, e.g. 'covid-vaccines'")  # fmt: skip
    raw = read_input(str(path), MAX_IMPORT_BYTES)
    if len(raw) > MAX_IMPORT_BYTES:
        raise UsageProblem(f"{path}: more than {MAX_IMPORT_BYTES // 2**20} MB; import from a "
                           "smaller file, or split the feed")  # fmt: skip
    try:
        document = json.loads(raw, parse_constant=_no_constant, parse_int=_bounded_int)
    except RecursionError:
        raise UsageProblem(f"{path}: JSON nested too deep to be a ClaimReview") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise UsageProblem(f"{path}: not JSON ({error})") from None
    corpus = load_for_adding(claims, create=not dry_run)
    reading = read.read(document)
    imported = to_records.to_records(reading.found, corpus, topic)
    for where, what in [*reading.problems, *imported.problems]:
        render.error(f"{path}: {where}: {what}")
    text = "".join(
        records.record_text(kind, record) + "\n"
        for kind, batch in (("ratings", imported.ratings), ("sources", imported.sources),
                            ("claims", imported.claims))
        for record in batch
    )  # fmt: skip
    summary = (f"{render.plural(len(imported.claims), 'claim')}, "
               f"{render.plural(len(imported.sources), 'source')}, "
               f"{render.plural(len(imported.ratings), 'rating')} new; "
               f"{len(imported.already)} already in the folder")  # fmt: skip
    folder = Path(claims)
    target = file or folder / "imported.toml"
    if dry_run or not text:
        if text:
            render.write_text(text)
        said = f"would add to {target}: " if dry_run else "nothing to add: "
        render.note(said + summary)
        if not reading.found:
            raise typer.Exit(EXIT_USAGE)  # nothing in the file could be read
        return
    _writable_target(target, folder, claims)
    append_checked(target, text, claims, corpus.left_out)
    render.note(f"added to {target}: {summary}")


# A ClaimReview feed is at most a few hundred megabytes; an endless stdin is a mistake.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def read_input(where: str, limit: int) -> bytes:
    """A file's bytes, or standard input's for `-`, up to one byte past `limit` (so that the
    caller can say the input was too long without reading an endless stream)."""
    if where == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UsageProblem("-: there is no standard input to read")
        return bytes(stream.read(limit + 1))
    try:
        with Path(where).open("rb") as file:
            return file.read(limit + 1)
    except OSError as error:
        raise UsageProblem(f"{where}: cannot be read: {error.strerror}") from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON; a number must be written out")


def _bounded_int(text: str) -> int:
    """A JSON integer; hundreds of digits is no rating or date but an attack on int()."""
    if len(text.lstrip("-")) > 100:
        raise ValueError(f"a number of {len(text):,} digits")
    return int(text)


_CALC_OPTIONS_WITH_VALUES = frozenset({"--claim", "--claims", "-f", "--format"})
_CALC_FLAGS = frozenset({"--json", "-h", "--help"})


GLOBAL_FLAGS = ("--no-pager", "--no-cache")


def command_line(args: list[str]) -> list[str]:
    """The arguments as typer is to read them: the global flags first, wherever they were
    typed (`factcheck list --no-pager` is what people type, and click took `--no-pager` for a
    misspelt `--speaker`), and a negative expression of calc after `--`."""
    cut = args.index("--") if "--" in args else len(args)
    flags = [a for a in args[:cut] if a in GLOBAL_FLAGS]
    rest = [a for a in args[:cut] if a not in GLOBAL_FLAGS] + args[cut:]
    return negative_expression_last([*dict.fromkeys(flags), *rest])


def negative_expression_last(args: list[str]) -> list[str]:
    """`calc -5%`: an expression that starts with '-' is an expression, not an option. It is
    moved after '--', where the command line parser takes it as the argument it is."""
    if "calc" not in args or "--" in args:
        return args
    at = args.index("calc") + 1
    expects_value = False
    for i in range(at, len(args)):
        word = args[i]
        if expects_value:
            expects_value = False
            continue
        if word in _CALC_OPTIONS_WITH_VALUES:
            expects_value = True
            continue
        if word in _CALC_FLAGS or word.split("=", 1)[0] in _CALC_OPTIONS_WITH_VALUES:
            continue
        if word.startswith("-") and len(word) > 1:
            return [*args[:i], *args[i + 1 :], "--", word]
        return args
    return args


def main() -> None:
    # A command is one short run over acyclic records: reference counting frees what is done
    # with, and the cyclic collector only rescans what is alive (check -9%, compare --all -17%
    # at 10k claims, the same peak memory; docs/performance.md).
    gc.disable()
    if sys.stdout is None:  # `>&-`: every write must fail loudly, not vanish
        sys.stdout = _ClosedOutput()
    _tolerant_streams()
    _completion_for_a_named_shell(sys.argv[1:])
    register_commands(sys.argv[1:])
    try:
        try:
            app(args=command_line(sys.argv[1:]), prog_name="factcheck")
        finally:
            sys.stdout.flush()  # here, where a failure is ours to report, not at exit
    except KeyboardInterrupt:  # before or after a command's own handler: still 130
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:
        if error.errno not in _OUTPUT_ERRNOS:
            raise
        sys.exit(_output_failed(error))


# How writing to stdout fails. Commands turn their own files' write errors into messages
# of their own, so an OSError with one of these that reaches main() came from stdout:
# `--help` into a full disk, or a table into a closed stdout.
_OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT})


def _output_failed(error: OSError) -> int:
    from factcheck import render

    _silence_stdout()
    if error.errno == errno.EPIPE:  # the reader stopped early: no error (see _exit_code)
        return 0
    render.error(f"error: cannot write output: {error.strerror or error}")
    return EXIT_OUTPUT


class _ClosedOutput(io.TextIOBase):
    """Stands for a closed stdout: Python makes it None, and Rich and click then drop what
    they print without a word. A write fails as writing to a closed descriptor does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    @property
    def buffer(self) -> _ClosedOutput:
        return self

    def isatty(self) -> bool:
        return False


_SHELLS = frozenset({"bash", "zsh", "fish", "powershell", "pwsh"})


def _completion_for_a_named_shell(args: list[str]) -> None:
    """`--install-completion bash` must install for bash wherever it runs. Where typer can
    detect the shell among the parent processes, its option takes no value and it installs
    for the shell it detects: with none among them (CI, `docker exec`, a detached job) it
    fails with "Shell None is not supported". When a shell is named, typer is told not to
    detect one (the switch its own tests use), so the option takes the name."""
    for option, value in itertools.pairwise(args):
        if option in ("--install-completion", "--show-completion") and value in _SHELLS:
            os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"


def _tolerant_streams() -> None:
    """Under a locale that cannot encode a character (LC_ALL=C, PYTHONIOENCODING=latin-1),
    show it as an escape rather than crash: tables and messages stay readable, and JSON is
    written as UTF-8 bytes whatever the locale."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


# Commands kept in modules of their own register themselves on `app` when imported. Building
# their options costs every run a few milliseconds (typer turns each signature into click's
# objects at start-up), so a run of another command does not import them: `--version` and
# `list` start as fast as before they existed. `--help` and completion see every command.
OWN_MODULE_COMMANDS = {"match": "factcheck.cli_match", "extract": "factcheck.cli_extract"}


def register_commands(args: list[str] | None = None) -> None:
    """Import the command modules this command line may need: all of them, unless its first
    word is an option or a command of this module."""
    import importlib

    first = next(iter(args), None) if args else None
    core = first is not None and (
        first in {c.name for c in app.registered_commands} | {"new", "--version"}
    )
    if not core:
        for module in OWN_MODULE_COMMANDS.values():
            importlib.import_module(module)
