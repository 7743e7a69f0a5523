"""Sentences of an article, with their places in it: pysbd (a rule-based splitter that knows
"Gov.", "Jan. 20" and "U.S." do not end a sentence) within each line, since a line break in a
plain-text article ends a paragraph or a heading."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from factcheck.text import MissingExtra

# Longer than any sentence a person writes (about 400 words): a longer run is cut into pieces
# of at most this many characters at a space, since the parser needs about 1 GB of memory per
# 100,000 characters it is given at once, and refuses past 1,000,000.
MAX_SENTENCE = 2_000


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the text split
    end: int
    text: str
    cut: bool = False  # a piece of a run longer than MAX_SENTENCE

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
            found += _joined(_in_line(line, at), line, at)
        at += len(line)
    return found


def _joined(pieces: list[Sentence], line: str, at: int) -> list[Sentence]:
    """A piece that opens with a small letter goes on the sentence before: the splitter cut
    after an abbreviation it did not know ('... said Del.' / 'Stacey Plaskett ...' does not
    happen, but '..., R-Ky.' / 'said.', '..., R-Ky.' / ', said.' and '... Sen.' / 'Tim Kaine
    said' do)."""
    joined: list[Sentence] = []
    for piece in pieces:
        fits = (
            joined
            and not (piece.cut or joined[-1].cut)
            and (piece.end - joined[-1].start <= MAX_SENTENCE)
        )
        if fits and (_GOES_ON.match(piece.text) or _TITLE_END.search(joined[-1].text)):
            last = joined[-1]
            joined[-1] = Sentence(last.start, piece.end, line[last.start - at : piece.end - at])
        else:
            joined.append(piece)
    return joined


# A piece that goes on a sentence: a small letter, or a comma or semicolon before one
# ("McConnell, R-Ky." / ", said.": a party tag's state is no sentence end).
_GOES_ON = re.compile(r"[,;]?\s*[a-z]")
# Titles pysbd does not know as abbreviations, which it takes for a sentence's end.
_TITLE_END = re.compile(r"(?:^|\s)(?:Del|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Adm|Rev|Supt|Atty)\.$")


# pysbd's time grows with the square of a line's length on some texts (a 130 KB line of
# quotations and cues took 6 s in it, a 65 KB one 1.5 s): a longer line is given to it in
# parts, each ending at a sentence end where there is one ('. ' before a capital), else at a
# space. No paragraph a person writes is this long (PolNeAR's longest line is 1,094).
MAX_LINE = 10_000
# after a word of small letters ("dollars. The"), so that "Mr. Smith" and "N.Y. Times" are none
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018']?[A-Z])")


def _in_line(line: str, at: int) -> list[Sentence]:
    found = []
    for offset, part in _parts(line):
        found += _in_part(part, at + offset)
    return found


def _parts(line: str) -> list[tuple[int, str]]:
    """The line in parts of at most MAX_LINE characters, with where each begins."""
    parts, at = [], 0
    while len(line) - at > MAX_LINE:
        ends = [m.end() for m in _SENTENCE_END.finditer(line, at + 1, at + MAX_LINE)]
        end = ends[-1] if ends else line.rfind(" ", at + 1, at + MAX_LINE) + 1
        end = end if end > at else at + MAX_LINE
        parts.append((at, line[at:end]))
        at = end
    parts.append((at, line[at:]))
    return parts


def _in_part(line: str, at: int) -> list[Sentence]:
    found = []
    for span in segmenter().segment(line):
        piece = line[span.start : span.end]
        stripped = piece.strip()
        if not stripped:
            continue
        start = at + span.start + (len(piece) - len(piece.lstrip()))
        if len(stripped) <= MAX_SENTENCE:
            found.append(Sentence(start, start + len(stripped), stripped))
        else:
            found += _cut(stripped, start)
    return found


def _cut(text: str, start: int) -> list[Sentence]:
    """A run too long to be a sentence, in pieces of at most MAX_SENTENCE characters, each
    ending at a space where there is one."""
    pieces = []
    at = 0
    while at < len(text):
        end = min(at + MAX_SENTENCE, len(text))
        if end < len(text):
            space = text.rfind(" ", at + 1, end)
            end = space if space > at else end
        piece = text[at:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            stripped = piece.strip()
            pieces.append(Sentence(start + at + lead, start + at + lead + len(stripped), stripped,
                                   cut=True))  # fmt: skip
        at = end
    return pieces


@functools.cache
def segmenter() -> Any:
    try:
        import pysbd  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingExtra("pysbd", "extract") from None
    return pysbd.Segmenter(language="en", clean=False, char_span=True)
