"""What a text says as values of an attribute: years, numbers, ordinals, months, days,
colours, nationalities, countries where they are places; two different ones on one slot cannot
both hold. Part of compare/reading.py's Reading, kept apart because it reads one thing
(issue 29: the Reading split by what it reads)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from factcheck.text.lexicon import is_irregular_form

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.text.lexicon import Lexicon, Token

# Cardinal words that name a number and little else ("one" is a pronoun as often).
_CARDINALS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
# A country is a value where it is a place: "lives in Japan", "fled to India", "from Chad".
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "of", "at", "into"})
# Names of months and days that are ordinary words too: a value only when capitalised.
_CAPITALISED_ONLY = frozenset({"may", "march", "august", "sun", "sat", "wed"})
MAX_VALUES = 50  # of one kind (years, colours, ...) in one claim, for the values rule


@dataclass(frozen=True, slots=True)
class Value:
    """A word or figure that is one value of an attribute: two different ones on the same
    slot cannot both be right ("born in 1941" / "born in 1997")."""

    index: int  # token position
    kind: str  # year, number, ordinal, month, day, colour, nationality
    key: str  # the value, normalised: "3" for "three"


class ReadsValues:
    """The values of a Reading (which gives the rest: its tokens, lexicon and assertions)."""

    tokens: tuple[Token, ...]
    claim: Claim
    lexicon: Lexicon
    limits: list[str]

    if TYPE_CHECKING:  # what Reading provides, named for the type checker

        def asserted(self, i: int) -> bool: ...

        def negated(self, i: int) -> bool: ...

    @functools.cached_property
    def values(self) -> tuple[Value, ...]:
        found = []
        for i in range(len(self.tokens)):
            value = self._value(i)
            if value is not None:
                found.append(Value(i, *value))
        return tuple(found)

    @functools.cached_property
    def value_indexes(self) -> frozenset[int]:
        return frozenset(v.index for v in self.values)

    def value_kind(self, i: int) -> str | None:
        return self.kinds_at.get(i)

    @functools.cached_property
    def kinds_at(self) -> dict[int, str]:
        return {v.index: v.kind for v in self.values}

    @functools.cached_property
    def plain_values(self) -> dict[str, list[Value]]:
        """The values of plain assertions, not negated, by kind: at most MAX_VALUES of a
        kind, since the values rule holds each against each of the other claim's."""
        by_kind: dict[str, list[Value]] = {}
        for value in self.values:
            if self.asserted(value.index) and not self.negated(value.index):
                by_kind.setdefault(value.kind, []).append(value)
        for kind, values in by_kind.items():
            if len(values) > MAX_VALUES:
                self.limits.append(
                    f"claim '{self.claim.id}' holds {len(values)} values of one kind "
                    f"({kind}): the first {MAX_VALUES} were compared by the values rule"
                )
                del values[MAX_VALUES:]
        return by_kind

    @functools.cached_property
    def values_per_sentence(self) -> dict[tuple[int, str], int]:
        """How many values of each kind each sentence holds."""
        counts: dict[tuple[int, str], int] = {}
        for v in self.values:
            key = (self.tokens[v.index].sentence, v.kind)
            counts[key] = counts.get(key, 0) + 1
        return counts

    def _a_colour(self, i: int) -> bool:
        """A colour word as itself (not "win" for "wine", which shares its stem) and not
        capitalised inside a sentence, where it is a name's ("the White House", "a Navy
        captain", "Wines believes")."""
        token, words = self.tokens[i], self.lexicon.value_words
        if token.lower not in words and not (token.lower[-1:] == "s" and token.lower[:-1] in words):
            return False
        first = i == 0 or self.tokens[i - 1].sentence != token.sentence
        return first or not token.capitalised

    def _value(self, i: int) -> tuple[str, str] | None:
        token = self.tokens[i]
        text = token.text
        if text.isdigit() and len(text) == 4 and 1000 <= int(text) <= 2099:
            return "year", text
        if text[0].isdigit():
            try:
                return "number", str(Fraction(text.replace(",", "")))
            except (ValueError, ZeroDivisionError):
                return None
        lower = token.lower
        if lower in _CARDINALS:
            return "number", str(_CARDINALS[lower])
        if lower in _ORDINALS:
            return "ordinal", str(_ORDINALS[lower])
        kind = self.lexicon.value_classes.get(token.stem)
        if kind is None or (lower in _CAPITALISED_ONLY and not token.capitalised):
            return None
        if is_irregular_form(lower):
            return None  # "won" is "win" as a verb, not the colour "wine"
        if kind in ("month", "day", "nationality", "country") and not token.capitalised:
            return None
        if kind == "colour" and not self._a_colour(i):
            return None
        if kind == "country" and not (i and self.tokens[i - 1].lower in _PLACE_PREPOSITIONS):
            return None  # "Jordan scored" and "Chad said" name people
        return kind, token.stem
