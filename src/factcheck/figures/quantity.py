"""The quantity language: figures as people write them, read into exact intervals.

"more than 12,000", "about one in eight", "13.7%", "1.2 million", "two-thirds", "31 of 4,561"
each become a `Figure`: an exact value (`Fraction`, never float), the precision unit implied by
how it is written, a hedge, a kind, and the interval of values the figure as written allows.
Standard library only. The rules are documented, with examples, in docs/quantities.md.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from fractions import Fraction

MAX_FIGURE_LENGTH = 100
MAX_DIGITS = 40
HALF = Fraction(1, 2)
# The band within which an "about"-type hedge or a round number still fairly describes a value:
# a relative error |claimed - actual| / |actual| of at most 10%.
APPROXIMATE_TOLERANCE = Fraction(1, 10)
# Fraction words ("a third", "3/4") are read to the nearest percentage point.
FRACTION_HALF_WIDTH = Fraction(1, 200)
# A round number ("12,000", "a hundred", "3 billion") is read to its last non-zero digit, but
# never more loosely than 5% either way: "100" is 95 to 105, not 50 to 150.
ROUND_NUMBER_MAX_HALF_WIDTH = Fraction(1, 20)


class FigureError(ValueError):
    """A figure that cannot be read; the message quotes it and says what is accepted."""


class Hedge(str, enum.Enum):
    none = "none"
    about = "about"
    nearly = "nearly"
    just_over = "just over"
    more_than = "more than"
    at_least = "at least"
    less_than = "less than"
    at_most = "at most"
    exactly = "exactly"

    @property
    def directional(self) -> bool:
        return self in (Hedge.more_than, Hedge.at_least, Hedge.less_than, Hedge.at_most)

    @property
    def loose(self) -> bool:
        """Hedges that admit an approximate description."""
        return self in (Hedge.about, Hedge.nearly, Hedge.just_over)


HEDGES: dict[str, Hedge] = {
    "approximately": Hedge.about,
    "roughly": Hedge.about,
    "around": Hedge.about,
    "about": Hedge.about,
    "some": Hedge.about,
    "close to": Hedge.about,
    "an estimated": Hedge.about,
    "estimated": Hedge.about,
    "nearly": Hedge.nearly,
    "almost": Hedge.nearly,
    "just under": Hedge.nearly,
    "just below": Hedge.nearly,
    "just shy of": Hedge.nearly,
    "just over": Hedge.just_over,
    "just above": Hedge.just_over,
    "slightly more than": Hedge.just_over,
    "more than": Hedge.more_than,
    "over": Hedge.more_than,
    "above": Hedge.more_than,
    "upwards of": Hedge.more_than,
    "in excess of": Hedge.more_than,
    "at least": Hedge.at_least,
    "no fewer than": Hedge.at_least,
    "no less than": Hedge.at_least,
    "less than": Hedge.less_than,
    "fewer than": Hedge.less_than,
    "under": Hedge.less_than,
    "below": Hedge.less_than,
    "up to": Hedge.at_most,
    "at most": Hedge.at_most,
    "no more than": Hedge.at_most,
    "exactly": Hedge.exactly,
    "precisely": Hedge.exactly,
}
# Longest first, so that "just over" wins over "over" and "no more than" over "more than".
_HEDGE_PREFIXES = sorted(HEDGES, key=len, reverse=True)


class Kind(enum.Enum):
    count = "count"  # a whole number: "4,561", "12,000", "thirty-one"
    number = "number"  # a decimal: "1.5", "1.2 million"
    percent = "percent"  # a share written in percent: "13.7%"
    points = "points"  # a difference of percentages: "5 percentage points"
    fraction = "fraction"  # "a third", "two-thirds", "3/4", "half"
    ratio = "ratio"  # "one in eight", "7 out of 9", "31 of 4,561"
    rate = "rate"  # "680 per 100,000": a share, written per a round population
    change = "change"  # a signed relative change: "rose 50%" +0.5, "halved" -0.5
    multiple = "multiple"  # "three times as many": 3

    @property
    def is_share(self) -> bool:
        return self in (Kind.percent, Kind.fraction, Kind.ratio, Kind.rate)

    @property
    def in_percent(self) -> bool:
        """Shown in percent: shares, percentage points and relative changes."""
        return self.is_share or self in (Kind.points, Kind.change)


@dataclass(frozen=True)
class Interval:
    """A set of rationals between two bounds; None is unbounded. Closed unless said open."""

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    @staticmethod
    def point(value: Fraction) -> Interval:
        return Interval(value, value)

    def contains(self, x: Fraction) -> bool:
        above = self.lo is None or x > self.lo or (x == self.lo and not self.lo_open)
        below = self.hi is None or x < self.hi or (x == self.hi and not self.hi_open)
        return above and below

    def overlaps(self, other: Interval) -> bool:
        return _below_or_touching(self, other) and _below_or_touching(other, self)

    def nearest(self, x: Fraction) -> Fraction:
        """The point of the (closure of the) interval nearest to x."""
        if self.lo is not None and x < self.lo:
            return self.lo
        if self.hi is not None and x > self.hi:
            return self.hi
        return x


def _below_or_touching(a: Interval, b: Interval) -> bool:
    """a's lower end does not lie above b's upper end."""
    if a.lo is None or b.hi is None:
        return True
    if a.lo < b.hi:
        return True
    return a.lo == b.hi and not a.lo_open and not b.hi_open


@dataclass(frozen=True)
class Figure:
    """A figure as written, read exactly."""

    text: str
    value: Fraction
    unit: Fraction  # the precision unit, in the same scale as `value`
    hedge: Hedge
    kind: Kind
    round: bool = False  # ends in zeros before any decimal point: "12,000", "50%"
    denominator: Fraction | None = None  # N of "one in N" / "k in N", read as rounded
    numerator: Fraction | None = None
    bounds: tuple[Fraction, Fraction] | None = None  # a range: "between 10% and 20%"
    per: str | None = None  # the period of "about 1,700 a year"
    note: str | None = None  # how an ambiguous phrase was read ("three times more")
    currency: str | None = None  # "$" of "$434 billion": kept for display, not in the value
    in_words: bool = False  # a fraction in words ("a third"): a rounded statement

    @functools.cached_property
    def as_input(self) -> Interval:
        """The values this figure stands for inside a computation. A count written to the unit
        ("4,561", "thirty-one") without a hedge is that number and no other, since what is
        counted is whole: so `check` on a recorded 19 / 57 and `calc "19 / 57"` agree. A round
        count ("12,000") keeps its rounding and a hedged one its hedge. (As a claim, "4,561"
        still holds for an average of 4,560.5: see `claimed`.)"""
        exact = self.kind is Kind.count and self.unit == 1 and not self.round
        if exact and self.hedge is Hedge.none and self.bounds is None:
            return Interval.point(self.value)
        return self.claimed

    @functools.cached_property
    def rounding(self) -> Interval:
        """The values that, written the way this figure is, would read the same."""
        if self.bounds is not None:
            return Interval(*self.bounds)
        if self.in_words:
            window = simple_fraction_window(self.value)
            if window is not None:
                return window
        if self.kind is Kind.rate:
            half = self.unit / 2
            return Interval(self.value - half, self.value + half)
        if self.denominator is not None and self.numerator is not None:
            k, n = self.numerator, self.denominator
            upper = k / (n - HALF) if n > HALF else None
            return Interval(k / (n + HALF), upper)
        half = self.unit / 2
        return Interval(self.value - half, self.value + half)

    @functools.cached_property
    def claimed(self) -> Interval:
        """The values the figure, hedge included, claims; a value here is `consistent`."""
        v, hedge, rounding = self.value, self.hedge, self.rounding
        if hedge is Hedge.exactly:
            return Interval.point(v)
        if hedge is Hedge.more_than:
            return Interval(v, None, lo_open=True)
        if hedge is Hedge.at_least:
            return Interval(v, None)
        if hedge is Hedge.less_than:
            return Interval(None, v, hi_open=True)
        if hedge is Hedge.at_most:
            return Interval(None, v)
        # "nearly X" claims at least 90% of X but not above it; "just over X" up to 110% of X.
        if hedge is Hedge.nearly:
            near = sorted((v, v * (1 - APPROXIMATE_TOLERANCE)))
            return Interval(min(near[0], rounding.lo or near[0]), near[1])
        if hedge is Hedge.just_over:
            over = sorted((v, v * (1 + APPROXIMATE_TOLERANCE)))
            return Interval(over[0], max(over[1], rounding.hi or over[1]))
        return rounding

    @functools.cached_property
    def approximate_band(self) -> Interval | None:
        """The looser band an "about"-type hedge or a round number allows; None if none."""
        if not (self.hedge.loose or (self.hedge is Hedge.none and self.round)):
            return None
        a, b = sorted((_scaled_toward_zero(self.value), _scaled_away(self.value)))
        rounding = self.rounding
        return Interval(min(a, rounding.lo or a), max(b, rounding.hi or b))

    def describe_interval(self, interval: Interval | None = None) -> str:
        if interval is None:
            return self.claimed_text
        return describe_interval(interval, self.kind, self.places)

    @functools.cached_property
    def claimed_text(self) -> str:
        """The interval claimed, for people: '11.76% to 13.33%', 'above 12,000'."""
        return describe_interval(self.claimed, self.kind, self.places)

    @functools.cached_property
    def places(self) -> int:
        """Decimals enough to show this figure's interval: 13.70% needs three in percent."""
        if self.unit == 0:
            return 2
        scale = 100 if self.kind.in_percent else 1
        top, bottom = self.unit.numerator * scale, self.unit.denominator
        places = 0
        while top * 10**places < 10 * bottom and places < 12:
            places += 1
        return max(places, 2)


