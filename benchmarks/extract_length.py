"""How `factcheck extract` grows with the length of the text: CPU time and peak memory of whole
processes for the same article text repeated to each size (issue 27: linear, 1 MB in under 60 s
of CPU).

Usage: python benchmarks/extract_length.py [ARTICLE] [KB ...]
ARTICLE defaults to the seed article in ../shared/seeds; sizes default to 100 200 400.
Prints one line per size and the ratio of each size's time to the one before.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "shared" / "seeds" / "newsom-noem-detainers-article.txt"


def timed(path: Path) -> tuple[float, int]:
    """CPU seconds (user + system) and peak memory in KB of one extract run, reading the text
    for the first time: with a cache of its own, empty, which the run fills as a user's
    first run does (a second run of the same text is answered from it: extract/kept.py)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as cache:
        subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", str(path), "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "FACTCHECK_CACHE_DIR": cache},
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss


def main() -> None:
    args = sys.argv[1:]
    article = Path(args.pop(0)) if args and not args[0].isdigit() else SEED
    sizes = [int(a) for a in args] or [100, 200, 400]
    text = article.read_text(encoding="utf-8").strip() + "\n"
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for kb in sizes:
            body = (text * (kb * 1000 // len(text) + 1))[: kb * 1000]
            path = Path(folder) / f"{kb}k.txt"
            path.write_text(body[: body.rfind("\n") + 1], encoding="utf-8")
            cpu, peak = timed(path)
            ratio = f"  x{cpu / previous:.2f}" if previous else ""
            print(f"{kb:6d} KB  {cpu:7.2f} s CPU  peak {peak / 1024:6.0f} MB{ratio}")
            previous = cpu


if __name__ == "__main__":
    main()
