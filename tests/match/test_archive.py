"""The archive a folder makes for `match` (match/archive.py): its index is kept per state of
the folder and filter, so that a run on a folder unchanged since then loads no record. The
archive is the fixture written for the match tests."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import FIXTURES
from factcheck.errors import UsageError
from factcheck.filters import ClaimFilter
from factcheck.folder.access import Folder
from factcheck.folder.cache import Cache
from factcheck.match import archive

pytest.importorskip("numpy")


@pytest.fixture
def folder_and_cache(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(FIXTURES / "match", folder)
    return folder, tmp_path / "cache"


def opened(folder, cache):
    return Folder(str(folder), Cache(cache))


def test_an_unchanged_folder_gives_its_kept_index_without_loading_a_record(folder_and_cache):
    folder, cache = folder_and_cache
    first = opened(folder, cache)
    made = archive.index_for(first, ClaimFilter())
    assert first.loaded is not None
    again = opened(folder, cache)
    kept = archive.index_for(again, ClaimFilter())
    assert again.loaded is None
    assert kept.index.documents == made.index.documents
    assert list(kept.index.readings) == list(made.index.readings)
    # what a match shows of a claim, kept beside the index
    for n, document in enumerate(made.index.documents):
        assert kept.shown(document.id, n) == made.shown(document.id, n) is not None
        assert kept.shown(document.id, n + 1) is None  # a row names its own claim


def test_another_filter_or_an_edit_loads_the_folder_again(folder_and_cache):
    folder, cache = folder_and_cache
    archive.index_for(opened(folder, cache), ClaimFilter())
    narrower = opened(folder, cache)
    few = archive.index_for(narrower, ClaimFilter(topics=("health",)))
    assert narrower.loaded is not None and len(few.index.documents) == 2
    (path,) = folder.glob("*.toml")
    path.write_text(path.read_text(encoding="utf-8").replace("bananas", "apples"),
                    encoding="utf-8")  # fmt: skip
    edited = opened(folder, cache)
    index = archive.index_for(edited, ClaimFilter())
    assert edited.loaded is not None
    assert any("apples" in d.text for d in index.index.documents)


def test_after_an_edit_the_last_index_is_brought_up_to_date_not_built(
    folder_and_cache, monkeypatch
):
    from factcheck.match import stored
    from factcheck.match.index import Index

    folder, cache = folder_and_cache
    archive.index_for(opened(folder, cache), ClaimFilter())
    (path,) = folder.glob("*.toml")
    path.write_text(path.read_text(encoding="utf-8").replace("bananas", "apples"),
                    encoding="utf-8")  # fmt: skip
    afresh = archive.index_for(Folder(str(folder), None), ClaimFilter()).index

    def no_build(documents):
        raise AssertionError("built afresh")

    monkeypatch.setattr(Index, "built", no_build)
    index = archive.index_for(opened(folder, cache), ClaimFilter()).index
    assert b"".join(stored.encode(index)) == b"".join(stored.encode(afresh))
    # another filter has no last index of its own: it is built
    with pytest.raises(AssertionError, match="built afresh"):
        archive.index_for(opened(folder, cache), ClaimFilter(topics=("health",)))


def test_a_filter_that_keeps_no_claim_is_refused(folder_and_cache):
    folder, cache = folder_and_cache
    with pytest.raises(UsageError, match="no claims to match against"):
        archive.index_for(opened(folder, cache), ClaimFilter(since=dt.date(2999, 1, 1)))


def test_a_warm_match_shows_its_claims_without_asking_the_folder(folder_and_cache, monkeypatch):
    import json

    from conftest import run

    folder, cache = folder_and_cache
    env = {"FACTCHECK_CACHE_DIR": str(cache)}
    args = ("match", "Biden owns the largest mansion in Delaware", "--claims", folder, "--json")
    cold = run(*args, env=env)
    assert cold.exit_code == 0, cold.stderr

    def no_view(self, claim_id):
        raise AssertionError("the folder was asked for a claim")

    monkeypatch.setattr(Folder, "claim_view", no_view)
    warm = run(*args, env=env)
    assert (warm.exit_code, warm.stdout) == (0, cold.stdout)
    assert json.loads(warm.stdout)[0]["rating"]  # a declared rating's label, as cold
    monkeypatch.undo()
    # a row not as written (here: another claim's) is not shown; the folder is asked
    real = archive._kept_rows

    def swapped(index, rows):
        lines = rows.split(b"\n")
        return real(index, b"\n".join([lines[-1], *lines[1:-1], lines[0]]))

    monkeypatch.setattr(archive, "_kept_rows", swapped)
    again = run(*args, env=env)
    assert (again.exit_code, again.stdout) == (0, cold.stdout)


def test_every_file_a_match_keeps_is_one_the_cache_sweeps(folder_and_cache):
    # a kind of file left out of the cache's names is never swept nor removed with its
    # version's folder (match's kept archive was, for a while)
    from factcheck.folder import cache as cache_module

    folder, cache = folder_and_cache
    archive.index_for(opened(folder, cache), ClaimFilter())
    names = [p.name for p in cache.rglob("*") if p.is_file() and p.name != cache_module.MARKER]
    assert names and all(cache_module._OUR_FILES.fullmatch(name) for name in names), names


def test_claims_too_long_to_read_whole_for_meaning_are_said_cold_and_warm(folder_and_cache):
    from conftest import run
    from factcheck.text.embeddings import MAX_EMBEDDED

    folder, cache = folder_and_cache
    long_text = " ".join(["The county jail released inmates."] * (MAX_EMBEDDED // 30))
    (folder / "long.toml").write_text(
        f'[[claims]]\nid = "long-one"\ntext = "{long_text}"\nspeaker = "a report"\n'
        'topics = ["politics"]\ndate = 2020-03-02\n',
        encoding="utf-8",
    )
    env = {"FACTCHECK_CACHE_DIR": str(cache)}
    args = ("match", "county jail released inmates", "--claims", folder, "--json")
    note = f"1 claims longer than {MAX_EMBEDDED:,} characters are compared in meaning"
    for run_number in ("cold", "warm"):
        result = run(*args, env=env)
        assert result.exit_code == 0, (run_number, result.stderr)
        assert note in result.stderr, run_number


def test_a_warm_match_imports_neither_the_record_models_nor_the_loader(folder_and_cache):
    """Warm, the index and the rows a match shows are kept: importing the models and the
    loader (30 ms) would be a good part of a warm match at 50k claims. Nor is the tokenizer
    built (30-40 ms): the query is tokenized by the merges kept (text/bpe.py)."""
    import os
    import subprocess
    import sys

    folder, cache = folder_and_cache
    probe = (
        "import sys; from factcheck.cli import main; "
        f"sys.argv = ['factcheck', 'match', 'Biden mansion', '--claims', {str(folder)!r},"
        " '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('factcheck.model', 'factcheck.folder.store', 'tokenizers') "
        "if m in sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    first, second = (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                       check=True)
        for _ in range(2)
    )  # fmt: skip
    assert "factcheck.model" in first.stderr  # the first run loads the folder
    assert second.stderr.strip().splitlines()[-1] == "[]"
    assert second.stdout == first.stdout and "biden-largest-mansion" in second.stdout
