"""One run's state in one object, httpie's `Environment` the model: the global options'
settings and the folders the command opened. The app's callback, which runs first for every
command line, makes it (or takes the one a test hands in: `CliRunner().invoke(app, args,
obj=Environment(...))`) and makes it the current run's; the error handler and the helpers
read it from there. It lives in a context variable, the standard library's slot for state
scoped to one run, so no module keeps a run's state and two runs never share one."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.folder.access import Folder


@dataclass
class Environment:
    pager: bool = True  # a long table goes through $PAGER (--no-pager: never)
    cache: bool = True  # records of unchanged files come from the cache (--no-cache: never)
    # The folders the running command opened: once its output is written, each keeps what
    # serves the next run, and the problems of the first whose load left records out are
    # listed (base.handles_errors).
    opened: list[Folder] = field(default_factory=list)


_CURRENT: ContextVar[Environment | None] = ContextVar("factcheck_run", default=None)


def started(given: Any, pager: bool, cache: bool) -> Environment:
    """The run's environment from the global options: the one a caller handed in (click's
    `obj`), else a new one; the options given turn its settings off."""
    run = given if isinstance(given, Environment) else Environment()
    run.pager = run.pager and pager
    run.cache = run.cache and cache
    _CURRENT.set(run)
    return run


def finished() -> None:
    """The run is over: helpers called after it get a default environment, not its."""
    _CURRENT.set(None)


def environment() -> Environment:
    """This run's environment; outside a command (a helper called from Python), a default
    one of its own."""
    return _CURRENT.get() or Environment()
