"""Opposite recorded stances on one proposition, or a recorded `disputes` link."""

from __future__ import annotations

from factcheck.compare.models import Confidence, Conflict, Evidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading

STANCE_CAVEAT = (
    "Stances and disputes are the desk's reading: check they are towards the same reading "
    "of the proposition."
)


class Recorded:
    rule = Rule.recorded

    def find(self, pair: Pair) -> Finding | None:
        a, b = pair.a.claim, pair.b.claim
        reasons, evidence = [], []
        if a.about and a.about == b.about and a.stance and b.stance and a.stance != b.stance:
            reasons.append(f"{a.speaker} {a.stance} and {b.speaker} {b.stance} '{a.about}'")
            evidence += [
                Evidence(claim=a.id, field="stance", text=a.stance),
                Evidence(claim=b.id, field="stance", text=b.stance),
            ]
        for x, y in ((a, b), (b, a)):
            if y.id in x.disputes:
                reasons.append(f"{x.speaker}'s claim is recorded as disputing {y.id}")
                evidence.append(Evidence(claim=x.id, field="disputes", text=y.id))
        if not reasons:
            return None
        caveats = [STANCE_CAVEAT]
        measures = pair.apart
        if measures:
            caveats.append(
                f"Their figures measure different things ({measures}): both can be true."
            )
        return Finding(
            rule=self.rule,
            confidence=Confidence.high,
            explanation="; ".join(reasons) + ".",
            evidence=evidence,
            caveats=caveats,
            resource="the desk's records",
        )


def sides(proposition: str, readings: list[Reading]) -> Conflict | None:
    """One finding for a crowded proposition: the claims that affirm it against those that
    deny it, each listed once; None when every recorded stance is on one side."""
    by_stance: dict[str, list[str]] = {"affirms": [], "denies": []}
    for reading in readings:
        if reading.claim.stance in by_stance:
            by_stance[reading.claim.stance].append(reading.claim.id)
    affirming, denying = by_stance["affirms"], by_stance["denies"]
    if not affirming or not denying:
        return None
    return Conflict(
        claims=[*affirming, *denying],
        proposition=proposition,
        paired_by=f"same proposition '{proposition}'",
        rule=Rule.recorded,
        confidence=Confidence.high,
        explanation=(
            f"{len(affirming)} claims affirm '{proposition}' and {len(denying)} deny it "
            "(recorded stances)."
        ),
        evidence=[],
        caveats=[STANCE_CAVEAT],
        resource="the desk's records",
        also=[],
        sides=by_stance,
    )
