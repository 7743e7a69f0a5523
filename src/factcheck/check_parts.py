"""`check` after an edit of a few files, in proportion to the edit (issue 29).

A clean, unfiltered `check` keeps its results in the folder's cache as parts: each result's
JSON as the report prints it, with what it was computed from (the files whose records it
reads), its claims and their topics, its verdict and its draft mark. After an edit that the
listing would take (each edited file clean on its own, its reference facts, IDs and links,
as they were: listing.py), every check reads the claims it read and every whole has the parts
it had, so only the results that read an edited file can change: those are computed again
from the files they read, the ratios ("5 of 3") of the edited files' claims are found again
(an edit of a figure can make or unmake one), and the rest are the kept parts. A filter by
topic or claim is applied to them when every topic and claim it names is one they read.
Anything else (files added, removed or renamed, a new ID or reference, a problem, more than
a few files edited) loads the folder, as always. The report is byte-identical to the one
computed whole (tests/test_check_parts.py), and each kept part is checked before it is used.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck import jsonout
from factcheck.checks import (
    CheckFilter,
    CheckReport,
    CheckResult,
    Origin,
    ratios_of,
    recomputed,
    wholes,
)
from factcheck.figures.arithmetic import Verdict
from factcheck.references import split_reference

if TYPE_CHECKING:
    from factcheck.folder.access import Folder
    from factcheck.folder.cache import Cache
    from factcheck.folder.store import Corpus

KIND = "parts"  # the cache's kind of file for them (cache.py)
LAYOUT = b"check-parts 2\n"
ORIGINS = list(Origin)
_CHECKS = b'"checks": []'  # where a report made with no check gets them (json_bytes' form)


VERDICTS = list(Verdict)


class Part(NamedTuple):
    """One result as kept: its place, what it was computed from, and its JSON."""

    origin: int  # its section of the report: declared, parts, ratio, change
    owner: int  # the file it belongs to: its check's, its first part's, its claim's
    files: Sequence[int]  # the files whose records it reads (the owner among them)
    verdict: int  # its place in Verdict
    draft: bool
    row: list[Any]  # its ID, claims, topics, target and a whole's parts (checked when read)
    json: bytes | memoryview  # as the report prints it, indented as in its list of checks


@dataclass(frozen=True)
class Kept:
    """A folder's kept parts, as columns: read in one pass, each column checked whole."""

    files: list[list[str]]  # each file's path within the folder and digest (hex)
    rows: list[Any]
    origins: Sequence[int]
    owners: Sequence[int]
    verdicts: Sequence[int]
    drafts: Sequence[int]
    read_ends: Sequence[int]  # where each part's files end in `read`
    read: Sequence[int]
    ends: Sequence[int]  # where each part's JSON ends in `body`
    body: memoryview

    def __len__(self) -> int:
        return len(self.rows)

    def part(self, n: int) -> Part:
        first = self.read_ends[n - 1] if n else 0
        start = self.ends[n - 1] if n else 0
        return Part(self.origins[n], self.owners[n], self.read[first : self.read_ends[n]],
                    self.verdicts[n], bool(self.drafts[n]), self.rows[n],
                    self.body[start : self.ends[n]])  # fmt: skip


def keep(folder: Folder, corpus: Corpus, report: CheckReport, printed: bytes) -> None:
    """Keep the parts of an unfiltered report of a folder that loaded cleanly (`printed`: the
    report as json_bytes wrote it)."""
    cache = folder.cache
    if cache is None or corpus.state is None or not folder.listable:
        return
    fragments = _fragments(printed, len(report.checks))
    if fragments is None:
        return
    file_of = _files_of(corpus, list(range(len(corpus.files))))
    whole_parts = wholes(corpus)
    parts = [
        _part(result, fragment, corpus, file_of, whole_parts)
        for result, fragment in zip(report.checks, fragments, strict=True)
    ]
    from factcheck.folder.listing import path_hex

    files = [[path_hex(corpus.root, p), corpus.digests[p].hex()] for p in corpus.files]
    encoded = _encoded(files, parts)
    if encoded is not None:
        cache.put_derived(folder.root, KIND, _key(folder.root), encoded)


