"""One error hierarchy: every problem the tool reports to a person is a FactcheckError, which
carries its message and the exit code it ends a command with. The command line has one
handler (cli.handles_errors) that prints the message and exits with the code; no command
converts errors on its own. Standard library only: every module may raise these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

EXIT_FAILED = 1  # a check failed (or conflicts, when asked to fail on them)
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


class FactcheckError(Exception):
    """A problem to tell the user about, in one line, and end the command with."""

    exit_code: ClassVar[int] = EXIT_USAGE


class UsageError(FactcheckError):
    """A mistake in how the command was called, or in what it was given to read: exit 2."""

    exit_code = EXIT_USAGE


class DataError(FactcheckError):
    """The claims data cannot be used as it is: exit 3."""

    exit_code = EXIT_DATA


class CheckFailed(FactcheckError):
    """What was asked for could be done, and did not hold: exit 1."""

    exit_code = EXIT_FAILED


class OutputFailure(FactcheckError):
    """Standard output could not take what was written: exit 4."""

    exit_code = EXIT_OUTPUT


def did_you_mean(nearest: Iterable[str]) -> str:
    found = list(nearest)
    return f"; did you mean {', '.join(found)}?" if found else ""


class Unknown(UsageError, LookupError):
    """Something named that the folder does not have: one message shape for claims, topics,
    propositions and filter values, with the nearest names it does have."""

    def __init__(self, what: str, nearest: Iterable[str] = (), then: str = "") -> None:
        super().__init__(f"{what}{did_you_mean(nearest)}{then}")