SIMPLE_DENOMINATORS = range(1, 11)  # the fractions said in words: half ... a tenth


def simple_fraction_window(value: Fraction) -> Interval | None:
    """The values whose nearest fraction with a denominator up to ten is `value`: "a third"
    said of 32.4% holds, since no simpler fraction is nearer (3/10 and 3/8 are its
    neighbours, so "a third" covers 31.67% to 35.42%). Signed values mirror; None above one."""
    size = abs(value)
    if size == 0 or size > 1:
        return None
    fractions = {Fraction(k, d) for d in SIMPLE_DENOMINATORS for k in range(0, d + 1)}
    below = max((f for f in fractions if f < size), default=size)
    above = min((f for f in fractions if f > size), default=size)
    lo, hi = (size + below) / 2, (size + above) / 2
    return Interval(lo, hi) if value > 0 else Interval(-hi, -lo)


def _scaled_toward_zero(v: Fraction) -> Fraction:
    # The smallest actual value of which v is within the tolerance: v / (1 + T).
    return v / (1 + APPROXIMATE_TOLERANCE)


def _scaled_away(v: Fraction) -> Fraction:
    return v / (1 - APPROXIMATE_TOLERANCE)


# --- reading -------------------------------------------------------------------------------

_ONES = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip

_NUMERAL = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+"
_NUMERAL_RE = re.compile(_NUMERAL, re.ASCII)
_PLAIN_COUNT = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*|0", re.ASCII)
_SUFFIXES = {
    "%": Kind.percent,
    "percent": Kind.percent,
    "per cent": Kind.percent,
    "pct": Kind.percent,
    "percentage points": Kind.points,
    "percentage point": Kind.points,
    "points": Kind.points,
    "point": Kind.points,
    "pts": Kind.points,
}
_NUMBER_WITH_SUFFIX = re.compile(
    rf"(?P<num>{_NUMERAL})\s*(?P<scale>hundred|thousand|million|billion|trillion)?\s*"
    r"(?P<suffix>%|percent|per cent|pct|percentage points?|points?|pts)?"
)
_RATIO = re.compile(r"(?P<k>.+?)\s+(?:in|out of|of)\s+(?P<n>.+)")
_SLASH = re.compile(r"(?P<k>\d+)\s*/\s*(?P<n>\d+)")

