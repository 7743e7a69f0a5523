from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli.base import app
from factcheck.cli.main import command_line, register_commands

register_commands()  # every command, as `factcheck --help` sees them

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_CLAIMS = ROOT / "claims"


def run(*args: str | Path, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    # A wide terminal, so that assertions on table text do not depend on where Rich wraps.
    # The arguments go through what main() does to them, as on the real command line.
    argv = command_line([str(a) for a in args])
    return CliRunner().invoke(app, argv, env={"COLUMNS": "250", **(env or {})}, input=input)


def extract_lines(article: Path, text: str) -> list[dict[str, Any]]:
    """Every sentence `extract` reads in `text`, written to `article`, as its JSON Lines give
    them (--min-score 0), in the text's order."""
    article.write_text(text, encoding="utf-8")
    result = run("extract", article, "--min-score", "0", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return sorted(map(json.loads, result.stdout.splitlines()), key=lambda c: c["start"])


def run_json(*args: str | Path) -> Any:
    result = run(*args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def write_claims(tmp_path: Path):
    """Write TOML text into a fresh claims folder and return the folder."""

    def write(text: str, name: str = "claims.toml") -> Path:
        folder = tmp_path / "claims"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """The warm cache of every test run lives in a folder of its own, never in the user's."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(folder))
        yield folder


# The seed corpus as a desk has it after `review`: one claim rated, on a scale of 1 to 5.
SEED_RATINGS = """
[[ratings]]
id = "mostly-true"
label = "Mostly true"
value = 4
best = 5
worst = 1
"""
SEED_REVIEW = (
    'review = { rating = "mostly-true", reviewer = "The Example Desk", date = 2025-07-12, '
    'url = "https://desk.example/reviews/one-in-eight", '
    'rationale = "4,561 of 33,179 is 13.75%, nearer one in seven." }\n'
)


def reviewed_seed(tmp_path: Path) -> Path:
    """The bundled seed corpus with one claim reviewed, as a desk would after `review`."""
    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    (seed,) = folder.glob("*.toml")
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index('id = "newsom-one-in-eight"\n') + 1
    seed.write_text("".join([*lines[:at], SEED_REVIEW, *lines[at:]]), encoding="utf-8")
    (folder / "ratings.toml").write_text(SEED_RATINGS, encoding="utf-8")
    return folder


def at_a_terminal(args: list[str], typed: bytes, cwd, interrupt: bool = False) -> tuple[int, str]:
    """Run factcheck with a pseudo-terminal for stdin, type into it (or press Ctrl-C: a
    SIGINT, as the terminal sends), return the exit code and what it printed."""
    import pty
    import signal
    import subprocess
    import sys
    import time

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdin=follower,
                               stdout=follower, stderr=follower, cwd=cwd)  # fmt: skip
    os.close(follower)
    time.sleep(1.0)  # the prompt is up
    os.write(leader, typed)
    if interrupt:
        process.send_signal(signal.SIGINT)
    code = process.wait(timeout=20)
    output = b""
    while True:  # what it printed, up to the end (EIO once the terminal's other end closed)
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return code, output.decode("utf-8", "replace")
