"""Would a cold load use both cores to advantage? (issue 29: "both cores where a cold run parses
or checks many files, if it pays: measure; say so if not")

    python benchmarks/both_cores.py [N]        # default 50000

On bench_cli.py's generated folder, wall-clock seconds of:
- the cold load as it is: one process parses and validates every file and fills the cache;
- the same work split in two: two worker processes each parse and validate half the files
  and write their entries to the cache, then the main process loads the folder from those
  entries (which is what a load of parsed files in workers would have to do: records cross
  a process boundary as data, and the main process validates them again, as it validates
  every cache entry).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import generate


def _parse_half(args: tuple[str, list[str], str]) -> int:
    from factcheck.folder.cache import Cache
    from factcheck.folder.store import read_files

    root, paths, cache = args
    corpus = read_files([Path(p) for p in paths], Path(root), Cache(Path(cache)))
    return 0 if corpus is None else len(corpus.claims)


def serial(folder: Path) -> float:
    from factcheck.folder.cache import Cache
    from factcheck.folder.store import load

    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        load(folder, Cache(Path(cache)))
        return time.perf_counter() - start


def split(folder: Path) -> tuple[float, float]:
    from factcheck.folder.cache import Cache
    from factcheck.folder.discovery import folder_files
    from factcheck.folder.store import load

    files = [str(p) for p in folder_files(folder).files]
    halves = [files[: len(files) // 2], files[len(files) // 2 :]]
    with tempfile.TemporaryDirectory() as cache:
        os.chmod(cache, 0o700)
        start = time.perf_counter()
        with ProcessPoolExecutor(2) as pool:
            list(pool.map(_parse_half, [(str(folder), h, cache) for h in halves]))
        parsed = time.perf_counter()
        load(folder, Cache(Path(cache)))
        return parsed - start, time.perf_counter() - start


def main(size: int) -> None:
    folder = generate(size)
    serial(folder)  # the files in the page cache, the modules imported
    one = min(serial(folder) for _ in range(3))
    two = min(split(folder) for _ in range(3))
    print(f"{size:,} claims, {os.cpu_count()} cores")
    print(f"cold load, one process: {one:.2f} s")
    print(
        f"two workers parse half each: {two[0]:.2f} s; then the load from their entries: "
        f"{two[1]:.2f} s in all ({two[1] / one:.2f}x)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
