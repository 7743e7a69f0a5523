"""A claims file's share of its folder's listing (listing.py): its claims as `list` filters
and shows them, and as `list --json` writes them, kept in the cache by the file's bytes.

A listing was once one file holding every claim of the folder, and an edit of one claims
file rewrote all of it (docs/performance.md). Now each claims file
has a piece, and the listing proper is a small index: which pieces, and in which order their
claims are listed. An edit writes the edited file's piece and the index. A piece is a
function of its file's bytes alone (a claim's JSON and what `list` filters on are the
claim's own), so it is kept by their digest, as the file's cache entry is: a renamed folder,
a second checkout or an edit undone finds it made.

Like every cache entry, a piece is data behind a checksum, and nothing in it is taken on
trust: `parse` gives None for anything `encode` would not have written.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any, NamedTuple

from factcheck.filters import Listable

# A piece starts with the version of its layout and the size of its JSON header, written in
# HEADER_SIZE digits; the header follows (what `list` filters on, a row a claim), then the
# body: how many claims, where each one's JSON starts in the JSON that follows and where the
# last ends (unsigned 32-bit integers, little-endian), then the claims' JSON, end to end.
# The offsets are binary so that `list --json` cuts the claims out without parsing a header.
LAYOUT = b"piece 2\n"
HEADER_SIZE = 12
NUMBER = "I"  # array's code for an unsigned 32-bit integer, on every platform Python runs on


class ListedReview(NamedTuple):
    rating: str | None
    textual_rating: str | None


class Listed(NamedTuple):
    """One claim as `list` needs it: what it filters and sorts on, and its JSON. A named
    tuple: 100k are made from a folder's pieces, and a frozen dataclass's __init__ took a
    third of reading them."""

    id: str
    date: dt.date | None
    speaker: str
    topics: tuple[str, ...]
    source: str | None
    text: str
    quote: str | None
    review: ListedReview | None
    json: memoryview  # as `list --json` writes it inside its list
    file: int  # the index of its file in the listing's `files`
    nth: int  # its place among its file's claims, from 0
    figures: int  # how many figures it records (the table of `list` shows it)


def framed(
    layout: bytes, header: Any, body: Sequence[bytes | memoryview]
) -> list[bytes | memoryview]:
    """The layout line, the size of the JSON header, the header, then the body."""
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return [layout, b"%0*d" % (HEADER_SIZE, len(text)), text, *body]


def unframed(view: memoryview, layout: bytes) -> tuple[memoryview, memoryview] | None:
    """The header and the body `framed` laid out under this layout; None for anything else."""
    if view[: len(layout)] != layout:
        return None
    start = len(layout) + HEADER_SIZE
    try:
        size = int(bytes(view[len(layout) : start]))
    except ValueError:
        return None
    if not 0 < size <= len(view) - start:
        return None
    return view[start : start + size], view[start + size :]


def numbers(values: Sequence[int]) -> bytes:
    """Unsigned 32-bit integers, little-endian, whatever the machine."""
    found = array(NUMBER, values)
    if sys.byteorder == "big":
        found.byteswap()
    return found.tobytes()


def read_numbers(raw: memoryview | bytes) -> array[int] | None:
    """What `numbers` wrote; None when it cannot be that."""
    found = array(NUMBER)
    if found.itemsize != 4 or len(raw) % 4:
        return None
    found.frombytes(raw)
    if sys.byteorder == "big":
        found.byteswap()
    return found


def encode(
    claims: Sequence[Listable], claim_json: Sequence[bytes | memoryview]
) -> list[bytes | memoryview]:
    """A file's piece: a header with what each claim is filtered on, then its body (see
    LAYOUT), in the file's order."""
    offsets = [0]
    for written in claim_json:
        offsets.append(offsets[-1] + len(written))
    rows = [_row(claim) for claim in claims]
    # One piece for the JSON: hashed and written in one call, not thousands of small ones.
    body = [numbers([len(claims), *offsets]), b"".join(claim_json)]
    return framed(LAYOUT, {"claims": rows}, body)


def _row(claim: Listable) -> list[Any]:
    review = claim.review
    return [
        claim.id, claim.date.isoformat() if claim.date else None, claim.speaker,
        list(claim.topics), claim.source, claim.text, claim.quote,
        None if review is None else [review.rating, review.textual_rating], claim.figures,
    ]  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """A piece as read: its header (what `list` filters on, unread until asked), its claims'
    JSON, and where each one's starts and the last ends."""

    header: memoryview
    offsets: array[int]
    json: memoryview

    def claims_json(self) -> list[memoryview]:
        json, offsets = self.json, self.offsets
        return [json[start:end] for start, end in pairwise(offsets)]

    def claims(self, file: int) -> list[Listed] | None:
        """Its claims, as the file of this index in its listing; None for a header `encode`
        would not have written: the piece passed its checksum, but nothing read from disk is
        taken on trust."""
        try:
            rows = json.loads(bytes(self.header))["claims"]
            if type(rows) is not list or len(rows) != len(self.offsets) - 1:
                return None
            pairs = enumerate(zip(rows, self.claims_json(), strict=True))
            return [_claim(row, written, file, n) for n, (row, written) in pairs]
        except (ValueError, TypeError, KeyError, IndexError):
            return None


def read(view: memoryview) -> Piece | None:
    """A piece; None for anything `encode` would not have written: the offsets must start
    at 0, rise, and end where the JSON ends (the header is checked by Piece.claims)."""
    parts = unframed(view, LAYOUT)
    if parts is None or len(parts[1]) < 4:
        return None
    header, rest = parts
    count = read_numbers(rest[:4])
    size = None if count is None else 4 * (count[0] + 1)
    offsets = None if size is None else read_numbers(rest[4 : 4 + size])
    if offsets is None or size is None or len(offsets) * 4 != size:
        return None
    json_view = rest[4 + size :]
    if offsets[0] != 0 or offsets[-1] != len(json_view):
        return None
    if not all(map(operator.lt, offsets, islice(offsets, 1, None))):
        return None
    return Piece(header, offsets, json_view)


def _claim(row: list[Any], written: memoryview, file: int, nth: int) -> Listed:
    # Plain type tests, inline: this runs once a claim, 100k times for a large archive.
    claim_id, date, speaker, topics, source, text, quote, review, figures = row
    if type(figures) is not int or figures < 0:
        raise ValueError("a claim's count of figures is not one")
    if not (type(claim_id) is str and type(speaker) is str and type(text) is str):
        raise TypeError("a listed claim lacks its text fields")
    if type(topics) is not list or any(type(t) is not str for t in topics):
        raise TypeError("a listed claim's topics are not text")
    for optional in (source, quote, date):
        if optional is not None and type(optional) is not str:
            raise TypeError("a listed claim has a field of the wrong type")
    if review is not None:
        rating, textual = review  # a ValueError or TypeError when not a pair
        for optional in review:
            if optional is not None and type(optional) is not str:
                raise TypeError("a listed review has a field of the wrong type")
        review = ListedReview(rating, textual)
    day = None if date is None else dt.date.fromisoformat(date)
    return Listed(claim_id, day, speaker, tuple(topics), source, text, quote, review,
                  written, file, nth, figures)  # fmt: skip
