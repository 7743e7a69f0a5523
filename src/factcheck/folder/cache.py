"""A warm cache of validated claims files: never wrong, never dangerous.

An entry holds one claims file's records as pydantic dumped them after a clean validation.
It is found by the SHA-256 digest of the file's bytes, read now: no edit can hide from that,
whatever it does to the size, the modification time or the inode, and a renamed file, or the
same file in a second checkout, is simply a file with the same bytes. The key also holds the
tool version, pydantic's, and a digest of every module of the package, so a new release or
an edited schema never reads an old entry.

An entry is data, never code: JSON behind a digest of itself, read back through the same
pydantic validation as a claims file. A file that is corrupt, truncated, from another version
or tampered with fails the digest or the validation and is ignored (and rewritten on this
load), never trusted. Only a file that loaded without a problem is stored, so a problem is
never cached as success. Writes go to a temporary file renamed into place; a cache that
cannot be written is skipped without a word, since it is only ever a shortcut.

Beside the entries, each file of a folder that loaded cleanly has a piece of its listing,
kept by its bytes like its entry (pieces.py); the folder has a mark (its files' paths and
digests and its counts, which `validate` answers from) and the listing's index (listing.py),
both kept under that state of the folder. Everything is behind a checksum.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import stat
import time
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import factcheck
from factcheck.folder.atomic import replace_file
from factcheck.folder.discovery import file_bytes, folder_files

MAGIC = b"factcheck-cache 3\n"
_VERSION_FOLDER = re.compile(r"[0-9a-f]{16}")
DIGEST_SIZE = 32
FROM_CACHE = {"factcheck-cache": True}  # validation context: dates come back as ISO strings


@dataclass(frozen=True)
class Counts:
    """How many of each there were in a folder that loaded cleanly (what `validate` says).

    A plain class read by hand, not a pydantic model: `list --json` on an unchanged folder
    reads it and would otherwise load pydantic and the models for nothing."""

    files: int
    sources: int
    claims: int
    checks: int
    ratings: int

    def to_json(self) -> bytes:
        return json.dumps(dataclasses.asdict(self)).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Counts | None:
        """The counts written by to_json, or None for anything else."""
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        names = [f.name for f in dataclasses.fields(cls)]
        if not isinstance(data, dict) or sorted(data) != sorted(names):
            return None
        values = [data[name] for name in names]
        if not all(type(v) is int and v >= 0 for v in values):
            return None
        return cls(*values)


def file_digest(data: bytes | memoryview) -> bytes:
    """SHA-256: hashlib has it from OpenSSL, which uses the processor's SHA instructions
    where there are some (x86 since about 2017, ARMv8), faster there than hashlib's own
    BLAKE2b (docs/performance.md). A warm command digests every claims file and checksums
    every cache file it reads, so this is most of what it costs on a large folder."""
    return hashlib.sha256(data).digest()


def users_cache(cached: bool = True) -> Cache | None:
    """The user's cache, unless `cached` is off or there is no place for one (no home)."""
    place = default_folder() if cached else None
    return None if place is None else Cache(place)


def default_folder() -> Path | None:
    """$FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck; None
    where there is no home to find (a container user with no HOME and no passwd entry)."""
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and not os.path.isabs(base):
        base = None  # the XDG spec: a relative path is invalid and is to be ignored
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "factcheck"


