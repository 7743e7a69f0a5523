"""The warm cache: it must never give records other than the files hold, never trust what it
reads, never store a problem as success, and never break a command when it cannot be used."""

from __future__ import annotations

import contextlib
import json
import os
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import factcheck
from conftest import SEED_CLAIMS, run
from factcheck.folder import cache as cache_module
from factcheck.folder.cache import DIGEST_SIZE, MAGIC, Cache, file_digest
from factcheck.folder.listing import summarise
from factcheck.folder.problems import ClaimsError
from factcheck.folder.store import load
from factcheck.model import RECORD_KINDS, Claim, LexiconExtension, Quantity, Source

SOURCE = '[[sources]]\nid = "wire"\noutlet = "Wire"\npublished = 2025-01-02\n'


def claim(claim_id: str, text: str = "The jail released 4,561 people.") -> str:
    return (
        f'[[claims]]\nid = "{claim_id}"\nspeaker = "Kim Lee"\ntopics = ["jails"]\n'
        f'source = "wire"\ndate = 2025-03-04\ntext = "{text}"\n'
        f'[claims.quantities]\nreleased = {{ value = "4,561", since = 2024-01-01 }}\n'
        f'share = {{ value = "about one in eight", part_of = "released" }}\n'
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "sources.toml").write_text(SOURCE, encoding="utf-8")
    (claims / "a.toml").write_text(claim("a-one") + claim("a-two"), encoding="utf-8")
    (claims / "b.toml").write_text(claim("b-one"), encoding="utf-8")
    return claims


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def warm_load(folder: Path, cache_dir: Path) -> tuple[factcheck.folder.store.Corpus, Cache]:
    used = Cache(cache_dir)
    return load(folder, used), used


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.entry"))