ACCEPTED = (
    "a number as written ('4,561', '13.7%', '1.2 million', 'thirty-one'), a fraction ('a third', "
    "'3/4'), a ratio ('one in eight', '31 of 4,561'), 'a majority', optionally after a hedge "
    "('about', 'more than', 'nearly', 'at least', 'up to', ...)"
)


@functools.lru_cache(maxsize=65_536)
def parse_figure(text: str) -> Figure:
    """Read a figure as written. Raises FigureError, quoting the text, if it cannot.

    Cached: a Figure is immutable, and checks read the same figures the loader has read.
    """
    if is_plain_count(text):
        return _plain_count(text)
    if len(text) > MAX_FIGURE_LENGTH:
        raise FigureError(f"figure is longer than {MAX_FIGURE_LENGTH} characters")
    check_digits(text)
    words = _normalise(text)
    hedge, rest = _split_hedge(words)
    figure = _read(text, rest, hedge)
    if figure is None:
        raise FigureError(f"cannot read {text!r} as a figure; write {ACCEPTED}")
    if figure.value < 0 and hedge in (Hedge.nearly, Hedge.just_over):
        # "just over -1": a little above -1 (toward zero), or a little more in size? People
        # mean both; a verdict must not rest on a guess.
        raise FigureError(
            f"{text!r}: '{hedge.value}' a negative number is ambiguous (toward zero, or away "
            "from it?); write a range ('between -1.1 and -1') or 'about'"
        )
    dotted = _DOT_THOUSANDS.search(text)
    if dotted and figure.note is None:
        number = dotted.group()
        whole = number.split(".")[0]
        figure = replace(figure, note=(
            f"'{number}' is read as {whole}, to the thousandth; it is ambiguous (a dot "
            f"separates thousands in much of the world): write '{whole},000' for thousands or "
            f"'{whole}' for the number itself."
        ))  # fmt: skip
    return figure


