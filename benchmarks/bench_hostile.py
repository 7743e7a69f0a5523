"""Time and peak memory of the inputs that once blew up, at growing sizes, as whole processes.

    python benchmarks/bench_hostile.py            # every case at its sizes
    python benchmarks/bench_hostile.py tables     # the cases whose name contains 'tables'

Each case writes a claims folder under benchmarks/.data/hostile/ and runs one command on it;
the figures printed are wall seconds and peak memory (max RSS of the child). Growth is linear
when the time multiplies by about the size factor between rows of one case.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
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


def negated_names(n: int) -> str:
    """Two claims of n sentences, each naming its own subject: one side negates, the other
    asserts (every pair of sentences is a candidate for the negation rule)."""
    return claim("a", " ".join(f"Alpha {k} does not follow rules." for k in range(n))) + claim(
        "b", " ".join(f"Beta {k} follows rules." for k in range(n)), "T"
    )


def kinds_said(n: int) -> str:
    """Two claims that each say what n things are, one subject name shared by all, no two
    kinds apart (every pair of sentences is a candidate for the category rule)."""
    film = " ".join(f"Mohra {k} is a film." for k in range(n))
    movie = " ".join(f"Mohra {k} is a movie." for k in range(n))
    return claim("a", film) + claim("b", movie, "T")


def life_dates(n: int) -> str:
    """Two claims that each give n lifespans and dates of birth in one sentence, every name
    the same (every pair of dates is a candidate for the values rule)."""
    lives = ", ".join(f"Ann Lee ({k % 28 + 1} May 1900 -- 2 May 1950)" for k in range(n))
    born = " ".join(f"Ann Lee was born on {k % 28 + 1} June 1900." for k in range(n))
    return claim("a", f"{lives} were poets.") + claim("b", born, "T")


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


def markers_in_one_sentence(n: int) -> str:
    """One claim whose one sentence holds n rebuttal markers, and 200 claims by speakers it
    may name: each marker looks for its target near it, not through the whole sentence."""
    text = "Hale's claims about the stadium are " + " ".join(["a lie and"] * n) + " false."
    return (
        claim("long", text, "Ana Ruiz")
        + "".join(
            claim(f"c{i}", f"The stadium will bring {i} jobs.", f"Tom Hale{i} Surname{i}")
            for i in range(200)
        )
        + claim("hale", "The stadium will pay for itself.", "Tom Hale")
    )


def shared_words(n: int) -> str:
    """n claims of five words each, every word held by 150 of them (under the pairing cap)."""
    words = [f"word{k}" for k in range(max(5, n * 5 // 150))]
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
    ("compare: negated sentences, each its own name", negated_names, ["compare", "--topic",
     "t", "--json"], [500, 2000]),
    ("compare: crowded proposition", crowded_proposition, ["compare", "--topic", "t", "--json"],
     [750, 3000]),
    ("compare: long rebuttal, many speakers", long_rebuttal, ["compare", "--topic", "t",
     "--json"], [250, 1000]),
    ("compare: rebuttal markers in one sentence", markers_in_one_sentence, ["compare",
     "--topic", "t", "--json"], [10_000, 20_000]),
    ("compare: shared words", shared_words, ["compare", "--topic", "t", "--json"], [750, 3000]),
    ("compare: what things are, said n times", kinds_said, ["compare", "--topic", "t", "--json"],
     [500, 2000]),
    ("compare: dates of birth, given n times", life_dates, ["compare", "--topic", "t",
     "--json"], [500, 2000]),
    ("tables: list, one long text (KB)", long_text, ["list"], [2500, 10000]),
    ("tables: show, one long text (KB)", long_text, ["show", "long"], [2500, 10000]),
    ("tables: list, many claims", many_claims, ["list"], [5000, 20000]),
    ("json: list, many claims", many_claims, ["list", "--json"], [5000, 20000]),
]  # fmt: skip


# Run by a fresh interpreter per measurement, so that the peak it reports is this command's.
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "started = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "elapsed = time.perf_counter() - started\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "failed = done.returncode > 1 or b'Traceback' in done.stderr\n"
    "sys.stderr.write(done.stderr.decode(errors='replace')[-300:] if failed else '')\n"
    "print(elapsed, peak / 1024)\n"
)


def run(folder: Path, args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run of the command."""
    command = [sys.executable, "-m", "factcheck", *args, "--claims", str(folder)]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
        env={"COLUMNS": "100", "PATH": ""}, check=True,
    )  # fmt: skip
    if done.stderr:
        print(done.stderr, file=sys.stderr)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    print("| case | size | command | seconds | peak MB |\n|---|---|---|---|---|")
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
