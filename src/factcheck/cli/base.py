"""The Typer app every command registers on, and the one error handler that maps problems to
exit codes."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from factcheck.choices import OutputFormat
from factcheck.cli.environment import environment, finished
from factcheck.cli.folder import left_out, list_left_out
from factcheck.errors import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    DataError,
    FactcheckError,
)

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
        from factcheck.output import terminal

        command = self.ctx.command_path if self.ctx is not None else "factcheck"
        terminal.error(f"error: {self.format_message()} (see '{command} -h')")

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


# `new` is a group of its own: `new claim`, `new source` (adding.py), `new check`, `new
# rating` (scales.py).
new_app = typer.Typer(
    help="Add a claim, a source, a check or a rating to a claims file: validated first, "
    "appended, written atomically.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(new_app, name="new")


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(command: F) -> F:
    """The one error handler: user mistakes become a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck.folder.discovery import one_snapshot

        run = environment()
        run.opened.clear()
        try:
            with one_snapshot():  # the folder walked and each file read once per command
                result = command(*args, **kwargs)
                for folder in run.opened:
                    folder.settle()  # what serves the next run, after this one's answer
            problems = left_out()
            if problems is not None:
                list_left_out(problems)
                raise typer.Exit(EXIT_DATA)
            return result
        except KeyboardInterrupt:
            from factcheck.output import terminal

            terminal.error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            code = _exit_code(error)  # the library is imported only when something failed
            if code is None:
                raise
            problems = left_out()
            if problems is not None and not isinstance(error, DataError):
                list_left_out(problems)  # they may be why: `show` of a record left out
            raise typer.Exit(code) from None
        finally:
            finished()

    return wrapper  # type: ignore[return-value]


def _exit_code(error: Exception) -> int | None:
    """Say what went wrong and give the exit code for it: every FactcheckError (errors.py)
    the same way, but for the claims folder's problems, listed one a line, and a reader
    that stopped early. None for what is not ours to handle (typer's own exits, and bugs,
    which must show their traceback)."""
    if not isinstance(error, FactcheckError):
        return None
    from factcheck.folder.problems import ClaimsError
    from factcheck.jsonout import OutputError
    from factcheck.output import render, terminal

    if isinstance(error, ClaimsError):
        render.problems(error.problems, OutputFormat.table)
    elif isinstance(error, OutputError) and error.cut_short:
        # The reader stopped early (`| head`): what it wanted, it had. Like git and
        # ripgrep, that is no error, so a `set -o pipefail` script goes on.
        _silence_stdout()
        return 0
    else:
        terminal.error(f"error: {error}")
    return error.exit_code


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at /dev/null, so that the flush at
    exit does not fail a second time with a message nobody asked for."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
