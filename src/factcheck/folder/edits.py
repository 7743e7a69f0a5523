"""Edits of one record in a claims file that keep every other byte: a draft accepted (its
`draft = true` line taken out), rejected (its [[table]] taken out) or corrected (one field's
line written anew), for `factcheck review`.

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
_SUBTABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)
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


def with_field(
    text: str, record_id: str, path: tuple[str, ...], update: Callable[[Any], Any]
) -> str:
    """`text` with the value at `path` of record `record_id` (("speaker",), or ("quantities",
    "slayings") for a figure) made `update(old value)`, by rewriting the one line that holds
    it: `key = ...`, `quantities.name = ...`, a `quantities = { ... }` inline table, or `name =
    ...` under `[claims.quantities]`; a field the record lacks gets a line after its `id`. The
    result must parse to the same data with that value changed, else EditError."""
    from factcheck.folder.records import toml_value

    found = [(start, end) for start, end, named in _records(text) if named == record_id]
    if len(found) != 1:
        raise EditError(f"record '{record_id}' is not written as a [[table]] of its own")
    start, end = found[0]
    data = tomli.loads(text)
    record = _record(data, record_id)
    old: Any = record
    for step in path:
        old = old.get(step) if isinstance(old, dict) else None
    value = update(old)
    _set(record, path, value)
    body = text.find("\n", start) + 1 or end  # after the [[header]] line
    subtable = _SUBTABLE.search(text, body, end)
    top = subtable.start() if subtable else end  # the record's own keys, before any sub-table
    newline = "\r\n" if "\r\n" in text[start:end] else "\n"
    tries = [(".".join(path), value, body, top)]
    if len(path) == 2:
        tries.append((path[0], record.get(path[0]), body, top))
        table = re.search(
            rf"^[ \t]*\[[ \t]*\w+\.{re.escape(path[0])}[ \t]*\][^\n]*\n", text[top:end], re.M
        )
        if table:
            tries.append(
                (path[1], value, top + table.end(), _end_of_table(text, top + table.end(), end))
            )
    for key, written, at, until in tries:
        line = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=[^\r\n]*(?:\r?\n|$)", re.MULTILINE)
        old_line = line.search(text, at, until)
        if old_line is not None:
            result = (text[: old_line.start()] + f"{key} = {toml_value(written)}" + newline
                      + text[old_line.end() :])  # fmt: skip
            if _parses_to(result, data):
                return result
    if len(path) == 1 and path[0] not in _record(tomli.loads(text), record_id):
        named = _ID.search(text, body, top)
        at = (text.find("\n", named.end(), top) + 1 if named else 0) or top
        result = text[:at] + f"{path[0]} = {toml_value(value)}" + newline + text[at:]
        if _parses_to(result, data):
            return result
    raise EditError(f"the file's layout does not let {'.'.join(path)} of '{record_id}' be "
                    "edited alone; edit it by hand")  # fmt: skip


def _record(data: dict[str, Any], record_id: str) -> dict[str, Any]:
    for kind in KINDS:
        for record in data.get(kind, []):
            if isinstance(record, dict) and record.get("id") == record_id:
                return record
    raise EditError(f"no record '{record_id}' in the file")


def _set(record: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        record = record.setdefault(step, {})
    record[path[-1]] = value


def _end_of_table(text: str, at: int, end: int) -> int:
    following = _SUBTABLE.search(text, at, end)
    return following.start() if following else end


def _parses_to(text: str, data: dict[str, Any]) -> bool:
    try:
        return tomli.loads(text) == data
    except tomli.TOMLDecodeError:
        return False


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
