"""`list --json` answered from the cache, without building a record.

At 100k claims, `list --json` on an unchanged folder spent most of its time rebuilding the
records from the cache (pydantic, 1.5 s) and writing them as JSON again (1 s), to print bytes
it had printed before. A listing keeps a folder's claims as `list --json` prints them, in its
order (date, then ID), and beside them what `list` filters on: ID, date, speaker, topics,
source, text, quote and rating, with where each claim's JSON stands; and the IDs of the
folder's sources and ratings, for the checks of unknown filter values. Without a filter, the
answer is the stored bytes as they are; with one, the claims kept are cut from them.

A listing is used only for a folder in which not a byte has changed since a load found no
problem in it (every file's path and digest as then: `cache.unchanged_since_clean`), and it
is kept under that state, so any edit makes it stale. Like every cache entry it is data
behind a checksum in the private cache folder, under a key that holds the version and the
modules that shape it (cache.py): a change to the JSON output makes old listings stale. The
filters and the order are the ones `list` always uses (filters.py), run on the listed claims.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cache import Cache, unchanged_since_clean
from factcheck.filters import Listable, sort_key
from factcheck.jsonout import claims_json

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.store import Corpus

# A listing starts with the version of its layout and the size of its JSON header, written
# in HEADER_SIZE digits; the header follows, then the output.
LAYOUT = b"listing 3\n"
HEADER_SIZE = 12
EMPTY = b"[]\n"  # what `list --json` prints for no claims


@dataclass(frozen=True, slots=True)
class ListedReview:
    rating: str | None
    textual_rating: str | None


@dataclass(frozen=True, slots=True)
class Listed:
    """One claim as `list` needs it: what it filters and sorts on, and its JSON."""

    id: str
    date: dt.date | None
    speaker: str
    topics: tuple[str, ...]
    source: str | None
    text: str
    quote: str | None
    review: ListedReview | None
    json: memoryview  # as `list --json` writes it inside its list


@dataclass(frozen=True)
class Stored:
    """A folder's listing as read: `output` is `list --json`'s whole answer for the folder;
    the header, what filters need, is read only when one is given (`claims`)."""

    header: memoryview
    output: memoryview

    def claims(self) -> Listing | None:
        return parse(self.header, self.output)


@dataclass(frozen=True)
class Listing:
    """A folder's claims in `list` order, with its source and rating IDs."""

    claims: list[Listed]
    sources: frozenset[str]
    ratings: frozenset[str]


def from_cache(root: Path, cache: Cache | None) -> Stored | None:
    """The folder's listing when not a byte of it has changed since a clean load that left
    one; None otherwise."""
    unchanged = unchanged_since_clean(root, cache)
    if unchanged is None or cache is None:
        return None
    view = cache.get_listing(root, unchanged.state)
    if view is None or view[: len(LAYOUT)] != LAYOUT:
        return None
    start = len(LAYOUT) + HEADER_SIZE
    try:
        size = int(bytes(view[len(LAYOUT) : start]))
    except ValueError:
        return None
    if not 0 < size <= len(view) - start:
        return None
    return Stored(view[start : start + size], view[start + size :])


def claims_json_by_id(corpus: Corpus) -> dict[str, memoryview]:
    """Each claim's JSON as `list --json` writes it, cut from one dump of all the claims."""
    claims = list(corpus.claims.values())
    return dict(zip((c.id for c in claims), claims_json(claims), strict=True))


def worth_remembering(corpus: Corpus) -> bool:
    """A folder that loaded cleanly, read whole (a first load) or wholly from the cache
    (unchanged since the load before): the next `list --json` will likely find it as it is.
    A load that parsed some files anew and took the rest from the cache comes after an edit,
    and a folder being edited would make the listing (0.7 s at 100k claims) stale at once."""
    parsed_anew = len(corpus.files) - corpus.cached_files
    return corpus.state is not None and (corpus.cached_files == 0 or parsed_anew == 0)


def remember(
    corpus: Corpus,
    claim_json: dict[str, memoryview],
    cache: Cache | None,
    in_order: Sequence[Claim] | None = None,
) -> None:
    """Store the listing of a folder that loaded cleanly, for the next `list --json`.
    `in_order`: all its claims in `list` order, when the caller has them sorted already."""
    if cache is None or corpus.state is None:
        return
    claims = in_order if in_order is not None else sorted(corpus.claims.values(), key=sort_key)
    pieces = encode(claims, [claim_json[c.id] for c in claims], corpus.sources, corpus.ratings)
    cache.put_listing(corpus.root, corpus.state, pieces)


def encode(
    claims: Sequence[Listable],
    claim_json: Sequence[memoryview],
    sources: Iterable[str],
    ratings: Iterable[str],
) -> list[bytes | memoryview]:
    """A listing, in pieces: the layout line and the header's size; a JSON header of the
    source and rating IDs and what each claim is filtered on, with where its JSON starts and
    ends in the output; then the output, `list --json`'s answer for all the claims, in the
    order given."""
    output: list[bytes | memoryview] = [b"[\n"] if claims else [EMPTY]
    rows, at = [], 2
    for n, (claim, written) in enumerate(zip(claims, claim_json, strict=True)):
        if n:
            output.append(b",\n")
            at += 2
        output.append(written)
        rows.append(_row(claim, at, at + len(written)))
        at += len(written)
    if claims:
        output.append(b"\n]\n")
    header = {"sources": sorted(sources), "ratings": sorted(ratings), "claims": rows}
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    size = b"%0*d" % (HEADER_SIZE, len(text))
    # One piece for the output: hashed and written in one call, not 200k small ones.
    return [LAYOUT, size, text, b"".join(output)]


def _row(claim: Listable, start: int, end: int) -> list[Any]:
    review = claim.review
    return [
        claim.id, claim.date.isoformat() if claim.date else None, claim.speaker,
        list(claim.topics), claim.source, claim.text, claim.quote,
        None if review is None else [review.rating, review.textual_rating], start, end,
    ]  # fmt: skip


def parse(header: memoryview, output: memoryview) -> Listing | None:
    """The claims of a listing's header, each with its JSON cut from the output; None for
    anything `encode` would not have written: the listing passed its checksum, but nothing
    read from disk is taken on trust."""
    try:
        found = json.loads(bytes(header))
        rows, sources, ratings = found["claims"], found["sources"], found["ratings"]
        if not (_strings(sources) and _strings(ratings)) or type(rows) is not list:
            return None
        claims = [_claim(row, output) for row in rows]
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return Listing(claims, frozenset(sources), frozenset(ratings))


def _claim(row: list[Any], output: memoryview) -> Listed:
    # Plain type tests, inline: this runs once a claim, 100k times for a large archive.
    claim_id, date, speaker, topics, source, text, quote, review, start, end = row
    if not (type(start) is int and type(end) is int and 0 < start < end <= len(output)):
        raise ValueError("a claim's JSON lies outside the listing")
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
                  output[start:end])  # fmt: skip


def _strings(values: Any) -> bool:
    return type(values) is list and all(type(v) is str for v in values)
