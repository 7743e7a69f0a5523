"""Find, parse and validate the TOML files of a claims folder; collect every problem in one run."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli
from pydantic import BaseModel, ValidationError

from factcheck.figures import expression
from factcheck.folder.allocation import no_cyclic_gc
from factcheck.folder.cache import Cache, Counts, file_digest, file_key
from factcheck.folder.discovery import file_bytes, folder_files, shown
from factcheck.folder.problems import ClaimsError, Problem
from factcheck.model import (
    PATTERN_HELP,
    RECORD_KINDS,
    Check,
    Claim,
    LexiconExtension,
    Quantity,
    Rating,
    Source,
    part_reference,
    records_adapter,
    split_reference,
)

BOM = b"\xef\xbb\xbf"
SINGULAR = {"sources": "source", "claims": "claim", "checks": "check", "ratings": "rating"}


@dataclass
class Corpus:
    """Everything in a claims folder, validated; records keep the order of the files."""

    root: Path
    files: list[Path] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    ratings: dict[str, Rating] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    lexicon: list[LexiconExtension] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # hidden files and folders, not read
    # The digest of every file's path and bytes, when the folder loaded cleanly through the
    # cache: what a listing of the folder is kept under (listing.py).
    state: bytes | None = None
    cached_files: int = 0  # of `files`, how many came from the cache, unparsed
    # Loaded with keep_going: the folder's problems, whose records were left out.
    left_out: list[Problem] = field(default_factory=list)
    left_out_ids: set[str] = field(default_factory=set)  # still taken: no new record gets one
    left_out_records: list[str] = field(default_factory=list)  # "claim 'x'", for the note
    digests: dict[Path, bytes] = field(default_factory=dict)  # of each file read, when cached

    def quantity(self, reference: str) -> Quantity | None:
        claim_id, name = split_reference(reference)
        claim = self.claims.get(claim_id)
        return claim.quantities.get(name) if claim else None

    def taken_ids(self) -> set[str]:
        """Every ID in the folder: sources, claims, checks and ratings share one space (the
        loader refuses one ID used by two records of any kinds), so a new record must too."""
        return {*self.sources, *self.claims, *self.checks, *self.ratings, *self.left_out_ids}

    def disputed_by(self, claim_id: str) -> list[str]:
        return [c.id for c in self.claims.values() if claim_id in c.disputes]


STDIN = "<stdin>"
# Rounds of leaving out records whose references lead to a record left out: a chain of
# figures that are parts of parts is rarely more than a few deep.
LEAVE_OUT_ROUNDS = 8


def load_document(where: str, data: bytes, keep_going: bool = False) -> Corpus:
    """Load and validate one claims document (a single file, or what `--claims -` reads from
    standard input). Raises ClaimsError naming every problem found (see load for
    keep_going)."""
    loader = _Loader(Corpus(root=Path(where)))
    with no_cyclic_gc():
        loader.read_document(where, data)
        loader.check_references()
    return loader.finished(keep_going)


def load(root: Path, cache: Cache | None = None, keep_going: bool = False) -> Corpus:
    """Load and validate a claims folder, or one .toml file. Raises ClaimsError naming every
    problem found; with keep_going, only when nothing can be read at all: otherwise the
    records that have problems, and those that need them, are left out, and the problems
    are in the corpus's `left_out` (one typo in one file must not stop a whole desk from
    reading the rest). With a cache, files whose bytes are unchanged since a clean load are
    not parsed again (see cache.py)."""
    if root.is_file() and root.suffix == ".toml":
        try:
            data = root.read_bytes()
        except OSError as error:
            raise ClaimsError([Problem(shown(root), f"cannot be read: {error.strerror}")]) from None
        corpus = load_document(shown(root), data, keep_going)
        corpus.files = [root]
        return corpus
    if not root.exists():
        raise ClaimsError(
            [Problem(shown(root), "no such folder; create it or point --claims at your claims")]
        )
    if not root.is_dir():
        raise ClaimsError(
            [Problem(shown(root), "is not a claims folder or a .toml file; pass the folder")]
        )
    found = folder_files(root)
    unreadable = [Problem(path, message) for path, message in found.problems]
    if not found.files:
        hidden = f" (skipped as hidden: {', '.join(found.skipped)})" if found.skipped else ""
        message = f"no .toml files found{hidden}; add one (see docs/records.md)"
        raise ClaimsError([*unreadable, Problem(shown(root), message)])
    loader = _Loader(Corpus(root=root, files=found.files, skipped=found.skipped), cache)
    loader.problems.extend(unreadable)
    with no_cyclic_gc():
        for path in found.files:
            loader.read_file(path)
        if cache is not None and cache.misses:  # a file parsed anew: an old entry may be spare
            cache.sweep(loader.corpus.digests.values())
        # The references of a folder whose every file is as it was at a clean load are as
        # they were: checked then, they need no second check (see cache.py).
        state = loader.folder_state()
        if state is None or cache is None or cache.was_clean(root, state) is None:
            loader.check_references()
            if cache is not None and state is not None and not loader.problems:
                cache.mark_clean(root, state, Summary.of(loader.corpus).counts)
        if state is not None and not loader.problems:
            loader.corpus.state = state
    return loader.finished(keep_going)


@dataclass(frozen=True)
class Summary:
    """What `validate` reports of a valid folder: how many of each, and what was skipped."""

    counts: Counts
    skipped: list[str]

    @staticmethod
    def of(corpus: Corpus) -> Summary:
        counts = Counts(
            files=len(corpus.files),
            sources=len(corpus.sources),
            claims=len(corpus.claims),
            checks=len(corpus.checks),
            ratings=len(corpus.ratings),
        )
        return Summary(counts, corpus.skipped)


def read_alone(
    path: Path, root: Path, cache: Cache | None, data: bytes | None = None
) -> Corpus | None:
    """One file of a folder, parsed and validated (through the cache, if given), its
    references to other files not checked; None when it has any problem of its own. `data`:
    the file's bytes as the caller read them, so that the records and the digest the caller
    took of them come from one read, whatever an editor saves in between."""
    loader = _Loader(Corpus(root=root, files=[path]), cache)
    with no_cyclic_gc():
        loader.read_file(path, data)
    return None if loader.problems else loader.corpus


def read_files(paths: Sequence[Path], root: Path, cache: Cache | None) -> Corpus | None:
    """Some files of a folder, each parsed and validated (through the cache, if given), their
    references to files not among them not checked; None when one has a problem of its own
    (check_parts.py reads the files an edit reaches)."""
    loader = _Loader(Corpus(root=root, files=list(paths)), cache)
    with no_cyclic_gc():
        for path in paths:
            loader.read_file(path)
    return None if loader.problems else loader.corpus


def position_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def decode(path: str, data: bytes) -> str:
    """UTF-8 text of a claims file, or a ClaimsError that says where and how to fix it."""
    if data.startswith(BOM):
        raise ClaimsError(
            [Problem(path, "starts with a byte-order mark; save as UTF-8 without BOM")]
        )
    if b"\x00" in data:
        line, column = position_of(data, data.index(b"\x00"))
        raise ClaimsError(
            [Problem(path, "contains a NUL byte; is this a text file?", line, column)]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position_of(data, error.start)
        raise ClaimsError(
            [Problem(path, "is not valid UTF-8; save the file as UTF-8", line, column)]
        ) from None


class _Loader:
    def __init__(self, corpus: Corpus, cache: Cache | None = None) -> None:
        self.corpus = corpus
        self.cache = cache
        self._file_keys: list[bytes] = []  # the path and digest of every file read
        self._invalid_ids: set[str] = set()  # records present but invalid (their IDs)
        self._needing_left_out: set[str] = set()  # records that refer to an invalid one
        self.problems: list[Problem] = []
        self._ids: dict[str, tuple[str, str]] = {}
        # Where each kind's records go: one ID space across kinds, one table per kind.
        self._tables: dict[str, dict[str, Any]] = {
            "sources": corpus.sources,
            "claims": corpus.claims,
            "checks": corpus.checks,
            "ratings": corpus.ratings,
        }

    def finished(self, keep_going: bool) -> Corpus:
        """The corpus, or ClaimsError naming every problem (see load)."""
        if not self.problems:
            return self.corpus
        from factcheck.folder.locate import with_lines  # only when there is something to place

        self.corpus.left_out_ids.update(self._invalid_ids)
        if keep_going and self.leave_out_what_has_problems():
            self.corpus.left_out = with_lines(list(dict.fromkeys(self.problems)))
            return self.corpus
        raise ClaimsError(with_lines(self.problems))

    def leave_out_what_has_problems(self) -> bool:
        """Take out each record a problem names, then check the references of the rest
        again, since they may have pointed at one taken out (a check of a left-out claim's
        figure), until nothing more goes. False when that does not settle in a few rounds."""
        removed: list[str] = []
        for _ in range(LEAVE_OUT_ROUNDS):
            named = {p.record for p in self.problems if p.record} | self._needing_left_out
            gone = [
                (table, record_id, label)
                for kind, table in self._tables.items()
                for record_id in table
                if (label := f"{SINGULAR[kind]} '{record_id}'") in named
            ]
            if not gone:
                named_first = [p.record or f"file {p.path}" for p in self.problems]
                self.corpus.left_out_records = list(dict.fromkeys(named_first + removed))
                return True
            for table, record_id, label in gone:
                del table[record_id]
                self.corpus.left_out_ids.add(record_id)
                removed.append(label)
            self.check_references()
        return False

    def read_file(self, path: Path, data: bytes | None = None) -> None:
        """Read one file once: its digest (the cache's key) and its records are taken from
        the same bytes, so an entry can never hold one version under another's digest."""
        where = shown(path)
        if data is None:
            try:
                data = file_bytes(path)
            except OSError as error:
                self.problems.append(Problem(where, f"cannot be read: {error.strerror}"))
                return
        if self.cache is None:
            self.read_document(where, data)
            return
        digest = file_digest(data)
        self.corpus.digests[path] = digest
        self._file_keys.append(file_key(self.corpus.root, path, digest))
        cached = self.cache.get(digest)
        if cached is not None:
            self.corpus.cached_files += 1
            for kind, records in cached:
                self._add_valid(where, kind, records)
            return
        problems_before = len(self.problems)
        records = self.read_document(where, data)
        if len(self.problems) == problems_before:  # a problem is never cached as success
            self.cache.put(digest, records)

    def folder_state(self) -> bytes | None:
        """What the files read were: their paths and digests, in order; None when some
        could not be read or had problems."""
        if self.problems or self.cache is None:
            return None
        return file_digest(b"\0".join(self._file_keys))

    def read_document(self, where: str, data: bytes) -> list[tuple[str, list[Any]]]:
        """Parse and validate one document; return its valid records by kind, in its order."""
        try:
            document = tomli.loads(decode(where, data))
        except ClaimsError as error:
            self.problems.extend(error.problems)
            return []
        except tomli.TOMLDecodeError as error:
            self.problems.append(
                Problem(where, f"TOML syntax: {error.msg}", error.lineno, error.colno)
            )
            return []
        except (RecursionError, ValueError, MemoryError) as error:
            # tomli gives up on some hostile input with other errors than TOMLDecodeError,
            # and without a position: find the place ourselves.
            self.problems.append(_beyond_parser(where, data, error))
            return []
        valid: list[tuple[str, list[Any]]] = []
        for kind, records in document.items():
            if kind == "lexicon":
                valid.append((kind, self._validate_lexicon(where, records)))
            elif kind not in RECORD_KINDS:
                known = ", ".join(f"[[{k}]]" for k in RECORD_KINDS) + " and [lexicon]"
                self.problems.append(
                    Problem(
                        where, f"unknown {_toml_shape(kind, records)}; a claims file holds {known}"
                    )
                )
            elif not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                self.problems.append(
                    Problem(where, f"'{kind}' must be an array of tables: write [[{kind}]]")
                )
            else:
                valid.append((kind, self._validate_records(where, kind, records)))
        for kind, items in valid:
            self._add_valid(where, kind, items)
        return valid

    def _add_valid(self, where: str, kind: str, records: list[Any]) -> None:
        if kind == "lexicon":
            self.corpus.lexicon.extend(records)
            return
        table = self._tables[kind]
        ids, origin, singular = self._ids, self.corpus.origin, SINGULAR[kind]
        for record in records:
            if record.id in ids:
                self._duplicate(where, kind, record)
                continue
            ids[record.id] = (where, singular)
            origin[record.id] = where
            table[record.id] = record

    def _duplicate(self, path: str, kind: str, record: Source | Claim | Check | Rating) -> None:
        first_path, first_kind = self._ids[record.id]
        self.problems.append(
            Problem(
                path,
                f"duplicate ID; first used by a {first_kind} in {first_path}",
                record=f"{SINGULAR[kind]} '{record.id}'",
            )
        )

    def _validate_lexicon(self, path: str, raw: Any) -> list[LexiconExtension]:
        try:
            return [LexiconExtension.model_validate(raw)]
        except ValidationError as error:
            for detail in error.errors():
                loc = list(detail["loc"])
                self.problems.append(
                    Problem(path, friendly_message("lexicon", loc, detail), record="lexicon",
                            field=_field_path(loc))
                )  # fmt: skip
            return []

    def _validate_records(self, path: str, kind: str, raw: list[dict[str, Any]]) -> list[Any]:
        # One call validates the whole list quickly; only when it fails do we go record by
        # record, so that the valid records still count when references are checked.
        try:
            return list(records_adapter(kind).validate_python(raw))
        except ValidationError as error:
            self.problems.extend(_schema_problems(path, kind, raw, error))
        records = []
        for item in raw:
            try:
                records.append(RECORD_KINDS[kind].model_validate(item))
            except ValidationError:
                if isinstance(item.get("id"), str):
                    self._invalid_ids.add(item["id"])
                continue
        return records

    def check_references(self) -> None:
        corpus = self.corpus
        parent: dict[str, str] = {}  # quantity -> the whole it is part of, both existing
        for claim in corpus.claims.values():
            # Most claims refer to nothing missing: the label and place are made only for
            # a problem, not for every claim.
            if claim.source is not None and claim.source not in corpus.sources:
                self._claim_refers(claim, "source", f"source '{claim.source}'")
            for other in claim.disputes:
                if other not in corpus.claims:
                    self._claim_refers(claim, "disputes", f"claim '{other}'")
            rating = claim.review.rating if claim.review else None
            if rating is not None and rating not in corpus.ratings:
                self._claim_refers(claim, "review.rating", f"rating '{rating}'")
            for name, quantity in claim.quantities.items():
                if quantity.change_from is not None or quantity.change_to is not None:
                    self._change_ends(claim, name, quantity)
                if quantity.part_of is not None:
                    self._part_of(claim, name, quantity.part_of, parent)
        self._part_of_cycles(parent)
        for check in corpus.checks.values():
            where = corpus.origin[check.id]
            label = f"check '{check.id}'"
            if check.claim is not None and corpus.quantity(check.claim) is None:
                self._unknown(where, label, "claim", f"quantity '{check.claim}'")
            for reference in expression.references(check.compute):
                if corpus.quantity(reference) is None:
                    self._unknown(where, label, "compute", f"quantity '{reference}'")

    def _claim_refers(self, claim: Claim, field_name: str, what: str) -> None:
        self._unknown(self.corpus.origin[claim.id], f"claim '{claim.id}'", field_name, what)

    def _change_ends(self, claim: Claim, name: str, quantity: Quantity) -> None:
        for end, written in (("from", quantity.change_from), ("to", quantity.change_to)):
            if written is not None:
                target = part_reference(claim.id, written)
                if self.corpus.quantity(target) is None:
                    self._claim_refers(claim, f"quantities.{name}.{end}", f"quantity '{target}'")
        if (quantity.change_from is None) != (quantity.change_to is None):
            self.problems.append(
                Problem(self.corpus.origin[claim.id], "a change needs both 'from' and 'to'",
                        record=f"claim '{claim.id}'", field=f"quantities.{name}")
            )  # fmt: skip

    def _part_of(self, claim: Claim, name: str, part_of: str, parent: dict[str, str]) -> None:
        target = part_reference(claim.id, part_of)
        reference = f"{claim.id}.{name}"
        if target == reference:
            self.problems.append(
                Problem(self.corpus.origin[claim.id], "a quantity cannot be part of itself",
                        record=f"claim '{claim.id}'", field=f"quantities.{name}.part_of")
            )  # fmt: skip
        elif self.corpus.quantity(target) is None:
            self._claim_refers(claim, f"quantities.{name}.part_of", f"quantity '{target}'")
        else:
            parent[reference] = target

    def _part_of_cycles(self, parent: dict[str, str]) -> None:
        """`part_of` links that lead back to where they started: no whole can hold itself.

        Each quantity has at most one `part_of` (`parent`), so following the links from every
        quantity, and never walking a quantity twice, finds every cycle in time linear in the
        records."""
        corpus = self.corpus
        if not parent.keys() & set(parent.values()):
            return  # no whole is itself a part: no chain is longer than one link
        done: set[str] = set()
        for start in parent:
            path: list[str] = []
            on_path: set[str] = set()
            node: str | None = start
            while node is not None and node not in done and node not in on_path:
                path.append(node)
                on_path.add(node)
                node = parent.get(node)
            if node is not None and node in on_path:
                cycle = path[path.index(node) :]
                claim_id, name = split_reference(cycle[0])
                self.problems.append(
                    Problem(
                        corpus.origin[claim_id],
                        "part_of forms a cycle: " + " -> ".join([*cycle, cycle[0]])
                        + "; a whole cannot be part of its own parts",
                        record=f"claim '{claim_id}'",
                        field=f"quantities.{name}.part_of",
                    )
                )  # fmt: skip
            done.update(path)

    def _unknown(self, path: str, label: str, field_name: str, what: str) -> None:
        # A reference to a record that is there but has a problem of its own ("speker_role")
        # is not a second problem: that record's problem is reported, and is the one to fix.
        target = what.split("'")[1] if what.count("'") >= 2 else ""
        if target.split(".")[0] in self._invalid_ids:
            self._needing_left_out.add(label)  # left out with it, when reading goes on
            return
        self.problems.append(
            Problem(path, f"refers to {what}, which does not exist", record=label, field=field_name)
        )


_LONG_INTEGER = re.compile(rb"[0-9_]{4300,}")
_OPENERS = frozenset(b"[{")
_CLOSERS = frozenset(b"]}")
MAX_NESTING = 100  # arrays and inline tables; real claims files nest two or three deep
MAX_KEY_PARTS = 100  # parts of one dotted key or table header


def _beyond_parser(where: str, data: bytes, error: BaseException) -> Problem:
    """A Problem, with its place, for input the TOML parser cannot handle at all."""
    match = _LONG_INTEGER.search(data)
    if isinstance(error, ValueError) and match:
        line, column = position_of(data, match.start())
        return Problem(where, "TOML: a number of over 4,300 digits; write it as a string",
                       line, column)  # fmt: skip
    depth = 0
    for offset, byte in enumerate(data):
        depth += (byte in _OPENERS) - (byte in _CLOSERS)
        if depth > MAX_NESTING:
            line, column = position_of(data, offset)
            return Problem(where, f"TOML: arrays or tables nested over {MAX_NESTING} deep; "
                           "flatten them", line, column)  # fmt: skip
    for number, text in enumerate(data.split(b"\n"), start=1):
        if text.count(b".") > MAX_KEY_PARTS:
            return Problem(where, f"TOML: a key of over {MAX_KEY_PARTS} dotted parts; "
                           "shorten it", number, 1)  # fmt: skip
    return Problem(where, f"TOML: the file cannot be parsed ({type(error).__name__}); "
                   "simplify it")  # fmt: skip


def _toml_shape(key: str, value: Any) -> str:
    """How a top-level entry was written: a table, an array of tables, or a plain key."""
    if isinstance(value, dict):
        return f"table [{key}]"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"array of tables [[{key}]]"
    return f"key '{key}' at the top level"


def _schema_problems(
    path: str, kind: str, raw: list[dict[str, Any]], error: ValidationError
) -> list[Problem]:
    problems = []
    for detail in error.errors():
        index, *rest = detail["loc"]
        record = raw[index] if isinstance(index, int) and index < len(raw) else {}
        record_id = record.get("id")
        # A record is named by its ID, unless the ID is what is wrong (or missing).
        label = (
            f"{SINGULAR[kind]} '{record_id}'"
            if isinstance(record_id, str) and rest[:1] != ["id"]
            else f"{SINGULAR[kind]} #{int(index) + 1}"
        )
        problems.append(
            Problem(
                path,
                friendly_message(kind, rest, detail),
                record=label,
                field=_field_path(rest),
            )
        )
    return problems


def _field_path(loc: list[Any]) -> str | None:
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for "the key, not the value", said in the message
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def _model_at(kind: str, loc: list[Any]) -> type[BaseModel]:
    if kind == "lexicon":
        return LexiconExtension
    if kind == "claims" and len(loc) >= 3 and loc[0] == "quantities":
        return Quantity
    return RECORD_KINDS[kind]


def friendly_message(kind: str, loc: list[Any], detail: Any) -> str:
    kind_of_error = detail["type"]
    if kind_of_error == "extra_forbidden":
        fields = _model_at(kind, loc).model_fields
        names = [info.alias or name for name, info in fields.items()]
        import difflib

        nearest = difflib.get_close_matches(str(loc[-1]) if loc else "", names, n=1, cutoff=0.6)
        if nearest:
            return f"unknown field; did you mean '{nearest[0]}'?"
        return f"unknown field; the fields are: {', '.join(names)}"
    if kind_of_error == "missing":
        return "required field is missing"
    if kind_of_error == "too_short":
        return "must not be empty"
    if kind_of_error == "string_pattern_mismatch":
        rule = PATTERN_HELP.get(str(detail["ctx"]["pattern"]), "has the wrong form")
        return rule if rule == "must not be empty" else f"{detail['input']!r} {rule}"
    if kind_of_error in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind_of_error]
    if kind_of_error == "literal_error":
        return f"must be one of: {detail['ctx']['expected']}"
    message = str(detail["msg"])
    return message.removeprefix("Value error, ")


# pydantic's words for a value of the wrong type, in the words of a TOML file.
_TYPE_MESSAGES = {
    "list_type": 'must be a list in square brackets, e.g. ["a", "b"]',
    "string_type": "must be text in quotes",
    "dict_type": 'must be a table, e.g. { value = "3" }',
    "model_type": 'must be a table, e.g. { value = "3" }',
    "model_attributes_type": "must be a table",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "tuple_type": 'must be a pair in square brackets, e.g. ["upheld", "overturned"]',
}