class Cache:
    """Validated records of claims files, one entry file per claims file."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.version = _version_digest()
        # Each version keeps its entries in a folder of its own; a version's first write
        # removes the others' (see _usable_folder), so upgrades do not pile entries up.
        self.folder = folder / self.version.hex()[:16]
        self.hits = 0
        self.misses = 0
        self._usable: bool | None = None

    def get(self, digest: bytes) -> list[tuple[str, list[Any]]] | None:
        """The records of a file whose bytes have this digest, in the file's order; None
        when there is no entry, or it is corrupt or foreign. Entries are kept by the bytes,
        not the path: a renamed file, or a second checkout of the same claims, finds them."""
        body = self._read_checked(self._content_entry(digest), digest)
        records = None if body is None else self._decode(body)
        if records is None:
            self.misses += 1
        else:
            self.hits += 1
        return records

    def get_record(self, digest: bytes, kind: str, record_id: str) -> Any:
        """The one record of this kind and ID in the entry of a file with these bytes,
        validated as get() validates every record; None when it is not there. `show` needs
        one claim of a file: validating the file's other records (and its checks'
        expressions) was most of what a warm `show` did beyond `list`."""
        body = self._read_checked(self._content_entry(digest), digest)
        lines = None if body is None else bytes(body).split(b"\n")
        try:
            kinds = None if lines is None else self._kinds(lines[0])
            if lines is None or kinds is None or len(lines) != len(kinds) + 2 or lines[-1]:
                return None
            if kind not in kinds:
                return None
            items = json.loads(lines[1 + kinds.index(kind)])
            if not isinstance(items, list):
                return None
            found = [i for i in items if isinstance(i, dict) and i.get("id") == record_id]
            if len(found) != 1:
                return None
            return self._load(kind, json.dumps(found).encode())[0]
        except ValueError:  # pydantic's ValidationError is one
            return None

    def put(self, digest: bytes, records: list[tuple[str, list[Any]]]) -> None:
        """Store a cleanly validated file's records; any failure leaves the cache as it was."""
        if not self._usable_folder():
            return
        kinds = b",".join(b'"%s"' % kind.encode("ascii") for kind, _ in records)
        body = b"".join(self._dump(kind, items) + b"\n" for kind, items in records)
        self._write_checked(self._content_entry(digest), digest, [b"[%s]\n" % kinds, body])

    def get_piece(self, digest: bytes) -> memoryview | None:
        """A claims file's share of its folder's listing (pieces.py), kept by its bytes like
        its entry; None when there is none, or it is corrupt or foreign."""
        return self._read_checked(self._by_state(digest, "piece"), digest)

    def has_piece(self, digest: bytes) -> bool:
        """Whether a piece was kept for these bytes: one that turns out unreadable is
        dropped by whoever reads it, so that the next listing writes it again."""
        return self._usable_folder() and self._by_state(digest, "piece").is_file()

    def put_piece(self, digest: bytes, piece: Sequence[bytes | memoryview]) -> None:
        if self._usable_folder():
            self._write_checked(self._by_state(digest, "piece"), digest, piece)

    def drop_piece(self, digest: bytes) -> None:
        _unlink(self._by_state(digest, "piece"))

    def get_listing(self, folder: Path, state: bytes) -> memoryview | None:
        """The listing stored for a folder whose files had this state (see listing.py), as
        it was put; None when there is none, or it is corrupt or foreign. Listings are kept
        by the state, the files' paths within the folder and their bytes: a renamed folder
        or a second checkout of the same claims finds the one already made."""
        return self._read_checked(self._by_state(state, "list"), state)

    def put_listing(
        self, folder: Path, state: bytes, listing: Sequence[bytes | memoryview]
    ) -> None:
        """Store a folder's listing, given in pieces: joined, a large folder's JSON would be
        copied whole for nothing. The folder's listing before it is removed, and the folder
        points to this one (what after_edit starts from)."""
        if not self._usable_folder():
            return
        before = self._pointed(folder)
        self._write_checked(self._by_state(state, "list"), state, listing)
        self._write_checked(self._pointer(folder), state, [])
        if before is not None and before != state:
            _unlink(self._by_state(before, "list"))

    def _read_checked(self, target: Path, key: bytes) -> memoryview | None:
        """What _write_checked stored under this key (a file's digest, a folder's state);
        None when the file is missing, or its checksum or its key do not match."""
        found = self._read_verified(target)
        return None if found is None or found[0] != key else found[1]

    def _read_verified(self, target: Path) -> tuple[bytes, memoryview] | None:
        """The key and the body _write_checked stored, if its checksum holds."""
        raw = _regular_bytes(target) if self._usable_folder() else None
        if raw is None or not raw.startswith(MAGIC):
            return None
        view = memoryview(raw)
        checksum = view[len(MAGIC) : len(MAGIC) + DIGEST_SIZE]
        payload = view[len(MAGIC) + DIGEST_SIZE :]
        if file_digest(payload) != checksum:
            return None
        body = payload[DIGEST_SIZE:]
        if _packed(target):
            unpacked = _unpack(body)
            if unpacked is None:
                return None
            body = memoryview(unpacked)
        return bytes(payload[:DIGEST_SIZE]), body

    def get_derived(self, folder: Path, kind: str, key: bytes) -> memoryview | None:
        """What a command derived from the folder's records and stored under this key (the
        index of `match`: match/stored.py); None when there is none, or it is stale,
        corrupt or foreign. Folder.keep_latest keeps one a question, replaced at each edit."""
        return self._read_checked(self._by_state(key, kind), key)

    def put_derived(
        self, folder: Path, kind: str, key: bytes, pieces: Sequence[bytes | memoryview]
    ) -> None:
        if self._usable_folder():
            self._write_checked(self._by_state(key, kind), key, pieces)

    def drop_derived(self, kind: str, key: bytes) -> None:
        """Remove what is kept under this key, if anything is (an answer an edit replaced)."""
        if self._usable_folder():
            _unlink(self._by_state(key, kind))

    def sweep_kind(self, kind: str) -> None:
        """Of one kind of kept file, the newest few (KEPT_OF_KIND) and no more: what `extract`
        keeps of an article serves no folder, and no folder's load sweeps it."""
        if not self._usable_folder():
            return
        found: list[tuple[float, Path]] = []
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for item in entries:
                if item.name.endswith(f".{kind}") and _OUR_FILES.fullmatch(item.name):
                    found.append((item.stat(follow_symlinks=False).st_mtime, Path(item.path)))
        found.sort(reverse=True)
        for _, path in found[KEPT_OF_KIND.get(kind, FOLDERS_KEPT) :]:
            _unlink(path)

    def any_listing(self, folder: Path) -> tuple[bytes, memoryview] | None:
        """The folder's listing whatever state it was made for, with that state: after an
        edit, what the folder was (listing.after_edit)."""
        state = self._pointed(folder)
        return None if state is None else self._read_verified(self._by_state(state, "list"))

    def drop_listing(self, folder: Path) -> None:
        """Remove a listing that can no longer serve its folder (listing._edit)."""
        state = self._pointed(folder)
        if state is not None:
            _unlink(self._by_state(state, "list"))
            _unlink(self._pointer(folder))

    def _pointer(self, folder: Path) -> Path:
        """The folder's own file: which state its last listing was made for."""
        return self._entry(folder).with_suffix(".last")

    def _pointed(self, folder: Path) -> bytes | None:
        found = self._read_verified(self._pointer(folder))
        return None if found is None else found[0]

    def _by_state(self, key: bytes, kind: str) -> Path:
        """Where what is kept under a key goes (a folder's state, match's key, the digest of
        a file's bytes for its piece): by that alone."""
        name = hashlib.blake2b(self.version + kind.encode() + key, digest_size=20).hexdigest()
        return self.folder / f"{name}.{kind}"

    def _write_checked(
        self, target: Path, key: bytes, pieces: Sequence[bytes | memoryview]
    ) -> None:
        """MAGIC, then a checksum of the rest, then the key, then the pieces (packed, for
        every kind but match's index: see _packed)."""
        if _packed(target):
            pieces = _pack(pieces)
        hasher = hashlib.sha256(key)  # as file_digest
        for piece in pieces:
            hasher.update(piece)
        self._write(target, [MAGIC, hasher.digest(), key, *pieces])

    def was_clean(self, folder: Path, state: bytes) -> Counts | None:
        """The counts of records of this folder's last load, if it was without a problem and
        the folder's files (paths and digests, `state`) are as they were then. A folder has
        one mark, rewritten at each clean load, so marks never pile up."""
        if not self._usable_folder():
            return None
        try:
            raw = self._by_state(state, "clean").read_bytes()
        except OSError:
            return None
        expected = MAGIC + self.version + state
        if not raw.startswith(expected):
            return None
        return Counts.from_json(raw[len(expected) :])

    def mark_clean(self, folder: Path, state: bytes, counts: Counts) -> None:
        if self._usable_folder():
            mark = MAGIC + self.version + state + counts.to_json()
            self._write(self._by_state(state, "clean"), mark)

    def sweep(self, current: Collection[bytes]) -> None:
        """Keep the cache's disk use in proportion to the folders it serves: entries and
        listing pieces of bytes no file has any more (each edit leaves one of each behind)
        go once they outnumber the folder's own, oldest first, and never those of the
        `current` files' digests; of each kind of folder file (listing, clean mark, match's
        index), the newest few are kept; temporary files a killed write left behind go after
        an hour. Run after a load that parsed a file anew, or a listing brought up to date
        after an edit, so an unchanged folder pays nothing."""
        if not self._usable_folder():
            return
        keep = {self._content_entry(d).name for d in current}
        keep |= {self._by_state(d, "piece").name for d in current}
        by_kind: dict[str, list[tuple[float, Path]]] = {}
        now = time.time()
        with contextlib.suppress(OSError), os.scandir(self.folder) as found:
            for item in found:
                if not item.is_file(follow_symlinks=False):
                    continue
                age = item.stat(follow_symlinks=False).st_mtime
                name = item.name
                if _TEMPORARY.fullmatch(name) and now - age > STRAY_AFTER:
                    _unlink(Path(item.path))
                elif _OUR_FILES.fullmatch(name) and name not in keep:
                    by_kind.setdefault(name.rpartition(".")[2], []).append((age, Path(item.path)))
        for kind, files in by_kind.items():
            if kind in _BY_CONTENT and len(files) <= len(current) + SPARE_ENTRIES:
                continue
            files.sort(reverse=True)
            kept = SPARE_ENTRIES if kind in _BY_CONTENT else KEPT_OF_KIND.get(kind, FOLDERS_KEPT)
            for _, path in files[kept:]:
                _unlink(path)

    def _write(self, target: Path, data: bytes | Sequence[bytes | memoryview]) -> None:
        with contextlib.suppress(OSError):
            replace_file(target, data, durable=False)

    def _entry(self, path: Path) -> Path:
        """Where a folder's own files go (listing, clean mark, match's index): by its path."""
        name = hashlib.blake2b(
            self.version + os.fsencode(os.path.abspath(path)), digest_size=20
        ).hexdigest()
        return self.folder / f"{name}.entry"

    def _content_entry(self, digest: bytes) -> Path:
        """Where the records of a file with these bytes go: by its content alone."""
        name = hashlib.blake2b(self.version + digest, digest_size=20).hexdigest()
        return self.folder / f"{name}.entry"

    def _dump(self, kind: str, items: list[Any]) -> bytes:
        # Leaving out None gives back the same record, since every field that can be None
        # defaults to None (a test holds the models to that); it dumps in about half the time
        # of leaving out what was unset.
        from factcheck.model import records_adapter  # not for listings and marks: see Counts

        return records_adapter(kind).dump_json(items, by_alias=True, exclude_none=True)

    def _decode(self, body: memoryview) -> list[tuple[str, list[Any]]] | None:
        lines = bytes(body).split(b"\n")
        try:
            kinds = self._kinds(lines[0])
            if kinds is None or len(lines) != len(kinds) + 2 or lines[-1]:
                return None
            return [
                (kind, self._load(kind, line)) for kind, line in zip(kinds, lines[1:], strict=False)
            ]
        except ValueError:  # pydantic's ValidationError is one
            return None

    def _kinds(self, line: bytes) -> list[str] | None:
        kinds = json.loads(line)
        from factcheck.model import RECORD_KINDS

        known = {*RECORD_KINDS, "lexicon"}
        if not isinstance(kinds, list) or not all(
            isinstance(kind, str) and kind in known for kind in kinds
        ):
            return None
        return kinds if len(set(kinds)) == len(kinds) else None

    def _load(self, kind: str, line: bytes) -> list[Any]:
        from factcheck.model import records_adapter

        return list(records_adapter(kind).validate_json(line, context=FROM_CACHE))

    def _usable_folder(self) -> bool:
        if self._usable is None:
            self._usable = _private_folder(self.root) and self._version_folder()
        return self._usable

    def _version_folder(self) -> bool:
        if self.folder.is_dir():
            return True
        try:
            self.folder.mkdir(mode=0o700)
            (self.folder / MARKER).write_bytes(MARKER_TEXT)
        except OSError:
            return False
        for other in self.root.iterdir():
            if other != self.folder and _VERSION_FOLDER.fullmatch(other.name):
                _remove_our_files(other)
        return True


