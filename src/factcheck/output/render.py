"""One format switch for every command's output (emit: a table for people, or JSON, JSONL or
CSV for scripts), what the views share (the facts of a stacked record, the width below which
records are stacked), and the problems and summary of `validate`. Each command's own view is
a module beside this one (claim_views, verdicts, conflicts, extracted, matched); the terminal
itself, the escaping and the pager are terminal.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from factcheck.choices import OutputFormat
from factcheck.folder.atomic import is_leftover
from factcheck.jsonout import (
    json_bytes,
    write_bytes,
    write_json,
    write_json_array,
    write_jsonl,
    writes_output,
)
from factcheck.output.terminal import (
    cell,
    error,
    note,
    plural,
    show,
    write_csv,
)

if TYPE_CHECKING:  # what a warm `list` need not import: the models, the loader, the checks
    from factcheck.folder.problems import Problem
    from factcheck.folder.store import Summary


@dataclass(frozen=True)
class Emitted:
    """What a command prints, in each format it takes: how to draw it for people, the
    document of --format json, the items of jsonl (one a line), the header and rows of csv.
    A format left None is one the command does not offer (output_format refuses it first).
    `streamed`: the items are written as they come, one held at a time (compare --all)."""

    table: Callable[[], None] | None
    json: Callable[[], Any] | None = None
    jsonl: Callable[[], Iterable[Any]] | None = None
    csv: tuple[Sequence[str], Callable[[], Iterable[Sequence[str]]]] | None = None
    streamed: bool = False


@writes_output
def emit(output: Emitted, fmt: OutputFormat) -> None:
    """The one place the output format is chosen."""
    if fmt is OutputFormat.table and output.table is not None:
        output.table()
    elif fmt is OutputFormat.json and output.json is not None:
        document = output.json()
        write_json_array(document) if output.streamed else write_json(document)
    elif fmt is OutputFormat.jsonl and output.jsonl is not None:
        if not output.streamed:
            write_jsonl(output.jsonl())
        for item in output.jsonl() if output.streamed else ():
            write_bytes(json_bytes(item, indent=None) + b"\n")
    elif fmt is OutputFormat.csv and output.csv is not None:
        headers, rows = output.csv
        write_csv(headers, rows())
    else:
        raise ValueError(f"no {fmt.value} output here")  # output_format() let it through


# Below this width a table of claims or checks cannot show its IDs whole beside the text:
# each record is stacked instead, its ID and speaker on one line and its text under them.
COMPACT_BELOW = 140


class Facts:
    """'head  fact · fact · fact', broken between facts only, never inside one ("3 figures",
    "computed 13.75%"), the next line indented past the text below it (at 4): a heading
    that wraps mid-phrase at 80 columns is hard to read. A fact longer than a whole line
    wraps as text does."""

    def __init__(self, head: Text | None, facts: Sequence[str], style: str = "dim") -> None:
        self.head = head
        self.facts = [cell(f, style) for f in facts if f]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = self.head.copy() if self.head is not None else Text()
        joiner = "  " if self.head is not None else ""
        for fact in self.facts:
            if line.cell_len and line.cell_len + len(joiner) + fact.cell_len > width:
                yield line
                line, joiner = Text(" " * (4 if self.head is not None else 2)), ""
            line.append(joiner)
            line.append_text(fact)
            joiner = " · "
        yield line


def one_document(
    document: Any, fmt: OutputFormat, for_people: Callable[[], None] | None = None
) -> None:
    """A single result: indented JSON, or one line of it, or `for_people`."""
    emit(Emitted(table=for_people, json=lambda: document, jsonl=lambda: [document]), fmt)


def validation_summary(summary: Summary, fmt: OutputFormat) -> None:
    n = summary.counts
    leftovers = [name for name in summary.skipped if is_leftover(name.rsplit("/", 1)[-1])]
    hidden = [name for name in summary.skipped if name not in leftovers]
    if hidden:
        note(f"skipped as hidden (not read): {', '.join(hidden)}")
    if leftovers:
        note(f"left by a write that was killed (not read; the next write removes it): "
             f"{', '.join(leftovers)}")  # fmt: skip
    said = (f"{plural(n.claims, 'claim')}, {plural(n.sources, 'source')}, "
            f"{plural(n.checks, 'check')} in {plural(n.files, 'file')}")  # fmt: skip
    document = {"valid": True, "claims": n.claims, "sources": n.sources, "checks": n.checks,
                "files": n.files, "problems": [], "skipped": summary.skipped}  # fmt: skip
    emit(Emitted(table=lambda: show(Text(said)), json=lambda: document), fmt)


def problems(items: Sequence[Problem], fmt: OutputFormat) -> None:
    """Problems in the claims data: on stderr for people, as a JSON document for scripts."""

    def for_people() -> None:
        for problem in items:
            error(str(problem))
        error(f"{plural(len(items), 'problem')} in the claims data")

    document = {"valid": False, "problems": [p.to_dict() for p in items]}
    emit(Emitted(table=for_people, json=lambda: document), fmt)
