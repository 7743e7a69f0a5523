"""Shell completion, through the completion machinery as a shell calls it."""

import os
import subprocess
import sys
import types

import pytest

from conftest import SEED_CLAIMS
from factcheck import completion


def complete(words: str, cword: int, **env: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck"],
        env={**os.environ, "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words,
             "COMP_CWORD": str(cword), "FACTCHECK_CLAIMS": str(SEED_CLAIMS), **env},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("factcheck show dhs", 2, ["dhs-released-4561"]),
        ("factcheck check --claim newsom-o", 3, ["newsom-office-transfers-12000",
                                                 "newsom-one-in-eight"]),
        ("factcheck list --topic de", 3, ["detainers"]),
        ("factcheck list --source benz", 3, ["benzinga-newsom-noem"]),
        ("factcheck compare --about ca-f", 3, ["ca-follows-the-law-on-detainers"]),
        ("factcheck sh", 1, ["show"]),
    ],
)  # fmt: skip
def test_bash_completes_commands_ids_topics_sources_and_propositions(words, cword, expected):
    assert complete(words, cword) == expected


def test_completion_reads_the_claims_option_given_on_the_line(write_claims):
    folder = write_claims('[[claims]]\nid = "zeta-claim"\ntext = "t"\nspeaker = "s"\n')
    words = f"factcheck show --claims {folder} ze"
    assert complete(words, 4) == ["zeta-claim"]


def test_a_broken_folder_still_completes(write_claims):
    folder = write_claims('[[claims]]\nid = "half-written"\ntext = \n')

    context = types.SimpleNamespace(params={"claims": str(folder)})
    assert completion.claim_ids(context, "half") == ["half-written"]


def test_install_completion_writes_the_bash_script(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "--install-completion", "bash"],
        env={**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    scripts = list(tmp_path.rglob("*factcheck*"))
    assert scripts, list(tmp_path.rglob("*"))
    assert "_FACTCHECK_COMPLETE" in scripts[0].read_text()


def test_install_completion_for_a_named_shell_needs_no_shell_among_the_parents(tmp_path):
    """In CI, `docker exec` or a detached job no shell is a parent process: typer found
    none and said "Shell None is not supported" although bash was named."""
    probe = (
        "import sys, shellingham\n"
        "def nowhere(*a, **k):\n    raise shellingham.ShellDetectionFailure()\n"
        "shellingham.detect_shell = nowhere\n"
        "sys.argv = ['factcheck', '--install-completion', 'bash']\n"
        "from factcheck.cli import main\nmain()\n"
    )
    env = {
        k: v for k, v in os.environ.items() if k != "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"
    }
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, env={**env, "HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / ".bash_completions" / "factcheck.sh").is_file()


def test_completion_offers_only_ids_from_files_the_folder_reads(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.toml").write_text(
        '[[claims]]\nid = "good-id"\n\n[[claims]]\nid = "$(touch pwned)"\n\n'
        '[[claims]]\nid = "esc\\u001b[31m"\n\n[[claims]]\nid = "x\u202eevil"\n',
        encoding="utf-8",
    )
    outside = tmp_path / "outside.toml"
    outside.write_text('[[claims]]\nid = "from-outside"\n', encoding="utf-8")
    (folder / "link.toml").symlink_to(outside)
    os.mkfifo(folder / "x.toml")  # a FIFO: reading it would hang the Tab
    context = types.SimpleNamespace(params={"claims": str(folder)})
    assert completion.claim_ids(context, "") == ["good-id"]


@pytest.mark.slow
def test_completion_walks_a_folder_nested_a_thousand_deep(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    deep = folder
    for _ in range(1000):  # one level at a time: pathlib's mkdir(parents=True) recurses
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "deep.toml").write_text('[[claims]]\nid = "deep-id"\n', encoding="utf-8")
    context = types.SimpleNamespace(params={"claims": str(folder)})
    try:
        assert completion.claim_ids(context, "") == ["deep-id"]
    finally:  # bottom up: shutil.rmtree (pytest's clean-up) recurses on Python < 3.12
        (deep / "deep.toml").unlink()
        while deep != folder:
            os.rmdir(deep)
            deep = deep.parent


def test_the_slug_completion_offers_is_the_models():
    from factcheck.model import SLUG_PATTERN

    assert completion.SLUG.pattern == SLUG_PATTERN