def test_an_unchanged_folder_comes_whole_from_the_cache(folder, cache_dir):
    fresh = load(folder)
    first, cold = warm_load(folder, cache_dir)
    second, warm = warm_load(folder, cache_dir)
    assert (cold.hits, cold.misses) == (0, 3)
    assert (warm.hits, warm.misses) == (3, 0)
    assert second.claims == first.claims == fresh.claims
    assert second.sources == fresh.sources
    assert second.claims["a-one"].date == fresh.claims["a-one"].date
    assert list(second.claims) == ["a-one", "a-two", "b-one"]
    assert second.origin == fresh.origin
    # What `new` writes from a record (records.py) is the same.
    written = {"exclude_none": True, "exclude_defaults": True, "by_alias": True}
    assert second.claims["a-one"].model_dump(**written) == fresh.claims["a-one"].model_dump(
        **written
    )


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for field in model.model_fields.values():
        for inner in _inner_types(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                _models(inner, seen)
    return seen


def _inner_types(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _inner_types(arg)]


def test_every_field_that_can_be_none_defaults_to_none():
    # Entries leave None out (the faster dump), which gives the same record back only so.
    models: set[type[BaseModel]] = set()
    for kind in (*RECORD_KINDS.values(), LexiconExtension):
        _models(kind, models)
    assert {Claim, Quantity, Source} <= models
    for model in models:
        for name, field in model.model_fields.items():
            if type(None) in _inner_types(field.annotation):
                assert field.default is None, f"{model.__name__}.{name}"


def test_an_edit_that_keeps_size_and_modification_time_is_seen(folder, cache_dir):
    path = folder / "b.toml"
    warm_load(folder, cache_dir)
    before = path.stat()
    path.write_text(claim("b-one", "The jail released 4,561 PEOPLE."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    corpus, used = warm_load(folder, cache_dir)
    assert corpus.claims["b-one"].text.endswith("PEOPLE.")
    assert used.misses == 1


def test_a_file_replaced_by_rename_is_read_anew(folder, cache_dir, tmp_path):
    warm_load(folder, cache_dir)
    replacement = tmp_path / "new.toml"
    replacement.write_text(claim("b-renamed"), encoding="utf-8")
    os.replace(replacement, folder / "b.toml")
    corpus, _ = warm_load(folder, cache_dir)
    assert "b-renamed" in corpus.claims
    assert "b-one" not in corpus.claims


def test_a_deleted_file_and_an_added_file(folder, cache_dir):
    warm_load(folder, cache_dir)
    (folder / "b.toml").unlink()
    (folder / "c.toml").write_text(claim("c-one"), encoding="utf-8")
    corpus, used = warm_load(folder, cache_dir)
    assert sorted(corpus.claims) == ["a-one", "a-two", "c-one"]
    assert (used.hits, used.misses) == (2, 1)


def test_a_new_tool_version_never_reads_old_entries(folder, cache_dir, monkeypatch):
    warm_load(folder, cache_dir)
    monkeypatch.setattr(factcheck, "__version__", "999.0")
    corpus, used = warm_load(folder, cache_dir)
    assert (used.hits, used.misses) == (0, 3)
    assert len(corpus.claims) == 3


def test_a_new_version_removes_the_entries_of_the_old(folder, cache_dir, monkeypatch):
    warm_load(folder, cache_dir)
    (old_version,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("not ours to remove")
    monkeypatch.setattr(factcheck, "__version__", "999.0")
    warm_load(folder, cache_dir)
    assert not old_version.exists()
    assert len(entries(cache_dir)) == 3  # the new version's
    assert unrelated.exists()


def test_an_edited_schema_module_never_reads_old_entries(folder, cache_dir, monkeypatch):
    warm_load(folder, cache_dir)
    monkeypatch.setattr(cache_module, "_version_digest", lambda: b"\1" * 32)  # a module edited
    _, used = warm_load(folder, cache_dir)
    assert used.hits == 0


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:-10] + b"X" + raw[-9:], id="one-byte-changed"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b"\x80\x04\x95pickle" + raw, id="foreign"),
        pytest.param(lambda raw: json.dumps({"claims": []}).encode(), id="other-json"),
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(folder, cache_dir, damage):
    expected = load(folder).claims
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        entry.write_bytes(damage(entry.read_bytes()))
    corpus, used = warm_load(folder, cache_dir)
    assert corpus.claims == expected
    assert used.hits == 0
    _, rebuilt = warm_load(folder, cache_dir)
    assert rebuilt.hits == 3


def unpacked(entry: Path) -> tuple[bytes, bytes, bytes]:
    """An entry's checksum, key and records, as the cache wrote them (packed: see _pack)."""
    raw = entry.read_bytes()[len(MAGIC) :]
    checksum, key, packed = raw[:32], raw[32 : 32 + DIGEST_SIZE], raw[32 + DIGEST_SIZE :]
    body = cache_module._unpack(memoryview(packed))
    assert body is not None
    return checksum, key, body


def packed_again(key: bytes, body: bytes, checksum: bytes | None = None) -> bytes:
    """An entry of these records, signed with its own checksum unless one is given."""
    payload = key + b"".join(cache_module._pack([body]))
    return MAGIC + (checksum or file_digest(payload)) + payload


def test_entries_are_kept_packed_and_unpack_to_the_records(folder, cache_dir):
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        _, _, body = unpacked(entry)
        assert body.startswith((b'["claims"]\n', b'["sources"]\n'))
        assert body.split(b"\n", 1)[1][:20] not in entry.read_bytes()


def test_packing_gives_back_exactly_what_was_packed():
    pieces = [b"[1,2", memoryview(b",3]" * 1000), b""]
    packed = b"".join(cache_module._pack(pieces))
    assert len(packed) < 300
    assert cache_module._unpack(memoryview(packed)) == b"[1,2" + b",3]" * 1000


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p[:-3],  # cut short
        lambda p: (int.from_bytes(p[:8], "big") - 1).to_bytes(8, "big") + p[8:],  # says less
        lambda p: (int.from_bytes(p[:8], "big") + 1).to_bytes(8, "big") + p[8:],  # says more
        lambda p: (2**63 - 1).to_bytes(8, "big") + p[8:],  # says more than memory holds
        lambda p: (0).to_bytes(8, "big") + p[8:],  # says nothing, holds a lot
        lambda p: p + b"more",  # something after the stream
        lambda p: p[:8] + b"not zlib at all",
        lambda p: p[:5],
    ],
)
def test_a_damaged_pack_is_refused_not_unpacked_without_bound(damage):
    packed = b"".join(cache_module._pack([b"0" * 100_000]))
    assert cache_module._unpack(memoryview(damage(packed))) is None


