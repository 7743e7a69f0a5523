"""`list` (as JSON or a table), `topics`, `show` and `validate` answered from the cache,
without rebuilding every record.

On a large folder, `list --json` on an unchanged folder spent most of its time rebuilding the
records from the cache and writing them as JSON again, to print bytes it had printed before
(docs/performance.md). A listing keeps a folder's claims as `list --json` prints them, in its
order (date, then ID), and beside them what `list` filters on: ID, date, speaker, topics,
source, text, quote and rating, with where each claim's JSON stands; and the IDs of the
folder's sources and ratings, for the checks of unknown filter values. Without a filter, the
answer is the stored bytes as they are; with one, the claims kept are cut from them. The
table of `list` and the counts of `topics` are made from the listed claims (each also records
how many figures it has, which the table shows); `show` reads its claim from the cache entry
of the claim's file, and what disputes it and which checks use it from two maps kept here.

A listing is used only for a folder in which not a byte has changed since a load found no
problem in it (every file's path and digest as then: `cache.unchanged_since_clean`), and it
is kept under that state, so any edit makes it stale. Like every cache entry it is data
behind a checksum in the private cache folder, under a key that holds the version and the
modules that shape it (cache.py): a change to the JSON output makes old listings stale. The
filters and the order are the ones `list` always uses (filters.py), run on the listed claims.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck.filters import Listable, sort_key
from factcheck.folder.cache import (
    DIGEST_SIZE,
    Cache,
    Counts,
    Unchanged,
    file_digest,
    file_key,
    unchanged_since_clean,
)
from factcheck.folder.discovery import Found, file_bytes, folder_files, shown
from factcheck.jsonout import claims_json

if TYPE_CHECKING:
    from factcheck.folder.store import Corpus, Summary
    from factcheck.model import Claim

# A listing starts with the version of its layout and the size of its JSON header, written
# in HEADER_SIZE digits; the header follows, then the output.
LAYOUT = b"listing 6\n"
HEADER_SIZE = 12
EMPTY = b"[]\n"  # what `list --json` prints for no claims


class ListedReview(NamedTuple):
    rating: str | None
    textual_rating: str | None


class Listed(NamedTuple):
    """One claim as `list` needs it: what it filters and sorts on, and its JSON. A named
    tuple: 100k are made from a listing's header, and a frozen dataclass's __init__ took a
    third of reading it."""

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
    figures: int  # how many figures it records (the table of `list` shows it)


@dataclass(frozen=True)
class Stored:
    """A folder's listing as read: `output` is `list --json`'s whole answer for the folder;
    the header, what filters need, is read only when one is given (`claims`)."""

    header: memoryview
    output: memoryview

    def claims(self) -> Listing | None:
        return parse(self.header, self.output)


@dataclass(frozen=True)
class ListedFile:
    """One file of a listed folder: its path and the digest of its bytes, under which the
    cache keeps its records (what after_edit compares an edited version with)."""

    path: str  # the path within the folder, as hex of its bytes
    digest: str


@dataclass(frozen=True)
class Listing:
    """A folder's claims in `list` order, with its sources and ratings (each ID with the
    index of its file), its files, the counts `validate` gives for it, and what `show` needs
    from across the folder: the claims that dispute a claim and the checks that use it."""

    claims: list[Listed]
    sources: dict[str, int]
    ratings: dict[str, int]
    files: list[ListedFile]
    counts: Counts
    disputed_by: dict[str, list[str]]  # claim ID -> the claims disputing it, sorted
    checked_by: dict[str, list[str]]  # claim ID -> the checks that use it, sorted


def from_cache(root: Path, cache: Cache | None) -> Stored | None:
    """The folder's listing when not a byte of it has changed since a clean load that left
    one; None otherwise."""
    unchanged = unchanged_since_clean(root, cache)
    if unchanged is None or cache is None:
        return None
    view = cache.get_listing(root, unchanged.state)
    return None if view is None else _split(view)


def _split(view: memoryview) -> Stored | None:
    """A listing's header and output, as encode laid them out."""
    if view[: len(LAYOUT)] != LAYOUT:
        return None
    start = len(LAYOUT) + HEADER_SIZE
    try:
        size = int(bytes(view[len(LAYOUT) : start]))
    except ValueError:
        return None
    if not 0 < size <= len(view) - start:
        return None
    return Stored(view[start : start + size], view[start + size :])


# Beyond this many edited files since the listing, the folder is loaded as always.
MAX_EDITED_FILES = 5


