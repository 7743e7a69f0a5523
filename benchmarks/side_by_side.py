"""Two versions of factcheck side by side on the same folders: `--version`, and the reading
commands warm (the cache filled by a first run), `list --json` also just after an edit of one
file; each the best of several interleaved runs (so that drift of the machine's speed falls
on both alike).

    python benchmarks/side_by_side.py OLD_SRC [SIZE ...]   # e.g. a worktree's src/ of main~20

OLD_SRC is the `src` folder of the other version (a git worktree); this checkout's is the new.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import generate

NEW_SRC = Path(__file__).resolve().parents[1] / "src"
ROUNDS = 7


def seconds(src: Path, args: list[str], cache: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "FACTCHECK_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def main(old: Path, sizes: list[int]) -> None:
    print("command                           claims   old s   new s   new/old")
    with tempfile.TemporaryDirectory() as scratch:
        cases: list[tuple[str, list[str], int]] = [("--version", ["--version"], 0)]
        for size in sizes:
            folder = str(generate(size))
            for label, args in WARM:
                cases.append((label, [*args, "--claims", folder], size))
        for label, args, size in cases:
            best = {"old": float("inf"), "new": float("inf")}
            caches = {name: Path(scratch) / f"{name}-{label}-{size}" for name in best}
            for name, src in (("old", old), ("new", NEW_SRC)):
                seconds(src, args, caches[name])  # fills the cache
            for _ in range(ROUNDS):
                for name, src in (("old", old), ("new", NEW_SRC)):
                    best[name] = min(best[name], seconds(src, args, caches[name]))
            report(label, size, best)
        for size in sizes:
            edited(old, size, Path(scratch))


WARM = [
    ("list --json (warm)", ["list", "--json"]),
    ("list --json --topic jails", ["list", "--json", "--topic", "jails"]),
    ("list (table to a pipe)", ["list"]),
    ("show claim-1 --json", ["show", "claim-1", "--json"]),
    ("topics --json", ["topics", "--json"]),
    ("validate (warm)", ["validate"]),
]


def edited(old: Path, size: int, scratch: Path) -> None:
    """`list --json` just after an edit of one file: each version edits its own copy of the
    folder before each run, so each run brings a listing up to date."""
    best = {"old": float("inf"), "new": float("inf")}
    copies = {name: scratch / f"{name}-edited-{size}" for name in best}
    for name, src in (("old", old), ("new", NEW_SRC)):
        shutil.copytree(generate(size), copies[name])
        seconds(
            src,
            ["list", "--json", "--claims", str(copies[name])],
            scratch / f"{name}-edited-cache-{size}",
        )
    for n in range(ROUNDS):
        for name, src in (("old", old), ("new", NEW_SRC)):
            target = next(iter(sorted(copies[name].rglob("file-*.toml"))))
            target.write_text(target.read_text() + f"# edit {n}\n")
            args = ["list", "--json", "--claims", str(copies[name])]
            best[name] = min(
                best[name], seconds(src, args, scratch / f"{name}-edited-cache-{size}")
            )
    report("list --json after an edit", size, best)


def report(label: str, size: int, best: dict[str, float]) -> None:
    print(f"{label:<33} {size:>6}  {best['old']:6.3f}  {best['new']:6.3f}  "
          f"{best['new'] / best['old']:6.2f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), [int(a) for a in sys.argv[2:]] or [1000, 10000])