def test_a_changed_letter_that_leaves_valid_json_is_caught_by_the_checksum(folder, cache_dir):
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        checksum, key, body = unpacked(entry)
        entry.write_bytes(packed_again(key, body.replace(b"people", b"PEOPLE"), checksum))
    corpus, used = warm_load(folder, cache_dir)
    assert corpus.claims["b-one"].text == "The jail released 4,561 people."
    assert used.misses == 2


def _forge(entry: Path, old: bytes, new: bytes) -> None:
    """Change an entry's records and sign it again, as someone who knows the format could."""
    _, key, body = unpacked(entry)
    entry.write_bytes(packed_again(key, body.replace(old, new)))


@pytest.mark.parametrize("header", [b'[["claims"]]', b"{}", b'["claims","claims"]', b"\xff"])
def test_a_forged_header_is_ignored(folder, cache_dir, header):
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        _forge(entry, b'["claims"]', header)
    corpus, used = warm_load(folder, cache_dir)
    assert len(corpus.claims) == 3
    assert used.misses == 2


def test_a_forged_entry_still_goes_through_validation(folder, cache_dir):
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        _forge(entry, b'"id":"a-one"', b'"id":"NOT A SLUG"')
        _forge(entry, b'"value":"4,561"', b'"value":"lots"')
    corpus, used = warm_load(folder, cache_dir)
    assert sorted(corpus.claims) == ["a-one", "a-two", "b-one"]
    assert corpus.claims["a-one"].quantities["released"].value == "4,561"
    assert used.misses == 2  # both claim files were forged; the sources file was not


def test_one_record_is_read_from_an_entry_and_validated_alone(folder, cache_dir):
    # `show` reads one claim of a file's entry (Cache.get_record), validated as get() would.
    warm_load(folder, cache_dir)
    digest = file_digest((folder / "a.toml").read_bytes())
    used = Cache(cache_dir)
    found = used.get_record(digest, "claims", "a-two")
    assert found == load(folder).claims["a-two"]
    assert used.get_record(digest, "claims", "a-three") is None
    assert used.get_record(digest, "sources", "wire") is None  # not in this file
    entry = used._content_entry(digest)
    before = entry.read_bytes()
    said = b'"id":"a-two","text":"The jail released 4,561 people.","speaker":'
    _forge(entry, said + b'"Kim Lee"', said + b"7")
    assert entry.read_bytes() != before
    assert used.get_record(digest, "claims", "a-two") is None  # fails validation
    assert used.get_record(digest, "claims", "a-one") is not None  # its neighbour is sound
    _forge(entry, b'"id":"a-one"', b'"id":"a-two"')
    assert used.get_record(digest, "claims", "a-one") is None
    assert used.get_record(digest, "claims", "a-two") is None  # two records of one ID


def test_an_entry_for_other_bytes_is_not_used(folder, cache_dir):
    # An entry made for b.toml's old bytes, left in place when the file changes.
    warm_load(folder, cache_dir)
    (folder / "b.toml").write_text(claim("b-two"), encoding="utf-8")
    corpus, _ = warm_load(folder, cache_dir)
    assert "b-two" in corpus.claims


def test_a_file_with_a_problem_is_never_cached(folder, cache_dir):
    (folder / "bad.toml").write_text(claim("bad-one").replace("2025-03-04", '"2025-03-04"'))
    for _ in range(2):
        with pytest.raises(ClaimsError) as raised:
            warm_load(folder, cache_dir)
        assert "bad.toml" in str(raised.value)
        assert "TOML date" in str(raised.value)
    assert len(entries(cache_dir)) == 3  # sources, a and b; never bad.toml