def after_edit(folder: Folder, failing: list[Verdict], drafts: bool,
               wanted: CheckFilter | None = None) -> tuple[bool, bytes] | None:  # fmt: skip
    """Whether the report fails, and the report as `check --json` prints it, for a folder
    edited in a few files since its parts were kept (or not at all); None when the folder
    must be loaded. `wanted`: the checks of these topics or claims, when each is one the kept
    results read (else the folder is loaded, which knows every topic and claim, and says
    which it has not)."""
    cache = folder.cache
    if cache is None or not folder.listable:
        return None
    raw = cache.get_derived(folder.root, KIND, _key(folder.root))
    kept = None if raw is None else _decoded(raw)
    if kept is None:
        return None
    edit = _edited(folder.root, cache, kept.files)
    if edit is None:
        return None
    edited, digests = edit
    parts = _brought_up_to_date(folder.root, cache, kept, edited)
    if parts is None:
        return None
    if edited:
        # The parts are not written again: the next run starts from the same ones, until
        # more than listing.MAX_EDITED_FILES differ and a load keeps new ones (writing them here
        # would cost a fifth of the run). The entries of the files as they were stay, spares.
        cache.sweep([*digests, *(bytes.fromhex(f[1]) for f in kept.files)])
    if wanted is not None and (wanted.topics or wanted.claim_ids):
        chosen = _chosen(parts, wanted)
        if chosen is None:
            return None
        parts = chosen
    return _report(parts, failing, drafts)


def _chosen(parts: list[Part], wanted: CheckFilter) -> list[Part] | None:
    """The parts run_checks keeps for these topics and claims (checks.py's _kept); None when
    a topic or claim asked for is none the parts read, or a part's row does not check out."""
    try:
        rows = [_checked_row(p.row) for p in parts]
    except (TypeError, ValueError):
        return None
    topics, claims = set(wanted.topics), set(wanted.claim_ids)
    if not topics <= {t for row in rows for t in row[2]}:
        return None
    if not claims <= {c for row in rows for c in row[1]}:
        return None
    return [part for part, (_, read, read_topics, _, _) in zip(parts, rows, strict=True)
            if (not claims or claims & set(read))
            and (not topics or topics & set(read_topics))]  # fmt: skip


def _brought_up_to_date(root: Path, cache: Cache, kept: Kept,
                        edited: set[int]) -> list[Part] | None:  # fmt: skip
    """The parts, those an edit reaches computed again from the files they read."""
    parts = [kept.part(n) for n in range(len(kept))]
    if not edited:
        return parts
    from factcheck.folder.store import read_files

    reached = [n for n, part in enumerate(parts) if not edited.isdisjoint(part.files)]
    needed = sorted(edited | {f for n in reached for f in parts[n].files})
    corpus = read_files([root / _path(kept.files[f][0]) for f in needed], root, cache)
    if corpus is None:
        return None
    file_of = _files_of(corpus, needed)
    ratio = ORIGINS.index(Origin.ratio)
    try:
        for n in reached:
            if parts[n].origin != ratio:
                parts[n] = _again(parts[n], corpus, file_of)
        found = [
            _part(result, _indented(jsonout.json_bytes(result)), corpus, file_of, {})
            for result in ratios_of(corpus, [c for c in corpus.claims if file_of[c] in edited])
        ]
    except (KeyError, TypeError, ValueError):
        return None  # a record not where the kept parts say, or a part forged: load
    kept_parts = [p for p in parts if not (p.origin == ratio and p.owner in edited)]
    ratios = sorted(
        [p for p in kept_parts if p.origin == ratio] + found, key=lambda p: p.owner
    )  # stable: a file's ratios keep their order
    others = [p for p in kept_parts if p.origin != ratio]
    return sorted([*others, *ratios], key=lambda p: p.origin)  # stable, as sections are


def _again(part: Part, corpus: Corpus, file_of: dict[str, int]) -> Part:
    """A kept part computed again (a ValueError when it no longer reads what it read)."""
    result_id, claims, _, target, parts = _checked_row(part.row)
    result = recomputed(corpus, ORIGINS[part.origin], result_id, target, parts)
    if result.claims != claims:
        raise ValueError("a check reads other claims than it did")
    return _part(result, _indented(jsonout.json_bytes(result)), corpus, file_of,
                 {} if parts is None else {target or "": parts})  # fmt: skip


