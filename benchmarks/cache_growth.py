"""How much the cache writes and keeps as a desk works: edits, renames, a second checkout.

    python benchmarks/cache_growth.py [SIZE]     # default 100,000 claims (bench_cli's folder)

Each step runs `factcheck list --json` (the command that keeps a listing) as a whole process
on bench_cli's generated folder, in a scratch copy, with a cache of its own, and prints the
bytes the step wrote into the cache (the files it created or replaced), those bytes by kind
of file (entry: a file's records; piece: its share of the listing; list: the folder's
index; clean: its clean mark), and the cache's size after it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import generate


def cache_files(cache: Path) -> dict[Path, tuple[int, int]]:
    found = {}
    for path in cache.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


def run(folder: Path, cache: Path) -> None:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-m", "factcheck", "list", "--json", "--claims", str(folder)],
                   env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def step(name: str, folder: Path, cache: Path) -> None:
    before = cache_files(cache)
    run(folder, cache)
    after = cache_files(cache)
    changed = [(path, size) for path, (mtime, size) in after.items()
               if before.get(path, (0,))[0] != mtime]  # fmt: skip
    written = sum(size for _, size in changed)
    kinds: dict[str, int] = {}
    for path, size in changed:
        kind = path.suffix or path.name  # the cache folder's marker has no suffix
        kinds[kind] = kinds.get(kind, 0) + size
    by_kind = ", ".join(
        f"{kind.lstrip('.')} {size / 2**20:,.2f}" for kind, size in sorted(kinds.items())
    )
    total = sum(size for _, size in after.values())
    print(f"| {name} | {written / 2**20:,.1f} MB | {by_kind} | {total / 2**20:,.1f} MB |",
          flush=True)  # fmt: skip


def main(size: int) -> None:
    source = generate(size)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = work / "claims"
        shutil.copytree(source, folder)
        cache = work / "cache"
        print(f"{size:,} claims in {sum(1 for _ in folder.rglob('*.toml')):,} files")
        print("| step | written into the cache | of which, by kind (MB) | cache size after |")
        print("|---|---|---|---|")
        step("first list --json", folder, cache)
        step("again, unchanged", folder, cache)
        edited = next(iter(sorted(folder.rglob("file-*.toml"))))
        for n in range(3):
            edited.write_text(edited.read_text() + f"\n# edit {n}\n")
            step(f"after editing one file (edit {n + 1})", folder, cache)
        renamed = work / "renamed"
        folder.rename(renamed)
        step("the folder renamed", renamed, cache)
        second = work / "second-checkout"
        shutil.copytree(renamed, second)
        step("a second checkout of it", second, cache)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
