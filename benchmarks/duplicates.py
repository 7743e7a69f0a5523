"""`match --duplicates` by blocking (issue 29: at most 15x the tomli floor at 50k claims).

    python benchmarks/duplicates.py [N ...]     # default 10000 50000
    python benchmarks/duplicates.py --snopes   # blocking against all pairs on real claims

The first form times the whole command on bench_cli.py's generated folders, cold (an empty
cache: the folder is loaded and the index built) and warm (both from the cache), beside the
floor measured in the same run. The second builds the index of the 10,375 Snopes verified
claims (../shared/data/claim-matching) and lists their duplicates twice, in-process: matching
each claim against the whole archive (as before blocking) and by blocking; it prints the
pairs each finds and the CPU time of each.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from bench_cli import FLOOR, generate, timed, with_cache

if TYPE_CHECKING:
    from factcheck.match.index import Index


def cli(sizes: list[int]) -> None:
    print("| claims | tomli floor | cold | warm | peak |")
    print("|---|---|---|---|---|")
    for size in sizes:
        folder = generate(size)
        floor = timed([sys.executable, "-c", FLOOR, str(folder)], 3).seconds
        command = [sys.executable, "-m", "factcheck", "match", "--duplicates", "--json",
                   "--claims", str(folder)]  # fmt: skip
        with tempfile.TemporaryDirectory() as cache:
            env = with_cache(Path(cache))
            cold = timed(command, 1, env)
            warm = timed(command, 3, env)
        cold_text = f"{cold.seconds:.2f} s ({cold.seconds / floor:.2f}x)"
        warm_text = f"{warm.seconds:.2f} s ({warm.seconds / floor:.2f}x)"
        print(f"| {size:,} | {floor:.2f} s | {cold_text} | {warm_text} | {cold.peak_mb:,.0f} MB |")


def all_pairs(index: Index) -> list[tuple[str, str, float]]:
    """Each claim matched against the whole archive, BM25 alone proposing candidates."""
    from factcheck.match import run

    seen: set[tuple[int, int]] = set()
    pairs = []
    for number, document in enumerate(index.documents):
        for found in run.match(index, document.both, 5, leave_out=(number,), by_meaning=False):
            pair = (min(number, found.number), max(number, found.number))
            if found.score >= run.DUPLICATE_THRESHOLD and pair not in seen:
                seen.add(pair)
                first, second = (index.documents[n].id for n in pair)
                pairs.append((first, second, round(found.score, 3)))
    return pairs


def snopes() -> None:
    from claim_matching_data import verified_claims

    from factcheck.match import duplicates
    from factcheck.match.index import Document, Index

    documents = [Document(f"vclaim-{v}", text, headline or text)
                 for v, text, headline in verified_claims()]  # fmt: skip
    index = Index.built(documents)
    start = time.process_time()
    everything = all_pairs(index)
    middle = time.process_time()
    blocked = [(p.first.id, p.second.id, round(p.score, 3))
               for p in duplicates.duplicates(index)]  # fmt: skip
    end = time.process_time()
    before = {(a, b): s for a, b, s in everything}
    now = {(a, b): s for a, b, s in blocked}
    both = before.keys() & now.keys()
    print(f"{len(documents):,} Snopes claims")
    print(f"all pairs: {len(before):,} pairs, {middle - start:.1f} s CPU")
    print(f"blocking:  {len(now):,} pairs, {end - middle:.1f} s CPU")
    print(f"in both: {len(both):,}; all pairs only: {len(before.keys() - now.keys())}; "
          f"blocking only: {len(now.keys() - before.keys())}; "
          f"same pair, another score: {sum(before[k] != now[k] for k in both)}")  # fmt: skip
    for name, only in (("all pairs only", before.keys() - now.keys()),
                       ("blocking only", now.keys() - before.keys())):  # fmt: skip
        for pair in sorted(only):
            print(f"  {name}: {pair[0]} {pair[1]} {(before | now)[pair]}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--snopes"]:
        snopes()
    else:
        cli([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
