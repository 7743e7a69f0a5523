"""Figures of one `measure` whose claimed intervals cannot meet (hedges honoured)."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.compare.models import Confidence, Evidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.figures.quantity import parse_figure
from factcheck.model import Claim, Quantity


class Numeric:
    rule = Rule.numeric

    def find(self, pair: Pair) -> Finding | None:
        if pair.a.measures.isdisjoint(pair.b.measures):
            return None
        a, b = pair.a.claim, pair.b.claim
        for (name_a, qa), (name_b, qb) in _same_measure(a, b):
            fa, fb = parse_figure(qa.value), parse_figure(qb.value)
            if fa.claimed.overlaps(fb.claimed):
                continue
            same_period = (qa.period, qa.since, qa.until) == (qb.period, qb.since, qb.until)
            caveats = ["The two may count by different definitions or sources."]
            if not same_period:
                caveats.insert(0, f"The periods differ: {_period(qa)} and {_period(qb)}.")
            return Finding(
                rule=self.rule,
                confidence=Confidence.high if same_period else Confidence.medium,
                explanation=(
                    f"Both count '{qa.measure}', but '{fa.text}' ({fa.claimed_text}) and "
                    f"'{fb.text}' ({fb.claimed_text}) cannot both hold."
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


def _period(quantity: Quantity) -> str:
    return quantity.period_text or "no period given"