# A version folder says it is ours: FACTCHECK_CACHE_DIR may name a folder shared with other
# things, and a folder of the same shape that is not ours is never touched.
MARKER = ".factcheck-cache"
MARKER_TEXT = b"a cache folder of factcheck: its files may be deleted at any time\n"
# Every kind of file the cache writes; a kind left out here is never swept nor removed with
# its version's folder (the kept answers of check and compare were, for a while).
_KINDS = "entry|piece|list|clean|match|archive|last|check|compare|parts|extract|tokens"
_OUR_FILES = re.compile(rf"[0-9a-f]{{40}}\.(?:{_KINDS})|\.[0-9a-f]{{40}}\..*")
_BY_CONTENT = ("entry", "piece")  # kept by a file's bytes, swept as spares


# Entries of bytes no current file has that a sweep leaves (other checkouts, recent versions
# of files: an edit undone finds its entry); folders whose listing, clean mark and index are
# kept; and the age past which a temporary file is a killed write's, not one under way.
SPARE_ENTRIES = 256
FOLDERS_KEPT = 4
# Clean marks and the pointers to a folder's last listing are a few hundred bytes each: many
# folders keep theirs.
# What `extract` read of an article: a desk reads a few articles again (another --top, then
# --write), not yesterday's.
# The merges that tokenize match's queries (text/bpe.py): one for the installed tokenizer.
KEPT_OF_KIND = {"clean": 64, "last": 64, "extract": 16, "tokens": 2}
STRAY_AFTER = 3600.0
_TEMPORARY = re.compile(rf"\.[0-9a-f]{{40}}\.(?:{_KINDS})\..+")