@dataclass(frozen=True)
class Edit:
    """A folder whose listing was made before a few of its files were edited, each edited
    file clean on its own and with the reference facts it had."""

    found: Found  # the folder's files now
    old: Listing  # the listing made before the edit (its claims only if asked for)
    digests: list[bytes]  # of every file now
    alone: dict[int, Corpus]  # each edited file, by its index, read alone
    state: bytes  # the folder's state now (cache.unchanged_since_clean)


def after_edit(root: Path, cache: Cache | None) -> Listing | None:
    """The folder's claims after a few of its files were edited, from the listing made
    before the edit and those files alone: when each edited file is clean on its own and
    its reference facts are as they were, every check across files stands as it stood, and
    the folder is as clean as it was. The new listing and the folder's clean mark are
    stored. None in any other case (files added, removed or renamed, a new ID or a new
    reference, a problem, too many edits): the folder is then loaded as always."""
    edit = _edit(root, cache, for_listing=True)
    if edit is None or cache is None:
        return None
    old, files = edit.old, list(edit.old.files)
    fresh: list[Listed] = []
    for n, alone in edit.alone.items():
        files[n] = ListedFile(old.files[n].path, edit.digests[n].hex())
        claims = list(alone.claims.values())
        fresh += [_listed(c, j, n) for c, j in zip(claims, claims_json(claims), strict=True)]
    kept = [c for c in old.claims if c.file not in edit.alone]
    ordered = sorted([*kept, *fresh], key=sort_key)
    listing = dataclasses.replace(old, claims=ordered, files=files)
    pieces = encode(ordered, [c.json for c in ordered], [c.file for c in ordered], listing)
    cache.put_listing(root, edit.state, pieces)
    cache.mark_clean(root, edit.state, old.counts)
    return listing


def clean_after_edit(root: Path, cache: Cache | None) -> Unchanged | None:
    """What `validate` needs after an edit that after_edit would take: the folder is as
    clean as it was, with the counts it had. The clean mark is stored; the listing is left
    for the next `list`, which brings it up to date. None when the folder must be loaded."""
    edit = _edit(root, cache, for_listing=False)
    if edit is None or cache is None:
        return None
    cache.mark_clean(root, edit.state, edit.old.counts)
    return Unchanged(edit.state, edit.old.counts, edit.found.skipped)


def _edit(root: Path, cache: Cache | None, for_listing: bool) -> Edit | None:
    """The folder as an Edit since its listing, or None (see after_edit). Only for a new
    listing are the listed claims read, and the edited files' entries replaced: the entry of
    the version listed must stay until the listing is brought up to date."""
    if cache is None or not root.is_dir():
        return None
    found = folder_files(root)
    stored = cache.any_listing(root)
    if not found.files or found.problems or stored is None:
        return None
    parts = _split(stored[1])
    old = None if parts is None else parse(parts.header, parts.output, for_listing)
    if old is None or [f.path for f in old.files] != [_path_hex(root, p) for p in found.files]:
        cache.drop_listing(root)  # files added, removed or renamed: it cannot serve again
        return None
    digests: list[bytes] = []
    contents: dict[int, bytes] = {}  # the bytes of the edited files, read once
    for n, path in enumerate(found.files):
        try:
            data = file_bytes(path)
        except OSError:
            return None  # the load says which file cannot be read, and why
        digests.append(file_digest(data))
        if digests[-1].hex() != old.files[n].digest and len(contents) <= MAX_EDITED_FILES:
            contents[n] = data
    edited = [n for n, d in enumerate(digests) if d.hex() != old.files[n].digest]
    if len(edited) > MAX_EDITED_FILES:
        # Reading the whole listing to find this again at each later command,
        # `validate` after every edit in a pre-commit hook, would cost more than it can save.
        cache.drop_listing(root)
    if not edited or len(edited) > MAX_EDITED_FILES:
        return None
    alone = {}
    for n in edited:
        read = _read_edited(found.files[n], contents[n], root, cache, old.files[n], for_listing)
        if read is None:
            return None
        alone[n] = read
    state = file_digest(b"\0".join(file_key(root, p, d) for p, d in zip(found.files, digests,
                                                                      strict=True)))  # fmt: skip
    return Edit(found, old, digests, alone, state)


def _read_edited(
    path: Path, data: bytes, root: Path, cache: Cache, listed: ListedFile, keep: bool
) -> Corpus | None:
    """The edited file read alone from the bytes its digest was taken of (its entry kept in
    the cache if `keep`), when it is clean and its reference facts are those of the version
    listed; None otherwise."""
    from factcheck.folder import store

    # The version listed is still in the cache (an entry is replaced only when its file is
    # read again through the cache): its facts are found now, not at every load.
    before = cache.get(bytes.fromhex(listed.digest))
    if before is None:
        return None
    alone = store.read_alone(path, root, cache if keep else None, data)
    if alone is None:
        return None
    records = [*alone.sources.values(), *alone.claims.values(), *alone.checks.values(),
               *alone.ratings.values()]  # fmt: skip
    if reference_facts(records) != reference_facts(r for _, rs in before for r in rs):
        return None
    return alone


