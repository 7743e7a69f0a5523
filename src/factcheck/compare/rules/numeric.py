"""Figures of one `measure` whose claimed intervals cannot meet (hedges honoured)."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from factcheck.compare.models import Confidence, Evidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.figures.quantity import Interval, parse_figure, rate_period
from factcheck.model import Claim, Quantity


class Numeric:
    rule = Rule.numeric

    def find(self, pair: Pair) -> Finding | None:
        if pair.a.measures.isdisjoint(pair.b.measures):
            return None
        a, b = pair.a.claim, pair.b.claim
        for (name_a, qa), (name_b, qb) in _same_measure(a, b):
            fa, fb = parse_figure(qa.value), parse_figure(qb.value)
            (per_a, period_a), (per_b, period_b) = _rate(qa, fa.per), _rate(qb, fb.per)
            a_text, claimed_b, b_text = fa.claimed_text, fb.claimed, fb.claimed_text
            if per_a and per_b and per_a != per_b:
                factor = _EXACT_PERIODS.get((per_b, per_a))
                if factor is None:
                    continue  # 50 a day against 9,000 a month: not to be compared exactly
                claimed_b, per_b = _scaled(fb.claimed, factor), per_a  # now in a's period
                a_text = f"{a_text} a {per_a}"
                b_text = f"{fa.describe_interval(claimed_b)} a {per_a}"
            if fa.claimed.overlaps(claimed_b):
                continue
            same_period = (per_a, period_a, qa.since, qa.until) == (
                per_b, period_b, qb.since, qb.until)  # fmt: skip
            caveats = ["The two may count by different definitions or sources."]
            if not same_period:
                caveats.insert(0, f"The periods differ: {_period(qa, fa.per)} and "
                                  f"{_period(qb, fb.per)}.")  # fmt: skip
            return Finding(
                rule=self.rule,
                confidence=Confidence.high if same_period else Confidence.medium,
                explanation=(
                    f"Both count '{qa.measure}', but '{fa.text}' ({a_text}) and "
                    f"'{fb.text}' ({b_text}) cannot both hold."
                ),
                evidence=[
                    Evidence(claim=a.id, field=f"quantities.{name_a}", text=fa.text),
                    Evidence(claim=b.id, field=f"quantities.{name_b}", text=fb.text),
                ],
                caveats=caveats,
                resource="the recorded figures",
            )
        return None


def _same_measure(
    a: Claim, b: Claim
) -> Iterable[tuple[tuple[str, Quantity], tuple[str, Quantity]]]:
    for qa in a.quantities.items():
        for qb in b.quantities.items():
            if qa[1].measure and qa[1].measure == qb[1].measure:
                yield qa, qb


def _rate(quantity: Quantity, per: str | None) -> tuple[str | None, str | None]:
    """What a quantity is counted per, and its period otherwise: from its value ("1,700 a
    month"), else from a period that is a rate ("a month", as extract drafts "800 jobs a
    month"), which is then no period of its own."""
    if per is not None:
        return per, quantity.period
    from_period = rate_period(quantity.period or "")
    return (from_period, None) if from_period else (None, quantity.period)


def _period(quantity: Quantity, per: str | None) -> str:
    said = [f"a {per}" if per else "", quantity.period_text]
    return " ".join(p for p in said if p) or "no period given"


# Periods a figure converts between exactly (from, to): how many of `to` one `from` makes,
# inverted the other way. A month is 28 to 31 days and a year 365 or 366: those are left
# uncompared rather than compared at a rate nobody said.
_EXACT = {("year", "month"): Fraction(12), ("week", "day"): Fraction(7),
          ("day", "hour"): Fraction(24)}  # fmt: skip
_EXACT_PERIODS = {
    **{(big, small): 1 / n for (big, small), n in _EXACT.items()},
    **{(small, big): n for (big, small), n in _EXACT.items()},
}


def _scaled(interval: Interval, factor: Fraction) -> Interval:
    """The interval of a figure counted per one period, counted per another: 1,700 a month
    is 20,400 a year (factor 12)."""
    return Interval(None if interval.lo is None else interval.lo * factor,
                    None if interval.hi is None else interval.hi * factor,
                    interval.lo_open, interval.hi_open)  # fmt: skip
