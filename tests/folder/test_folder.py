"""The Folder: one way in to a claims folder, choosing the cheapest answer the cache allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.folder import store
from factcheck.folder.access import Folder
from factcheck.folder.cache import Cache
from factcheck.folder.problems import ClaimsError

CLAIMS = (
    '[[claims]]\nid = "a"\nspeaker = "Kim Lee"\ntopics = ["jails"]\ntext = "It rose."\n\n'
    '[[claims]]\nid = "b"\nspeaker = "Ann Roe"\ntopics = ["jails", "courts"]\ntext = "It fell."\n'
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "c.toml").write_text(CLAIMS, encoding="utf-8")
    return claims


def _no_load(*args, **kwargs):
    raise AssertionError("the folder was loaded")


def warm(folder: Path, cache_dir: Path) -> None:
    """A first `list --json`: the folder loaded, its listing kept once the answer is out."""
    from factcheck.filters import ClaimFilter

    first = Folder(str(folder), Cache(cache_dir))
    assert first.listed(ClaimFilter(), "json").json is not None and first.loaded is not None
    first.settle()


def test_an_unchanged_folder_is_answered_from_its_listing(folder, tmp_path, monkeypatch):
    warm(folder, tmp_path / "cache")
    monkeypatch.setattr(store, "load", _no_load)
    answered = Folder(str(folder), Cache(tmp_path / "cache"))
    assert {t.topic: t.claims for t in answered.topic_counts()} == {"jails": 2, "courts": 1}
    assert answered.claim_view("b").claim.text == "It fell."
    assert answered.loaded is None


def test_an_edited_folder_is_brought_up_to_date_and_the_same_as_loaded(folder, tmp_path):
    warm(folder, tmp_path / "cache")
    (folder / "c.toml").write_text(CLAIMS.replace("It fell.", "It fell again."), "utf-8")
    answered = Folder(str(folder), Cache(tmp_path / "cache"))
    listed = answered.listing()
    assert listed is not None and answered.loaded is None
    assert [c.text for c in listed.claims] == [
        c.text for c in Folder(str(folder)).corpus().claims.values()
    ]


def test_without_a_cache_or_on_stdin_the_folder_is_loaded(folder):
    plain = Folder(str(folder))
    assert plain.listing() is None
    assert {t.topic for t in plain.topic_counts()} == {"jails", "courts"}
    assert plain.loaded is not None
    piped = Folder("-", stdin=CLAIMS.encode())
    assert piped.claim_view("a").claim.speaker == "Kim Lee"
    broken = Folder("-", stdin=b'[[claims]]\nid = "x"\n')
    assert broken.corpus().left_out  # reading goes on, the problems kept
    with pytest.raises(ClaimsError):
        broken.summary()  # what validate says is strict


def test_a_folder_loaded_for_show_keeps_its_listing_once_settled(folder, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    shown = Folder(str(folder), Cache(cache_dir))
    assert shown.claim_view("a").claim.text == "It rose."
    assert Folder(str(folder), Cache(cache_dir)).stored_listing() is None  # not before
    shown.settle()
    again = Folder(str(folder), Cache(cache_dir))
    monkeypatch.setattr(store, "load", _no_load)
    assert again.claim_view("b").claim.text == "It fell."
    assert {t.topic: t.claims for t in again.topic_counts()} == {"jails": 2, "courts": 1}


def test_a_refused_write_is_never_made_so_no_reader_sees_it(tmp_path, monkeypatch):
    """The folder is checked as it would be before a byte is written: a record it refuses
    was once written, loaded, then put back, and a reader in between saw it (issue 31's
    concurrent extract --write, seen in CI)."""
    import shutil

    from conftest import SEED_CLAIMS
    from factcheck.folder import records

    claims = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, claims)
    (seed,) = claims.glob("*.toml")
    before = seed.read_bytes()
    writes: list[Path] = []
    real = records.replace_file

    def spied(path, *args, **kwargs):
        writes.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(records, "replace_file", spied)
    taken = '[[sources]]\nid = "benzinga-newsom-noem"\noutlet = "Again"\n'  # an ID it holds
    with pytest.raises(ClaimsError, match="duplicate"):
        Folder(str(claims)).add(seed, taken)
    assert writes == [] and seed.read_bytes() == before
    Folder(str(claims)).add(claims / "new.toml", '[[sources]]\nid = "desk"\noutlet = "D"\n')
    assert writes == [claims / "new.toml"]
