"""Verdicts: does a figure as written hold for a value computed exactly?

The rules, in order (docs/quantities.md has them as a table, with worked examples):

1. `uncheckable`: there is no value to compare (division by zero, a missing input).
2. `consistent`: the computed interval meets what the figure as written claims (its rounding
   interval, or the side of its bound for "more than" and the like).
3. `gross`: a direction or threshold error ("more than half" for 40%), a wrong sign, or a miss
   by a factor of two or more ("12%" for 1.2%).
4. `approximate`: the figure is hedged with "about" (or "nearly", "just over") or is a round
   number, and the computed value lies within 10% of it.
5. `inconsistent`: anything else.
"""

from __future__ import annotations

from fractions import Fraction

from pydantic import BaseModel

from factcheck.choices import FAILING_BY_DEFAULT as FAILING_BY_DEFAULT  # re-exported
from factcheck.choices import Verdict as Verdict
from factcheck.figures.expression import (
    Node,
    Resolver,
    Undefined,
    Value,
    change_parts,
    evaluate,
    in_points,
    parse,
)
from factcheck.figures.quantity import (
    APPROXIMATE_TOLERANCE,
    Figure,
    Hedge,
    Interval,
    Kind,
    decimal_text,
    exact_decimal,
    number_word,
    one_in_text,
    parse_figure,
    percent_text,
)


class Bounds(BaseModel):
    lo: str | None
    hi: str | None


class Computed(BaseModel):
    """A computed value in every useful form; strings, so that no float ever rounds it."""

    fraction: str
    value: str
    value_exact: bool
    percent: str | None  # None for a count: 13,385 people are no percentage
    one_in: str | None
    interval: Bounds

    @staticmethod
    def of(result: Value, count: bool = False, change: bool = False) -> Computed:
        """A count has no percentage; a change is no share of a whole: "80%", never
        "one in 1.25"."""
        point = result.point
        decimal, exact = exact_decimal(point)
        lo, hi = result.interval.lo, result.interval.hi
        return Computed(
            fraction=str(point),
            value=decimal,
            value_exact=exact,
            percent=None if count else percent_text(point),
            one_in=None if count or change else one_in_text(point),
            interval=Bounds(
                lo=None if lo is None else exact_decimal(lo)[0],
                hi=None if hi is None else exact_decimal(hi)[0],
            ),
        )

    def readable(self, share: bool) -> str:
        """'0.1375 (13.75%, one in 7.27)' for shares; the decimal alone for counts."""
        number = decimal_text(Fraction(self.fraction), 4)
        if not share:
            return number
        forms = [f for f in (self.percent, self.one_in) if f]
        return f"{number} ({', '.join(forms)})"


class Judgement(BaseModel):
    verdict: Verdict
    claimed: str | None
    claimed_interval: str | None
    computed: Computed | None
    relative_error: str | None
    closer: str | None
    explanation: str


def judge(
    figure: Figure,
    result: Value,
    computation: str,
    parts: tuple[Fraction, Fraction] | None = None,
) -> Judgement:
    """The verdict on `figure` for the value of `computation`, with its explanation.
    `parts` (old, new) are the two ends when the computation is a change."""
    computed = Computed.of(result, change=parts is not None)
    c, v = result.point, figure.value
    share = figure.kind.in_percent
    opening = f"{computation} = {computed.readable(share)}."
    reading = " ".join(
        filter(None, [f"'{figure.text}' reads as {figure.describe_interval()}"
                      + (f" a {figure.per}" if figure.per else "") + ".",
                      figure.note, other_reading(figure, parts)])
    )  # fmt: skip
    error = _relative_error(v, c)
    error_text = _signed_percent(error) if error is not None else None

    def verdict(kind: Verdict, why: str, closer: str | None = None) -> Judgement:
        sentences = [opening, reading, why]
        if closer:
            sentences.append(f"'{closer}' is closer.")
        return Judgement(
            verdict=kind,
            claimed=figure.text,
            claimed_interval=figure.describe_interval(),
            computed=computed,
            relative_error=error_text,
            closer=closer,
            explanation=" ".join(sentences),
        )

    off = f"off by {_percent_abs(error)}" if error is not None else "off"
    if result.interval.overlaps(figure.claimed):
        return verdict(Verdict.consistent, _why_consistent(figure, result, off))
    closer = closer_phrasing(figure, c)
    gross = _gross_reason(figure, c)
    if gross:
        return verdict(Verdict.gross, gross, closer)
    band = figure.approximate_band
    if band is not None and result.interval.overlaps(band):
        allowance = (
            f"'{figure.hedge.value}'" if figure.hedge is not Hedge.none else "a round number"
        )
        tolerance = percent_text(APPROXIMATE_TOLERANCE, 0)
        why = (
            f"The computed value lies outside it, {off}: "
            f"within the {tolerance} that {allowance} allows."
        )
        return verdict(Verdict.approximate, why, closer)
    why = f"The computed value lies outside it, {off}: more than its rounding or hedge allows."
    return verdict(Verdict.inconsistent, why, closer)


