"""Precision and recall of the checks `extract` suggests, on real sentences labelled by hand.

    python benchmarks/relations.py            # needs ../shared/data (not in a plain clone)
    python benchmarks/relations.py --show     # also print every suggestion and every miss
    python benchmarks/relations.py --scan     # every suggestion over every sentence of the
                                              # sources (about 14,500 with a digit), to read
    python benchmarks/relations.py --draw 100 --seed 4  # unlabelled sentences with two or
                                              # more numbers and a relation word, to label

benchmarks/data/relations_labels.jsonl names real sentences with figures from
../shared/data (ClaimBuster, CheckThat! debates, the PolNeAR articles, the verified claims of
CheckThat! claim matching) by their place there, never by their text, and gives the relations
each states, if any: a change (its stated size and the two amounts it joins), a share (its
stated size, the part and the whole), a multiple ("a 3 to 1 margin"), and, outside what extract
suggests, a difference ("leads by 8 points, 49% to 41%"). The labels are the project's own
(one person, December 2026). Set "development" are the sentences read while the rules were
written; sets "held-out", "held-out-2" and "held-out-3" were drawn and labelled after the rules
of their day were frozen (the first two have since been read; docs/extract.md).

A suggestion is right when a labelled relation of its kind joins the same three numbers.
Recall is over changes, shares and multiples (what extract suggests); differences are counted
apart, as misses by design.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factcheck.extract.figures import figures  # noqa: E402
from factcheck.extract.relations import relations  # noqa: E402
from factcheck.text import sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
LABELS = ROOT / "benchmarks" / "data" / "relations_labels.jsonl"
SUGGESTED = ("change", "share", "multiple")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print suggestions and misses")
    parser.add_argument("--scan", action="store_true", help="suggest over every sentence")
    parser.add_argument("--draw", type=int, help="print N unlabelled sentences to label")
    parser.add_argument("--seed", type=int, default=0, help="the draw's random seed")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is not here: this benchmark needs the shared data")
    labels = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    if args.draw:
        _draw(args.draw, args.seed, {label["ref"] for label in labels})
        return
    if args.scan:
        _scan({label["ref"]: label for label in labels})
        return
    texts = _texts({label["ref"] for label in labels})
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for label in labels:
        text = texts[label["ref"]]
        found = figures(text)
        suggested = [(r, _numbers(found[r.stated].value, found[r.a].value, found[r.b].value))
                     for r in relations(text, found)]  # fmt: skip
        gold = [(g["kind"], _numbers(g["stated"], g["a"], g["b"])) for g in label["relations"]]
        for key in ((label["set"], label["source"]), (label["set"], "all")):
            count = tally[key]
            count["sentences"] += 1
            count["with a relation in scope"] += any(k in SUGGESTED for k, _ in gold)
            count["gold"] += sum(k in SUGGESTED for k, _ in gold)
            count["out of scope"] += sum(k not in SUGGESTED for k, _ in gold)
            count["suggested"] += len(suggested)
            count["right"] += sum((r.kind, n) in gold for r, n in suggested)
            count["found"] += sum(
                any((r.kind, n) == (k, g) for r, n in suggested) for k, g in gold if k in SUGGESTED
            )
        for relation, numbers in suggested:
            rules[relation.rule]["suggested"] += 1
            rules[relation.rule]["right"] += (relation.kind, numbers) in gold
        if args.show:
            _show(label, text, suggested, gold)
    _report(tally, rules)


def _scan(labelled: dict[str, dict[str, object]]) -> None:
    """Every suggestion over every sentence with a digit, marked right or wrong where the
    sentence is labelled: what a desk would be shown, to read one by one."""
    sentences_seen = suggestions = 0
    for ref, text in _every_sentence():
        if not re.search(r"\d", text):
            continue
        sentences_seen += 1
        found = figures(text)
        for relation in relations(text, found):
            suggestions += 1
            numbers = _numbers(found[relation.stated].value, found[relation.a].value,
                               found[relation.b].value)  # fmt: skip
            label = labelled.get(ref)
            gold = [
                (g["kind"], _numbers(g["stated"], g["a"], g["b"]))
                for g in (label["relations"] if label else [])
            ]  # type: ignore[attr-defined]
            mark = (
                "unlabelled"
                if label is None
                else "right"
                if (relation.kind, numbers) in gold
                else "WRONG"
            )
            print(f"{mark}: {relation.kind} {found[relation.stated].value!r} joins "
                  f"{found[relation.a].value!r} and {found[relation.b].value!r} "
                  f"({relation.rule}) :: {ref}")  # fmt: skip
    print(f"\n{suggestions} suggestions over {sentences_seen} sentences with a digit")


# Where relations are stated: two or more numbers and a word that relates them.
_RELATION_WORD = re.compile(
    r"\b(?:from|times|compared|margin|drop|increase|rise|rose|fell|jump|decline|double|doubled|"
    r"half|less than|more than|of the|or)\b", re.I)  # fmt: skip


def _draw(size: int, seed: int, labelled: set[str]) -> None:
    """`size` sentences not labelled yet, at random among those with two or more numbers and
    a relation word (stratum "cue"), as JSON lines to label."""
    import random

    pool = [(ref, text) for ref, text in _every_sentence()
            if ref not in labelled and len(re.findall(r"\d[\d,.]*", text)) >= 2
            and _RELATION_WORD.search(text)]  # fmt: skip
    for ref, text in random.Random(seed).sample(pool, size):
        print(json.dumps({"ref": ref, "text": text}, ensure_ascii=False))


def _every_sentence() -> list[tuple[str, str]]:
    every: list[tuple[str, str]] = []
    for name in (
        "claim-matching/verified_claims.tsv",
        "claim-matching-debates/verified_claims.tsv",
    ):
        with (DATA / name).open(encoding="utf-8") as handle:
            every += [(f"{name}#{row[0]}", row[1]) for row in csv.reader(handle, delimiter="\t")
                      if len(row) >= 2 and row[0]]  # fmt: skip
    for name in (
        "check-worthiness/train.jsonl",
        "check-worthiness/dev.jsonl",
        "check-worthiness-debates/train.jsonl",
        "check-worthiness-debates/dev.jsonl",
    ):
        every += [(f"{name}#{r['id']}", r["text"]) for r in map(json.loads, (DATA / name).open())]
    for record in map(json.loads, (DATA / "attribution/dev.jsonl").open(encoding="utf-8")):
        every += [(f"attribution/dev.jsonl#{record['id']}#{s.start}", s.text)
                  for s in sentences.split(record["text"])]  # fmt: skip
    return every


def _numbers(*values: str) -> tuple[str, ...]:
    """The digits of each figure, so "a 10 percent drop" and "10" compare equal."""
    return tuple(",".join(re.findall(r"\d+(?:\.\d+)?", v.replace(",", ""))) for v in values)


def _texts(refs: set[str]) -> dict[str, str]:
    """Each labelled sentence from ../shared/data, by its place: file#id, or, for a PolNeAR
    article, file#article#start of the sentence as factcheck's splitter cuts it."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for ref in refs:
        wanted[ref.split("#", 1)[0]].add(ref)
    texts: dict[str, str] = {}
    for name, refs_here in wanted.items():
        path = DATA / name
        if name.endswith(".tsv"):
            with path.open(encoding="utf-8") as handle:
                for row in csv.reader(handle, delimiter="\t"):
                    if len(row) >= 2 and f"{name}#{row[0]}" in refs_here:
                        texts[f"{name}#{row[0]}"] = row[1]
            continue
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if "attributions" in record:
                for sentence in sentences.split(record["text"]):
                    ref = f"{name}#{record['id']}#{sentence.start}"
                    if ref in refs_here:
                        texts[ref] = sentence.text
            elif f"{name}#{record['id']}" in refs_here:
                texts[f"{name}#{record['id']}"] = record["text"]
    missing = refs - texts.keys()
    if missing:
        sys.exit(f"{len(missing)} labelled sentences not found, e.g. {sorted(missing)[0]}")
    return texts


