"""Sentences of an article, with their places in it: pysbd (a rule-based splitter that knows
"Gov.", "Jan. 20" and "U.S." do not end a sentence) within each line, since a line break in a
plain-text article ends a paragraph or a heading."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from factcheck.text import MissingExtra


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the text split
    end: int
    text: str

    @property
    def heading(self) -> bool:
        """A line that ends with no sentence mark: a heading, a caption, a cut-off line."""
        return not self.text.rstrip().endswith(
            (".", "!", "?", "\u201d", '"', "\u2019", "'", ":", ")")
        )


def split(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            found += _in_line(line, at)
        at += len(line)
    return found


def _in_line(line: str, at: int) -> list[Sentence]:
    found = []
    for span in segmenter().segment(line):
        piece = line[span.start : span.end]
        stripped = piece.strip()
        if not stripped:
            continue
        start = at + span.start + (len(piece) - len(piece.lstrip()))
        found.append(Sentence(start, start + len(stripped), stripped))
    return found


@functools.cache
def segmenter() -> Any:
    try:
        import pysbd  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingExtra("pysbd", "extract") from None
    return pysbd.Segmenter(language="en", clean=False, char_span=True)