_LEADING_ZERO = re.compile(r"(?<![\d.,])0\d")
# "12.000": twelve, written to the thousandth, or twelve thousand with a European separator.
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.000(?![\d.,])")


def check_digits(text: str) -> None:
    """Figures take ASCII digits, written without leading zeros: fullwidth digits, a Bengali
    4 (which looks like an 8) and '00012' are errors that say what is wrong."""
    for char in text:
        if char.isdigit() and not char.isascii():
            name = unicodedata.name(char, "a digit")
            raise FigureError(
                f"{text!r} has {char!r} (U+{ord(char):04X} {name}); write figures with the "
                "digits 0-9"
            )
    leading = _LEADING_ZERO.search(text)
    if leading:
        raise FigureError(f"{text!r} has a number with a leading zero; write it without")


def _normalise(text: str) -> str:
    text = text.strip().lower()
    text = text.replace("\u2212", "-").replace("\u00a0", " ").replace("\u2009", " ")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text)


def _split_hedge(words: str) -> tuple[Hedge, str]:
    for prefix in _HEDGE_PREFIXES:
        if words.startswith(prefix + " "):
            return HEDGES[prefix], words[len(prefix) + 1 :]
    return Hedge.none, words


def _read(original: str, words: str, hedge: Hedge) -> Figure | None:
    for form in (_change, _multiple, _rate, _per_period, _range):
        figure = form(original, words, hedge)
        if figure is not None:
            return figure
    return _simple(original, words, hedge)


CURRENCIES = ("$", "£", "€")


def _simple(original: str, words: str, hedge: Hedge) -> Figure | None:
    if words[:1] in CURRENCIES:
        # "$434 billion" is 434 billion of a currency: the sign is kept, the value is the number.
        amount = _simple(original, words[1:].lstrip(), hedge)
        if amount is None or amount.kind not in (Kind.count, Kind.number):
            return None
        return replace(amount, currency=words[0])
    if words in ("a majority", "the majority", "most", "majority"):
        # "a majority" is "more than half"; a hedge before it would make no sense.
        return Figure(original, HALF, FRACTION_HALF_WIDTH * 2, Hedge.more_than, Kind.fraction)
    numeral = _NUMBER_WITH_SUFFIX.fullmatch(words)
    if numeral:
        return _numeral_figure(
            original, numeral["num"], hedge, numeral["scale"], _SUFFIXES.get(numeral["suffix"])
        )
    fraction = _fraction(words)
    if fraction is not None:
        return Figure(original, fraction, FRACTION_HALF_WIDTH * 2, hedge, Kind.fraction,
                      in_words=_SLASH.fullmatch(words) is None)  # fmt: skip
    ratio = _RATIO.fullmatch(words)
    if ratio:
        k, n = _whole_number(ratio["k"]), _whole_number(ratio["n"])
        if k is not None and n is not None and n > 0:
            return Figure(
                original, Fraction(k, n), Fraction(0), hedge, Kind.ratio,
                denominator=Fraction(n), numerator=Fraction(k),
            )  # fmt: skip
        if n == 0:
            raise FigureError(f"{original!r} has a ratio out of zero")
        return None
    count = _number_words(words)
    if count is not None:
        unit = _capped_unit(Fraction(count), _unit_of_integer(count), Fraction(1))
        return Figure(original, Fraction(count), unit, hedge, Kind.count,
                      round=count >= 10 and count % 10 == 0)  # fmt: skip
    return None


def is_plain_count(text: str) -> bool:
    """'4,561', '12000': a whole number that parse_figure is sure to read."""
    return len(text) <= MAX_DIGITS and _PLAIN_COUNT.fullmatch(text) is not None


def _plain_count(text: str) -> Figure:
    """'4,561' or '12000': the commonest figure, read with integer arithmetic only."""
    n = int(text.replace(",", ""))
    unit = 1
    while n and n % (unit * 10) == 0:
        unit *= 10
    if unit > 1:  # the cap of ROUND_NUMBER_MAX_HALF_WIDTH, in whole numbers
        capped = 2 * ROUND_NUMBER_MAX_HALF_WIDTH * n
        return Figure(text, Fraction(n), max(Fraction(1), min(Fraction(unit), capped)),
                      Hedge.none, Kind.count, round=True)  # fmt: skip
    return Figure(text, Fraction(n), Fraction(1), Hedge.none, Kind.count)