def _report(parts: list[Part], failing: list[Verdict], drafts: bool) -> tuple[bool, bytes]:
    """The report run_checks would make of these results, as json_bytes prints it."""
    failing = sorted(set(failing), key=VERDICTS.index)
    counted = Counter((p.verdict, p.draft) for p in parts)
    failing_places = {VERDICTS.index(v) for v in failing}
    failed = any(n in failing_places and (drafts or not draft) for n, draft in counted)
    empty = CheckReport(
        checks=[],
        counts={v: counted[VERDICTS.index(v), False] for v in Verdict},
        draft_counts={v: counted[VERDICTS.index(v), True] for v in Verdict},
        fail_on=failing,
        drafts_fail=drafts,
        failed=failed,
    )
    printed = jsonout.json_bytes(empty)
    if parts:
        listed = b'"checks": [\n' + b",\n".join(p.json for p in parts) + b"\n  ]"
        printed = printed.replace(_CHECKS, listed, 1)
    return failed, printed


def _part(result: CheckResult, fragment: bytes | memoryview, corpus: Corpus,
          file_of: dict[str, int], whole_parts: dict[str, list[str]]) -> Part:  # fmt: skip
    """A result as kept (a KeyError when a record it reads is not in the corpus)."""
    parts = whole_parts.get(result.target or "") if result.origin is Origin.parts else None
    if result.origin is Origin.declared:
        owner = file_of[result.id]
    elif parts:
        owner = file_of[split_reference(parts[0])[0]]
    else:
        owner = file_of[split_reference(result.target or "")[0]]
    files = sorted({owner, *(file_of[c] for c in result.claims)})
    topics = sorted({t for c in result.claims for t in corpus.claims[c].topics})
    row = [result.id, list(result.claims), topics, result.target, parts]
    return Part(ORIGINS.index(result.origin), owner, files, VERDICTS.index(result.verdict),
                result.draft, row, fragment)  # fmt: skip


def _files_of(corpus: Corpus, numbers: list[int]) -> dict[str, int]:
    """The file each record of the corpus is in, by its number among the folder's files
    (`numbers`: those of the corpus's files, in order)."""
    from factcheck.folder.discovery import shown

    place = {shown(path): numbers[n] for n, path in enumerate(corpus.files)}
    return {record: place[where] for record, where in corpus.origin.items() if where in place}


def _fragments(printed: bytes, count: int) -> list[memoryview] | None:
    """Each check's JSON in the report json_bytes printed, not copied (jsonout.array_items:
    the checks list's objects stand two levels in)."""
    opening = b'"checks": [\n'
    start, end = printed.find(opening), printed.find(b"\n  ],\n")
    if count == 0 or start < 0 or end < start:
        return None
    found = jsonout.array_items(printed, start + len(opening), end, 2)
    return found if len(found) == count else None


def _indented(printed: bytes) -> bytes:
    """A result as json_bytes printed it alone, indented as inside the report's checks."""
    return b"\n".join(b"    " + line for line in printed.split(b"\n"))


def _encoded(files: list[list[str]], parts: list[Part]) -> list[bytes | memoryview] | None:
    """The parts as columns of numbers and one JSON header; None past what they can hold."""
    from factcheck.folder import pieces

    if sum(len(p.json) for p in parts) >= 2**32:
        return None
    ends: list[int] = []
    read_ends: list[int] = []
    read: list[int] = []
    at = 0
    for part in parts:
        at += len(part.json)
        ends.append(at)
        read.extend(part.files)
        read_ends.append(len(read))
    columns = [
        [p.origin for p in parts],
        [p.owner for p in parts],
        [p.verdict for p in parts],
        [int(p.draft) for p in parts],
        read_ends,
        ends,
    ]
    header = {"files": files, "rows": [p.row for p in parts], "read": len(read)}
    numbers = pieces.numbers([n for column in columns for n in column] + read)
    # The JSON as it is, piece by piece: joined, a large report would be copied whole.
    return pieces.framed(LAYOUT, header, [numbers, *(p.json for p in parts)])