def _show(label: dict[str, object], text: str, suggested: list, gold: list) -> None:  # type: ignore[type-arg]
    for relation, numbers in suggested:
        mark = "right" if (relation.kind, numbers) in gold else "WRONG"
        print(f"{mark}: {relation.kind} {numbers} ({relation.rule}) :: {text[:160]}")
    for kind, numbers in gold:
        if not any((r.kind, n) == (kind, numbers) for r, n in suggested):
            print(f"missed: {kind} {numbers} :: {text[:160]}")


def _report(tally: dict[tuple[str, str], Counter[str]], rules: dict[str, Counter[str]]) -> None:
    print("| set | source | sentences | with a change, share or multiple | suggested | right | "
          "precision | stated changes, shares, multiples | found | recall | differences "
          "(not suggested) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (labelled, source), c in sorted(tally.items(), key=lambda kv: (kv[0][0], kv[0][1] == "all",
                                                                        kv[0][1])):  # fmt: skip
        precision = f"{c['right'] / c['suggested']:.2f}" if c["suggested"] else "-"
        recall = f"{c['found'] / c['gold']:.2f}" if c["gold"] else "-"
        print(f"| {labelled} | {source} | {c['sentences']} | {c['with a relation in scope']} | "
              f"{c['suggested']} | {c['right']} | {precision} | {c['gold']} | {c['found']} | "
              f"{recall} | {c['out of scope']} |")  # fmt: skip
    print("\n| rule | suggested | right |")
    print("|---|---|---|")
    for rule, c in sorted(rules.items()):
        print(f"| {rule} | {c['suggested']} | {c['right']} |")


if __name__ == "__main__":
    main()