def _listed(claim: Claim, claim_json: memoryview, file: int) -> Listed:
    review = claim.review
    return Listed(
        claim.id, claim.date, claim.speaker, tuple(claim.topics), claim.source, claim.text,
        claim.quote,
        None if review is None else ListedReview(review.rating, review.textual_rating),
        claim_json, file, claim.figures,
    )  # fmt: skip


def claims_json_by_id(corpus: Corpus) -> dict[str, memoryview]:
    """Each claim's JSON as `list --json` writes it, cut from one dump of all the claims."""
    claims = list(corpus.claims.values())
    return dict(zip((c.id for c in claims), claims_json(claims), strict=True))


def worth_remembering(corpus: Corpus) -> bool:
    """A folder that loaded cleanly, mostly read anew (a first load) or wholly from the
    cache (unchanged since the load before): the next `list --json` will likely find it as
    it is. A load that parsed a few files anew and took most from the cache comes after an
    edit, and a folder being edited would make the listing, costly to write, stale at once.
    "Mostly", not "wholly": entries are kept by content, so a new folder that shares a file
    with another (the same sources.toml) finds that one in the cache."""
    parsed_anew = len(corpus.files) - corpus.cached_files
    return corpus.state is not None and (parsed_anew > corpus.cached_files or parsed_anew == 0)


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
    from factcheck.folder.query import claims_used
    from factcheck.folder.store import Summary  # loaded already: this follows a load

    claims = in_order if in_order is not None else sorted(corpus.claims.values(), key=sort_key)
    files = [ListedFile(_path_hex(corpus.root, path), corpus.digests[path].hex())
             for path in corpus.files]  # fmt: skip
    index = {shown(path): n for n, path in enumerate(corpus.files)}
    file_of = [index[corpus.origin[c.id]] for c in claims]
    disputed_by: dict[str, list[str]] = {}
    for claim in corpus.claims.values():
        for target in claim.disputes:
            disputed_by.setdefault(target, []).append(claim.id)
    checked_by: dict[str, list[str]] = {}
    for check in corpus.checks.values():
        for claim_id in claims_used(check):
            checked_by.setdefault(claim_id, []).append(check.id)
    listing = Listing(
        [], {i: index[corpus.origin[i]] for i in corpus.sources},
        {i: index[corpus.origin[i]] for i in corpus.ratings}, files, Summary.of(corpus).counts,
        {k: sorted(v) for k, v in disputed_by.items()},
        {k: sorted(v) for k, v in checked_by.items()},
    )  # fmt: skip
    pieces = encode(claims, [claim_json[c.id] for c in claims], file_of, listing)
    cache.put_listing(corpus.root, corpus.state, pieces)


def _path_hex(root: Path, path: Path) -> str:
    """A file's path within its folder, as listed (the same for the folder anywhere)."""
    return os.fsencode(os.path.relpath(path, root)).hex()


def reference_facts(records: Iterable[Any]) -> str:
    """A digest of what of a file's records other files can see or lean on: every ID and
    quantity it defines, and every reference it makes (source, disputes, rating, part_of,
    from, to, a check's claim and expression). Two versions of a file with the same facts
    leave every cross-file check where it was: the same IDs, the same links."""
    from factcheck import expression
    from factcheck.model import Check, Claim, Rating, Source

    facts: list[list[Any]] = []
    for record in records:
        if isinstance(record, Source | Rating):
            facts.append([type(record).__name__, record.id])
        elif isinstance(record, Claim):
            review = record.review.rating if record.review else None
            quantities = sorted([name, q.part_of, q.change_from, q.change_to]
                                for name, q in record.quantities.items())  # fmt: skip
            facts.append(["Claim", record.id, record.source, sorted(record.disputes), review,
                          quantities])  # fmt: skip
        elif isinstance(record, Check):
            facts.append(["Check", record.id, record.claim,
                          sorted(expression.references(record.compute))])  # fmt: skip
    text = "\n".join(sorted(json.dumps(fact) for fact in facts))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def encode(
    claims: Sequence[Listable],
    claim_json: Sequence[memoryview],
    file_of: Sequence[int],
    folder: Listing,
) -> list[bytes | memoryview]:
    """A listing, in pieces: the layout line and the header's size; a JSON header of the
    source and rating IDs, the files and the counts (`folder`, whose claims are not read),
    and what each claim is filtered on, with where its JSON starts and ends in the output and
    its file; then the output, `list --json`'s answer for all the claims, in the order
    given."""
    output: list[bytes | memoryview] = [b"[\n"] if claims else [EMPTY]
    rows, at = [], 2
    for n, (claim, written, file) in enumerate(zip(claims, claim_json, file_of, strict=True)):
        if n:
            output.append(b",\n")
            at += 2
        output.append(written)
        rows.append(_row(claim, at, at + len(written), file))
        at += len(written)
    if claims:
        output.append(b"\n]\n")
    header = {
        "sources": sorted(folder.sources.items()),
        "ratings": sorted(folder.ratings.items()),
        "files": [[f.path, f.digest] for f in folder.files],
        "counts": dataclasses.astuple(folder.counts),
        "disputed_by": folder.disputed_by,
        "checked_by": folder.checked_by,
        "claims": rows,
    }
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    size = b"%0*d" % (HEADER_SIZE, len(text))
    # One piece for the output: hashed and written in one call, not 200k small ones.
    return [LAYOUT, size, text, b"".join(output)]


