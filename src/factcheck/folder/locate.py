"""Lines for problems that the parser could not place: a record's schema or reference problem
is placed at the line of its field, or of its record's [[header]], by reading the file again.

Only files with problems are read again, so a valid folder pays nothing. Best effort: a
record written as an inline table or an array value is placed at no line, as before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from factcheck.folder.problems import Problem

_LABEL = re.compile(r"(?P<kind>source|claim|check|rating) (?:'(?P<id>[^']*)'|#(?P<number>\d+))")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(?P<kind>[A-Za-z_]+)[ \t]*\]\]", re.MULTILINE)
_ANY_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def with_lines(problems: list[Problem]) -> list[Problem]:
    texts: dict[str, str | None] = {}
    located = []
    for problem in problems:
        if problem.line is None and problem.record:
            if problem.path not in texts:
                texts[problem.path] = _read(problem.path)
            text = texts[problem.path]
            line = _line_of(text, problem.record, problem.field) if text else None
            if line is not None:
                problem = replace(problem, line=line)
        located.append(problem)
    return located


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeError, ValueError):
        return None


def _line_of(text: str, record: str, field: str | None) -> int | None:
    label = _LABEL.fullmatch(record)
    if label is None:
        return None
    kind = label["kind"] + "s"
    blocks = _blocks(text, kind)
    if label["number"] is not None:
        number = int(label["number"])
        block = blocks[number - 1] if 0 < number <= len(blocks) else None
    else:
        wanted = re.compile(rf"^[ \t]*id[ \t]*=[ \t]*[\"']{re.escape(label['id'])}[\"']", re.M)
        block = next((b for b in blocks if wanted.search(text, b[0], b[1])), None)
    if block is None:
        return None
    start, end = block
    position = _field_position(text, start, end, field) if field else None
    return text.count("\n", 0, position if position is not None else start) + 1


def _blocks(text: str, kind: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each [[kind]] record: from its header to the next array
    header of another record (a [kind.sub] table stays inside)."""
    headers = [m for m in _HEADER.finditer(text)]
    blocks = []
    for i, match in enumerate(headers):
        if match["kind"] != kind:
            continue
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        blocks.append((match.start(), end))
    return blocks


def _field_position(text: str, start: int, end: int, field: str) -> int | None:
    """The offset of the deepest part of a dotted field path written in the block."""
    position = None
    cursor = start
    for part in re.split(r"\.|\[\d+\]", field):
        if not part:
            continue
        key = re.compile(rf"^[ \t]*[\"']?{re.escape(part)}[\"']?[ \t]*=|[{{,][ \t]*"
                         rf"[\"']?{re.escape(part)}[\"']?[ \t]*=|\.{re.escape(part)}\]",
                         re.MULTILINE)  # fmt: skip
        found = key.search(text, cursor, end)
        if found is None:
            break
        position = found.start() + len(found.group()) - len(found.group().lstrip(" \t{,"))
        cursor = found.end()
    return position