def test_references_are_checked_again_when_any_file_changes(folder, cache_dir):
    warm_load(folder, cache_dir)
    warm_load(folder, cache_dir)  # every file from the cache: the folder is marked clean
    (folder / "sources.toml").write_text('[[sources]]\nid = "other"\n', encoding="utf-8")
    with pytest.raises(ClaimsError) as raised:
        warm_load(folder, cache_dir)
    assert "source 'wire', which does not exist" in str(raised.value)


def test_a_deleted_file_is_seen_even_when_the_rest_come_from_the_cache(folder, cache_dir):
    warm_load(folder, cache_dir)
    warm_load(folder, cache_dir)
    (folder / "sources.toml").unlink()
    with pytest.raises(ClaimsError) as raised:
        warm_load(folder, cache_dir)
    assert "source 'wire', which does not exist" in str(raised.value)


def test_a_duplicate_id_across_cached_files_is_found_every_time(folder, cache_dir):
    (folder / "c.toml").write_text(claim("a-one"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ClaimsError) as raised:
            warm_load(folder, cache_dir)
        assert "duplicate ID" in str(raised.value)


def test_a_cache_folder_others_can_write_is_not_used(folder, cache_dir):
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)
    warm_load(folder, cache_dir)
    _, used = warm_load(folder, cache_dir)
    assert used.hits == 0
    assert entries(cache_dir) == []


def test_the_cli_uses_the_cache_folder_from_the_environment(folder, tmp_path):
    chosen = tmp_path / "chosen"
    for _ in range(2):
        result = run("list", "--claims", folder, "--json", env={"FACTCHECK_CACHE_DIR": str(chosen)})
        assert result.exit_code == 0, result.stderr
        assert [c["id"] for c in json.loads(result.stdout)] == ["a-one", "a-two", "b-one"]
    assert len(entries(chosen)) == 3
    assert not any(p.name.endswith(".entry") for p in folder.rglob("*"))


def test_xdg_cache_home_is_honoured(folder, tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    result = run("validate", "--claims", folder)
    assert result.exit_code == 0, result.stderr
    assert len(entries(tmp_path / "xdg" / "factcheck")) == 3


def test_no_cache_reads_and_writes_nothing(folder, tmp_path):
    chosen = tmp_path / "chosen"
    env = {"FACTCHECK_CACHE_DIR": str(chosen)}
    result = run("--no-cache", "list", "--claims", folder, "--json", env=env)
    assert result.exit_code == 0, result.stderr
    assert not chosen.exists()


def test_a_cache_that_cannot_be_made_does_not_stop_a_command(folder, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = run("list", "--claims", folder, "--json", env={"FACTCHECK_CACHE_DIR": str(blocked)})
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
    assert result.stderr == ""


def test_validate_of_an_unchanged_folder_reads_no_record(folder, cache_dir):
    cold = summarise(folder, Cache(cache_dir))
    assert (cold.counts.files, cold.counts.sources, cold.counts.claims) == (3, 1, 3)
    used = Cache(cache_dir)
    assert summarise(folder, used) == cold
    assert (used.hits, used.misses) == (0, 0)  # answered from the record of the clean load


def test_validate_after_an_edit_loads_the_folder_again(folder, cache_dir):
    summarise(folder, Cache(cache_dir))
    (folder / "b.toml").write_text(claim("b-one").replace('"wire"', '"gone"'), encoding="utf-8")
    with pytest.raises(ClaimsError) as raised:
        summarise(folder, Cache(cache_dir))
    assert "source 'gone', which does not exist" in str(raised.value)
    (folder / "b.toml").write_text(claim("b-one") + claim("b-two"), encoding="utf-8")
    assert summarise(folder, Cache(cache_dir)).counts.claims == 4


def test_a_damaged_record_of_a_clean_load_is_ignored(folder, cache_dir):
    summarise(folder, Cache(cache_dir))
    (mark,) = cache_dir.rglob("*.clean")
    mark.write_bytes(mark.read_bytes()[:-5])
    used = Cache(cache_dir)
    assert summarise(folder, used).counts.claims == 3
    assert used.hits == 3  # loaded from the entries, references checked again


def test_a_second_checkout_reuses_the_entries_and_the_clean_mark(folder, cache_dir, tmp_path):
    """Entries are kept by the files' bytes, and the record of a clean load by the folder's
    state (each file's path within the folder and its bytes): a renamed folder or a second
    checkout of the same claims finds them (each added a copy of every entry before)."""
    summarise(folder, Cache(cache_dir))
    entries = sorted(p.name for p in cache_dir.rglob("*.entry"))
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in folder.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    used = Cache(cache_dir)
    assert summarise(copy, used).counts.claims == 3
    assert (used.hits, used.misses) == (0, 0)  # answered from the clean mark, nothing read
    assert sorted(p.name for p in cache_dir.rglob("*.entry")) == entries
    assert len(list(cache_dir.rglob("*.clean"))) == 1


FUZZED = settings(
    max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# Edits of a byte string: (where, the bytes put there), wrapped to its length.
EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=4)), min_size=1, max_size=6)


