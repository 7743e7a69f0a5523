"""Contrasting evidence: figures of different measures on one proposition, read side by side."""

from __future__ import annotations

from factcheck.compare.models import Contrast, FigureView
from factcheck.compare.pairing import Pair


def contrast(pair: Pair) -> Contrast | None:
    a, b = pair.a.claim, pair.b.claim
    if not (a.about and a.about == b.about) or not pair.apart:
        return None
    figures = [
        FigureView(claim=c.id, quantity=name, value=q.value, measure=q.measure or "",
                   period=q.period_text or None)
        for c in (a, b)
        for name, q in c.quantities.items()
        if q.measure
    ]  # fmt: skip
    sides = [
        f"{c.speaker} counts "
        + ", ".join(f"{f.measure} ({f.value}{', ' + f.period if f.period else ''})"
                    for f in figures if f.claim == c.id)
        for c in (a, b)
    ]  # fmt: skip
    return Contrast(
        claims=[a.id, b.id],
        proposition=a.about,
        figures=figures,
        explanation=(
            f"{sides[0]}; {sides[1]}. Different measures of one proposition: evidence to "
            "read side by side, not a contradiction."
        ),
    )
