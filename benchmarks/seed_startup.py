"""A desk's everyday commands on the 10-claim seed corpus, warm, beside `import typer` and a
minimal two-command Typer app, with the issue's ceilings (issue 29: 1.5x the app; `match`
2x; `extract`, which loads a language model, 6x).

    python benchmarks/seed_startup.py [ROUNDS]

Each command is run as a whole process with the cache warm (one run first fills it), its
table written to a pipe, best of ROUNDS interleaved runs (default 9), so that drift of the
machine's speed falls on all alike; with Python's bytecode kept, as a user's Python keeps
it (bench_cli.as_users_run). Printed: seconds and the ratio to `python -c "import
typer"`, and, for the floor any Typer command line pays, a two-command Typer app run.
"""

from __future__ import annotations

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


def seconds(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=False, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


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
        best = {name: float("inf") for name in runs}
        for _ in range(rounds):
            for name, args in runs.items():
                best[name] = min(best[name], seconds(args, env))
    floor, app_floor = best["import typer"], best["a two-command Typer app"]
    print("| command | warm s | x import typer | x a two-command Typer app | ceiling |")
    print("|---|---|---|---|---|")
    for name, value in best.items():
        ceiling = "" if name in ("import typer", "a two-command Typer app") else (
            f"{CEILING.get(name, 1.5):.1f}")  # fmt: skip
        print(f"| {name} | {value:.3f} | {value / floor:.2f} | {value / app_floor:.2f} | "
              f"{ceiling} |")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
