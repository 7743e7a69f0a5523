"""Time factcheck commands, as whole processes, on generated claim folders of growing size.

    python benchmarks/bench_cli.py              # 1k, 10k and 100k claims
    python benchmarks/bench_cli.py 1000 10000   # chosen sizes
    python benchmarks/bench_cli.py --write-docs # and put the table into docs/performance.md

Each command is timed beside a floor: one process that only parses the same files with tomli.
Cold runs start from an empty cache; warm runs from the cache a first run filled, the folder
unchanged; two more runs touch one file (same bytes), then edit it. The figures printed are the
best of a few runs (one run at 100k and above), with the peak memory (resident set) of the
process.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
    "list (table to a pipe)": ["list"],
    "validate": ["validate"],
    "show claim-1 --json": ["show", "claim-1", "--json"],
    "topics --json": ["topics", "--json"],
    "check --json": ["check", "--json"],
    "compare --topic detainers --json": ["compare", "--topic", "detainers", "--json"],
    "compare --all --json": ["compare", "--all", "--json"],
}
DOCS = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
BEGIN, END = "<!-- bench_cli table -->", "<!-- end bench_cli table -->"


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


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> Run:
    """Best time of `repeat` runs, and the largest peak memory (resident set) among them."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed with exit code {code}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)  # kilobytes on Linux
    return Run(best, peak)


def as_users_run() -> dict[str, str]:
    """This environment, but with Python's bytecode written and read as a user's Python does
    (pip compiles an installed package; an editable install writes __pycache__ at its first
    run). A machine that sets PYTHONDONTWRITEBYTECODE (this one's sandbox does) would
    otherwise compile every module of factcheck from source at every run, about 0.1 s that
    no user pays, while the libraries it is measured beside come compiled."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def with_cache(folder: Path) -> dict[str, str]:
    return {**as_users_run(), "FACTCHECK_CACHE_DIR": str(folder), "FACTCHECK_NO_PAGER": "1"}


def measure(size: int, scratch: Path) -> list[list[str]]:
    """One row per command: cold (empty cache), warm (unchanged folder), peak memory."""
    folder = generate(size)
    factcheck = [sys.executable, "-m", "factcheck"]
    repeat = 1 if size >= 100_000 else 3
    floor = timed([sys.executable, "-c", FLOOR, str(folder)], repeat).seconds
    rows = [[f"{size:,}", "tomli floor", f"{floor:.2f} s", "", ""]]
    print(f"{size:>8}  tomli floor {floor:.2f}s", flush=True)
    for label, args in COMMANDS.items():
        argv = [*factcheck, *args, "--claims", str(folder)]
        cold = Run(float("inf"), 0.0)
        for attempt in range(repeat):  # every cold run starts from an empty cache
            run = timed(argv, 1, with_cache(scratch / f"cold-{label}-{attempt}"))
            cold = Run(min(cold.seconds, run.seconds), max(cold.peak_mb, run.peak_mb))
        warm_cache = with_cache(scratch / "warm")
        timed(argv, 1, warm_cache)  # fills the cache
        warm = timed(argv, repeat, warm_cache)
        rows.append(
            [f"{size:,}", label, _cell(cold.seconds, floor), _cell(warm.seconds, floor),
             f"{max(cold.peak_mb, warm.peak_mb):,.0f} MB"]
        )  # fmt: skip
        print(f"{size:>8}  {label:<34} cold {rows[-1][2]:<16} warm {rows[-1][3]:<16} "
              f"peak {rows[-1][4]}", flush=True)  # fmt: skip
    list_json = [*factcheck, "list", "--json", "--claims", str(folder)]
    warm_cache = with_cache(scratch / "warm")
    timed(list_json, 1, warm_cache)  # the folder as generated, in the cache again
    rows.append([f"{size:,}", "list --json, one file touched", "", _one_file_touched(
        folder, list_json, repeat, warm_cache, floor), ""])  # fmt: skip
    print(f"{size:>8}  list --json after one file touched: warm {rows[-1][3]}", flush=True)
    rows.append([f"{size:,}", "list --json, one file edited", "", _one_file_edited(
        folder, list_json, repeat, warm_cache, floor), ""])  # fmt: skip
    print(f"{size:>8}  list --json after one file edited: warm {rows[-1][3]}", flush=True)
    return rows


def _one_file_touched(
    folder: Path, argv: list[str], repeat: int, env: dict[str, str], floor: float
) -> str:
    """A new modification time, the same bytes (what `touch` does)."""
    victim = sorted(folder.rglob("file-*.toml"))[0]
    best = float("inf")
    for _ in range(repeat):
        os.utime(victim)
        best = min(best, timed(argv, 1, env).seconds)
    return _cell(best, floor)


def _one_file_edited(
    folder: Path, argv: list[str], repeat: int, env: dict[str, str], floor: float
) -> str:
    victim = sorted(folder.rglob("file-*.toml"))[0]
    original = victim.read_bytes()
    best = float("inf")
    try:
        for n in range(repeat):
            victim.write_bytes(original + f"# edit {n}\n".encode())
            best = min(best, timed(argv, 1, env).seconds)
    finally:
        victim.write_bytes(original)
    return _cell(best, floor)


def _cell(seconds: float, floor: float) -> str:
    return f"{seconds:.2f} s ({seconds / floor:.2f}x)"


def main(sizes: list[int], write_docs: bool) -> None:
    factcheck = [sys.executable, "-m", "factcheck"]
    bare = timed([sys.executable, "-c", "pass"], 5).seconds
    help_time = timed([*factcheck, "--help"], 5).seconds
    typer_time = timed([sys.executable, "-c", "import typer"], 5).seconds
    version = timed([*factcheck, "--version"], 5).seconds
    start_up = (
        f"python start-up {bare:.3f} s; `factcheck --help` {help_time:.3f} s; "
        f"`factcheck --version` {version:.3f} s beside `python -c 'import typer'` "
        f"{typer_time:.3f} s: {version / typer_time:.2f}x"
    )
    print(start_up, flush=True)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            rows += measure(size, Path(scratch))
    table = "\n".join(
        ["| claims | command | cold (empty cache) | warm (unchanged folder) | peak memory |",
         "|---|---|---|---|---|", *("| " + " | ".join(row) + " |" for row in rows)]
    )  # fmt: skip
    print(table)
    if write_docs:
        text = DOCS.read_text(encoding="utf-8")
        before, _, rest = text.partition(BEGIN)
        _, _, after = rest.partition(END)
        block = f"{BEGIN}\n{start_up}.\n\n{table}\n{END}"
        DOCS.write_text(f"{before}{block}{after}", encoding="utf-8")
        print(f"written into {DOCS}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    write = "--write-docs" in arguments
    main([int(a) for a in arguments if a != "--write-docs"] or [1_000, 10_000, 100_000], write)
