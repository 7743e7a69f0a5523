"""Files replaced whole: written beside the target and renamed over it, so that a reader sees
the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def replace_file(
    path: Path, data: bytes | Sequence[bytes | memoryview], *, durable: bool = True
) -> None:
    """Put `data` (bytes, or pieces of it) at `path` atomically. An existing file keeps its
    permissions. `durable` waits for the disk before the rename (a claims file); a cache
    entry, which is checked and rebuilt if torn, need not. Nothing is left behind when
    writing fails."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.writelines([data] if isinstance(data, bytes) else data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