def _numeral_figure(
    original: str, numeral: str, hedge: Hedge, scale: str | None, kind: Kind | None
) -> Figure:
    digits = numeral.replace(",", "").lstrip("+")
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        raise FigureError(f"{original!r} has more than {MAX_DIGITS} digits")
    value = Fraction(digits)
    whole, _, decimals = digits.lstrip("-").partition(".")
    # Round: whole and ending in zeros ("12,000", "50%"), or whole with a scale word ("3 billion").
    is_round = not decimals and (_unit_of_integer(int(whole)) > 1 or scale is not None)
    if decimals:
        unit = Fraction(1, 10 ** len(decimals))
    elif kind in (Kind.percent, Kind.points):
        # Percentages are rounded to the digit written: "50%" is 49.5% to 50.5% (but round).
        unit = Fraction(1)
    else:
        unit = _unit_of_integer(int(whole))
    multiplier = Fraction(SCALES[scale]) if scale else Fraction(1)
    if kind in (Kind.percent, Kind.points):
        multiplier /= 100
    exact = value * multiplier
    unit *= multiplier
    if not decimals:
        unit = _capped_unit(exact, unit, Fraction(1, 100) if kind else Fraction(1))
    resolved = kind or (Kind.count if exact.denominator == 1 else Kind.number)
    return Figure(original, exact, unit, hedge, resolved, round=is_round)


def _capped_unit(value: Fraction, unit: Fraction, one: Fraction) -> Fraction:
    """The unit of a whole number whose last digits are zeros, capped (see ROUND_NUMBER_...)."""
    if unit <= one:
        return unit
    return max(one, min(unit, 2 * ROUND_NUMBER_MAX_HALF_WIDTH * abs(value)))


def _unit_of_integer(n: int) -> Fraction:
    """Trailing zeros are not significant: 12,000 is written to the thousand, 4,561 to the one."""
    n = abs(n)
    unit = 1
    while n and n % (unit * 10) == 0:
        unit *= 10
    return Fraction(unit)


def _fraction(words: str) -> Fraction | None:
    slash = _SLASH.fullmatch(words)
    if slash:
        k, n = int(slash["k"]), int(slash["n"])
        if n == 0:
            raise FigureError(f"{words!r} divides by zero")
        return Fraction(k, n)
    parts = words.replace("-", " ").split(" ")
    if len(parts) == 1 and parts[0] == "half":
        return HALF
    if len(parts) == 2 and parts[1] in _DENOMINATORS and parts[0] in _ONES:
        numerator = _ONES[parts[0]]
        if numerator > 0:
            return Fraction(numerator, _DENOMINATORS[parts[1]])
    return None


def _whole_number(words: str) -> int | None:
    if _PLAIN_COUNT.fullmatch(words):
        return int(words.replace(",", ""))
    return _number_words(words)


def _number_words(words: str) -> int | None:
    """'thirty-one' -> 31, 'a dozen' -> 12, 'twelve thousand' -> 12000, 'a hundred' -> 100.

    Strict English number grammar, so that what is not a number is not read as one: each
    scale word at most once and in falling order ("twelve trillion trillion", "a hundred
    thousand million" are refused), "hundred" only after one to nine ("one hundred hundred"
    is refused), tens before ones ("one twenty" is refused)."""
    tokens = [t for t in words.replace("-", " ").split(" ") if t and t != "and"]
    if not tokens:
        return None
    total, group = 0, _Group()
    last_scale = None
    for position, token in enumerate(tokens):
        if token in ("a", "an"):
            if position != 0 or len(tokens) == 1:
                return None
            group.ones, group.article, group.words = 1, True, 1
        elif _PLAIN_COUNT.fullmatch(token) and position == 0 and len(tokens) > 1:
            group.value_from_digits = int(token.replace(",", ""))
        elif token in SCALES and token != "hundred":
            scale = SCALES[token]
            if group.empty or (last_scale is not None and scale >= last_scale):
                return None
            total += group.value * scale
            group, last_scale = _Group(), scale
        elif group.add(token):
            group.words += 1
        else:
            return None
    if group.empty and last_scale is None:
        return None
    return total + group.value


class _Group:
    """One to 999 in words: [ones hundred] [tens] [ones | teens], or a dozen."""

    def __init__(self) -> None:
        self.hundreds = 0
        self.tens = 0
        self.ones = 0
        self.article = False
        self.dozen = False
        self.words = 0  # number words taken: "zero" is a group too
        self.value_from_digits: int | None = None

    @property
    def empty(self) -> bool:
        return not self.words and self.value_from_digits is None

    @property
    def value(self) -> int:
        if self.value_from_digits is not None:
            return self.value_from_digits
        small = self.tens + self.ones
        return self.hundreds * 100 + (small * 12 if self.dozen else small)

    def add(self, token: str) -> bool:
        if self.value_from_digits is not None or self.dozen:
            return False
        if token == "hundred":
            if self.hundreds or self.tens or not 1 <= self.ones <= 9:
                return False
            self.hundreds, self.ones, self.article = self.ones, 0, False
            return True
        if token == "dozen":
            if self.hundreds or self.tens or not 1 <= self.ones <= 9:
                return False
            self.dozen = True
            return True
        if self.article:
            return False  # "a" is followed by hundred, dozen or a scale word only
        if token in _TENS:
            if self.tens or self.ones:
                return False
            self.tens = _TENS[token]
            return True
        if token in _ONES and token not in ("a", "an"):
            value = _ONES[token]
            if self.ones or (self.tens and value >= 10) or (value == 0 and self.words):
                return False
            self.ones = value
            return True
        return False


