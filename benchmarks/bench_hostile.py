"""Time and peak memory of the inputs that once blew up, at growing sizes, as whole processes.

    python benchmarks/bench_hostile.py            # every case at its sizes
    python benchmarks/bench_hostile.py tables     # the cases whose name contains 'tables'

Each case writes a claims folder under benchmarks/.data/hostile/ and runs one command on it;
the figures printed are wall seconds and peak memory (max RSS of the child). Growth is linear
when the time multiplies by about the size factor between rows of one case.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data" / "hostile"


def claim(claim_id: str, text: str, speaker: str = "S", extra: str = "") -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'[[claims]]\nid = "{claim_id}"\nspeaker = "{speaker}"\ntopics = ["t"]\n'
        f'text = "{text}"\n{extra}\n'
    )


def repeated_sentences(n: int) -> str:
    """Two claims of n repeated sentences on one proposition (negation x predicate)."""
    about = 'about = "p"\nstance = "{}"\n'
    return claim("a", "Alpha does not follow rules. " * n, extra=about.format("denies")) + claim(
        "b", "Beta follows rules. " * n, "T", about.format("affirms")
    )


def crowded_proposition(n: int) -> str:
    """n claims on one proposition with alternating stance."""
    return "".join(
        claim(f"c{i}", f"Claim {i}.", f"Speaker {i}",
              f'about = "p"\nstance = "{"affirms" if i % 2 else "denies"}"\n')
        for i in range(n)
    )  # fmt: skip


def long_rebuttal(n: int) -> str:
    """One long claim with "a lie" and n claims by distinct speakers."""
    long_text = "Officials said the figures were a lie. " + "Words about budgets. " * 7000
    return claim("long", long_text, "Accuser") + "".join(
        claim(f"c{i}", f"Budgets were balanced in year {i}.", f"Person Number{i} Surname{i}")
        for i in range(n)
    )


def shared_words(n: int) -> str:
    """n claims, every content word held by about 200 of them."""
    words = [f"word{k}" for k in range(max(1, n // 200) * 5)]
    return "".join(
        claim(f"c{i}", " ".join(words[(i + j) % len(words)] for j in range(5)) + ".", f"S{i}")
        for i in range(n)
    )


def long_text(n: int) -> str:
    """One claim whose text is n kilobytes."""
    return claim("long", "word " * (n * 200))


def many_claims(n: int) -> str:
    return "".join(claim(f"c{i}", f"Claim number {i} about the budget.", f"S{i}") for i in range(n))


CASES: list[tuple[str, Callable[[int], str], list[str], list[int]]] = [
    ("compare: repeated sentences", repeated_sentences, ["compare", "--topic", "t"], [200, 800]),
    ("compare: crowded proposition", crowded_proposition, ["compare", "--topic", "t", "--json"],
     [750, 3000]),
    ("compare: long rebuttal, many speakers", long_rebuttal, ["compare", "--topic", "t",
     "--json"], [250, 1000]),
    ("compare: shared words", shared_words, ["compare", "--topic", "t", "--json"], [750, 3000]),
    ("tables: list, one long text (KB)", long_text, ["list"], [2500, 10000]),
    ("tables: show, one long text (KB)", long_text, ["show", "long"], [2500, 10000]),
    ("tables: list, many claims", many_claims, ["list"], [5000, 20000]),
    ("json: list, many claims", many_claims, ["list", "--json"], [5000, 20000]),
]  # fmt: skip


def run(folder: Path, args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args, "--claims", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={"COLUMNS": "100", "PATH": ""},
        check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(done.stderr.decode(errors="replace")[-500:], file=sys.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    print("| case | size | command | seconds | peak MB (max so far) |\n|---|---|---|---|---|")
    for name, make, args, sizes in CASES:
        if wanted not in name:
            continue
        for size in sizes:
            folder = DATA / f"{make.__name__}-{size}"
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            (folder / "claims.toml").write_text(make(size), encoding="utf-8")
            seconds, peak = run(folder, args)
            print(f"| {name} | {size:,} | {' '.join(args)} | {seconds:.2f} | {peak:.0f} |",
                  flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
