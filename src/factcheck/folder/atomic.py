"""Files replaced whole: written beside the target and renamed over it, so that a reader sees
the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

# The temporary files of a write end so: one found later is a write killed before it could
# rename or remove it (SIGKILL, a power cut), since every writer of a claims folder holds its
# lock while its temporary file exists.
TEMPORARY_SUFFIX = ".factcheck-tmp"


def replace_file(
    path: Path, data: bytes | Sequence[bytes | memoryview], *, durable: bool = True
) -> None:
    """Put `data` (bytes, or pieces of it) at `path` atomically. An existing file keeps its
    permissions; a new claims file (`durable`) gets those the user's umask gives any new
    file (0644 as a rule, where a temporary file is 0600: a teammate's checkout or a web
    server must read it), while cache entries stay the user's alone. A symbolic link is
    written through, never replaced by a file. `durable` waits for the disk before the
    rename (a claims file); a cache entry, which is checked and rebuilt if torn, need not.
    Nothing is left behind when writing fails."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    existing = path.exists()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX,
                                         dir=path.parent)  # fmt: skip
    try:
        with os.fdopen(handle, "wb") as file:
            file.writelines([data] if isinstance(data, bytes) else data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        if existing:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        elif durable:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def is_leftover(name: str) -> bool:
    """Whether a file name is one of replace_file's temporary files."""
    return name.startswith(".") and name.endswith(TEMPORARY_SUFFIX)


def remove_leftovers(directory: Path) -> list[str]:
    """Remove the temporary files killed writes left in `directory`; call it holding the
    claims folder's lock, when no write of this folder is under way. Their names."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if is_leftover(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _umask() -> int:
    """The process's umask (read by setting it, so set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
