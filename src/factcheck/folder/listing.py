"""`list` (as JSON or a table), `topics`, `show` and `validate` answered from the cache,
without rebuilding every record.

On a large folder, `list --json` on an unchanged folder spent most of its time rebuilding the
records from the cache and writing them as JSON again, to print bytes it had printed before
(docs/performance.md). A listing keeps a folder's claims as `list --json` prints them, and
beside them what `list` filters on: ID, date, speaker, topics, source, text, quote and
rating. It is in two parts. Each claims file has a piece (pieces.py): its claims, kept by the
file's bytes. The folder has an index: its files and their digests, the IDs of its sources
and ratings (for the checks of unknown filter values), the counts `validate` gives, what
disputes each claim and which checks use it (for `show`), and where each claim's JSON
stands in the pieces, in `list` order (date, then ID). Without a filter, the answer is the
claims' JSON cut from the pieces in that order, never parsed; with one, the pieces'
headers are read and the claims kept are cut from them. The table of `list` and the counts
of `topics` are made from the listed claims; `show` reads its claim from the cache entry of
the claim's file.

An index is used only for a folder in which not a byte has changed since a load found no
problem in it (every file's path and digest as then: `cache.unchanged_since_clean`), and it
is kept under that state, so any edit makes it stale; after an edit of a few files it is
brought up to date from the edited files alone (after_edit), writing their pieces and the
index, not every claim again. Like every cache entry it is data behind a checksum in the
private cache folder, under a key that holds the version and every module of the package
(cache.py): a change to the JSON output makes old listings stale. The filters and the order
are the ones `list` always uses (filters.py), run on the listed claims.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck.filters import sort_key
from factcheck.folder import pieces
from factcheck.folder.allocation import no_cyclic_gc
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
from factcheck.folder.pieces import Listed
from factcheck.jsonout import claims_json

if TYPE_CHECKING:
    from factcheck.folder.store import Corpus, Summary
    from factcheck.model import Claim

T = TypeVar("T")

# The index starts with the version of its layout; then its JSON header (pieces.framed);
# then the claims in `list` order, each as its number among all the claims of the pieces
# taken in the order of the files (an unsigned 32-bit integer: pieces.numbers).
LAYOUT = b"listing 7\n"


@dataclass(frozen=True)
class Stored:
    """A folder's listing as read: its index's header and the order of its claims, and each
    file's piece. `fragments` is `list --json`'s answer for the whole folder, cut from the
    pieces without parsing a header; the headers, what filters need, are read only when a
    filter is given (`claims`)."""

    header: memoryview
    order: array[int]  # each claim's number among the pieces' claims, in `list` order
    pieces: list[pieces.Piece]  # each file's
    cache: Cache  # where a piece that turns out unreadable is dropped
    digests: list[bytes]  # of each file, as the pieces are kept

    def fragments(self) -> list[memoryview] | None:
        """Each claim's JSON in `list` order; None unless the order names each claim of the
        pieces exactly once."""
        every: list[memoryview] = []
        for piece in self.pieces:
            every += piece.claims_json()
        return _in_order(every, self.order)

    def claims(self) -> Listing | None:
        """The claims, file by file (the order is for `fragments`), and the index's facts."""
        folder = parse(self.header)
        if folder is None or [bytes.fromhex(f.digest) for f in folder.files] != self.digests:
            return None
        with no_cyclic_gc():
            listed = _claims_of(self.pieces, self.cache, self.digests)
        return None if listed is None else dataclasses.replace(folder, claims=listed)


@dataclass(frozen=True)
class ListedFile:
    """One file of a listed folder: its path and the digest of its bytes, under which the
    cache keeps its records and its piece."""

    path: str  # the path within the folder, as hex of its bytes
    digest: str


@dataclass(frozen=True)
class Listing:
    """A folder's claims, with its sources and ratings (each ID with the index of its file),
    its files, the counts `validate` gives for it, and what `show` needs from across the
    folder: the claims that dispute a claim and the checks that use it. The claims are in no
    set order (file by file, as read): `list` sorts those it keeps, and filtering them in the
    order they were made, which is the order they lie in memory, is the faster way."""

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
    parts = None if view is None else pieces.unframed(view, LAYOUT)
    order = None if parts is None else pieces.read_numbers(parts[1])
    if parts is None or order is None:
        return None
    # The index is kept under the folder's state, the digest of every file's path and
    # digest: the pieces are those of the digests just taken, with no need to read its header.
    found = _pieces(cache, unchanged.digests)
    if found is None:
        return None
    return Stored(parts[0], order, found, cache, unchanged.digests)


def _pieces(cache: Cache, digests: Sequence[bytes]) -> list[pieces.Piece] | None:
    """Each file's piece, by its digest, read and checked once; None when one is missing or
    unreadable (dropped, so that the load that follows writes it again)."""
    found = []
    for digest in digests:
        view = cache.get_piece(digest)
        piece = None if view is None else pieces.read(view)
        if piece is None:
            cache.drop_piece(digest)
            return None
        found.append(piece)
    return found