# What is kept is mostly JSON, which zlib's fastest level makes 6 to 20 times smaller at
# about 400 MB/s, and unpacks at about 700 MB/s (docs/cache.md): at 50k claims the cache
# goes from 12.6x the folder's size to under 3x for about 0.1 s of a warm command. Match's
# index is vectors, which pack poorly (37 to 27 MB at 0.7 s); it stays as it is.
_UNPACKED = frozenset({".match", ".tokens"})  # numbers, read at every query
PACK_LEVEL = 1
_LENGTH_SIZE = 8


def _packed(target: Path) -> bool:
    return target.suffix not in _UNPACKED


def _pack(pieces: Sequence[bytes | memoryview]) -> list[bytes]:
    """The pieces as one zlib stream behind their whole length, without joining them."""
    packer = zlib.compressobj(PACK_LEVEL)
    packed = [packer.compress(piece) for piece in pieces]
    packed.append(packer.flush())
    length = sum(len(piece) for piece in pieces)
    return [length.to_bytes(_LENGTH_SIZE, "big"), *packed]


def _unpack(body: memoryview) -> bytes | None:
    """What _pack packed; None unless it unpacks to exactly the length it states, so that a
    damaged file can neither pass for another nor unpack without bound."""
    if len(body) < _LENGTH_SIZE:
        return None
    length = int.from_bytes(body[:_LENGTH_SIZE], "big")
    unpacker = zlib.decompressobj()
    try:  # one byte past the length stated, so that more is seen and never unpacked
        unpacked = unpacker.decompress(body[_LENGTH_SIZE:], length + 1)
    except (zlib.error, OverflowError):
        return None
    if len(unpacked) != length or not unpacker.eof or unpacker.unused_data:
        return None
    return unpacked


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _remove_our_files(folder: Path) -> None:
    """Delete another version's folder: only if it is marked as ours, only the files we
    write there (entries, listings, marks, indexes, and their temporary files), and the
    folder itself only when that leaves it empty."""
    try:
        if not folder.is_dir() or folder.is_symlink():
            return
        if (folder / MARKER).read_bytes() != MARKER_TEXT:
            return
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink() and _OUR_FILES.fullmatch(path.name):
                path.unlink()
        (folder / MARKER).unlink()
        folder.rmdir()
    except OSError:
        return


