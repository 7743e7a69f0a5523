"""The small vocabularies that command-line options take: defined here, with the standard
library only, so that the CLI can declare its options without importing pydantic, rich or the
claims loader (`factcheck --version` and `--help` stay fast). The library modules re-export
them where they belong: `render.OutputFormat`, `arithmetic.Verdict`, `compare.Confidence`."""

from __future__ import annotations

import enum


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Verdict(str, enum.Enum):
    consistent = "consistent"
    approximate = "approximate"
    inconsistent = "inconsistent"
    gross = "gross"
    uncheckable = "uncheckable"


FAILING_BY_DEFAULT = frozenset({Verdict.inconsistent, Verdict.gross})


class Confidence(str, enum.Enum):
    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        return list(Confidence).index(self)