@FUZZED
@given(EDITS)
def test_any_damage_to_a_signed_entry_never_crashes_a_load(folder, cache_dir, edits):
    """Whatever the bytes of an entry (signed again, so that they are decoded, not just
    refused at the checksum), a load gives records or a ClaimsError: never another error."""
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        _, key, records = unpacked(entry)
        body = bytearray(records)
        for at, replacement in edits:
            at %= len(body)
            body[at : at + len(replacement)] = replacement
        entry.write_bytes(packed_again(key, bytes(body)))
    with contextlib.suppress(ClaimsError):  # a forged entry may repeat an ID: a problem
        warm_load(folder, cache_dir)
    for entry in entries(cache_dir):  # the next example starts from good entries
        entry.unlink()


@FUZZED
@given(EDITS)
def test_any_damage_to_a_signed_pack_never_crashes_a_load(folder, cache_dir, edits):
    """The same, with the damage done to the packed bytes: they must unpack to records, or
    be refused."""
    warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        raw = entry.read_bytes()
        key, packed = raw[len(MAGIC) + 32 :][:DIGEST_SIZE], raw[len(MAGIC) + 32 + DIGEST_SIZE :]
        body = bytearray(packed)
        for at, replacement in edits:
            at %= len(body)
            body[at : at + len(replacement)] = replacement
        payload = key + bytes(body)
        entry.write_bytes(MAGIC + file_digest(payload) + payload)
    with contextlib.suppress(ClaimsError):
        warm_load(folder, cache_dir)
    for entry in entries(cache_dir):
        entry.unlink()


