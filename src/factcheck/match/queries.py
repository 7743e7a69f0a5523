"""The queries file of `match --queries`: JSON Lines, one {"id": ..., "text": ...} a line."""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.errors import UsageError

# A day's posts are a few megabytes; a file past this is a mistake (or an endless stream).
MAX_BYTES = 64 * 1024 * 1024
# A claim, a post or a paragraph; a query past this is a document, not a claim to look up.
MAX_QUERY = 20_000


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
        text = data.decode("utf-8-sig")  # a byte-order mark is no query
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
    for name, value in (("id", query_id), ("text", text)):
        problem = unreadable(value)
        if problem:
            raise BadQueries(f'{where}: "{name}" {problem}')
    return Asked(query_id, text)


def unreadable(text: str) -> str | None:
    """Why a query cannot be looked up, or None: too long, or holding a lone surrogate (what
    a byte that is not UTF-8 becomes on a command line, or a JSON escape of half a pair)."""
    if len(text) > MAX_QUERY:
        return (f"is {len(text):,} characters, more than the {MAX_QUERY:,} a query may have; "
                "give the claim itself")  # fmt: skip
    for place, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return (f"holds a character that is not text at character {place + 1} (a byte that "
                    "is not UTF-8, or half of a surrogate pair); give UTF-8 text")  # fmt: skip
    return None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")
