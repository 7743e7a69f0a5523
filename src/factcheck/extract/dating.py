"""When: the byline's author and date, and the date a sentence gives its own claim ("in a June
3 newsletter", "on Friday"), read against the article's date (issue 27: every draft took the
article's date even where the sentence gave its own).

Only dates a reader would read the same way, and as the day something was said or done, are
taken: a month and day (with or without the year) or an ISO date after "on", "a", "the" or
"dated" ("on June 3", "a June 3 newsletter", "the Feb. 9 ruling"), and a weekday after "on"
("on Friday": the last Friday up to the article's date). "Since Jan. 20" starts a period, not
a statement; "last week", "recently", "this spring" give no date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.I,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_WEEKDAY = re.compile(rf"\bon\s+(?P<weekday>{'|'.join(_WEEKDAYS)})\b", re.I)
_BYLINE = re.compile(
    r"^\s*By\s+(?P<author>[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|de|van|von|da)){0,4})",
    re.M,
)
_HEAD_LINES = 8  # a byline is at the top


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Dated:
    date: dt.date
    words: str  # as the sentence gives it: "June 3", "on Friday"


def byline(text: str) -> Byline:
    """The author of a "By Jane Doe" line and the first full date among the article's first
    lines."""
    head = text[: _head_end(text)]
    author = _BYLINE.search(head)
    found = next((d for d in _dates(head, None, head=True) if d is not None), None)
    return Byline(author["author"].strip() if author else None, found.date if found else None)


def _head_end(text: str) -> int:
    """Where the article's first lines, the ones a byline is among, end."""
    return sum(len(line) for line in itertools.islice(text.splitlines(keepends=True), _HEAD_LINES))


def byline_line(text: str) -> tuple[int, int] | None:
    """Where the "By Jane Doe" line among the article's first lines is (start, end), if any:
    the byline says who wrote the article and when, it claims nothing."""
    found = _BYLINE.search(text, 0, _head_end(text))
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.end())
    return start, len(text) if end < 0 else end


def sentence_date(sentence: str, article: dt.date | None) -> Dated | None:
    """The one date the sentence gives its claim, read against the article's date; None where
    it gives none, or more than one (which would be a guess)."""
    found = [d for d in _dates(sentence, article) if d is not None]
    dates = {d.date for d in found}
    return found[0] if len(dates) == 1 else None


_SAID_ON = re.compile(rf"\b(?:on|a|an|the|dated)\s+(?:(?:{'|'.join(_WEEKDAYS)}),?\s+)?$", re.I)


def _said_on(text: str, match: re.Match[str]) -> bool:
    return _SAID_ON.search(text, 0, match.start()) is not None


def _dates(text: str, article: dt.date | None, head: bool = False) -> list[Dated | None]:
    """The dates of a text; in a sentence only those of a statement ("on June 3"), in an
    article's head any full date."""
    found = [_day_of_month(m, article) for m in _DAY_OF_MONTH.finditer(text)
             if head or _said_on(text, m)]  # fmt: skip
    found += [_iso(m) for m in _ISO.finditer(text) if head or _said_on(text, m)]
    if article is not None:
        found += [_weekday(m, article) for m in _ON_WEEKDAY.finditer(text)]
    return found


def _day_of_month(match: re.Match[str], article: dt.date | None) -> Dated | None:
    month, day = _MONTHS[match["month"].lower()], int(match["day"])
    if match["year"]:
        year = int(match["year"])
    elif article is not None:
        # "June 3" in an article of June 20 is this year's; of January 10, last year's.
        year = article.year if (month, day) <= (article.month, article.day) else article.year - 1
    else:
        return None
    try:
        return Dated(dt.date(year, month, day), match.group().strip())
    except ValueError:  # "Feb. 30"
        return None


def _iso(match: re.Match[str]) -> Dated | None:
    try:
        return Dated(dt.date(int(match["year"]), int(match["month"]), int(match["day"])),
                     match.group())  # fmt: skip
    except ValueError:
        return None


def _weekday(match: re.Match[str], article: dt.date) -> Dated:
    wanted = _WEEKDAYS.index(match["weekday"].lower())
    back = (article.weekday() - wanted) % 7
    return Dated(article - dt.timedelta(days=back), match.group())
