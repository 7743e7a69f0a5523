"""Precision and recall of `factcheck compare` on the labelled pairs in data/compare_pairs.toml.

python tests/compare_quality.py      # prints the table that docs/compare.md reports
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from factcheck.compare import TEXT_RULES, Rule, compare
from factcheck.model import Claim

PAIRS = Path(__file__).resolve().parent / "data" / "compare_pairs.toml"


def load_pairs() -> list[dict[str, Any]]:
    return tomli.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]


def claims_of(pair: dict[str, Any]) -> tuple[Claim, Claim]:
    ids = {"a": f"{pair['id']}-a", "b": f"{pair['id']}-b"}

    def claim(side: str) -> Claim:
        data = dict(pair[side])
        data["disputes"] = [ids[d] for d in data.get("disputes", [])]
        return Claim.model_validate({"id": ids[side], "topics": ["t"], **data})

    return claim("a"), claim("b")


def fired_rules(pair: dict[str, Any]) -> set[Rule]:
    comparison = compare(claims_of(pair), topic="t")
    rules: set[Rule] = set()
    for conflict in comparison.conflicts:
        rules |= {conflict.rule, *(f.rule for f in conflict.also)}
    return rules


@dataclass
class Score:
    fired: int = 0
    correct: int = 0  # fired on a pair labelled as conflicting
    expected: int = 0  # pairs labelled as conflicting and as this rule's to find
    found: int = 0  # of those, the ones where it fired
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.correct / self.fired if self.fired else None

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None


def expected_rules(label: str) -> set[Rule]:
    """The label "textual" is met by any rule that reads the words alone."""
    return set(TEXT_RULES) if label == "textual" else {Rule(label)}


def evaluate(held_out: bool | None = None) -> dict[str, Score]:
    """Scores per rule, for the text rules together ("textual") and for any rule; `held_out`
    picks the pairs not tuned on (or the rest)."""
    scores = {rule.value: Score() for rule in Rule}
    scores["textual"] = Score()
    overall = Score()
    for pair in load_pairs():
        if held_out is not None and pair["id"].startswith("held-") != held_out:
            continue
        rules = fired_rules(pair)
        conflict, expected = pair["conflict"], pair["rule"]
        names = {rule.value for rule in rules} | ({"textual"} if rules & TEXT_RULES else set())
        for name in names:
            scores[name].fired += 1
            scores[name].correct += conflict
            if not conflict:
                scores[name].false_alarms.append(pair["id"])
        if conflict and expected != "none":
            scores[expected].expected += 1
            if rules & expected_rules(expected):
                scores[expected].found += 1
            else:
                scores[expected].missed.append(pair["id"])
        overall.fired += bool(rules)
        overall.correct += bool(rules) and conflict
        overall.expected += conflict
        overall.found += bool(rules) and conflict
        if rules and not conflict:
            overall.false_alarms.append(pair["id"])
        if conflict and not rules:
            overall.missed.append(pair["id"])
    scores["any rule"] = overall
    return scores


def table(scores: dict[str, Score]) -> str:
    def show(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    lines = ["| rule | fired | correct | precision | to find | found | recall |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, s in scores.items():
        lines.append(
            f"| {name} | {s.fired} | {s.correct} | {show(s.precision)} | {s.expected} | "
            f"{s.found} | {show(s.recall)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    for title, held_out in (("all", None), ("tuned on", False), ("held out", True)):
        results = evaluate(held_out)
        print(f"\n{title}: {results['any rule'].expected} conflicting pairs")
        print(table(results))
        for name, s in results.items():
            if s.false_alarms or s.missed:
                print(f"{name}: false alarms {s.false_alarms}; missed {s.missed}")
