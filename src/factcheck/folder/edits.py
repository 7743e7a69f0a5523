"""Edits of one record in a claims file that keep every other byte: a draft accepted (its
`draft = true` line taken out) or rejected (its [[table]] taken out), for `factcheck review`.

The file is edited as text, so comments, layout and every other record stay exactly as the
desk wrote them; the result is then parsed and must equal the original's data with just that
change, or the edit is refused (a record written as an inline table, say) rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

import tomli

from factcheck.errors import UsageError

_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(?P<kind>[A-Za-z_]+)[ \t]*\]\]", re.MULTILINE)
_DRAFT_LINE = re.compile(r"^[ \t]*draft[ \t]*=[ \t]*true[ \t]*(?:#[^\n]*)?(?:\r?\n|$)", re.M)
_ID = re.compile(r"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\n]*)[\"']", re.MULTILINE)
KINDS = ("claims", "checks")


class EditError(UsageError, ValueError):
    """The file cannot be edited without touching other bytes; the message says what to do."""


def edited(
    text: str,
    accept: Collection[str],
    reject: Collection[str],
    reviews: Mapping[str, str] | None = None,
) -> str:
    """`text` with the drafts in `accept` made records and those in `reject` removed. An
    accepted record with a line in `reviews` (`review = { ... }`, TOML) gets it where its
    `draft = true` line was."""
    reviews = reviews or {}
    pieces: list[str] = []
    at = 0
    done: set[str] = set()
    for start, end, record_id in _records(text):
        if record_id is None:
            continue
        if record_id in reject:
            pieces.append(text[at:start])
            at = end
            done.add(record_id)
        elif record_id in accept:
            block = text[start:end]
            line = reviews.get(record_id)
            kept, count = _DRAFT_LINE.subn(_replacement(f"{line}\n" if line else ""), block)
            if count != 1:
                raise EditError(f"record '{record_id}' has no line 'draft = true' of its own")
            pieces += [text[at:start], kept]
            at = end
            done.add(record_id)
    pieces.append(text[at:])
    missing = (set(accept) | set(reject)) - done
    if missing:
        raise EditError(f"not written as a [[table]] of its own: {', '.join(sorted(missing))}")
    result = "".join(pieces)
    _verify(text, result, accept, reject, reviews)
    return result


def _replacement(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement taken as it is (no backslash or group in it is read)."""
    return lambda _: text


def _records(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, id) of each [[claims]] and [[checks]] table: from its header to the next
    array header (its [claims.quantities] sub-table stays inside)."""
    headers = list(_HEADER.finditer(text))
    found = []
    for number, header in enumerate(headers):
        end = headers[number + 1].start() if number + 1 < len(headers) else len(text)
        if header["kind"] not in KINDS:
            continue
        named = _ID.search(text, header.start(), end)
        found.append((header.start(), end, named.group(1) if named else None))
    return found


def _verify(before: str, after: str, accept: Collection[str], reject: Collection[str],
            reviews: Mapping[str, str]) -> None:  # fmt: skip
    try:
        wanted = _changed(tomli.loads(before), accept, reject,
                          {k: tomli.loads(v)["review"] for k, v in reviews.items()})  # fmt: skip
        got = tomli.loads(after)
    except tomli.TOMLDecodeError:
        got, wanted = None, True
    if got != wanted:
        raise EditError("the file's layout does not let the record be edited alone; edit it by "
                        "hand (take out its 'draft = true' line, or the record)")  # fmt: skip


def _changed(data: dict[str, Any], accept: Collection[str], reject: Collection[str],
             reviews: Mapping[str, Any]) -> Any:  # fmt: skip
    for kind in KINDS:
        records = data.get(kind)
        if not isinstance(records, list):
            continue
        kept = []
        for record in records:
            record_id = record.get("id") if isinstance(record, dict) else None
            if record_id in reject:
                continue
            if record_id in accept:
                record = {k: v for k, v in record.items() if k != "draft"}
                if isinstance(record_id, str) and record_id in reviews:
                    record["review"] = reviews[record_id]
            kept.append(record)
        data[kind] = kept
        if not kept:
            del data[kind]
    return data
