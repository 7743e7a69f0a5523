"""`compare --topic` and `--about` kept per state of the folder (compare_kept.py, issue 29): a
warm run in any format is byte-identical to the cold one and loads no record, and a kept answer
is read back only in the shape it was written. The folder is a copy of the seed claims."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import SEED_CLAIMS, run
from factcheck import compare_kept
from factcheck.choices import Confidence
from factcheck.folder import store
from factcheck.folder.access import Folder
from factcheck.folder.cache import Cache

FORMATS = [(), ("--json",), ("--format", "csv"), ("--format", "jsonl")]


@pytest.fixture
def folder(tmp_path):
    claims = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, claims)
    return claims, {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}


def refuse_to_load(monkeypatch):
    def no_corpus(self):
        raise AssertionError("the folder was loaded")

    monkeypatch.setattr(Folder, "corpus", no_corpus)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scope", [("--topic", "detainers"), ("--about", "ca-cooperates-with-ice")])
def test_a_warm_comparison_is_the_cold_one_without_loading_the_folder(folder, monkeypatch,
                                                                      fmt, scope):  # fmt: skip
    claims, env = folder
    args = ("compare", *scope, "--claims", claims, *fmt)
    cold = run(*args, env=env)
    assert cold.exit_code == 0, cold.stderr
    refuse_to_load(monkeypatch)
    warm = run(*args, env=env)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (0, cold.stdout, cold.stderr)
    assert "essayli-prohibits-handover" in warm.stdout or scope[0] == "--about"


def test_a_warm_comparison_without_conflicts_loads_nothing_either(folder, monkeypatch):
    claims, env = folder
    args = ("compare", "--topic", "releases", "--claims", claims)
    cold = run(*args, env=env)
    assert cold.exit_code == 0 and "0 conflicts" in cold.stderr
    refuse_to_load(monkeypatch)
    warm = run(*args, env=env)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (0, cold.stdout, cold.stderr)


def test_fail_on_conflict_is_kept_too(folder, monkeypatch):
    claims, env = folder
    args = ("compare", "--topic", "detainers", "--claims", claims, "--fail-on-conflict")
    assert run(*args, env=env).exit_code == 1
    refuse_to_load(monkeypatch)
    assert run(*args, env=env).exit_code == 1
    assert run(*args, "--min-confidence", "high", env=env).exit_code == 1


def test_a_kept_answer_without_a_claim_it_names_asks_the_folder(folder, monkeypatch):
    claims, env = folder
    args = ("compare", "--topic", "detainers", "--claims", claims)
    cold = run(*args, "--min-confidence", "low", env=env)  # kept for low; medium not yet
    with monkeypatch.context() as patched:  # kept without the claims its conflicts name
        patched.setattr(compare_kept, "_named", lambda comparison: set())
        run(*args, "--min-confidence", "medium", env=env)
    kept_in = Folder(str(claims), Cache(Path(env["FACTCHECK_CACHE_DIR"])))
    answer = compare_kept.answer(kept_in, "detainers", None, Confidence.medium)
    assert answer.rows_json == b"[]"
    assert answer.claims_shown(answer.comparison()) is None
    warm = run(*args, "--min-confidence", "medium", env=env)
    assert warm.exit_code == 0 and "essayli-prohibits-handover" in warm.stdout
    assert warm.stdout == cold.stdout  # the seed's detainers conflicts are medium or higher


def kept_answer() -> bytes:
    corpus = store.load(SEED_CLAIMS)
    return compare_kept._computed(corpus, "detainers", None, Confidence.low)


def test_a_kept_answer_reads_back_whole():
    kept = kept_answer()
    read = compare_kept._read(kept)
    assert read is not None and read.conflicts and read.limits == []
    assert read.comparison().topic == "detainers"
    shown = read.claims_shown(read.comparison())
    assert shown is not None
    newsom = shown["newsom-follows-law"]
    assert (newsom.speaker, newsom.speaker_role) == ("Gavin Newsom", "Governor of California")
    row = compare_kept._claim_shown(["a", "b", None, "2025-06-03", None, "t"])
    assert row.date == dt.date(2025, 6, 3)


def damaged(kept: bytes, which: int, new: bytes) -> bytes:
    """The answer with one of its first two lines replaced."""
    head, rows, comparison = kept.split(b"\n", 2)
    lines = [head, rows]
    lines[which] = new
    return b"\n".join([*lines, comparison])


@pytest.mark.parametrize(
    "new",
    [
        b"2[]",  # neither conflicts nor none
        b"1{}",  # limits not a list
        b"1[1]",  # a limit not a string
        b'1["\x1b[2J"]',  # a control character
    ],
)
def test_a_kept_answer_in_another_shape_is_not_read(new):
    assert compare_kept._read(damaged(kept_answer(), 0, new)) is None


@pytest.mark.parametrize(
    "new",
    [
        b"{}",  # rows not a list
        b'[["a","b","c"]]',  # a row of three fields
        b'[["a",null,null,null,null,"t"]]',  # no speaker
        b'[["a","b",null,"June 3",null,"t"]]',  # not a date
        b'[["a","b",null,null,7,"t"]]',  # a source not a string
        b"[[",  # not JSON
        b"[]",  # none of the claims the conflicts name
    ],
)
def test_kept_rows_in_another_shape_are_not_shown(new):
    """The JSON needs no row; a table whose rows are not as written asks the folder."""
    read = compare_kept._read(damaged(kept_answer(), 1, new))
    assert read is not None and read.claims_shown(read.comparison()) is None


def test_a_control_character_in_the_rows_refuses_the_whole_answer():
    damaged_rows = damaged(kept_answer(), 1, b'[["a","b\x1b[2J",null,null,null,"t"]]')
    assert compare_kept._read(damaged_rows) is None


def test_a_kept_answer_cut_short_is_not_read():
    kept = kept_answer()
    for cut in (1, kept.index(b"\n"), kept.index(b"\n") + 1, kept.rindex(b"\n[") + 1):
        assert compare_kept._read(kept[:cut]) is None


def test_a_warm_comparison_imports_neither_the_records_nor_the_rules(folder):
    """Warm, the table is drawn from the kept comparison: importing the record models and the
    comparison's rules and WordNet (70 ms) would be most of a warm run on the seed."""
    import os
    import subprocess
    import sys

    claims, env = folder
    probe = (
        "from factcheck.cli import main; "
        "import sys; sys.argv = ['factcheck', 'compare', '--topic', 'detainers', '--claims',"
        f" {str(claims)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('factcheck.model', 'factcheck.compare.run', "
        "'factcheck.text.lexicon') if m in sys.modules), file=sys.stderr)"
    )
    first, second = (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                       env={**os.environ, **env, "COLUMNS": "120"}, check=True)
        for _ in range(2)
    )  # fmt: skip
    assert "factcheck.compare.run" in first.stderr  # the first run compares
    assert second.stderr.strip().splitlines()[-1] == "[]"
    assert second.stdout == first.stdout and "essayli-prohibits-handover" in second.stdout


def test_an_edit_replaces_the_kept_answer_rather_than_adding_one(folder):
    """A folder keeps one answer a question, for its latest state: after each edit the answer
    kept for the state before goes (docs/cache.md), so that edits do not pile answers up."""
    claims, env = folder
    args = ("compare", "--topic", "detainers", "--claims", claims, "--json")
    cache = Path(env["FACTCHECK_CACHE_DIR"])
    assert run(*args, env=env).exit_code == 0
    other = run("compare", "--topic", "releases", "--claims", claims, "--json", env=env)
    assert other.exit_code == 0
    first = sorted(cache.rglob("*.compare"))
    assert len(first) == 2  # one for each question
    for n in range(2):
        path = next(claims.glob("*.toml"))
        path.write_text(path.read_text(encoding="utf-8") + f"# edit {n}\n", encoding="utf-8")
        assert run(*args, env=env).exit_code == 0
        kept = sorted(cache.rglob("*.compare"))
        assert len(kept) == 2, kept  # detainers' answer replaced, releases' untouched
    assert set(kept) - set(first)
