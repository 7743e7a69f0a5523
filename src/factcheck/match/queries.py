"""The queries file of `match --queries`: JSON Lines, one {"id": ..., "text": ...} a line."""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.errors import UsageError

# A day's posts are a few megabytes; a file past this is a mistake (or an endless stream).
MAX_BYTES = 64 * 1024 * 1024


class BadQueries(UsageError, ValueError):
    """The queries cannot be read: the message names the line and the fix."""


@dataclass(frozen=True)
class Asked:
    id: str
    text: str


def parse(where: str, data: bytes) -> list[Asked]:
    if len(data) > MAX_BYTES:
        raise BadQueries(f"{where}: more than {MAX_BYTES // 2**20} MB of queries; split the file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        place = data[: error.start].count(b"\n") + 1
        raise BadQueries(
            f"{where}:{place}: not UTF-8 (byte {error.start}); save it as UTF-8"
        ) from None
    found: list[Asked] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        asked = _line(f"{where}:{number}", line)
        if asked.id in seen:
            raise BadQueries(
                f"{where}:{number}: the ID {asked.id!r} is given twice; make IDs unique"
            )
        seen.add(asked.id)
        found.append(asked)
    if not found:
        raise BadQueries(f'{where}: no queries; write one {{"id": ..., "text": ...}} a line')
    return found


def _line(where: str, line: str) -> Asked:
    try:
        value = json.loads(line, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        if isinstance(error, RecursionError):
            reason = "nested too deep"
        raise BadQueries(
            f'{where}: {reason}; write {{"id": ..., "text": ...}} on each line'
        ) from None
    if not isinstance(value, dict):
        raise BadQueries(
            f'{where}: a JSON {type(value).__name__}, not an object with "id" and "text"'
        )
    query_id, text = value.get("id"), value.get("text")
    if isinstance(query_id, int) and not isinstance(query_id, bool):
        query_id = str(query_id)
    if not isinstance(query_id, str) or not query_id:
        raise BadQueries(f'{where}: "id" is missing or not a string or a number')
    if not isinstance(text, str) or not text.strip():
        raise BadQueries(f'{where}: "text" is missing or empty')
    return Asked(query_id, text)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")
