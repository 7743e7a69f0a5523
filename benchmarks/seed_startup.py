"""A desk's everyday commands on the 10-claim seed corpus, warm, beside `import typer` and a
minimal two-command Typer app, with the issue's ceilings (issue 29: 1.5x the app; `match`
2x; `extract`, which loads a language model, 6x). Warm, `extract` answers from what it kept of
the article (extract/kept.py) and loads none; a text read for the first time pays spaCy
(`python benchmarks/extract_seed.py` times that).

    python benchmarks/seed_startup.py [ROUNDS]

Each command is run as a whole process with the cache warm (one run first fills it), its
table written to a pipe, best of ROUNDS interleaved runs (default 9), so that drift of the
machine's speed falls on all alike; with Python's bytecode kept, as a user's Python keeps
it (bench_cli.as_users_run). Printed: wall-clock and CPU seconds, each with its ratio to a
two-command Typer app run (the floor any Typer command line pays); `import typer` beside.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import as_users_run

SEED = Path(__file__).resolve().parents[1] / "claims"
COMMANDS = {
    "list": ["list"],
    "show": ["show", "dhs-released-4561"],
    "check": ["check"],
    "compare --topic detainers": ["compare", "--topic", "detainers"],
    "match TEXT": ["match", "California follows the law on detainers"],
    "--version": ["--version"],
}
# extract reads an article, not the folder (a fixture of the tests, 2 KB of news)
ARTICLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "extract" / "article.txt"
# The ceilings, as ratios to the two-command app (issue 29)
CEILING = {"match TEXT": 2.0, "extract ARTICLE": 6.0}


# The least any Typer command line does: typer 0.29 coerces each parameter through pydantic,
# which a run of a command imports and `import typer` does not.
TWO_COMMANDS = """import typer
app = typer.Typer()
@app.command()
def hello(name: str = "x") -> None:
    print(name)
@app.command()
def other() -> None:
    pass
app()
"""


def seconds(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall-clock time and the CPU time (user and system, every thread's) of one whole
    run, its output read from a pipe. The CPU time is less swayed by what else the machine
    does (the wall clock moved a command's ratio by a fifth from one run of this script to
    the next); it also counts the threads numpy and the tokenizer start, which the wall
    clock does not."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.read()
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**as_users_run(), "FACTCHECK_CACHE_DIR": cache, "COLUMNS": "100"}
        app = Path(cache) / "two_commands.py"
        app.write_text(TWO_COMMANDS, encoding="utf-8")
        runs = {
            "import typer": [sys.executable, "-c", "import typer"],
            "a two-command Typer app": [sys.executable, str(app), "hello"],
        }
        for name, args in COMMANDS.items():
            runs[name] = [sys.executable, "-m", "factcheck", *args, "--claims", str(SEED)]
        runs["--version"] = [sys.executable, "-m", "factcheck", "--version"]
        runs["extract ARTICLE"] = [sys.executable, "-m", "factcheck", "extract", str(ARTICLE)]
        for args in runs.values():
            seconds(args, env)  # the cache filled, the files in the page cache
        wall = {name: float("inf") for name in runs}
        cpu = dict(wall)
        for _ in range(rounds):
            for name, args in runs.items():
                took = seconds(args, env)
                wall[name], cpu[name] = min(wall[name], took[0]), min(cpu[name], took[1])
    app_name = "a two-command Typer app"
    print("| command | warm s | x the app | warm CPU s | x the app (CPU) | ceiling |")
    print("|---|---|---|---|---|---|")
    for name in runs:
        ceiling = "" if name in ("import typer", app_name) else f"{CEILING.get(name, 1.5):.1f}"
        print(f"| {name} | {wall[name]:.3f} | {wall[name] / wall[app_name]:.2f} | "
              f"{cpu[name]:.3f} | {cpu[name] / cpu[app_name]:.2f} | {ceiling} |")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