# --- changes, multiples, rates, periods and ranges ----------------------------------------

_UP = (
    "rose|risen|rises|rise|increased|increases|increase|grew|grown|grows|climbed|climbs|"
    "jumped|jumps|went up|gone up|goes up|up|gained|gains|soared|surged"
)
_DOWN = (
    "fell|fallen|falls|fall|dropped|drops|declined|declines|decreased|decreases|went down|"
    "gone down|goes down|down|lost|shrank|shrunk|shrinks|slid|plunged|tumbled|cut"
)
_CHANGE_VERB = re.compile(rf"(?P<verb>{_UP}|{_DOWN})(?: by)? (?P<rest>.+)")
_CHANGE_NOUN = re.compile(
    r"an? (?P<rest>.+?) (?P<noun>increase|rise|jump|gain|growth|drop|fall|decline|decrease|cut|"
    r"reduction)"
    # "a drop of 2 percentage points"
    r"|an? (?P<noun_of>increase|rise|jump|gain|drop|fall|decline|decrease|cut|reduction) of "
    r"(?P<rest_of>.+)"
)
# "17 percent less (than)": the thing compared is that much below the other.
_COMPARATIVE = re.compile(
    r"(?P<rest>.+?) (?P<noun>less|fewer|lower|smaller|cheaper|more|higher|larger|greater|"
    r"bigger)(?: than)?"
    # "15 percent over (the limit)": that much above it
    r"|(?P<rest_of>.+?) (?P<noun_of>over|above|below|under)"
)
_DOWN_WORDS = frozenset(_DOWN.split("|")) | {"drop", "fall", "decline", "decrease", "cut",
                                             "reduction", "less", "fewer", "lower", "smaller",
                                             "cheaper", "below", "under"}  # fmt: skip
# Whole words for a change, read to the nearest percentage point like fraction words.
_CHANGE_WORDS = {
    "doubled": Fraction(1), "tripled": Fraction(2), "trebled": Fraction(2),
    "quadrupled": Fraction(3), "halved": Fraction(-1, 2), "unchanged": Fraction(0),
    "flat": Fraction(0), "stayed flat": Fraction(0), "was unchanged": Fraction(0),
    "held steady": Fraction(0), "double": Fraction(1), "doubles": Fraction(1),
    "triple": Fraction(2), "triples": Fraction(2), "halve": Fraction(-1, 2),
    "cut in half": Fraction(-1, 2),
}  # fmt: skip


def _change(original: str, words: str, hedge: Hedge) -> Figure | None:
    """'rose 50%' +50%, 'a 20% drop' -20%, 'fell by a third' -1/3, 'doubled' +100%, 'up 5
    percentage points' +5 points. A hedge may stand before the verb ('more than doubled') or
    after it ('rose nearly 50%')."""
    if words in _CHANGE_WORDS:
        halves = words in ("halved", "halve", "cut in half")  # "a half", read as a fraction is
        return Figure(original, _CHANGE_WORDS[words], FRACTION_HALF_WIDTH * 2, hedge,
                      Kind.change, in_words=halves)  # fmt: skip
    match = (
        _CHANGE_VERB.fullmatch(words)
        or _CHANGE_NOUN.fullmatch(words)
        or _COMPARATIVE.fullmatch(words)
    )
    if match is None:
        return None
    groups = match.groupdict()
    verb = groups.get("verb") or groups.get("noun") or groups["noun_of"]
    inner_hedge, rest = _split_hedge(groups.get("rest") or groups["rest_of"])
    if inner_hedge is not Hedge.none:
        if hedge is not Hedge.none:
            return None
        hedge = inner_hedge
    size = _simple(original, rest, Hedge.none)
    if size is None or size.value < 0:
        return None
    sign = -1 if verb in _DOWN_WORDS else 1
    if size.kind is Kind.points:
        return replace(size, value=sign * size.value, hedge=hedge)
    if size.kind in (Kind.percent, Kind.fraction):
        return replace(size, value=sign * size.value, hedge=hedge, kind=Kind.change)
    return None  # "rose 500": an absolute change, which needs its own measure


