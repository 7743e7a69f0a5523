"""Hostile input and hostile surroundings (issue 8): a clear line and a documented exit code,
never a traceback. Whole processes where the surroundings matter (a full disk, a closed
stdout, a locale that cannot encode the output)."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_CLAIMS
from factcheck import render
from factcheck.cli import EXIT_OUTPUT

COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["list", "--format", "csv"],
    ["show", "dhs-released-4561"],
    ["topics"],
    ["validate"],
    ["check"],
    ["check", "--json"],
    ["compare", "--topic", "detainers"],
    ["calc", "4,561 / 33,179"],
    ["schema"],
]


def factcheck(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=kwargs.pop("capture_output", True),
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        check=False,
        **kwargs,
    )


def no_traceback(stderr: bytes) -> bool:
    return b"Traceback" not in stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", COMMANDS)
def test_a_full_disk_is_one_line_and_exit_4(args):
    needs_claims = args[0] not in ("schema", "calc")
    claims = ["--claims", str(SEED_CLAIMS)] if needs_claims else []
    with open("/dev/full", "wb") as full:
        done = factcheck(*args, *claims, stdout=full, capture_output=False, stderr=subprocess.PIPE)
    assert done.returncode == EXIT_OUTPUT
    assert no_traceback(done.stderr)
    assert b"cannot write output: No space left on device" in done.stderr


def test_a_closed_stdout_is_one_line_and_exit_4():
    done = subprocess.run(
        f"{sys.executable} -m factcheck list --json --claims {SEED_CLAIMS} >&-",
        shell=True, capture_output=False, stderr=subprocess.PIPE, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_OUTPUT
    assert no_traceback(done.stderr)
    assert b"standard output is closed" in done.stderr


class _Broken(io.StringIO):
    def __init__(self, failure: OSError) -> None:
        super().__init__()
        self.failure = failure
        self.buffer = self

    def write(self, data):  # type: ignore[override]
        raise self.failure


@pytest.mark.parametrize(
    ("failure", "message", "cut_short"),
    [
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), "reader closed the pipe", True),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device", False),
        (OSError(errno.EIO, "Input/output error"), "Input/output error", False),
    ],
)
def test_every_writer_turns_a_write_failure_into_one_output_error(
    monkeypatch, failure, message, cut_short
):
    monkeypatch.setattr(sys, "stdout", _Broken(failure))
    for write in (
        lambda: render.write_json({"a": 1}),
        lambda: render.write_csv(["h"], [["v"]]),
        lambda: render.show("text"),
    ):
        with pytest.raises(render.OutputError) as caught:
            write()
        assert message in str(caught.value)
        assert caught.value.cut_short is cut_short


def test_a_short_write_is_an_error_not_a_silent_truncation(monkeypatch):
    class Short(io.BytesIO):
        def write(self, data):  # type: ignore[override]
            return 0

    class Stdout(io.StringIO):
        buffer = Short()

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(render.OutputError, match="short write"):
        render.write_json(list(range(10)))


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
        {"PYTHONIOENCODING": "latin-1"},
    ],
)
@pytest.mark.parametrize("args", COMMANDS)
def test_a_locale_that_cannot_encode_the_output_degrades_to_escapes(args, env):
    needs_claims = args[0] not in ("schema", "calc")
    claims = ["--claims", str(SEED_CLAIMS)] if needs_claims else []
    done = factcheck(*args, *claims, env=env)
    assert no_traceback(done.stderr), done.stderr.decode(errors="replace")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch):
    from conftest import run
    from factcheck import query

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(query, "list_claims", interrupted)
    result = run("list", "--claims", SEED_CLAIMS)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
