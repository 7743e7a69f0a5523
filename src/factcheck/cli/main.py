"""The entry point: streams made safe, global flags moved first, the command modules this
command line needs registered, then the app run."""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import itertools
import os
import sys
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import __version__
from factcheck.cli.base import _silence_stdout, app
from factcheck.cli.environment import started
from factcheck.errors import (
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
)

if TYPE_CHECKING:
    pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
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
    ctx.obj = started(ctx.obj, pager=not no_pager, cache=not no_cache)


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
    # with, and the cyclic collector would only rescan what is alive (docs/performance.md).
    gc.disable()
    one_blas_thread(os.environ)
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


def one_blas_thread(environ: MutableMapping[str, str]) -> None:
    """numpy's OpenBLAS starts a thread a core when numpy is imported, and they spin: 90 ms of
    CPU for a `match` on the seed corpus, 0.15 s for `--duplicates` at 10k claims, for no gain
    in time (its products are vector by matrix). One thread, unless the user asked for more;
    set before numpy is imported, which is the only time OpenBLAS reads it."""
    environ.setdefault("OPENBLAS_NUM_THREADS", "1")


# How writing to stdout fails. Commands turn their own files' write errors into messages
# of their own, so an OSError with one of these that reaches main() came from stdout:
# `--help` into a full disk, or a table into a closed stdout.
_OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT})


def _output_failed(error: OSError) -> int:
    from factcheck.output import terminal

    _silence_stdout()
    if error.errno == errno.EPIPE:  # the reader stopped early: no error (see _exit_code)
        return 0
    terminal.error(f"error: cannot write output: {error.strerror or error}")
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


# Each command's module registers it on `app` when imported. typer turns every registered
# command's signature into click's objects at start-up, a few milliseconds a command, so a
# command line imports the module of its own command only; `--help`, completion and a
# mistyped command (for its did-you-mean) see every command, in this order.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "list": ("reading",), "show": ("reading",), "topics": ("reading",),
    "validate": ("validating",), "schema": ("validating",),
    "check": ("checking",), "calc": ("checking",),
    "compare": ("comparing",),
    "new": ("adding", "scales"),
    "export": ("exchange",), "import": ("exchange",),
    "match": ("matching",),
    "extract": ("extracting",),
    "review": ("reviewing",),
    "report": ("reporting",),
}  # fmt: skip


def register_commands(args: list[str] | None = None) -> None:
    """Import the command modules this command line may need: its command's alone, or all
    of them when its first word (past the global flags) names no command."""
    import importlib

    words = [a for a in args or [] if a not in GLOBAL_FLAGS]
    first = words[0] if words else None
    if first == "--version":
        return
    chosen = [COMMAND_MODULES[first]] if first in COMMAND_MODULES else COMMAND_MODULES.values()
    for module in dict.fromkeys(name for names in chosen for name in names):
        importlib.import_module(f"factcheck.cli.{module}")
