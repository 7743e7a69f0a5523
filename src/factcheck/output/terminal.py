"""The terminal and the streams: a Rich console with markup off, text made safe to show,
tables (Rich's, or plaintable's for long ones), CSV, the pager, and notes and errors on
standard error. What every view of render.py and of match's and extract's output prints
through.

Claim text is untrusted: it never passes through Rich markup (consoles have markup off and
cells are `Text`), and control characters are made visible before they reach a terminal.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from factcheck.jsonout import (
    writes_output,
)
from factcheck.output import plaintable
from factcheck.unicode import INVISIBLE

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    pass

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI on some terminals),
# the bidirectional overrides that can make text read differently from what it holds, and the
# invisible characters (zero-width, separators, tags) that hide words or make two names look
# alike. A backslash is shown doubled, so that an escape cannot be forged by typing one.
_UNSAFE = re.compile(f"[\\\\\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{INVISIBLE}]")
# The same for one-line output (problems, errors): newline, carriage return and tab too, so a
# newline in an ID or file name cannot forge a second 'path:line:col: ...' line.
_UNSAFE_ON_ONE_LINE = re.compile(f"[\n\r\t]|{_UNSAFE.pattern}")


def visible(text: str) -> str:
    """Control, bidi and invisible characters as visible escapes: ESC becomes '\\x1b', and a
    backslash typed in a claim is shown doubled, so the two never look the same."""
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def one_line(text: str) -> str:
    """visible(), with newlines and tabs escaped too: for messages that must stay one line."""
    return _UNSAFE_ON_ONE_LINE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    if char == "\\":
        return "\\\\"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# A table cell longer than this is cut, with a marker that says how much was left out: laying
# out a cell of megabytes takes Rich minutes. The whole text stays in `show` and in JSON.
MAX_CELL = 1_000


def plural(count: int, word: str) -> str:
    """'1 claim', '2 claims', '1,000 claims'."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def cell(text: str | None, style: str = "") -> Text:
    return Text(visible(shortened(text or "")), style=style)


def shortened(text: str, limit: int = MAX_CELL) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]} … [{len(text) - limit:,} more characters: see show or --json]"


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, which reads as "a check failed"; let writes_output say it.
        raise BrokenPipeError(errno.EPIPE, "broken pipe")


# Below this width Rich drops or empties columns (and at COLUMNS=0 prints nothing at all):
# output is laid out at least this wide, wrapping on a narrower terminal but losing nothing.
MIN_WIDTH = 40


class _TrimmedLines:
    """A stream that drops the spaces Rich pads each line of a table or a wrapped paragraph
    with to the full width: invisible on a terminal, they are noise in a file, a diff or a
    copied snippet. Colour codes after them are kept."""

    _PADDING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n)")

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(self._PADDING.sub(r"\1", text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, flush, fileno: the stream's
        return getattr(self._stream, name)


def console(stderr: bool = False) -> Console:
    # Made per call, not at import: tests swap sys.stdout, and colour follows NO_COLOR and pipes.
    stream = sys.stderr if stderr else sys.stdout
    out = _Console(file=_TrimmedLines(stream), markup=False, highlight=False, emoji=False)  # type: ignore[arg-type]
    if out.width < MIN_WIDTH:
        out.width = MIN_WIDTH
    return out


# A cell that a spreadsheet would run as a formula (OWASP, "CSV injection"): one starting with
# = + - @, a tab or a carriage return. A genuine number ("-5", "+3.2%", "-1,200") is left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_CELL = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?", re.ASCII)


def csv_cell(value: str) -> str:
    """A text cell made safe for a spreadsheet: a leading ' stops it being read as a formula."""
    if value.startswith(_FORMULA_START) and not _NUMBER_CELL.fullmatch(value):
        value = "'" + value
    return visible(value)


@writes_output
def write_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    sys.stdout.write(buffer.getvalue())


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str | Text]], title: str | None = None
) -> Table:
    result = Table(title=title, title_justify="left", show_lines=False)
    for header in headers:
        result.add_column(header, overflow="fold")
    for row in rows:
        result.add_row(*(value if isinstance(value, Text) else cell(value) for value in row))
    return result


# Above this many rows a table is drawn by plaintable (the same box, no colour), which is
# linear in the text; Rich lays out each cell through its whole pipeline (docs/performance.md).
PLAIN_ROWS = 1_000


