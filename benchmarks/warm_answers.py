"""`check --json`, `compare --topic detainers --json` and `match TEXT --json` cold, warm and
after one file's edit, as whole processes, against the tomli floor of the same folder (issue
29: warm at most 0.5x the floor). The first two answers are kept per state of the folder
(Folder.remembered), and match's index per state and filter (match/archive.py): warm, the
folder's files are hashed and what was kept is used, and no record is parsed.

    python benchmarks/warm_answers.py [N ...]      # default 10000 50000
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import FLOOR, generate, timed, with_cache

COMMANDS = {
    "check --json": ["check", "--json"],
    "compare --topic detainers --json": ["compare", "--topic", "detainers", "--json"],
    "match TEXT --json": ["match", "The sheriff released inmates", "--json"],
}


def main(sizes: list[int]) -> None:
    print("| claims | command | tomli floor | cold | warm | after one file edited | peak |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        folder = generate(size)
        floor = timed([sys.executable, "-c", FLOOR, str(folder)], 3).seconds
        for name, args in COMMANDS.items():
            command = [sys.executable, "-m", "factcheck", *args, "--claims", str(folder)]
            with tempfile.TemporaryDirectory() as cache:
                env = with_cache(Path(cache))
                cold = timed(command, 1, env)
                warm = timed(command, 3, env)
                edited = _edited(folder, command, env)
            print(f"| {size:,} | {name} | {floor:.2f} s | {cold.seconds:.2f} s "
                  f"({cold.seconds / floor:.2f}x) | {warm.seconds:.2f} s "
                  f"({warm.seconds / floor:.2f}x) | {edited:.2f} s ({edited / floor:.2f}x) | "
                  f"{cold.peak_mb:,.0f} MB |")  # fmt: skip


def _edited(folder: Path, check: list[str], env: dict[str, str]) -> float:
    """The first run after one file's text changed (and the file put back after): the median
    of three such runs, each after an edit of another file, since one run varies by a third."""
    files = [p for p in sorted(folder.rglob("*.toml")) if b'text = "' in p.read_bytes()]
    seconds = []
    for path in files[1:4]:
        original = path.read_bytes()
        path.write_bytes(original.replace(b'text = "', b'text = "Edited: ', 1))
        try:
            seconds.append(timed(check, 1, env).seconds)
        finally:
            path.write_bytes(original)
    return sorted(seconds)[len(seconds) // 2]


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