def _claims_of(
    found: Sequence[pieces.Piece], cache: Cache, digests: Sequence[bytes]
) -> list[Listed] | None:
    """Every claim of the pieces, each with the index of its file; None when a piece's
    header is not one `pieces.encode` wrote (each such piece is dropped)."""
    claims: list[Listed] = []
    unreadable = False
    for n, piece in enumerate(found):
        listed = piece.claims(n)
        if listed is None:
            cache.drop_piece(digests[n])
            unreadable = True
        else:
            claims += listed
    return None if unreadable else claims


def _in_order(every: list[T], order: array[int]) -> list[T] | None:
    """The items (the pieces' claims, in the order of the files) in the order given, which
    must name each of them exactly once; None otherwise."""
    if len(order) != len(every) or len(set(order)) != len(every):
        return None
    try:
        return list(map(every.__getitem__, order))
    except IndexError:
        return None


def _first_numbers(file_of: list[int], files: int) -> list[int]:
    """The number of each file's first claim among all the pieces' claims, from the file
    of each claim, in the order of the files."""
    counts = [0] * files
    for file in file_of:
        counts[file] += 1
    first, at = [], 0
    for count in counts:
        first.append(at)
        at += count
    return first


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
    before the edit, the pieces of the files not edited and the edited files alone: when
    each edited file is clean on its own and its reference facts are as they were, every
    check across files stands as it stood, and the folder is as clean as it was. The edited
    files' pieces, the new index and the folder's clean mark are stored: about the edited
    files' share of the listing, and the index's 12 bytes a claim. None in any other case
    (files added, removed or renamed, a new ID or a new reference, a problem, too many
    edits): the folder is then loaded as always."""
    edit = _edit(root, cache, for_listing=True)
    if edit is None or cache is None:
        return None
    old, files = edit.old, list(edit.old.files)
    for n, alone in edit.alone.items():
        files[n] = ListedFile(old.files[n].path, edit.digests[n].hex())
        claims = list(alone.claims.values())
        cache.put_piece(edit.digests[n], pieces.encode(claims, claims_json(claims)))
    found = _pieces(cache, edit.digests)
    with no_cyclic_gc():
        listed = None if found is None else _claims_of(found, cache, edit.digests)
    if listed is None:
        return None
    ordered = sorted(listed, key=sort_key)
    listing = dataclasses.replace(old, claims=ordered, files=files)
    first = _first_numbers([c.file for c in listed], len(files))
    cache.put_listing(root, edit.state, encode([first[c.file] + c.nth for c in ordered], listing))
    cache.mark_clean(root, edit.state, old.counts)
    cache.sweep(edit.digests)  # the edited files' entries and pieces before are spares now
    return listing


def clean_after_edit(root: Path, cache: Cache | None) -> Unchanged | None:
    """What `validate` needs after an edit that after_edit would take: the folder is as
    clean as it was, with the counts it had. The clean mark is stored; the listing is left
    for the next `list`, which brings it up to date. None when the folder must be loaded."""
    edit = _edit(root, cache, for_listing=False)
    if edit is None or cache is None:
        return None
    cache.mark_clean(root, edit.state, edit.old.counts)
    return Unchanged(edit.state, edit.old.counts, edit.found.skipped, edit.digests)


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
    parts = pieces.unframed(stored[1], LAYOUT)
    old = None if parts is None else parse(parts[0])
    if old is None or [f.path for f in old.files] != [path_hex(root, p) for p in found.files]:
        cache.drop_listing(root)  # files added, removed or renamed: it cannot serve again
        return None
    now = digests_now(found, old.files)
    if now is None:
        return None  # the load says which file cannot be read, and why
    digests, contents = now
    edited = [n for n, d in enumerate(digests) if d.hex() != old.files[n].digest]
    if len(edited) > MAX_EDITED_FILES:
        # Digesting every file to find this again at each later command, `validate` after
        # every edit in a pre-commit hook, would cost more than it can save.
        cache.drop_listing(root)
    if not edited or len(edited) > MAX_EDITED_FILES:
        return None
    alone = {}
    for n in edited:
        read = read_edited(found.files[n], contents[n], root, cache, old.files[n], for_listing)
        if read is None:
            return None
        alone[n] = read
    state = file_digest(b"\0".join(file_key(root, p, d) for p, d in zip(found.files, digests,
                                                                      strict=True)))  # fmt: skip
    return Edit(found, old, digests, alone, state)


def digests_now(
    found: Found, listed: Sequence[ListedFile]
) -> tuple[list[bytes], dict[int, bytes]] | None:
    """Every file's digest now, and the bytes of those whose digest is not the one listed
    (read once; of more than MAX_EDITED_FILES, one more than that is kept, so a caller sees
    there were too many); None when a file cannot be read."""
    digests: list[bytes] = []
    contents: dict[int, bytes] = {}
    for n, path in enumerate(found.files):
        try:
            data = file_bytes(path)
        except OSError:
            return None
        digests.append(file_digest(data))
        if digests[-1].hex() != listed[n].digest and len(contents) <= MAX_EDITED_FILES:
            contents[n] = data
    return digests, contents


def read_edited(path: Path, data: bytes, root: Path, cache: Cache, listed: ListedFile,
                keep: bool, same_order: bool = False) -> Corpus | None:  # fmt: skip
    """The edited file read alone from the bytes its digest was taken of (its entry kept in
    the cache if `keep`), when it is clean and its reference facts are those of the version
    listed (and, with `same_order`, its records in the order they had: check_parts.py);
    None otherwise."""
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
    earlier = [r for _, rs in before for r in rs]
    if reference_facts(records) != reference_facts(earlier):
        return None
    if same_order and _order(records) != _order(earlier):
        return None
    return alone


def _order(records: Iterable[Any]) -> dict[str, list[Any]]:
    """Each kind's IDs in the file's order, a claim's with its quantities' names in theirs:
    what orders a report of checks, its wholes and its changes."""
    found: dict[str, list[Any]] = {}
    for record in records:
        quantities = getattr(record, "quantities", None)
        named = [record.id, list(quantities) if quantities is not None else None]
        found.setdefault(type(record).__name__, []).append(named)
    return found


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
    """Store the listing of a folder that loaded cleanly, for the next `list --json`: the
    pieces of its files that the cache does not hold yet, and its index. `in_order`: all its
    claims in `list` order, when the caller has them sorted already."""
    if cache is None or corpus.state is None:
        return
    from factcheck.folder.store import Summary  # loaded already: this follows a load

    claims = in_order if in_order is not None else sorted(corpus.claims.values(), key=sort_key)
    index = {shown(path): n for n, path in enumerate(corpus.files)}
    of_file: list[list[Claim]] = [[] for _ in corpus.files]
    for claim in corpus.claims.values():  # each file's claims in the file's order
        of_file[index[corpus.origin[claim.id]]].append(claim)
    number: dict[str, int] = {}  # each claim's among the pieces' claims, file after file
    for path, own in zip(corpus.files, of_file, strict=True):
        first = len(number)
        number.update((claim.id, first + k) for k, claim in enumerate(own))
        if not cache.has_piece(corpus.digests[path]):
            written = [claim_json[c.id] for c in own]
            cache.put_piece(corpus.digests[path], pieces.encode(own, written))
    disputed_by: dict[str, list[str]] = {}
    for claim in corpus.claims.values():
        for target in claim.disputes:
            disputed_by.setdefault(target, []).append(claim.id)
    checked_by: dict[str, list[str]] = {}
    for check in corpus.checks.values():
        for claim_id in check.claims_read():
            checked_by.setdefault(claim_id, []).append(check.id)
    files = [ListedFile(path_hex(corpus.root, path), corpus.digests[path].hex())
             for path in corpus.files]  # fmt: skip
    listing = Listing(
        [], {i: index[corpus.origin[i]] for i in corpus.sources},
        {i: index[corpus.origin[i]] for i in corpus.ratings}, files, Summary.of(corpus).counts,
        {k: sorted(v) for k, v in disputed_by.items()},
        {k: sorted(v) for k, v in checked_by.items()},
    )  # fmt: skip
    cache.put_listing(corpus.root, corpus.state, encode([number[c.id] for c in claims], listing))


def path_hex(root: Path, path: Path) -> str:
    """A file's path within its folder, as listed (the same for the folder anywhere)."""
    return os.fsencode(os.path.relpath(path, root)).hex()


