"""Contrasting evidence: figures of different measures on one proposition, read side by side."""

from __future__ import annotations

from factcheck.compare.models import Contrast, FigureView
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading


def contrast(pair: Pair) -> Contrast | None:
    a, b = pair.a.claim, pair.b.claim
    if not (a.about and a.about == b.about) or not pair.apart:
        return None
    return Contrast(
        claims=[a.id, b.id],
        proposition=a.about,
        figures=[*figures(pair.a), *figures(pair.b)],
        explanation=(
            f"{counts(pair.a)}; {counts(pair.b)}. Different measures of one proposition: "
            "evidence to read side by side, not a contradiction."
        ),
    )


def figures(reading: Reading) -> tuple[FigureView, ...]:
    """The claim's measured figures, made once a claim: a claim of a crowded proposition is
    in many contrasts, and its figures are the same in each."""
    if reading.figure_views is None:
        claim = reading.claim
        reading.figure_views = tuple(
            FigureView(claim=claim.id, quantity=name, value=q.value, measure=q.measure,
                       period=q.period_text or None)
            for name, q in claim.quantities.items()
            if q.measure
        )  # fmt: skip
    return reading.figure_views


def counts(reading: Reading) -> str:
    """'Kim Lee counts released (4,561, since 2025-01-20)'."""
    shown = ", ".join(
        f"{f.measure} ({f.value}{', ' + f.period if f.period else ''})" for f in figures(reading)
    )
    return f"{reading.claim.speaker} counts {shown}"
