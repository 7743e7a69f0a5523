"""How a command gets the claims folder: loaded (through the cache), made for adding, added to
safely; and a file or stdin read with a cap."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.choices import OutputFormat
from factcheck.cli.environment import environment
from factcheck.errors import UsageError as UsageProblem

if TYPE_CHECKING:
    from factcheck.folder.access import Folder
    from factcheck.folder.problems import Problem
    from factcheck.folder.store import Corpus, Summary


def claims_folder(where: str) -> Folder:
    """The folder --claims names, as the library's one way in to it (folder/access.py): a
    folder, one .toml file, or "-" for one document read from standard input now. Noted as
    opened, so that whatever a load of it left out is reported after the command."""
    from factcheck.folder.access import STDIN, Folder

    if not where.strip():
        raise UsageProblem("--claims is empty; give the claims folder (default: ./claims)")
    if where != STDIN:
        folder = Folder.named(where, cached=environment().cache)
    else:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UsageProblem("--claims -: there is no standard input to read")
        folder = Folder(where, None, stream.read())
    environment().opened.append(folder)
    return folder


def load_claims(where: str) -> Corpus:
    """Every record of the folder. Records with problems are left out, and the command, its
    output written, lists the problems and exits 3 (see base.handles_errors); `validate`
    reads strictly instead."""
    return claims_folder(where).corpus()


def left_out() -> Corpus | None:
    """The first folder the command loaded whose records, as last loaded, left some out. A
    folder loaded again (extract --write drafting again after another writer got in) is
    judged by its last load: a problem an earlier load saw and the folder no longer has is
    no problem of the folder's."""
    last: dict[str, Corpus] = {}
    for folder in environment().opened:
        if folder.loaded is not None:
            last.pop(folder.where, None)
            last[folder.where] = folder.loaded
    return next((c for c in last.values() if c.left_out), None)


def list_left_out(corpus: Corpus) -> None:
    from factcheck.output import render, terminal

    render.problems(corpus.left_out, OutputFormat.table)
    named = corpus.left_out_records
    more = f" and {len(named) - 5} more" if len(named) > 5 else ""
    terminal.note(f"left out for these problems: {', '.join(named[:5])}{more}; everything "
                "else was read ('factcheck validate' checks every file)")  # fmt: skip


def load_for_adding(folder: str, create: bool = True) -> Corpus:
    """The folder a command adds records to. A new desk's folder may not exist yet, or hold
    no file: it is made here (unless `create` is off, as for a dry run) and is an empty
    folder of records, which the first record added gives its first file."""
    from factcheck.folder.discovery import claim_files
    from factcheck.folder.store import Corpus
    from factcheck.output import terminal

    path = Path(folder)
    if not folder.strip() or folder == "-" or path.is_file():
        return load_claims(folder)
    if not path.exists():
        if not create:
            return Corpus(root=path)
        try:
            path.mkdir(parents=True)
        except OSError as error:
            raise UsageProblem(f"{folder}: cannot be created: {error.strerror}") from None
        terminal.note(f"created the claims folder {folder}")
    found = claim_files(path)
    if path.is_dir() and not found.files and not found.problems:
        return Corpus(root=path, skipped=found.skipped)
    return load_claims(folder)


def _writable_target(target: Path, folder: Path, claims: str) -> None:
    """A file records may be added to: a .toml file inside the claims folder (a link is
    followed, and must lead inside it too), that the folder's reading does not skip."""
    try:
        _check_target(target, folder, claims)
    except OSError as error:  # a name too long, a loop of links
        raise UsageProblem(f"{target}: {error.strerror or error}; name another file") from None


def _check_target(target: Path, folder: Path, claims: str) -> None:
    if target.suffix != ".toml" or folder.resolve() not in target.resolve().parents:
        raise UsageProblem(f"{target} must be a .toml file inside the claims folder {claims}")
    inside = target.resolve().relative_to(folder.resolve()).parts
    if any(part.startswith(".") for part in inside):
        raise UsageProblem(f"{target}: hidden files and folders are never read; name it "
                           "without a leading dot")  # fmt: skip
    if target.exists() and not target.is_file():
        raise UsageProblem(f"{target} is not a file; name a .toml file")


def append_checked(target: Path, text: str, claims: str, before: Sequence[Problem] = ()) -> None:
    """Records appended to a file of the folder, safely (Folder.add)."""
    claims_folder(claims).add(target, text, before)


def summarise_claims(where: str) -> Summary:
    """What `validate` says of a valid folder (strictly: any problem raises)."""
    return claims_folder(where).summary()


# A ClaimReview feed is at most a few hundred megabytes; an endless stdin is a mistake.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def read_input(where: str, limit: int) -> bytes:
    """A file's bytes, or standard input's for `-`, up to one byte past `limit` (so that the
    caller can say the input was too long without reading an endless stream)."""
    if not where.strip():
        raise UsageProblem("no file named (an empty path); give a file, or - for stdin")
    if where == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UsageProblem("-: there is no standard input to read")
        return bytes(stream.read(limit + 1))
    try:
        with Path(where).open("rb") as file:
            return file.read(limit + 1)
    except OSError as error:
        raise UsageProblem(f"{where}: cannot be read: {error.strerror}") from None


def add_record(
    kind: str, fields: dict[str, Any], corpus: Corpus, claims: str, file: Path | None
) -> None:
    """`new`'s record: validated, checked against the folder as it would be, then appended
    atomically (nothing written if that fails). Said on stderr; its ID and file as a JSON
    line on stdout, for scripts."""
    from pydantic import ValidationError

    from factcheck.folder import records
    from factcheck.folder.store import friendly_message
    from factcheck.model import RECORD_KINDS
    from factcheck.output import render, terminal

    try:
        record = RECORD_KINDS[kind].model_validate(fields)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(map(str, d['loc'])) or kind}: {friendly_message(kind, list(d['loc']), d)}"
            for d in error.errors()
        )
        raise UsageProblem(f"the {kind[:-1]} is not valid: {details}") from None
    records.check_new(corpus, record)
    folder = Path(claims)
    target = file or folder / "new-claims.toml"
    _writable_target(target, folder, claims)
    append_checked(target, records.record_text(kind, record), claims, corpus.left_out)
    terminal.note(f"added {kind[:-1]} '{record.id}' to {target}")
    render.one_document({"id": record.id, "file": str(target)}, OutputFormat.jsonl)