def _row(claim: Listable, start: int, end: int, file: int) -> list[Any]:
    review = claim.review
    return [
        claim.id, claim.date.isoformat() if claim.date else None, claim.speaker,
        list(claim.topics), claim.source, claim.text, claim.quote,
        None if review is None else [review.rating, review.textual_rating], start, end, file,
        claim.figures,
    ]  # fmt: skip


def parse(header: memoryview, output: memoryview, with_claims: bool = True) -> Listing | None:
    """The claims of a listing's header, each with its JSON cut from the output; None for
    anything `encode` would not have written: the listing passed its checksum, but nothing
    read from disk is taken on trust."""
    try:
        found = json.loads(bytes(header))
        rows = found["claims"]
        if type(rows) is not list:
            return None
        files = [_listed_file(entry) for entry in found["files"]]
        sources, ratings = _placed(found["sources"], files), _placed(found["ratings"], files)
        counts = Counts(*found["counts"])
        if not all(type(n) is int and n >= 0 for n in dataclasses.astuple(counts)):
            return None
        links = _links(found["disputed_by"]), _links(found["checked_by"])
        claims = [_claim(row, output, len(files)) for row in rows] if with_claims else []
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return Listing(claims, sources, ratings, files, counts, *links)


def _placed(entries: Any, files: list[ListedFile]) -> dict[str, int]:
    """IDs with the index of the file that defines each."""
    placed = {}
    for record_id, file in entries:  # a ValueError or TypeError when not pairs
        if type(record_id) is not str or type(file) is not int or not 0 <= file < len(files):
            raise ValueError("a listed record is not an ID in one of the files")
        placed[record_id] = file
    return placed


def _links(entries: Any) -> dict[str, list[str]]:
    if type(entries) is not dict or not all(_strings(ids) for ids in entries.values()):
        raise TypeError("listed links are not IDs")
    return entries


def _listed_file(entry: Any) -> ListedFile:
    if not (_strings(entry) and len(entry) == 2):
        raise TypeError("a listed file is not two strings")
    path, digest = entry
    if len(bytes.fromhex(digest)) != DIGEST_SIZE:  # a ValueError when it is not hex
        raise ValueError("a listed file's digest is not one")
    return ListedFile(path, digest)


def _claim(row: list[Any], output: memoryview, files: int) -> Listed:
    # Plain type tests, inline: this runs once a claim, 100k times for a large archive.
    claim_id, date, speaker, topics, source, text, quote, review, start, end, file, figures = row
    if type(file) is not int or not 0 <= file < files:
        raise ValueError("a claim's file is not among the listing's files")
    if type(figures) is not int or figures < 0:
        raise ValueError("a claim's count of figures is not one")
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
                  output[start:end], file, figures)  # fmt: skip


def _strings(values: Any) -> bool:
    return type(values) is list and all(type(v) is str for v in values)


def summarise(root: Path, cache: Cache | None = None) -> Summary:
    """What `validate` says of a valid folder, or a ClaimsError naming every problem.

    A folder whose every file has the bytes it had at its last clean load, under this version,
    is answered from the cache's record of that load without reading a record (see
    cache.py); one edited in a few files since its listing, each clean on its own with the
    reference facts it had, from that listing and those files (clean_after_edit);
    anything else is loaded and validated in full."""
    from factcheck.folder.store import Summary, load  # the loader only when the folder changed

    unchanged = unchanged_since_clean(root, cache) or clean_after_edit(root, cache)
    if unchanged is not None:
        return Summary(unchanged.counts, unchanged.skipped)
    return Summary.of(load(root, cache))