def _private_folder(folder: Path) -> bool:
    """Make the cache folder if need be; use it only if it is ours and nobody else can write
    in it (as ssh treats ~/.ssh), so that another user cannot plant entries."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _version_digest() -> bytes:
    """The tool's version, pydantic's, and the source of every module of the package: what
    decides whether a record is valid is spread over the models, the loader's cross-file
    rules and what they import, and a hand-kept list of them once left out the loader (a
    new rule in a development install left old clean marks saying "valid"). Every module is
    hashed (70 files, a few ms), so no list can fall behind. A command opens the cache more
    than once (four times for a first `list --json`): the digest is kept for as long as no
    module's size or time of change is other than when it was made."""
    import pydantic

    files = source_files()
    state = (str(PACKAGE), factcheck.__version__, pydantic.VERSION,
             tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))  # fmt: skip
    return _digest_of(state)


@functools.lru_cache(maxsize=1)  # the last digest, by the state it was made of
def _digest_of(state: tuple[Any, ...]) -> bytes:
    import pydantic

    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    hasher.update(f"{factcheck.__version__}\0{pydantic.VERSION}\0".encode())
    for name, _size, _changed in state[3]:
        path = Path(name)
        hasher.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        hasher.update(path.read_bytes())  # a module that cannot be read is an error
    return hasher.digest()


