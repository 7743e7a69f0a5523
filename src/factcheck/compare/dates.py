"""Dates of birth and death in a claim's text, as a reference work writes them.

Two forms are read. A lifespan in brackets after a name gives both dates, "Christopher Scott
Kyle (April 8, 1974 - February 2, 2013) was ..."; a plain statement gives one, "Harold
Macmillan was born on February 20, 1894", "On February 2, 2013, Chris Kyle died". A date may
be partial ("in April of 1866", "in 1894"); two dates differ only where both say something
(a year, a month, a day) and say it differently.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONTH_NAMES = [
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
]  # fmt: skip
MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
# Day month year, month day year, month (of) year, or a year alone.
DATE = re.compile(
    rf"(?i:\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})\s*,?\s+(?P<y1>{_YEAR})\b"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>{_YEAR})\b"
    rf"|\b(?P<m3>{_MONTH})(?:\s+of)?\s*,?\s+(?P<y3>{_YEAR})\b"
    rf"|\b(?P<y4>{_YEAR})\b)"
)
# Brackets, and the dash that joins the two dates of a life inside them. The text before the
# first date may hold more ("born Edward Alexander Crowley; 12 October 1875 -- ..."). Both
# patterns scan a text once: no nesting, no backtracking over the inside of a bracket.
BRACKETS = re.compile(r"\(([^()]*)\)")
DASH = re.compile(r"\s*(?:--|-|\u2013|\u2014|\u2212)\s*")
# What may stand between a cue and its date: words without digits, commas or brackets.
WINDOW = re.compile(r"[^0-9().,]{0,40}")
MAX_DATE_LENGTH = 24  # "September 30th, 2016" and room to spare
BORN = re.compile(r"\bborn\b(?:\s+(?:on|in))?\s+", re.IGNORECASE)
DIED = re.compile(r"\b(?:died|passed\s+away)\b(?:\s+(?:on|in))?\s+", re.IGNORECASE)
# A cheap test that a text may hold a date of birth or death, before any closer reading.
MAY_HOLD = re.compile(r"born|died|passed\s+away|\(", re.IGNORECASE)
DIED_AFTER_DATE = re.compile(r"\b(?:died|passed\s+away)\b", re.IGNORECASE)


class Event(enum.Enum):
    birth = "birth"
    death = "death"


@dataclass(frozen=True, slots=True)
class Date:
    year: int
    month: int | None
    day: int | None

    def differs(self, other: Date) -> bool:
        """Both say a part and say it differently: "April 1866" and "14 June 1866" differ;
        "1866" and "14 June 1866" do not."""
        if self.year != other.year:
            return True
        if self.month is None or other.month is None:
            return False
        if self.month != other.month:
            return True
        return self.day is not None and other.day is not None and self.day != other.day


@dataclass(frozen=True, slots=True)
class Dated:
    """A date of birth or death said in a text, with where it stands."""

    event: Event
    date: Date
    start: int
    end: int
    lifespan: bool  # read from a lifespan in brackets, not said in words


def date_of(match: re.Match[str]) -> Date:
    groups = match.groupdict()
    for n in "1234":
        year = groups.get(f"y{n}")
        if year is None:
            continue
        month, day = groups.get(f"m{n}"), groups.get(f"d{n}")
        return Date(
            int(year),
            MONTHS[month.lower().rstrip(".")] if month else None,
            int(day) if day else None,
        )
    raise ValueError("a DATE match holds a year")  # pragma: no cover - the pattern ensures it


def last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def lifespans(sentence: str, offset: int) -> list[Dated]:
    """The birth and death dates of each lifespan in brackets in one sentence: the last
    dash in the brackets has a date alone after it, and a date before it."""
    found = []
    for bracket in BRACKETS.finditer(sentence):
        inside, base = bracket.group(1), offset + bracket.start(1)
        dash = last(DASH.finditer(inside))
        if dash is None:
            continue
        death = DATE.fullmatch(inside, dash.end(), len(inside.rstrip()))
        births = list(DATE.finditer(inside, 0, dash.start()))
        if not births or death is None:
            continue
        birth = births[-1]
        found.append(Dated(Event.birth, date_of(birth), base + birth.start(),
                           base + birth.end(), lifespan=True))  # fmt: skip
        found.append(Dated(Event.death, date_of(death), base + death.start(),
                           base + death.end(), lifespan=True))  # fmt: skip
    return found


def first_date_after(sentence: str, start: int) -> re.Match[str] | None:
    """The date that a cue introduces: right after it, or after a few words that hold no
    number and do not close a bracket ("born Howard Allen O'Brien; October 4, 1941")."""
    window = WINDOW.match(sentence, start)
    end = window.end() if window else start
    return DATE.search(sentence, start, end + MAX_DATE_LENGTH)


def stated(sentence: str, offset: int) -> list[Dated]:
    """Dates said in words: "born on February 20, 1894", "(born 14 May 1961)", "died in
    1715", "On February 2, 2013, Chris Kyle died"."""
    found = []
    for event, cue in ((Event.birth, BORN), (Event.death, DIED)):
        for said in cue.finditer(sentence):
            date = first_date_after(sentence, said.end())
            if date is not None:
                found.append(Dated(event, date_of(date), offset + date.start(),
                                   offset + date.end(), lifespan=False))  # fmt: skip
    if "(" in sentence or any(d.event is Event.death for d in found):
        return found
    dates = list(DATE.finditer(sentence))
    if len(dates) == 1 and DIED_AFTER_DATE.search(sentence, dates[0].end()):
        (date,) = dates  # "On February 2, 2013, Chris Kyle died."
        found.append(Dated(Event.death, date_of(date), offset + date.start(),
                           offset + date.end(), lifespan=False))  # fmt: skip
    return found
