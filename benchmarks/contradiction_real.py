"""Precision and recall of `factcheck compare` on real sentence pairs nobody here wrote.

    python benchmarks/contradiction_real.py              # ../shared/data/contradiction/dev.jsonl
    python benchmarks/contradiction_real.py PATH.jsonl   # another file of the same shape
    python benchmarks/contradiction_real.py --min-confidence medium
    python benchmarks/contradiction_real.py --misses 20 --false-alarms 40

Each labelled pair becomes one topic of two claims, text only (no about, stance, disputes or
figures), by two speakers whose names occur in no text, and the whole set goes through
`compare_all` once, as `factcheck compare --all` would take it. A pair counts as found when its
topic has a conflict at the chosen confidence or above.

Printed: precision, recall and F1 overall, per source and per rule, at the natural mix of the
file and on a balanced sample (per source, every contradiction and as many others drawn with a
fixed seed); the same overall figures for the odd and even halves of the file (the rules were
developed looking at odd-numbered pairs only, so the even half is the fairer figure); false
alarms and a sample of misses. The data is read from outside the package and never shipped.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.compare import Confidence, Conflict, compare_all
from factcheck.folder.store import Corpus
from factcheck.model import Claim

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "contradiction" / "dev.jsonl"
# Two invented names that occur in no text of the data, so no rule can lean on them.
SPEAKERS = ("Oriane Quillfeather", "Tobiah Marchbanks")


@dataclass(frozen=True)
class Pair:
    id: str
    source: str
    gold: bool  # labelled a contradiction
    text_a: str
    text_b: str


def read_pairs(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pairs.append(
            Pair(row["id"], row["source"], row["gold"] == "contradiction", row["text_a"],
                 row["text_b"])
        )  # fmt: skip
    return pairs


def corpus_of(pairs: Iterable[Pair]) -> Corpus:
    corpus = Corpus(root=Path("."))
    for pair in pairs:
        for side, text, speaker in (
            ("a", pair.text_a, SPEAKERS[0]),
            ("b", pair.text_b, SPEAKERS[1]),
        ):
            claim_id = f"{pair.id}-{side}"
            corpus.claims[claim_id] = Claim(
                id=claim_id, text=text, speaker=speaker, topics=[pair.id]
            )
    return corpus


def fired(conflicts: list[Conflict], minimum: Confidence) -> tuple[set[str], set[str]]:
    """The rules that fired at or above `minimum`: as the shown rule, and anywhere."""
    primary, anywhere = set(), set()
    for conflict in conflicts:
        findings = [conflict, *conflict.also]
        for finding in findings:
            if finding.confidence.rank >= minimum.rank:
                anywhere.add(finding.rule.value)
        kept = [f for f in findings if f.confidence.rank >= minimum.rank]
        if kept:
            primary.add(kept[0].rule.value)
    return primary, anywhere


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        fired = self.tp + self.fp
        return (
            f"| {name} | {fired} | {self.tp} | {p:.2f} | {self.tp + self.fn} | {self.tp} | "
            f"{r:.2f} | {f1:.2f} |"
        )


HEADER = (
    "| slice | fired | correct | precision | contradictions | found | recall | F1 |\n"
    "|---|---|---|---|---|---|---|---|"
)


def balanced(pairs: list[Pair], seed: int = 0) -> list[Pair]:
    rng = random.Random(seed)
    chosen: list[Pair] = []
    by_source: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_source[pair.source].append(pair)
    for source in sorted(by_source):
        group = by_source[source]
        yes = [p for p in group if p.gold]
        no = [p for p in group if not p.gold]
        chosen += yes + rng.sample(no, min(len(yes), len(no)))
    return chosen


def table(title: str, pairs: list[Pair], found: dict[str, tuple[set[str], set[str]]]) -> str:
    overall, by_source = Tally(), defaultdict(Tally)
    by_rule: dict[str, Tally] = defaultdict(Tally)
    rules = sorted({r for _, anywhere in found.values() for r in anywhere})
    for pair in pairs:
        primary, anywhere = found.get(pair.id, (set(), set()))
        overall.add(pair.gold, bool(primary))
        by_source[pair.source].add(pair.gold, bool(primary))
        for rule in rules:
            by_rule[rule].add(pair.gold, rule in anywhere)
    lines = [f"\n{title} ({len(pairs)} pairs, {sum(p.gold for p in pairs)} contradictions)",
             HEADER, overall.row("all")]  # fmt: skip
    lines += [by_source[s].row(f"source {s}") for s in sorted(by_source)]
    lines += [by_rule[r].row(f"rule {r} (fired anywhere)") for r in rules]
    return "\n".join(lines)


def show(title: str, pairs: list[Pair], found: dict[str, tuple[set[str], set[str]]],
         explain: dict[str, str], limit: int) -> str:  # fmt: skip
    lines = [f"\n{title} (first {min(limit, len(pairs))} of {len(pairs)})"]
    for pair in pairs[:limit]:
        rules = ",".join(sorted(found.get(pair.id, (set(), set()))[1])) or "-"
        lines.append(f"- {pair.id} [{pair.source}] {rules}: {explain.get(pair.id, '')}")
        lines.append(f"    A: {pair.text_a[:160]}")
        lines.append(f"    B: {pair.text_b[:160]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEV)
    parser.add_argument("--min-confidence", default="low", choices=[c.value for c in Confidence])
    parser.add_argument("--misses", type=int, default=10)
    parser.add_argument("--false-alarms", type=int, default=20)
    parser.add_argument("--half", choices=["odd", "even"], help="print examples of one half only")
    parser.add_argument(
        "--fired",
        type=Path,
        help="write each pair that fired (id, gold, rule) to this file, "
        "to diff two versions of the rules",
    )
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: no such file (the data lives in ../shared/data/contradiction/)",
              file=sys.stderr)  # fmt: skip
        return 2
    minimum = Confidence(args.min_confidence)
    pairs = read_pairs(args.path)
    corpus = corpus_of(pairs)

    started = time.perf_counter()
    comparisons = compare_all(corpus)
    elapsed = time.perf_counter() - started

    found: dict[str, tuple[set[str], set[str]]] = {}
    explain: dict[str, str] = {}
    for comparison in comparisons:
        pair_id = comparison.topic or ""
        found[pair_id] = fired(comparison.conflicts, minimum)
        if comparison.conflicts:
            explain[pair_id] = comparison.conflicts[0].explanation
    print(f"compare_all over {len(comparisons)} topics of two claims: {elapsed:.2f} s in-process;"
          f" counted at confidence >= {minimum.value}")  # fmt: skip
    if args.fired:
        args.fired.write_text(
            "".join(f"{p.id} {'contradiction' if p.gold else 'other'} {sorted(found[p.id][0])}\n"
                    for p in pairs if found.get(p.id, (set(),))[0]),
            encoding="utf-8",
        )  # fmt: skip
    print(table("Natural mix", pairs, found))
    print(table("Balanced sample, seed 0", balanced(pairs), found))
    odd = [p for p in pairs if int(p.id[1:]) % 2 == 1]
    even = [p for p in pairs if int(p.id[1:]) % 2 == 0]
    print(table("Odd half (looked at while developing)", odd, found).split("\n| source")[0])
    print(table("Even half (not looked at)", even, found).split("\n| source")[0])

    shown = {"odd": odd, "even": even}.get(args.half or "", pairs)
    false_alarms = [p for p in shown if not p.gold and found.get(p.id, (set(),))[0]]
    misses = [p for p in shown if p.gold and not found.get(p.id, (set(),))[0]]
    random.Random(1).shuffle(misses)
    print(show("False alarms", false_alarms, found, explain, args.false_alarms))
    print(show("Misses, a random sample", misses, found, explain, args.misses))
    counts = Counter(p.source for p in misses)
    print("\nmisses per source: " + ", ".join(f"{s} {n}" for s, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
