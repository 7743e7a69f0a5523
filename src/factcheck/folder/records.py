"""Adding records to a claims file: validate first, append the record's text, write atomically.

The file is never rewritten through a TOML serialiser (which would drop comments and layout):
the new record is appended as text after what is there, and the file is replaced in one
rename, so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from factcheck.errors import UsageError
from factcheck.figures import expression
from factcheck.folder.atomic import remove_leftovers, replace_file
from factcheck.folder.discovery import forget_snapshot
from factcheck.folder.store import Corpus
from factcheck.model import SLUG_PATTERN, Check, Claim, Rating, Source
from factcheck.unicode import INVISIBLE

_SLUG = re.compile(f"^{SLUG_PATTERN}$")
_SMALL = (
    "a an the and or but of to in on at by for with from as is are was were be been being am "
    "has have had do does did it its this that these those not no "
    # nor the modals, pronouns and what is left of a contraction ("it's" is "it s"): an ID's
    # words are the claim's key words ("trump-proposed-dropping-carried", not "trump-he-...")
    "will would can could should may might must shall i you he she we they me him her us them "
    "my your his our their s t d ll re ve "
    # nor the words that tie a clause to another or place it in time ("if-trump-moderates-
    # rhetoric" is trump-moderates-rhetoric, "last-week-republicans-house" republicans-house-...)
    "if when while after before although though because since until unless whether so than "
    "then also just even still meanwhile however moreover conversely currently recently now "
    "there here what which who whom whose where why how very"
)
_SMALL_WORDS = frozenset(_SMALL.split())


class RecordError(UsageError, ValueError):
    """The record cannot be added; the message says why and what to do."""


_SAYING = frozenset(
    "said says say posted wrote according told added stated stating claimed "
    "also however earlier".split()
)


def ascii_text(text: str) -> str:
    """Latin letters without their accents ("bajó" is "bajo", "Müller" "Muller"), so that an
    ID keeps the word instead of dropping the letter."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggest_id(speaker: str, text: str, taken: set[str]) -> str:
    """'newsom-california-follows-law': the speaker's last name and the first key words of
    what the text reports (not the speaker's own names again, the words that report them, a
    title, party tag or month: 'Rep. Robert Hurt, R-5th, wrote in a June 3 newsletter that
    non-defense discretionary spending ...' is hurt-newsletter-non-defense-discretionary, not
    hurt-rep-r-5th-june). Accents are dropped, not the letters that carry them ('el desempleo
    bajó' is ...-desempleo-bajo)."""
    speaker, text = ascii_text(speaker), ascii_text(text)
    names = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", speaker)}
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]
    # what the text reports follows its cue ("Hurt wrote ... that spending ..."), unless the
    # cue ends it ('"...," Obstfeld said.'): then the words before it, not the name alone
    content = _key_words(_reported(words, names), names) or _key_words(words, names)
    surname = re.findall(r"[A-Za-z0-9]+", speaker)[-1:] or ["claim"]
    base = "-".join([surname[0].lower(), *content]) or "claim"
    base = re.sub(r"^[^a-z]+", "", base) or "claim"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _key_words(words: list[str], names: set[str]) -> list[str]:
    return [w for w in words if w not in _SMALL_WORDS | names | _SAYING and _key(w)][:4]


def _reported(words: list[str], names: set[str]) -> list[str]:
    """The words after the one that reports the speaker's ("Rep. Robert Hurt, R-5th, wrote
    in a June 3 newsletter that spending ..." is "in a June 3 newsletter that spending ...");
    all of them when the text does not name the speaker before a reporting word."""
    for n, word in enumerate(words):
        if word in _SAYING and names & set(words[:n]):
            return words[n + 1 :]
    return words


# Not key words: a title, a party tag or district ("R-5th" is "r", "5th"), a month, a day,
# a span of time ("earlier this month").
_NOT_KEY = frozenset(
    "rep sen gov mr mrs ms dr jr sr president senator governor congressman congresswoman "
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december monday tuesday wednesday thursday "
    "friday saturday sunday yesterday today tonight week weeks month months year years day "
    "days earlier later last next ago".split()
)


def _key(word: str) -> bool:
    return len(word) > 1 and word not in _NOT_KEY and not re.fullmatch(r"\d+(?:st|nd|rd|th)", word)


_UNSEEN = re.compile(f"[\x7f-\x9f\u202a-\u202e\u2066-\u2069{INVISIBLE}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def toml_value(value: Any) -> str:
    """A TOML literal for a string, a date, a list of those, or a table of strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # JSON strings are TOML basic strings, but for DEL, which TOML wants escaped; C1
        # controls, bidi overrides and invisible characters are written as escapes too, so a
        # claims file never holds what a terminal would obey or a reader would not see.
        return _UNSEEN.sub(_escaped, json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {value!r}")


def record_text(kind: str, record: BaseModel) -> str:
    """The record as a [[kind]] table, fields in the model's order, unset fields left out."""
    data = record.model_dump(exclude_none=True, exclude_defaults=True, by_alias=True)
    lines = [f"[[{kind}]]"]
    for key, value in data.items():
        if key == "quantities":
            value = {name: q.get("value") if list(q) == ["value"] else q
                     for name, q in value.items()}  # fmt: skip
        lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def check_new(corpus: Corpus, record: Claim | Source | Check | Rating) -> None:
    """Refuse a duplicate ID or a reference to nothing, before anything is written."""
    taken = corpus.taken_ids()
    if record.id in taken:
        kind = "rating" if record.id in corpus.ratings else "record"
        where = corpus.origin.get(record.id, "a record left out for its problems")
        raise RecordError(f"the ID '{record.id}' is taken by a {kind} ({where}); "
                          "choose another with --id")  # fmt: skip
    if isinstance(record, Claim):
        if record.source is not None and record.source not in corpus.sources:
            raise RecordError(f"no source '{record.source}': add it first with 'factcheck new "
                              "source'")  # fmt: skip
        missing = [d for d in record.disputes if d not in corpus.claims]
        if missing:
            raise RecordError(f"disputes names no claim '{missing[0]}'")
    if isinstance(record, Check):
        references = [*([record.claim] if record.claim else []),
                      *expression.references(record.compute)]  # fmt: skip
        for reference in references:
            if corpus.quantity(reference) is None:
                raise RecordError(
                    f"no figure '{reference}' in the folder: name a claim's "
                    "quantity as claim-id.name (see 'factcheck show ID')"
                )


def appended(existing: bytes | None, text: str) -> bytes:
    """A file's bytes with `text` appended as a record of its own (a blank line between)."""
    existing = existing or b""
    separator = b"" if not existing or existing.endswith(b"\n\n") else (
        b"\n" if existing.endswith(b"\n") else b"\n\n"
    )  # fmt: skip
    return existing + separator + text.encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """A claims file written whole (its folder made if need be), then read afresh."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, data)
    forget_snapshot()  # the folder is read again as it now is


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the claims folder's lock (flock on the folder itself: no lock file to leave
    behind or to be read as a record) while records are added: a second writer waits for
    the first to have read, appended, checked and, if need be, restored. Where the system
    has no flock, writers are not serialised."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the write that follows says what is wrong with the folder
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        remove_leftovers(folder)  # no write is under way: a temporary file is a killed one's
        yield
    finally:
        os.close(handle)  # closing releases the lock
