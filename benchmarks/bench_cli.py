"""Time factcheck commands, as whole processes, on generated claim folders of growing size.

    python benchmarks/bench_cli.py              # 1k, 10k and 100k claims
    python benchmarks/bench_cli.py 1000 10000   # chosen sizes

Each command is timed beside a floor: one process that only parses the same files with tomli.
The figures printed are the best of a few runs (one run at 100k and above).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

CLAIMS_PER_FILE = 100
DATA = Path(__file__).resolve().parent / ".data"
SPEAKERS = ["Gavin Newsom", "Kristi Noem", "Todd Lyons", "Bill Essayli", "Rob Bonta", "DHS"]
TOPICS = ["detainers", "releases", "transfers", "crime", "budget", "courts", "jails"]
SUBJECTS = ["The county jail", "California", "The sheriff", "ICE", "The state", "The city"]
VERBS = ["follows", "violates", "released", "did not release", "works with", "refuses"]
OBJECTS = ["federal detainers", "the law", "inmates", "immigration authorities"]
FIGURES = ["4,561", "33,179", "more than 12,000", "about one in eight", "13.7%", "1.2 million"]

FLOOR = (
    "import pathlib, sys, tomli\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomli.loads(p.read_bytes().decode('utf-8'))\n"
)

COMMANDS: dict[str, list[str]] = {
    "list --json": ["list", "--json"],
    "validate": ["validate"],
    "check --json": ["check", "--json"],
    "compare --json": ["compare", "--topic", "detainers", "--json"],
}


def claim_record(rng: random.Random, n: int, file_no: int) -> str:
    claim_id = f"claim-{n}"
    lines = [
        "[[claims]]",
        f'id = "{claim_id}"',
        f'speaker = "{rng.choice(SPEAKERS)}"',
        'source = "seed-source"',
        f"date = 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"topics = {rng.sample(TOPICS, 2)!r}".replace("'", '"'),
        f'text = "{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in case {n}."',
    ]
    if n % 10:  # one claim in ten speaks to no recorded proposition: paired by its words
        lines += [
            f'about = "proposition-{file_no}-{n % 7}"',
            f'stance = "{"denies" if n % 6 == 0 else "affirms"}"',
        ]
    if n % 5 == 0 and n > 0:
        lines.append(f'disputes = ["claim-{n - 1}"]')
    lines += [
        "",
        "[claims.quantities]",
        # Five claims report each measure; most agree, one in seventeen does not.
        f'total = {{ value = "{_measured(n):,}", measure = "measure-{n // 5}" }}',
        f'part = {{ value = "{rng.randint(1, 999)}", part_of = "total" }}',
        f'said = "{rng.choice(FIGURES)}"',
        "",
    ]
    return "\n".join(lines)


def _measured(n: int) -> int:
    base = 1_000 + (n // 5) * 7919 % 90_000
    return base * 2 if n % 17 == 0 else base


def generate(size: int) -> Path:
    folder = DATA / f"claims-v2-{size}"
    if folder.exists():
        return folder
    rng = random.Random(size)
    tmp = folder.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    (tmp / "sources.toml").write_text('[[sources]]\nid = "seed-source"\noutlet = "Wire"\n')
    for file_no, start in enumerate(range(0, size, CLAIMS_PER_FILE)):
        records = [claim_record(rng, n, file_no) for n in range(start, start + CLAIMS_PER_FILE)]
        records.append(
            f'[[checks]]\nid = "check-{file_no}"\nclaim = "claim-{start}.total"\n'
            f'compute = "claim-{start}.part + claim-{start + 1}.total"\n'
        )
        sub = tmp / f"batch-{file_no // 100:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"file-{file_no:05d}.toml").write_text("\n".join(records))
    tmp.rename(folder)
    return folder


def timed(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best


def main(sizes: list[int]) -> None:
    factcheck = [sys.executable, "-m", "factcheck"]
    bare = timed([sys.executable, "-c", "pass"], 5)
    help_time = timed([*factcheck, "--help"], 5)
    typer_time = timed([sys.executable, "-c", "import typer"], 5)
    version = timed([*factcheck, "--version"], 5)
    print(f"python start-up {bare:.3f}s; factcheck --help {help_time:.3f}s (reads no claims)")
    print(f"factcheck --version {version:.3f}s beside python -c 'import typer' {typer_time:.3f}s: "
          f"{version / typer_time:.2f}x")  # fmt: skip
    print(f"{'claims':>8}  {'command':<14} {'seconds':>8}  {'floor':>7}  {'ratio':>6}")
    for size in sizes:
        folder = generate(size)
        repeat = 1 if size >= 100_000 else 3
        floor = timed([sys.executable, "-c", FLOOR, str(folder)], repeat)
        print(f"{size:>8}  {'tomli floor':<14} {floor:>8.2f}")
        for label, args in COMMANDS.items():
            seconds = timed([*factcheck, *args, "--claims", str(folder)], repeat)
            print(
                f"{size:>8}  {label:<14} {seconds:>8.2f}  {floor:>7.2f}  {seconds / floor:>5.2f}x"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