def _why_consistent(figure: Figure, result: Value, off: str) -> str:
    """Why a figure holds. Its computed value may lie outside what it claims while the
    figures it is computed from, rounded as written, allow a value inside: say so, rather
    than call a value that lies outside "within"."""
    if figure.claimed.contains(result.point):
        return "The computed value lies within it."
    possible = figure.describe_interval(result.interval)
    return (f"The computed value lies outside it, {off}, but the figures it is computed from "
            f"are rounded: as written they allow {possible}, which meets it.")  # fmt: skip


def other_reading(figure: Figure, parts: tuple[Fraction, Fraction] | None) -> str | None:
    """Relative change and percentage points are the classic mix-up: say which one the
    figure used and what the other would be."""
    if parts is None:
        return None
    old, new = parts
    if figure.kind is Kind.change and 0 <= old <= 1 and 0 <= new <= 1:
        points = decimal_text((new - old) * 100, 2)
        return (f"It is read as a relative change; from {percent_text(old)} to "
                f"{percent_text(new)} is also a change of {points} percentage points.")  # fmt: skip
    if figure.kind is Kind.points and old != 0:
        relative = (new - old) / old
        word = "rise" if relative > 0 else "fall" if relative < 0 else "change"
        return (f"It is read as percentage points; as a relative change, {percent_text(old)} "
                f"to {percent_text(new)} is a {percent_text(abs(relative))} {word}.")  # fmt: skip
    return None


def change_values(node: Node, resolve: Resolver) -> tuple[Fraction, Fraction] | None:
    """The old and new values of a computation that is a change, if it is one."""
    ends = change_parts(node)
    if ends is None:
        return None
    try:
        return evaluate(ends[0], resolve).point, evaluate(ends[1], resolve).point
    except Undefined:
        return None


def uncheckable(figure: Figure | None, computation: str, reason: str) -> Judgement:
    return Judgement(
        verdict=Verdict.uncheckable,
        claimed=figure.text if figure else None,
        claimed_interval=figure.describe_interval() if figure else None,
        computed=None,
        relative_error=None,
        closer=None,
        explanation=f"{computation} cannot be computed: {reason}.",
    )


def _relative_error(claimed: Fraction, actual: Fraction) -> Fraction | None:
    """(claimed - actual) / |actual|: how far the figure is from the truth, as a share of it."""
    return None if actual == 0 else (claimed - actual) / abs(actual)


def _percent_abs(error: Fraction) -> str:
    return decimal_text(abs(error) * 100, 1) + "%"


def _signed_percent(error: Fraction) -> str:
    return ("+" if error >= 0 else "") + decimal_text(error * 100, 1) + "%"


def _gross_reason(figure: Figure, c: Fraction) -> str | None:
    v, hedge = figure.value, figure.hedge
    if hedge.directional:
        return (
            f"Threshold error: the computed value is not {hedge.value} "
            f"{figure.describe_interval(Interval.point(v)).removeprefix('exactly ')}."
        )
    if v == 0 or c == 0:
        return "Off entirely: one side is zero and the other is not." if v != c else None
    if (v > 0) != (c > 0):
        return "Wrong direction: the figure and the computed value have opposite signs."
    factor = max(v / c, c / v)
    if factor >= 2:
        return f"Off by a factor of {decimal_text(factor, 1)}."
    return None


# --- closer phrasings ----------------------------------------------------------------------

_SIMPLE_FRACTIONS = {
    Fraction(1, 2): "half", Fraction(1, 3): "a third", Fraction(2, 3): "two-thirds",
    Fraction(1, 4): "a quarter", Fraction(3, 4): "three quarters", Fraction(1, 5): "a fifth",
    Fraction(2, 5): "two-fifths", Fraction(3, 5): "three-fifths", Fraction(4, 5): "four-fifths",
    Fraction(1, 10): "a tenth",
}  # fmt: skip


def closer_phrasing(figure: Figure, c: Fraction) -> str | None:
    """A phrasing in the figure's own style that the computed value would make consistent."""
    # A loose hedge stays loose ("about one in seven"); a bound or "exactly" is dropped,
    # since the closer figure is a description of the value, not a new bound.
    prefix = "about " if figure.hedge.loose else ""
    phrase = _phrase(figure, c)
    if phrase is None:
        return None
    verb, _, rest = phrase.partition(" ")
    if prefix and figure.kind is Kind.change and rest:
        candidate = f"{verb} {prefix}{rest}"  # the hedge after the verb: "rose about 51%"
    else:
        candidate = prefix + phrase
    return None if candidate.lower() == figure.text.strip().lower() else candidate


