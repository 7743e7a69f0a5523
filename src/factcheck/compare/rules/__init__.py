"""The rules, one module each, behind one small protocol, in the order they are tried.

A rule looks at one pair of claims and returns a finding (what fired, with evidence, a
confidence and caveats) or None. A new rule is a module with an object that has `rule` and
`find`, added to RULES; nothing else changes.
"""

from __future__ import annotations

from typing import Protocol

from factcheck.compare.models import Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.rules import (
    antonym,
    category,
    negation,
    numeric,
    rebuttal,
    recorded,
    values,
)


class ConflictRule(Protocol):
    rule: Rule

    def find(self, pair: Pair) -> Finding | None: ...


RULES: list[ConflictRule] = [
    recorded.Recorded(),
    rebuttal.Rebuttal(),
    numeric.Numeric(),
    negation.Negation(),
    values.Values(),
    antonym.Antonyms(),
    category.Category(),
]