def test_no_home_to_find_means_no_cache_not_a_crash(folder, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    result = run("list", "--claims", folder, "--json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3


def test_the_cache_key_covers_every_module_the_commands_import(tmp_path):
    """Found by import, not by a list of names: every factcheck module that validate, list,
    check and compare load is among the files the key hashes (store.py, which holds the
    cross-file rules, was once left out)."""
    import subprocess
    import sys

    from factcheck.folder.cache import PACKAGE, source_files

    probe = (
        "import sys; from factcheck.cli import main\n"
        "for args in (['validate'], ['list', '--json'], ['check'], ['compare', '--all']):\n"
        f"    sys.argv = ['factcheck', *args, '--claims', {str(SEED_CLAIMS)!r}]\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print('\\n'.join(m.__file__ for n, m in sorted(sys.modules.items()) "
        "if n.startswith('factcheck') and getattr(m, '__file__', None)), file=sys.stderr)"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env=env)  # fmt: skip
    imported = {Path(line).resolve() for line in done.stderr.splitlines() if line.endswith(".py")}
    hashed = set(source_files())
    assert PACKAGE / "folder" / "store.py" in hashed
    assert len(imported) > 20 and imported <= hashed, imported - hashed


def test_an_edit_of_any_module_changes_the_key(monkeypatch, tmp_path):
    import shutil

    import factcheck.folder.cache as cache

    copy = tmp_path / "factcheck"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    before = cache._version_digest()
    store = copy / "folder" / "store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\n# a new cross-file rule\n",
                     encoding="utf-8")  # fmt: skip
    assert cache._version_digest() != before
    (copy / "folder" / "store.py").unlink()
    assert cache._version_digest() != before  # a module gone is a change too


def test_only_what_the_cache_wrote_is_ever_deleted(folder, cache_dir, monkeypatch):
    """FACTCHECK_CACHE_DIR may name a shared folder: a folder with a version folder's name
    that the cache did not make, and a file it did not write, outlive an upgrade."""
    warm_load(folder, cache_dir)
    (ours,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    foreign = cache_dir / "0123456789abcdef"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("someone's notes", encoding="utf-8")
    (ours / "kept.txt").write_text("not written by the cache", encoding="utf-8")
    monkeypatch.setattr(factcheck, "__version__", "999.0")
    warm_load(folder, cache_dir)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "someone's notes"
    assert sorted(p.name for p in ours.iterdir()) == ["kept.txt"]  # the entries are gone


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_module.default_folder() == tmp_path / ".cache" / "factcheck"


def test_entries_left_by_edits_are_swept_and_a_current_one_never(folder, cache_dir, monkeypatch):
    """Each edit left an entry behind for good (182 -> 364 -> 546 MB at 100k claims)."""
    monkeypatch.setattr(cache_module, "SPARE_ENTRIES", 3)
    edited = folder / "a.toml"
    for n in range(12):
        edited.write_text(claim("a", f"The jail released {n} people."), encoding="utf-8")
        corpus, _ = warm_load(folder, cache_dir)
    current = {Cache(cache_dir)._content_entry(d).name for d in corpus.digests.values()}
    names = {p.name for p in entries(cache_dir)}
    assert current <= names  # every file of the folder still answered from the cache
    assert len(names) <= len(current) + 3
    corpus, used = warm_load(folder, cache_dir)
    assert used.misses == 0


def test_a_sweep_removes_stale_temporary_files_and_old_folders_files_only(
    folder, cache_dir, tmp_path, monkeypatch
):
    monkeypatch.setattr(cache_module, "KEPT_OF_KIND", {"clean": 2})
    for n in range(4):  # four folders of other claims, each with its clean mark
        copy = tmp_path / f"folder{n}"
        copy.mkdir()
        for path in folder.iterdir():
            (copy / path.name).write_bytes(path.read_bytes() + f"# {n}\n".encode())
        summarise(copy, Cache(cache_dir))
        for mark in cache_dir.rglob("*.clean"):
            os.utime(mark, (mark.stat().st_mtime - 10, mark.stat().st_mtime - 10))
    version = next(p for p in cache_dir.iterdir() if p.is_dir())
    stray = version / f".{'0' * 40}.entry.x1y2z3"
    fresh = version / f".{'1' * 40}.entry.a1b2c3"
    theirs = version / "notes.txt"
    for path in (stray, fresh, theirs):
        path.write_bytes(b"x")
    os.utime(stray, (0, 0))
    cache = Cache(cache_dir)
    cache.sweep([])
    assert not stray.exists() and fresh.exists() and theirs.exists()
    assert len(list(cache_dir.rglob("*.clean"))) == 2


def test_check_of_an_unchanged_folder_answers_without_loading_it(tmp_path, monkeypatch):
    """Issue 29: `check` keeps its answer per state of the folder, printed byte for byte as
    computed, in every format, with the same exit code; an edit is seen at once."""
    import shutil

    from factcheck.folder import store

    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cold = {fmt: run("check", "--format", fmt, "--claims", folder, env=env)
            for fmt in ("json", "table", "csv")}  # fmt: skip
    failing = run("check", "--fail-on", "approximate", "--json", "--claims", folder, env=env)
    assert failing.exit_code == 1  # the seed's "about one in eight" is approximate

    def no_load(*args, **kwargs):
        raise AssertionError("the folder was loaded")

    monkeypatch.setattr(store, "load", no_load)
    for fmt, before in cold.items():
        warm = run("check", "--format", fmt, "--claims", folder, env=env)
        assert (warm.exit_code, warm.stdout) == (before.exit_code, before.stdout)
    again = run("check", "--fail-on", "approximate", "--json", "--claims", folder, env=env)
    assert (again.exit_code, again.stdout) == (1, failing.stdout)
    monkeypatch.undo()
    (seed,) = folder.glob("*.toml")
    seed.write_text(seed.read_text(encoding="utf-8").replace('"33,179"', '"36,488"'),
                    encoding="utf-8")  # fmt: skip
    edited = run("check", "--json", "--claims", folder, env=env)
    assert edited.stdout != cold["json"].stdout and "36,488" in edited.stdout


@pytest.mark.parametrize(
    ("fmt", "forged"),
    [("json", b'0{"checks": "\x1b]0;owned\x07"}'),  # what a terminal would obey
     ("table", b"0{}"),  # safe JSON, but no report
     ("json", b"2{}")],  # no verdict flag
)  # fmt: skip
def test_a_kept_check_answer_that_fails_its_checks_is_computed_again(tmp_path, monkeypatch, fmt,
                                                                       forged):  # fmt: skip
    import shutil

    from factcheck.folder.access import Folder

    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cold = run("check", "--format", fmt, "--claims", folder, env=env)
    monkeypatch.setattr(Folder, "derived", lambda self, kind, key: memoryview(forged))
    warm = run("check", "--format", fmt, "--claims", folder, env=env)
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


def test_compare_of_one_topic_answers_warm_byte_for_byte(tmp_path, monkeypatch):
    import shutil

    from factcheck.folder import store
    from factcheck.folder.access import Folder

    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    asks = [("--topic", "detainers"), ("--about", "ca-follows-the-law-on-detainers"),
            ("--topic", "detainers", "--min-confidence", "high", "--fail-on-conflict")]  # fmt: skip
    cold = [run("compare", *ask, "--json", "--claims", folder, env=env) for ask in asks]
    assert [c.exit_code for c in cold] == [0, 0, 1]

    def no_load(*args, **kwargs):
        raise AssertionError("the folder was loaded")

    monkeypatch.setattr(store, "load", no_load)
    for ask, before in zip(asks, cold, strict=True):
        warm = run("compare", *ask, "--json", "--claims", folder, env=env)
        assert (warm.exit_code, warm.stdout, warm.stderr) == (
            before.exit_code, before.stdout, before.stderr)  # fmt: skip
    monkeypatch.undo()
    forged = memoryview(b'0["\x1b[2J"]\n{}')  # a limit a terminal would obey
    monkeypatch.setattr(Folder, "derived", lambda self, kind, key: forged)
    again = run("compare", *asks[0], "--json", "--claims", folder, env=env)
    assert (again.exit_code, again.stdout) == (0, cold[0].stdout)


def test_kept_answers_are_swept_like_the_folders_other_files(folder, cache_dir):
    """A kept `check` or `compare` answer is a folder file of the cache: the newest few are
    kept, the rest swept, and a new version removes them with its folder (they were never
    swept: each edit then a check left a report behind for good)."""
    env = {"FACTCHECK_CACHE_DIR": str(cache_dir)}
    edited = folder / "a.toml"
    for n in range(8):
        edited.write_text(claim("a-one", f"The jail released {n} people."), encoding="utf-8")
        assert run("check", "--json", "--claims", folder, env=env).exit_code in (0, 1)
        assert run("compare", "--topic", "jails", "--json", "--claims", folder,
                   env=env).exit_code == 0  # fmt: skip
    for kind in ("check", "compare"):
        kept = list(cache_dir.rglob(f"*.{kind}"))
        # the newest few, and the one written after the run's sweep
        assert 1 <= len(kept) <= cache_module.FOLDERS_KEPT + 1, kind
        assert all(cache_module._OUR_FILES.fullmatch(p.name) for p in kept)