def _phrase(figure: Figure, c: Fraction) -> str | None:
    kind = figure.kind
    if kind is Kind.change:
        if c == 0:
            return "unchanged"
        return f"{'rose' if c > 0 else 'fell'} {_percent_phrase(figure, abs(c))}"
    if kind is Kind.multiple:
        return f"{decimal_text(c, 1)} times as many"
    if kind is Kind.rate and figure.denominator:
        population = figure.denominator
        return f"{decimal_text(c * population, 1)} per {decimal_text(population, 0)}"
    if figure.per and figure.unit > 0 and kind in (Kind.count, Kind.number):
        rounded = round(c / figure.unit) * figure.unit
        return f"{decimal_text(rounded, max(0, _decimals(figure.unit)))} a {figure.per}"
    if kind is Kind.ratio and 0 < c <= 1:
        n = max(1, round(1 / c))
        return f"one in {number_word(n)}"
    if kind is Kind.fraction and 0 < c < 1:
        nearest = min(_SIMPLE_FRACTIONS, key=lambda f: abs(f - c))
        if abs(nearest - c) <= Fraction(1, 100):
            return _SIMPLE_FRACTIONS[nearest]
        return percent_text(c, 0)
    if kind in (Kind.percent, Kind.points, Kind.fraction, Kind.ratio):
        text = _percent_phrase(figure, c)
        return text if kind is not Kind.points else text.removesuffix("%") + " points"
    if figure.unit > 0:
        rounded = round(c / figure.unit) * figure.unit
        return decimal_text(rounded, max(0, _decimals(figure.unit)))
    return decimal_text(c, 2)


def _percent_phrase(figure: Figure, c: Fraction) -> str:
    kind = figure.kind
    places = max(figure.places - 2, 0) if kind in (Kind.percent, Kind.points, Kind.change) else 0
    while abs(c * 100) < Fraction(10) ** (1 - places) and places < 6 and c != 0:
        places += 1  # at least two significant digits: "1.2%", not "1%"
    return decimal_text(c * 100, places) + "%"


def _decimals(unit: Fraction) -> int:
    places = 0
    while (unit * 10**places).denominator != 1 and places < 12:
        places += 1
    return places


class Calculation(BaseModel):
    """`factcheck calc`: a value in every useful form and, given a figure, the verdict on it."""

    expression: str
    value: str | None
    value_exact: bool | None
    fraction: str | None
    percent: str | None
    one_in: str | None
    interval: Bounds | None
    verdict: Verdict | None = None
    claimed: str | None = None
    claimed_interval: str | None = None
    relative_error: str | None = None
    closer: str | None = None
    explanation: str | None = None


def calculate(text: str, claimed: str | None, resolve: Resolver) -> Calculation:
    """Evaluate `text`; with `claimed` (a figure as written), judge it. Raises on bad input:
    ExpressionError, FigureError, or Undefined when there is no figure to give a verdict on."""
    figure = parse_figure(claimed) if claimed is not None else None
    node, judged = as_judged(parse(text), text, figure)
    try:
        result = evaluate(node, resolve)
    except Undefined as error:
        if figure is None:
            raise
        judgement = uncheckable(figure, judged, str(error))
        return Calculation(
            expression=text, value=None, value_exact=None, fraction=None, percent=None,
            one_in=None, interval=None, **_verdict_fields(judgement),
        )  # fmt: skip
    computed = Computed.of(result, change=change_parts(node) is not None)
    fields = computed.model_dump(include={"value", "value_exact", "fraction", "percent", "one_in"})
    calculation = Calculation(expression=text, interval=computed.interval, **fields)
    if figure is None:
        return calculation
    judgement = judge(figure, result, judged, change_values(node, resolve))
    return calculation.model_copy(update=_verdict_fields(judgement))


def as_judged(node: Node, text: str, figure: Figure | None) -> tuple[Node, str]:
    """The computation a figure is judged against: a claim in percentage points is compared
    in points, so change(40%, 45%) is taken as 45% - 40% for "rose 5 percentage points"."""
    if figure is not None and figure.kind is Kind.points:
        converted = in_points(node)
        if converted is not None:
            return converted
    return node, text


def _verdict_fields(judgement: Judgement) -> dict[str, object]:
    return judgement.model_dump(
        include={
            "verdict",
            "claimed",
            "claimed_interval",
            "relative_error",
            "closer",
            "explanation",
        }
    )