_MULTIPLE = re.compile(
    r"(?:(?P<word>twice|thrice|half)|(?P<n>.+?) times) (?P<tail>as \w+|more|more \w+|"
    r"larger|higher|bigger|greater|longer|faster)"
    # "nearly double the national rate", "three times the cost": never "half the", a share
    r"|(?:(?P<the_word>twice|thrice|double|triple)|(?P<the_n>.+?) times) the"
)
_MULTIPLE_WORDS = {"twice": Fraction(2), "thrice": Fraction(3), "half": Fraction(1, 2),
                   "double": Fraction(2), "triple": Fraction(3)}  # fmt: skip


# "a 3-to-1 margin", "two-to-one", "a 2 to 1 ratio": N times the other. A bare "3 to 1" stays a
# range (refused, high to low), since nothing says it compares.
_TO_ONE = re.compile(
    r"(?:an? )?(?P<n>[^ ]+?)(?:-to-(?:1|one)(?: (?:margin|ratio|edge|advantage))?"
    r"| to (?:1|one) (?:margin|ratio|edge|advantage))"
)


def _multiple(original: str, words: str, hedge: Hedge) -> Figure | None:
    """'twice as many' 2, 'three times as likely' 3, '2.5 times as many' 2.5, 'a 3-to-1 margin'
    3. 'N times more' is ambiguous (N times, or N + 1 times): it is read as N times, and the
    reading says so."""
    to_one = _TO_ONE.fullmatch(words)
    if to_one is not None:
        size = _simple(original, to_one["n"], Hedge.none)
        if size is None or size.kind not in (Kind.count, Kind.number) or size.value <= 0:
            return None
        return Figure(original, size.value, size.unit, hedge, Kind.multiple)
    match = _MULTIPLE.fullmatch(words)
    if match is None:
        return None
    word, times = match["word"] or match["the_word"], match["n"] or match["the_n"]
    if word:
        value, unit = (
            _MULTIPLE_WORDS[word],
            Fraction(1) if word != "half" else FRACTION_HALF_WIDTH * 2,
        )
    else:
        size = _simple(original, times, Hedge.none)
        if size is None or size.kind not in (Kind.count, Kind.number) or size.value <= 0:
            return None
        value, unit = size.value, size.unit
    note = None
    tail = match["tail"] or ""
    if tail.startswith("more") and not tail.startswith("more likely"):
        note = (f"'{original.strip()}' is read as {decimal_text(value)} times as many; some "
                f"read 'times more' as {decimal_text(value + 1)} times.")  # fmt: skip
    return Figure(original, value, unit, hedge, Kind.multiple, note=note)


_RATE = re.compile(r"(?P<k>.+?) (?:per|in every|for every) (?P<n>[\d,]+|hundred|thousand|"
                   r"million|a hundred|a thousand|a million)")  # fmt: skip
_POPULATIONS = {"hundred": 100, "a hundred": 100, "thousand": 1000, "a thousand": 1000,
                "million": 10**6, "a million": 10**6}  # fmt: skip


def _rate(original: str, words: str, hedge: Hedge) -> Figure | None:
    """'680 per 100,000' 680/100,000, read to the unit of its count: 679.5 to 680.5 per
    100,000."""
    match = _RATE.fullmatch(words)
    if match is None:
        return None
    n_text = match["n"]
    n = _POPULATIONS.get(n_text) or (
        int(n_text.replace(",", "")) if _PLAIN_COUNT.fullmatch(n_text) else 0
    )
    if n < 2:
        return None
    count = _simple(original, match["k"], Hedge.none)
    if count is None or count.kind not in (Kind.count, Kind.number):
        return None
    return Figure(original, count.value / n, count.unit / n, hedge, Kind.rate,
                  denominator=Fraction(n), numerator=count.value)  # fmt: skip


_PERIOD_WORDS = (
    r"(?:(?:a|an|per|each|every) (?P<per>year|month|week|day|hour)|"
    r"(?P<adverb>annually|yearly|monthly|weekly|daily))"
)
_PER_PERIOD = re.compile(rf"(?P<figure>.+?) {_PERIOD_WORDS}")
_PERIOD_ALONE = re.compile(_PERIOD_WORDS)
_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
            "daily": "day"}  # fmt: skip


def _per_period(original: str, words: str, hedge: Hedge) -> Figure | None:
    """'about 1,700 a year', '250 per month', 'four a day': the number, the period kept."""
    match = _PER_PERIOD.fullmatch(words)
    if match is None:
        return None
    figure = _simple(original, match["figure"], hedge)
    if figure is None or figure.kind not in (Kind.count, Kind.number):
        return None
    return replace(figure, per=match["per"] or _ADVERBS[match["adverb"]])


