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
