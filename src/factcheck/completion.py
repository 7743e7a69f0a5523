"""Shell completion of claim IDs, topics, source IDs and propositions.

A completion runs on every Tab, so it reads the claims folder with a regular expression over
each file's text, not through the TOML parser and the record models: a large folder completes
at once, and a folder with errors still completes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(claims|sources|checks)[ \t]*\]\]", re.MULTILINE)
_ID = re.compile(r"^[ \t]*id[ \t]*=[ \t]*\"([^\"\n]+)\"", re.MULTILINE)
_TOPICS = re.compile(r"^[ \t]*topics[ \t]*=[ \t]*\[([^\]\n]*)\]", re.MULTILINE)
_ABOUT = re.compile(r"^[ \t]*about[ \t]*=[ \t]*\"([^\"\n]+)\"", re.MULTILINE)
_QUOTED = re.compile(r"\"([^\"\n]+)\"")


def _folder(ctx: Any) -> Path:
    given = getattr(ctx, "params", {}).get("claims") if ctx is not None else None
    return Path(given or os.environ.get("FACTCHECK_CLAIMS") or "claims")


# What an ID, a topic or a proposition may be (model.SLUG_PATTERN, repeated here so that a
# Tab does not import pydantic; a test holds the two equal). Anything else is never offered:
# a shell may run what it is offered ("$(touch pwned)"), and a terminal may obey escapes.
SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _records(folder: Path) -> Iterable[tuple[str, str]]:
    """(kind, record text) for every record of every file the folder's reading reads: the
    same walk (discovery.claim_files), so no link out of the folder is followed, nothing but
    regular files is opened (a FIFO would hang), and depth costs no recursion."""
    from factcheck.folder.discovery import claim_files

    files = [folder] if folder.is_file() else claim_files(folder).files if folder.is_dir() else []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue
        headers = list(_HEADER.finditer(text))
        for i, header in enumerate(headers):
            end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
            yield header.group(1), text[header.end() : end]


def _matching(values: Iterable[str], incomplete: str) -> list[str]:
    return sorted({v for v in values if v.startswith(incomplete) and SLUG.fullmatch(v)})


def claim_ids(ctx: Any, incomplete: str) -> list[str]:
    return _matching(
        (m.group(1) for kind, text in _records(_folder(ctx)) if kind == "claims"
         for m in _ID.finditer(text[:2000])),
        incomplete,
    )  # fmt: skip


def source_ids(ctx: Any, incomplete: str) -> list[str]:
    return _matching(
        (m.group(1) for kind, text in _records(_folder(ctx)) if kind == "sources"
         for m in _ID.finditer(text)),
        incomplete,
    )  # fmt: skip


def topics(ctx: Any, incomplete: str) -> list[str]:
    return _matching(
        (q.group(1) for kind, text in _records(_folder(ctx)) if kind == "claims"
         for m in _TOPICS.finditer(text) for q in _QUOTED.finditer(m.group(1))),
        incomplete,
    )  # fmt: skip


def propositions(ctx: Any, incomplete: str) -> list[str]:
    return _matching(
        (m.group(1) for kind, text in _records(_folder(ctx)) if kind == "claims"
         for m in _ABOUT.finditer(text)),
        incomplete,
    )  # fmt: skip