def rate_period(words: str) -> str | None:
    """The period a rate alone names, as a figure's `per` has it ("a month", "per year",
    "annually" -> "month", "year", "year"); None for any other words ("in 2023")."""
    match = _PERIOD_ALONE.fullmatch(" ".join(words.lower().split()))
    return None if match is None else match["per"] or _ADVERBS[match["adverb"]]


_RANGE = re.compile(
    r"between (?P<a>.+?) and (?P<b>.+)|(?P<c>.+?) to (?P<d>.+)|"
    r"(?P<e>\d[\d,.]*) ?- ?(?P<f>\d[\d,.]*(?: ?(?:%|percent|per cent))?)"
)


def _range(original: str, words: str, hedge: Hedge) -> Figure | None:
    """'between 10% and 20%', '10 to 20 percent', '10-20%', 'between 4,000 and 5,000': the
    closed interval from one end to the other. A suffix on the second end applies to both."""
    match = _RANGE.fullmatch(words)
    if match is None:
        return None
    a_text, b_text = next((a, b) for a, b in ((match["a"], match["b"]), (match["c"], match["d"]),
                                              (match["e"], match["f"])) if a)  # fmt: skip
    high = _simple(original, b_text, Hedge.none)
    if high is None:
        return None
    low = _simple(original, a_text, Hedge.none)
    if low is not None and low.kind in (Kind.count, Kind.number) and high.kind.in_percent:
        suffix = b_text[len(b_text.rstrip("%ercntp ")) :]
        low = _simple(original, a_text + suffix, Hedge.none)
    if low is None or (
        low.kind is not high.kind and not ({low.kind, high.kind} <= {Kind.count, Kind.number})
    ):
        return None
    if low.value >= high.value:
        raise FigureError(f"{original!r} is a range from high to low; write the lower end first")
    middle = (low.value + high.value) / 2
    return Figure(original, middle, high.value - low.value, hedge, high.kind,
                  bounds=(low.value, high.value))  # fmt: skip


# --- describing ----------------------------------------------------------------------------


def decimal_text(value: Fraction, places: int = 4) -> str:
    """A decimal with at most `places` decimals, trailing zeros dropped: 0.1375, 12, 4561.5.

    Rounds half away from zero, in integers: display is the hot path of a large check run.
    """
    return _decimal(value.numerator, value.denominator, places)


def _decimal(numerator: int, denominator: int, places: int) -> str:
    scaled, remainder = divmod(abs(numerator) * 10**places, denominator)
    if 2 * remainder >= denominator:
        scaled += 1
    sign = "-" if numerator < 0 and scaled else ""
    whole, rest = divmod(scaled, 10**places)
    digits = f"{rest:0{places}d}".rstrip("0") if places else ""
    return f"{sign}{whole:,}" + (f".{digits}" if digits else "")


def exact_decimal(value: Fraction, significant: int = 15) -> tuple[str, bool]:
    """The decimal expansion of value: exact if it terminates, else `significant` digits."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator == 1:
        return decimal_text(value, max(twos, fives)).replace(",", ""), True
    whole = abs(value.numerator) // value.denominator
    if whole:
        places = max(significant - len(str(whole)), 0)
    else:
        # Leading zeros after the point do not count as significant digits.
        leading_zeros = len(str(value.denominator // abs(value.numerator))) - 1
        places = significant + leading_zeros
    return decimal_text(value, places).replace(",", ""), False


def percent_text(value: Fraction, places: int = 2) -> str:
    return _decimal(value.numerator * 100, value.denominator, places) + "%"


def one_in_text(value: Fraction, places: int = 2) -> str | None:
    """'one in 7.27' for 4561/33179; None where it reads badly (zero, negative, above one)."""
    if value <= 0 or value > 1:
        return None
    return f"one in {decimal_text(1 / value, places)}"


_WORDS_UNDER_21 = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip


def number_word(n: int) -> str:
    return _WORDS_UNDER_21[n] if 0 <= n <= 20 else f"{n:,}"


def describe_interval(interval: Interval, kind: Kind, places: int = 2) -> str:
    def show(x: Fraction) -> str:
        if kind is Kind.change:
            return ("+" if x > 0 else "") + percent_text(x, places)
        if kind.in_percent:
            return percent_text(x, places)
        return decimal_text(x, places)

    lo, hi = interval.lo, interval.hi
    if lo is not None and hi is not None:
        if lo == hi:
            return f"exactly {show(lo)}"
        return f"{show(lo)} to {show(hi)}"
    if lo is not None:
        return f"{'above' if interval.lo_open else 'at least'} {show(lo)}"
    if hi is not None:
        return f"{'below' if interval.hi_open else 'at most'} {show(hi)}"
    return "any value"