def stream_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A long table, drawn and written a block of lines at a time."""
    texts = [[visible(shortened(value)) for value in row] for row in rows]
    column_widths = plaintable.widths(headers, texts, console().width)
    block: list[str] = []
    for line in plaintable.draw(headers, texts, column_widths):
        block.append(line)
        if len(block) >= 1_000:
            sys.stdout.write("\n".join(block) + "\n")
            block = []
    sys.stdout.write("\n".join(block) + "\n")
    sys.stdout.flush()


def stream_blocks(blocks: Iterable[tuple[str, str, str]]) -> None:
    """A long list at a narrow width, one block an item as the compact tables draw it
    (`title  facts`, then the text indented), in plain lines written a batch at a time: a
    table of six columns at 80 cut IDs into pieces (issue 31)."""
    width = max(console().width, 20)
    lines: list[str] = []
    for title, facts, text in blocks:
        heading = f"{visible(title)}  {visible(facts)}" if facts else visible(title)
        if facts and len(plaintable.wrap(heading, width)) > 1:  # the facts on a line of their own
            lines += plaintable.wrap(visible(title), width)
            lines += ["  " + line for line in plaintable.wrap(visible(facts), width - 2)]
        else:
            lines += plaintable.wrap(heading, width)
        lines += ["  " + line for line in plaintable.wrap(visible(shortened(text)), width - 2)]
        lines.append("")
        if len(lines) >= 1_000:
            sys.stdout.write("\n".join(lines) + "\n")
            lines = []
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


@contextlib.contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Send what is printed for people through a pager ($PAGER, or less -FRX, which quits at
    once when it fits one screen), when stdout is a terminal; colour and width are kept."""
    if not enabled or not sys.stdout.isatty() or os.environ.get("TERM") == "dumb":
        yield
        return
    size = shutil.get_terminal_size()
    real, buffer = sys.stdout, io.StringIO()
    saved = {k: os.environ.get(k) for k in ("FORCE_COLOR", "COLUMNS", "LINES")}
    os.environ.update(COLUMNS=str(size.columns), LINES=str(size.lines))
    if "NO_COLOR" not in os.environ:
        os.environ["FORCE_COLOR"] = "1"
    sys.stdout = buffer
    deferred: list[Text] = []
    token = _DEFERRED.set(deferred)
    try:
        yield
    finally:
        sys.stdout = real
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _DEFERRED.reset(token)
    _page(buffer.getvalue())
    for text in deferred:
        _to_stderr(text)


def _page(text: str) -> None:
    command = os.environ.get("PAGER") or "less -FRX"
    try:
        subprocess.run(shlex.split(command), input=text, text=True, check=False,
                       env=pager_environment())  # fmt: skip
    except (OSError, ValueError):
        sys.stdout.write(text)  # no pager to be had: print as if there were none


def pager_environment() -> dict[str, str]:
    """The pager's environment: `PAGER=less` with no LESS set shows colour codes as raw
    "ESC[1m" text, so LESS gets FRX there, as git does; a LESS of the user's own is kept."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    return env


class Unwrapped(Text):
    """Text that Rich prints without laying it out: the terminal wraps it (linear time)."""


@writes_output
def write_text(text: str) -> None:
    """Text for scripts (TOML a dry run would write), as it is: a closed pipe or a full disk
    is an OutputError like any other output's."""
    sys.stdout.write(text)
    sys.stdout.flush()


@writes_output
def show(*renderables: RenderableType) -> None:
    out = console()
    for renderable in renderables:
        out.print(renderable, soft_wrap=isinstance(renderable, Unwrapped))


def error(message: str) -> None:
    """One message on one line of stderr, escaped: messages can quote claim files."""
    _to_stderr(Text(one_line(message)))


# While a table goes to the pager, notes wait for it: written at once they would stand above
# the table, or be hidden behind the pager's screen.
_DEFERRED: ContextVar[list[Text] | None] = ContextVar("factcheck_deferred", default=None)


def note(message: str) -> None:
    text = Text(visible(message), style="dim")
    deferred = _DEFERRED.get()
    if deferred is not None:
        deferred.append(text)
    else:
        _to_stderr(text)


# A long piece of work shows its progress on a terminal from this many steps (an import of a
# few thousand reviews takes under a second: a bar would only flash).
PROGRESS_FROM = 5_000


@contextlib.contextmanager
def progress(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A bar on stderr for `total` steps of `what`, advanced by calling the function given
    with the steps done so far; gone when the work ends. Nothing where stderr is no terminal
    (a pipe, a file, a CI log) or the work is short."""
    err = console(stderr=True)
    if total < PROGRESS_FROM or not err.is_terminal:
        yield lambda done: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True) as bar:  # fmt: skip
        task = bar.add_task(what, total=total)
        yield lambda done: bar.update(task, completed=done)


def _to_stderr(text: Text) -> None:
    # Where stderr itself cannot be written there is nobody left to tell; the exit code says it.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        console(stderr=True).print(text, soft_wrap=True)
