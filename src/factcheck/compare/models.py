"""The results of a comparison: conflicts with their findings and evidence, and contrasts."""

from __future__ import annotations

import enum

from pydantic import BaseModel

from factcheck.choices import Confidence as Confidence  # re-exported


class Rule(str, enum.Enum):
    """The rules, most certain first: the order in which a pair's findings are listed."""

    recorded = "recorded"
    rebuttal = "rebuttal"
    numeric = "numeric"
    negation = "negation"
    values = "values"
    antonym = "antonym"
    category = "category"


# The rules that read only the words of the texts: each finding of theirs is a suggestion.
TEXT_RULES = frozenset({Rule.negation, Rule.values, Rule.antonym, Rule.category})


class Evidence(BaseModel):
    """What made a rule fire: words of a claim's text (with offsets) or a field's value."""

    claim: str
    field: str
    text: str
    start: int | None = None
    end: int | None = None


class Finding(BaseModel):
    rule: Rule
    confidence: Confidence
    explanation: str
    evidence: list[Evidence]
    caveats: list[str]
    resource: str | None = None  # the word list or data that fired ("WordNet antonym")


class Conflict(BaseModel):
    claims: list[str]
    proposition: str | None
    paired_by: str
    rule: Rule
    confidence: Confidence
    explanation: str
    evidence: list[Evidence]
    caveats: list[str]
    resource: str | None = None
    also: list[Finding]
    # For a proposition with many claims on both sides: one finding, side against side, with
    # every claim listed once ({"affirms": [ids], "denies": [ids]}); None for a pair.
    sides: dict[str, list[str]] | None = None


class FigureView(BaseModel):
    claim: str
    quantity: str
    value: str
    measure: str
    period: str | None


class Contrast(BaseModel):
    claims: list[str]
    proposition: str | None
    figures: list[FigureView]
    explanation: str


class Comparison(BaseModel):
    topic: str | None
    about: str | None
    claims: int
    conflicts: list[Conflict]
    contrasts: list[Contrast]
    # Where a limit cut the work short: what was left out and why. Empty when nothing was.
    limits: list[str] = []


_RULE_ORDER = list(Rule)


def grouped(conflicts: list[Conflict]) -> list[Conflict]:
    """Grouped by proposition, groups with recorded conflicts first; within a group, by rule."""
    best: dict[str | None, int] = {}
    for c in conflicts:
        rank = _RULE_ORDER.index(c.rule)
        best[c.proposition] = min(rank, best.get(c.proposition, rank))
    return sorted(
        conflicts,
        key=lambda c: (
            best[c.proposition],
            c.proposition is None,
            c.proposition or "",
            _RULE_ORDER.index(c.rule),
            c.claims,
        ),
    )
