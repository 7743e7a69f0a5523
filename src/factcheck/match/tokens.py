"""The merges that tokenize a query (text/bpe.py), kept in the folder's cache.

Building the tokenizer costs a warm `match` 30-40 ms at every start; the merges, made once
from the same file and kept, load in a millisecond and give the same tokens. They are kept
under the tokenizer file's path, size and time of change (with the cache's version, which
holds every module of factcheck): another wordllama makes another table. Like every cache
entry they are data behind a checksum, checked again when read (bpe.Table.from_bytes).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.text import bpe, embeddings

if TYPE_CHECKING:
    from factcheck.folder.access import Folder

KIND = "tokens"


def query_table(folder: Folder) -> bpe.Table | None:
    """The table of the installed tokenizer, kept or made (and kept); None without a cache,
    or for a tokenizer bpe.py does not read as the library does."""
    if folder.cache is None:
        return None
    config = embeddings.tokenizer_file()
    if not isinstance(config, Path):  # pragma: no cover - a package in a zip
        return None
    try:
        stat = config.stat()
        identity = f"{config}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8", "replace")
        key = hashlib.blake2b(bpe.LAYOUT + identity, digest_size=32).digest()
        kept = folder.derived(KIND, key)
        table = None if kept is None else bpe.Table.from_bytes(kept)
        if table is None:
            table = bpe.from_tokenizer(config.read_bytes())
            if table is not None:
                folder.keep_derived(KIND, key, table.to_bytes())
    except OSError:
        return None
    return table
