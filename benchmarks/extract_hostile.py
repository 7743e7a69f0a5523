"""Time and peak memory of `factcheck extract` on the article inputs that once hung or blew up
(issue 31), at two sizes each, as whole processes: growth is linear when the time multiplies
by about the size factor.

    python benchmarks/extract_hostile.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def one_run(n: int) -> str:
    return "word " * n  # one run of words, no sentence end


def sentences_on_a_line(n: int) -> str:
    return " ".join(f"The city spent {i} dollars." for i in range(n))


def unclosed_stars(n: int) -> str:
    return " ".join(f"*a{i}" for i in range(n))


def unclosed_divs(n: int) -> str:
    return "<html><body><article>" + "<div><p>The mayor said so. " * n + "</body></html>"


def quotations_in_a_run(n: int) -> str:
    # every quotation has its cue, none a sentence end: each cut piece is full of both
    return " and ".join(['"go now, fast," Tom Hale said'] * n) + "."


CASES: list[tuple[str, Callable[[int], str], str, list[int]]] = [
    ("one run of words, no sentence end (words)", one_run, ".txt", [50_000, 100_000]),
    ("sentences on one line", sentences_on_a_line, ".txt", [3_000, 6_000]),
    ("unclosed * in Markdown", unclosed_stars, ".md", [12_500, 25_000]),
    ("unclosed <div> in HTML", unclosed_divs, ".html", [15_000, 30_000]),
    ("quotations and cues in one run", quotations_in_a_run, ".txt", [2_000, 4_000]),
]


def timed(path: Path) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # --no-cache: each run reads its text (a text read before is answered from the cache)
    subprocess.run([sys.executable, "-m", "factcheck", "--no-cache", "extract", str(path),
                    "--json"], check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        for name, make, suffix, sizes in CASES:
            previous = None
            for size in sizes:
                path = Path(scratch) / f"case{suffix}"
                path.write_text(make(size), encoding="utf-8")
                cpu, peak = timed(path)
                ratio = f"  x{cpu / previous:.2f}" if previous else ""
                kb = path.stat().st_size // 1024
                print(f"{name:45s} {size:>7,} ({kb:>5,} KB)  {cpu:6.2f} s CPU  "
                      f"peak {peak // 1024:>5} MB{ratio}")  # fmt: skip
                previous = cpu
    return 0


if __name__ == "__main__":
    sys.exit(main())