PACKAGE = Path(factcheck.__file__).resolve().parent


def source_files() -> list[Path]:
    """Every Python module of the package, in a fixed order."""
    return sorted(PACKAGE.rglob("*.py"))


@dataclass(frozen=True)
class Unchanged:
    """A folder whose every file has the bytes it had at its last clean load."""

    state: bytes  # the digest of every file's path and bytes, as the cache keeps it
    counts: Counts
    skipped: list[str]  # hidden files and folders, not read
    digests: list[bytes]  # of each file's bytes, in the folder's order of its files


def unchanged_since_clean(root: Path, cache: Cache | None) -> Unchanged | None:
    """The folder's state and counts when not a byte has changed since a load found no
    problem in it (under this version); None otherwise, or without a cache."""
    if cache is None or not root.is_dir():
        return None
    found = folder_files(root)
    if not found.files or found.problems:
        return None
    digests = []
    for path in found.files:
        try:
            digests.append(file_digest(file_bytes(path)))
        except OSError:
            return None
    keys = [file_key(root, path, digest) for path, digest in zip(found.files, digests, strict=True)]
    state = file_digest(b"\0".join(keys))
    counts = cache.was_clean(root, state)
    return None if counts is None else Unchanged(state, counts, found.skipped, digests)


def file_key(root: Path, path: Path, digest: bytes) -> bytes:
    """A file's place in a folder's state: its path within the folder and its bytes' digest,
    so that the same claims anywhere (renamed, checked out twice) have the same state."""
    return os.fsencode(os.path.relpath(path, root)) + b"\0" + digest


def _regular_bytes(target: Path) -> bytes | None:
    """A cache file's bytes, only if it is a regular file and not a link: an entry replaced
    by a link to /dev/zero was read without end, and a FIFO blocked the command."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(target, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(status.st_size)
    except OSError:
        return None
    finally:
        os.close(descriptor)