def reference_facts(records: Iterable[Any]) -> str:
    """A digest of what of a file's records other files can see or lean on: every ID and
    quantity it defines, and every reference it makes (source, disputes, rating, part_of,
    from, to, a check's claim and expression). Two versions of a file with the same facts
    leave every cross-file check where it was: the same IDs, the same links."""
    from factcheck.figures import expression
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


def encode(order: Sequence[int], folder: Listing) -> list[bytes]:
    """A listing's index: a JSON header of the source and rating IDs, the files, the counts
    and the links across files (`folder`, whose claims are not read), then the order of the
    claims (see LAYOUT)."""
    header = {
        "sources": sorted(folder.sources.items()),
        "ratings": sorted(folder.ratings.items()),
        "files": [[f.path, f.digest] for f in folder.files],
        "counts": dataclasses.astuple(folder.counts),
        "disputed_by": folder.disputed_by,
        "checked_by": folder.checked_by,
    }
    return [bytes(b) for b in pieces.framed(LAYOUT, header, [pieces.numbers(order)])]


def parse(header: memoryview) -> Listing | None:
    """A listing's index header, its claims not read (an empty list); None for anything
    `encode` would not have written: the listing passed its checksum, but nothing read from
    disk is taken on trust."""
    try:
        found = json.loads(bytes(header))
        files = [_listed_file(entry) for entry in found["files"]]
        sources, ratings = _placed(found["sources"], files), _placed(found["ratings"], files)
        counts = Counts(*found["counts"])
        if not all(type(n) is int and n >= 0 for n in dataclasses.astuple(counts)):
            return None
        links = _links(found["disputed_by"]), _links(found["checked_by"])
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return Listing([], sources, ratings, files, counts, *links)


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
