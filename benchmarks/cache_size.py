"""The cache's size on disk after a desk's day of commands, against the claims folder's
(issue 29: at most 3x), by kind of file.

    python benchmarks/cache_size.py [SIZE]     # default 50,000 claims (bench_cli's folder)

Runs `list --json`, `validate`, `topics`, `check --json`, `compare --topic` and `--all`,
`match TEXT` and `match --duplicates` once each, as whole processes, on bench_cli's generated
folder with an empty cache of their own, then prints the bytes kept per kind of file (entry:
a file's records; piece: its share of the listing; list: the listing's index; check, parts,
compare: kept answers; match: match's index; archive: what a match shows of each claim).
Then edits one claim's text, in a scratch copy of the folder, and runs them all again, twice:
answers kept for the folder before an edit are replaced, not added (docs/cache.md).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import generate, with_cache

COMMANDS = [
    ["list", "--json"],
    ["validate"],
    ["topics"],
    ["check", "--json"],
    ["compare", "--topic", "detainers", "--json"],
    ["compare", "--all", "--json"],
    ["match", "The sheriff released inmates", "--json"],
    ["match", "--duplicates", "--json"],
]


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_all(folder: Path, env: dict[str, str]) -> None:
    for argv in COMMANDS:
        done = subprocess.run([sys.executable, "-m", "factcheck", *argv, "--claims",
                               str(folder)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
        if done.returncode not in (0, 1):  # 1: a check that does not hold, a conflict
            sys.exit(f"{' '.join(argv)} failed with exit code {done.returncode}")


def kept_by_kind(cache: Path) -> Counter[str]:
    by_kind: Counter[str] = Counter()
    for path in cache.rglob("*"):
        if path.is_file():
            by_kind[path.suffix.lstrip(".") or path.name] += path.stat().st_size
    return by_kind


def report(title: str, by_kind: Counter[str], claims: int) -> None:
    kept = sum(by_kind.values())
    print(f"{title}: folder {claims / 1e6:.1f} MB, cache {kept / 1e6:.1f} MB "
          f"({kept / claims:.2f}x the folder)")  # fmt: skip
    for kind, size_kept in by_kind.most_common():
        print(f"  {kind:10} {size_kept / 1e6:7.1f} MB")


def main(size: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "claims"
        shutil.copytree(generate(size), folder)
        cache = Path(scratch) / "cache"
        env = with_cache(cache)
        run_all(folder, env)
        claims = size_of(folder)
        report(f"{size:,} claims", kept_by_kind(cache), claims)
        victim = sorted(folder.rglob("file-*.toml"))[0]
        for n in range(2):
            text = victim.read_text(encoding="utf-8")
            victim.write_text(text.replace(" in case ", f" in edited case {n} ", 1),
                              encoding="utf-8")  # fmt: skip
            run_all(folder, env)
        report("after two edits, each followed by every command", kept_by_kind(cache), claims)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
