"""The figures a sentence states, read with the quantity language (quantity.parse_figure):
"4,561", "more than 12,000", "about one in eight", "13.7%", each with its place and a name a
check can refer to (the word that follows it: "4,561 individuals" is `individuals`).

Dates are not figures: a day after a month ("Jan. 20") and a bare year ("since 2019") are left
out, since a desk records what was counted, not when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.figures.quantity import HEDGES, FigureError, parse_figure

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 "thirty|forty|fifty|hundred")  # fmt: skip
_HEDGE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<number>(?:\b(?:{_NUMBER_WORDS}|\d+)\s+in\s+(?:{_NUMBER_WORDS}|\d+)\b)"
    r"|(?:\$?(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?:\s?%|\s+per\s?cent\b|\s+(?:million|billion|trillion)\b)?)",
    re.I,
)
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)\.?\s*$", re.I)  # fmt: skip
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")
_SKIPPED_NAMES = frozenset(
    "of in the and a to with for from since was were is are has have had be been on about "
    "at by over than more some percent per cent million billion trillion".split()
)


@dataclass(frozen=True)
class Found:
    name: str
    value: str  # as written, in the quantity language
    start: int  # offsets into the sentence
    end: int


def figures(sentence: str) -> list[Found]:
    found: list[Found] = []
    taken: set[str] = set()
    for match in _FIGURE.finditer(sentence):
        start, end = match.span()
        number = match.group("number")
        if _is_date(sentence, match.start("number"), number):
            continue
        value = _readable(match.group(0))
        if value is None:
            continue
        found.append(Found(_name(sentence, end, taken), value, start, end))
    return found


def _readable(text: str) -> str | None:
    """The figure as the quantity language reads it, hedge and all, or without a hedge it
    does not know; None when it is no figure."""
    cleaned = text.replace("$", "")
    for candidate in (cleaned, cleaned.split(" ", 1)[-1] if " " in cleaned else None):
        if candidate is None:
            continue
        try:
            parse_figure(candidate)
        except FigureError:
            continue
        return candidate
    return None


def _is_date(sentence: str, start: int, number: str) -> bool:
    if _MONTH.search(sentence[:start]):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", number))


def _name(sentence: str, end: int, taken: set[str]) -> str:
    """The first word after the figure that is not a small word, as a quantity name."""
    rest = sentence[end:]
    name = "figure"
    for _ in range(3):
        match = _NEXT_WORD.match(rest)
        if match is None:
            break
        word = match.group(1).lower().replace("-", "_")
        rest = rest[match.end() :]
        if word not in _SKIPPED_NAMES:
            name = word
            break
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name