def _decoded(raw: memoryview) -> Kept | None:
    """The kept parts, their places and JSON checked: None for anything _encoded would not
    write, and for JSON json_bytes would not print (nothing read from disk reaches a terminal
    unchecked). A part's row is checked when it is used (_checked_row)."""
    from factcheck.folder import pieces

    framed = pieces.unframed(raw, LAYOUT)
    if framed is None:
        return None
    try:
        header = json.loads(bytes(framed[0]))
        files = [_file(entry) for entry in header["files"]]
        rows, count, reads = header["rows"], len(header["rows"]), header["read"]
        if type(rows) is not list or type(reads) is not int or not 0 <= reads < 2**32:
            return None
        width = 4 * (6 * count + reads)
        numbers = pieces.read_numbers(framed[1][:width])
        text = bytes(framed[1][width:])
        body = memoryview(text)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None
    if numbers is None or len(numbers) != 6 * count + reads:
        return None
    origins, owners, verdicts, drafts, read_ends, ends = (
        numbers[k * count : (k + 1) * count] for k in range(6)
    )
    read = numbers[6 * count :]
    checks = [
        all(n < len(ORIGINS) for n in origins),
        all(n < len(files) for n in owners) and all(n < len(files) for n in read),
        all(n < len(VERDICTS) for n in verdicts) and all(n < 2 for n in drafts),
        _ascending(read_ends, reads) and _ascending(ends, len(body)),
        jsonout.made_by_json_bytes(text),
    ]
    if not all(checks):
        return None
    start = first = 0
    for n in range(count):
        if owners[n] not in read[first : read_ends[n]] or not _one_object(body[start : ends[n]]):
            return None
        start, first = ends[n], read_ends[n]
    return Kept(files, rows, origins, owners, verdicts, drafts, read_ends, read, ends, body)


def _ascending(ends: Sequence[int], last: int) -> bool:
    return all(a <= b for a, b in itertools.pairwise(ends)) and (
        ends[-1] == last if len(ends) else last == 0)  # fmt: skip


def _one_object(fragment: bytes | memoryview) -> bool:
    return fragment[:6] == b"    {\n" and fragment[-6:] == b"\n    }"


def _checked_row(row: Any) -> tuple[str, list[str], list[str], str | None, list[str] | None]:
    """A kept part's row, each field of its type (a TypeError or ValueError otherwise)."""
    result_id, claims, topics, target, parts = row
    texts = [result_id, *claims, *topics, *(parts or [])]
    if any(type(t) is not str for t in texts):
        raise TypeError("a kept part's field is not text")
    if target is not None and type(target) is not str:
        raise TypeError("a kept part's target is not text")
    return result_id, list(claims), list(topics), target, None if parts is None else list(parts)


def _file(entry: Any) -> list[str]:
    if type(entry) is not list or len(entry) != 2 or any(type(x) is not str for x in entry):
        raise TypeError("a kept file is not a path and a digest")
    bytes.fromhex(entry[0] + entry[1])  # a ValueError when not hex
    return entry


def _edited(
    root: Path, cache: Cache, files: list[list[str]]
) -> tuple[set[int], list[bytes]] | None:
    """The files edited since the parts were kept, and every file's digest now, when the
    edit is one the listing would take (listing.read_edited: the same files, a few edited,
    each clean on its own with the reference facts it had) and the edited files' records
    stand in the order they had (the report's order follows it); else None."""
    from factcheck.folder import listing
    from factcheck.folder.discovery import folder_files

    found = folder_files(root)
    listed = [listing.ListedFile(path, digest) for path, digest in files]
    if found.problems or [listing.path_hex(root, p) for p in found.files] != [
        f.path for f in listed
    ]:
        return None
    now = listing.digests_now(found, listed)
    if now is None:
        return None
    digests, contents = now
    if len(contents) > listing.MAX_EDITED_FILES:
        return None
    for n, data in contents.items():
        edited = listing.read_edited(found.files[n], data, root, cache, listed[n], keep=True,
                                     same_order=True)  # fmt: skip
        if edited is None:
            return None
    return set(contents), digests


def _key(root: Path) -> bytes:
    """Parts are kept per folder (its path): the next edit starts from the last kept."""
    where = os.fsencode(os.path.abspath(root))
    return hashlib.blake2b(where, digest_size=32).digest()


def _path(relative: str) -> Path:
    return Path(os.fsdecode(bytes.fromhex(relative)))
