"""Which files a claims folder holds: every *.toml below it, walked without recursion, with
every file or folder that cannot be read, and every link that is not followed, reported.

A folder that cannot be listed, a dangling or looping link, a link that leads outside the
claims folder: each is a problem, so `validate` never passes with records silently missing.
Hidden files and folders (".git", ".#draft.toml") are skipped, and the skip is recorded.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DANGLING = "is a link that leads nowhere (dangling or looping); remove it or point it at a file"
OUTSIDE = "is a link that leads outside the claims folder; not followed: copy the file in"


def shown(path: Path | str) -> str:
    """A path as text that is always valid UTF-8: bytes that are not (a file named
    b'x\\xff.toml') are shown as escapes, so messages and JSON never break on them."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong)
    skipped: list[str] = field(default_factory=list)  # hidden entries, relative to the root


def claim_files(root: Path) -> Found:
    """Every *.toml below `root`, in a stable order (by path relative to `root`)."""
    found = Found()
    real_root = os.path.realpath(root)
    try:
        top = os.stat(root)
        seen_folders = {(top.st_dev, top.st_ino)}
    except OSError:
        seen_folders = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            found.problems.append((shown(folder), f"folder cannot be read: {error.strerror}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                found.skipped.append(shown(path.relative_to(root)))
                continue
            _visit(entry, path, root, real_root, seen_folders, stack, found)
    found.files.sort(key=lambda p: p.relative_to(root).as_posix())
    return found


def _visit(
    entry: os.DirEntry[str],
    path: Path,
    root: Path,
    real_root: str,
    seen_folders: set[tuple[int, int]],
    stack: list[Path],
    found: Found,
) -> None:
    is_toml = entry.name.endswith(".toml")
    try:
        if entry.is_symlink():
            target = _link_target(path)
            if target is None:
                found.problems.append((shown(path), DANGLING))
                return
            if os.path.commonpath([target, real_root]) != real_root:
                if is_toml or os.path.isdir(target):
                    found.problems.append((shown(path), OUTSIDE))
                return
        is_dir = entry.is_dir()  # follows a link, now known to stay inside
        is_file = entry.is_file()
    except OSError as error:
        found.problems.append((shown(path), f"cannot be read: {error.strerror}"))
        return
    if is_dir:
        # A folder is known by its device and inode, not its resolved path: resolving a path
        # 990 folders deep costs 990 lookups, once per folder (minutes for a deep tree).
        try:
            info = entry.stat()  # follows a link, now known to stay inside
        except OSError as error:
            found.problems.append((shown(path), f"cannot be read: {error.strerror}"))
            return
        key = (info.st_dev, info.st_ino)
        if key not in seen_folders:  # a link back up the tree is walked once, not forever
            seen_folders.add(key)
            stack.append(path)
    elif is_file and is_toml:
        found.files.append(path)


def _link_target(path: Path) -> str | None:
    try:
        target = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError):
        return None
    return target


# One snapshot of a folder per command: the walk and each file's bytes are taken once, and
# every part of the command (the listing's check, an edit's update, the load) reads the same
# snapshot, so a file's digest and its records always come from the same bytes, and a cold
# `list --json` walks the folder once and reads each file once, not three times. Outside a
# command (the library used from Python, the tests) nothing is kept.
_SNAPSHOT: ContextVar[dict[Any, Any] | None] = ContextVar("factcheck_snapshot", default=None)


@contextlib.contextmanager
def one_snapshot() -> Iterator[None]:
    """For the length of one command: walks and reads are taken once, then kept."""
    token = _SNAPSHOT.set({})
    try:
        yield
    finally:
        _SNAPSHOT.reset(token)


@contextlib.contextmanager
def as_if_written(root: Path, target: Path, data: bytes) -> Iterator[None]:
    """For the length of the block, the folder at `root` reads as it would with `data` at
    `target` (a file of it, new or not): a write is checked before it is made, so that no
    reader ever sees a folder with records it will refuse. Nothing is written."""
    found = claim_files(root)
    placed = root / os.path.relpath(target, root)
    if all(os.path.abspath(p) != os.path.abspath(placed) for p in found.files):
        found.files.append(placed)
        found.files.sort(key=lambda p: p.relative_to(root).as_posix())
    snapshot = {("walk", os.path.abspath(root)): found, ("bytes", os.path.abspath(placed)): data}
    token = _SNAPSHOT.set(snapshot)
    try:
        yield
    finally:
        _SNAPSHOT.reset(token)


def forget_snapshot() -> None:
    """After the command wrote a claims file: the next read sees the file as it is now."""
    snapshot = _SNAPSHOT.get()
    if snapshot is not None:
        snapshot.clear()


def folder_files(root: Path) -> Found:
    """claim_files, once per command."""
    snapshot = _SNAPSHOT.get()
    if snapshot is None:
        return claim_files(root)
    key = ("walk", os.path.abspath(root))
    if key not in snapshot:
        snapshot[key] = claim_files(root)
    found: Found = snapshot[key]
    return found


def file_bytes(path: Path) -> bytes:
    """A claims file's bytes, read once per command (OSError as Path.read_bytes raises it)."""
    snapshot = _SNAPSHOT.get()
    if snapshot is None:
        return path.read_bytes()
    key = ("bytes", os.path.abspath(path))
    if key not in snapshot:
        snapshot[key] = path.read_bytes()
    data: bytes = snapshot[key]
    return data
