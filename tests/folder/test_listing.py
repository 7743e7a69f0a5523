"""`list --json` from a folder's listing in the cache (listing.py): the same bytes as a fresh
load, for every filter, and never a stale or forged answer."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_CLAIMS, run
from factcheck.filters import listed_in_order
from factcheck.folder import listing, pieces, store
from factcheck.folder.cache import Cache, file_digest, unchanged_since_clean

RATED = """
[[sources]]
id = "wire"
outlet = "Wire"

[[ratings]]
id = "false"
label = "False"
value = 1
best = 5
worst = 1

[[claims]]
id = "kim-jail"
speaker = "Kim Lee"
date = 2024-05-01
topics = ["jails", "budget"]
source = "wire"
text = "The jail released 4,561 people \u2014 \u202eits\u202c record."
quote = "We released them."
review = { rating = "false", textual_rating = "Pants on Fire" }

[[claims]]
id = "ann-undated"
speaker = "Ann Ng"
topics = ["jails"]
text = "Nobody was released."
"""

FILTERS = [
    [],
    ["--topic", "jails"],
    ["--topic", "detainers", "--topic", "budget"],
    ["--speaker", "newsom"],
    ["--search", "RELEASED"],
    ["--source", "wire"],
    ["--rating", "false"],
    ["--rating", "pants on fire"],
    ["--since", "2025-01-01"],
    ["--until", "2025-06-30", "--speaker", "n"],
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    claims = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, claims)
    (claims / "rated.toml").write_text(RATED, encoding="utf-8")
    return claims


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    return folder


def listed(folder: Path, *args: str, cache: bool = True) -> str:
    result = run("list", "--json", "--claims", folder, *args,
                 env={} if cache else {"FACTCHECK_NO_CACHE": "1"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


def warm_up(folder: Path) -> None:
    """A first load fills the cache and leaves the listing."""
    listed(folder)


def test_a_first_load_leaves_a_listing(folder, cache_dir):
    listed(folder)
    assert len(list(cache_dir.rglob("*.list"))) == 1


@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
def test_every_filter_gives_the_bytes_of_a_fresh_load(folder, cache_dir, args, monkeypatch):
    fresh = listed(folder, *args, cache=False)
    warm_up(folder)

    def no_load(*_: object, **__: object) -> None:
        raise AssertionError("the folder was loaded: the listing was not used")

    monkeypatch.setattr(store, "load", no_load)
    assert listed(folder, *args) == fresh
    assert json.loads(fresh) or args  # the unfiltered list is not empty


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "jail"], "did you mean jails"),
        (["--source", ""], "--source '' matches nothing"),
        (["--since", ""], "--since '' is not a date"),
    ],
)
def test_a_wrong_filter_value_is_the_same_usage_error(folder, cache_dir, args, message):
    fresh = run("list", "--json", "--claims", folder, *args, env={"FACTCHECK_NO_CACHE": "1"})
    warm_up(folder)
    warm = run("list", "--json", "--claims", folder, *args)
    assert warm.exit_code == fresh.exit_code == 2
    assert warm.stderr == fresh.stderr
    assert message in warm.stderr


def test_the_load_after_an_edit_leaves_no_listing_the_next_one_does(folder, cache_dir):
    warm_up(folder)
    (listed_file,) = cache_dir.rglob("*.list")
    made = listed_file.read_bytes()
    (folder / "more.toml").write_text(RATED.replace('"kim-jail"', '"kim-two"').replace(
        '"ann-undated"', '"ann-two"').replace('"wire"', '"wire-2"').replace('"false"', '"f2"'),
        encoding="utf-8")  # fmt: skip
    listed(folder)  # one file parsed anew: no listing for a folder being edited
    # and the old one, which can no longer serve (a file was added), is gone
    assert not listed_file.exists()
    listed(folder)  # unchanged since: its listing is made, and is the folder's one listing
    (new_listing,) = cache_dir.rglob("*.list")
    assert new_listing.read_bytes() != made


def test_a_listing_more_edits_behind_than_it_can_take_is_dropped(folder, cache_dir):
    # Kept, it would be read again at every later command only to be found too far behind.
    for n in range(listing.MAX_EDITED_FILES):
        (folder / f"extra-{n}.toml").write_text(
            f'[[claims]]\nid = "extra-{n}"\nspeaker = "Kim Lee"\ntopics = ["jails"]\n'
            'text = "The jail is full."\n', encoding="utf-8")  # fmt: skip
    warm_up(folder)
    (listed_file,) = cache_dir.rglob("*.list")
    files = sorted(folder.rglob("*.toml"))
    assert len(files) > listing.MAX_EDITED_FILES
    for path in files:
        path.write_bytes(path.read_bytes() + b"# edited\n")
    assert listing.after_edit(folder, Cache(cache_dir)) is None
    assert not listed_file.exists()
    assert listed(folder) == listed(folder, cache=False)


def test_an_edit_that_keeps_the_size_is_seen(folder, cache_dir):
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was", "Someone was"), encoding="utf-8")
    assert listed(folder) == listed(folder, cache=False)
    assert "Someone was released." in listed(folder)


def test_an_edit_that_another_command_loaded_first_is_seen(folder, cache_dir):
    # `validate` marks the edited folder clean, and leaves no listing: the old listing,
    # made for other bytes, must not answer for the new state.
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was", "Someone was"), encoding="utf-8")
    assert run("validate", "--claims", folder).exit_code == 0
    assert "Someone was released." in listed(folder)


def test_a_new_file_and_a_deleted_file_are_seen(folder, cache_dir):
    warm_up(folder)
    (folder / "rated.toml").unlink()
    assert "kim-jail" not in listed(folder)
    (folder / "more.toml").write_text(RATED, encoding="utf-8")
    assert listed(folder) == listed(folder, cache=False)


def test_a_corrupt_listing_is_ignored(folder, cache_dir):
    fresh = listed(folder, cache=False)
    warm_up(folder)
    (entry,) = cache_dir.rglob("*.list")
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0x20  # one bit, in the stored output
    entry.write_bytes(bytes(data))
    assert listed(folder) == fresh


def forge_index(
    folder: Path, cache_dir: Path, header: bytes | None = None, places: bytes | None = None
) -> None:
    """Rewrite the folder's index with this header or these places (else those it has),
    under a valid checksum: what only a forger (or a bug) could write, since the cache folder
    is private."""
    cache = Cache(cache_dir)
    unchanged = unchanged_since_clean(folder, cache)
    stored = listing.from_cache(folder, cache)
    assert unchanged is not None and stored is not None
    text = bytes(stored.header) if header is None else header
    raw = pieces.numbers(stored.order) if places is None else places
    size = b"%0*d" % (pieces.HEADER_SIZE, len(text))
    cache.put_listing(folder, unchanged.state, [listing.LAYOUT, size, text, raw])


def forge_pieces(
    cache_dir: Path,
    folder: Path,
    change: Callable[[bytes], bytes] = bytes,
    change_body: Callable[[bytes], bytes] = bytes,
) -> None:
    """Rewrite every piece of the folder with its header or its body changed, under a valid
    checksum."""
    cache = Cache(cache_dir)
    stored = listing.from_cache(folder, cache)
    assert stored is not None
    for digest in stored.digests:
        view = cache.get_piece(digest)
        parts = None if view is None else pieces.unframed(view, pieces.LAYOUT)
        assert parts is not None
        text = change(bytes(parts[0]))
        size = b"%0*d" % (pieces.HEADER_SIZE, len(text))
        cache.put_piece(digest, [pieces.LAYOUT, size, text, change_body(bytes(parts[1]))])


@pytest.mark.parametrize(
    "header",
    [
        b"not json",
        b'{"sources": [], "ratings": []}',
        b'{"sources": [1], "ratings": [], "files": [], "counts": [0, 0, 0, 0, 0],'
        b' "disputed_by": {}, "checked_by": {}}',
        b'{"sources": [], "ratings": [], "files": [["61", "not hex"]],'
        b' "counts": [1, 0, 0, 0, 0], "disputed_by": {}, "checked_by": {}}',
        b'{"sources": [], "ratings": [], "files": [], "counts": [-1, 0, 0, 0, 0],'
        b' "disputed_by": {}, "checked_by": {}}',
    ],
    ids=["not-json", "keys-missing", "source-not-id", "digest-not-hex", "count-negative"],
)
@pytest.mark.parametrize("args", [[], ["--topic", "jails"]], ids=["all", "filtered"])
def test_an_index_whose_checksum_holds_but_whose_header_is_wrong_is_not_used(
    folder, cache_dir, header, args
):
    # Only what listing.encode writes is read: a forged index with a valid checksum
    # (the cache folder is private, but nothing on disk is taken on trust) is set aside.
    fresh = listed(folder, *args, cache=False)
    warm_up(folder)
    forge_index(folder, cache_dir, header=header)
    assert listed(folder, *args) == fresh


@pytest.mark.parametrize(
    "places",
    [
        pytest.param(lambda raw: raw[:-4], id="one-missing"),
        pytest.param(lambda raw: raw[:-4] + raw[:4], id="one-twice"),
        pytest.param(lambda raw: raw[:-1], id="cut-short"),
        pytest.param(lambda raw: raw[:-4] + b"\xff\xff\xff\x7f", id="no-such-claim"),
        pytest.param(lambda raw: raw + raw[:4], id="one-more"),
    ],
)
@pytest.mark.parametrize("args", [[], ["--topic", "jails"]], ids=["all", "filtered"])
def test_places_that_do_not_name_each_claim_once_are_not_used(folder, cache_dir, places, args):
    fresh = listed(folder, *args, cache=False)
    warm_up(folder)
    stored = listing.from_cache(folder, Cache(cache_dir))
    assert stored is not None
    forge_index(folder, cache_dir, places=places(pieces.numbers(stored.order)))
    assert listed(folder, *args) == fresh


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda _: b"not json", id="not-json"),
        pytest.param(lambda _: b'{"claims": [["x"]]}', id="short-row"),
        pytest.param(lambda h: h.replace(b'"2024-05-01"', b'"2024-13-01"'), id="bad-date"),
        pytest.param(lambda h: h.replace(b'["jails","budget"]', b"[3]"), id="topic-not-text"),
        pytest.param(lambda h: h.replace(b",0,", b",-5,", 1), id="start-negative"),
    ],
)
def test_a_piece_whose_checksum_holds_but_whose_header_is_wrong_is_not_used(
    folder, cache_dir, change, monkeypatch
):
    fresh = listed(folder, "--topic", "jails", cache=False)
    warm_up(folder)
    forge_pieces(cache_dir, folder, change)
    assert listed(folder, "--topic", "jails") == fresh
    # The forged piece was dropped and written again: the next answer needs no load.
    monkeypatch.setattr(store, "load", _no_load)
    assert listed(folder, "--topic", "jails") == fresh


def test_no_listing_without_the_cache(folder, cache_dir):
    listed(folder, cache=False)
    listed(folder, cache=False)
    assert not cache_dir.exists() or not list(cache_dir.rglob("*.list"))


def test_a_folder_with_a_problem_is_never_listed_from_the_cache(folder, cache_dir):
    warm_up(folder)
    (folder / "broken.toml").write_text("[[claims]]\nid = 3\n", encoding="utf-8")
    result = run("list", "--json", "--claims", folder)
    assert result.exit_code == 3
    assert "broken.toml" in result.stderr


def test_a_listing_stored_and_read_gives_back_the_claims(folder, cache_dir):
    warm_up(folder)
    cache = Cache(cache_dir)
    stored = listing.from_cache(folder, cache)
    assert stored is not None
    parsed = stored.claims()
    assert parsed is not None
    corpus = store.load(folder)
    fragments = listing.claims_json_by_id(corpus)
    in_order = sorted(corpus.claims.values(), key=listing.sort_key)
    listed = listed_in_order(parsed.claims)
    assert [c.id for c in listed] == [c.id for c in in_order]
    assert [bytes(c.json) for c in listed] == [bytes(fragments[c.id]) for c in in_order]
    kim = next(c for c in parsed.claims if c.id == "kim-jail")
    assert kim.review is not None and kim.review.textual_rating == "Pants on Fire"
    files = [str(p) for p in corpus.files]
    assert {i: files[n] for i, n in parsed.sources.items()} == {
        i: corpus.origin[i] for i in ("wire", "benzinga-newsom-noem")
    }
    assert {i: files[n] for i, n in parsed.ratings.items()} == {"false": corpus.origin["false"]}
    assert [f.path for f in parsed.files] == [  # within the folder: the same anywhere
        os.fsencode(os.path.relpath(p, folder)).hex() for p in corpus.files
    ]
    assert parsed.counts.claims == len(corpus.claims)
    assert parsed.disputed_by == {
        target: sorted(corpus.disputed_by(target))
        for target in {d for c in corpus.claims.values() for d in c.disputes}
    }
    assert parsed.disputed_by  # the seed corpus records disputes


@pytest.mark.parametrize("size", [b"not a number", b"000000999999", b"000000000000"])
def test_a_listing_whose_header_size_is_wrong_is_not_used(folder, cache_dir, size):
    fresh = listed(folder, cache=False)
    warm_up(folder)
    cache = Cache(cache_dir)
    unchanged = unchanged_since_clean(folder, cache)
    assert unchanged is not None
    cache.put_listing(folder, unchanged.state, [listing.LAYOUT, size[:12], b"{}", b"[]\n"])
    assert listed(folder) == fresh


def test_the_modules_that_shape_a_listing_are_in_the_cache_key():
    # Its bytes come from jsonout and the models, its order from filters.sort_key: an edit
    # to any of them must make old listings stale, as a new version does.
    from factcheck.folder import cache as cache_module

    shaping = {"listing.py", "jsonout.py", "filters.py", "model.py"}
    assert shaping <= {path.name for path in cache_module.source_files()}


def test_an_edit_of_text_only_is_listed_without_loading_the_folder(folder, cache_dir, monkeypatch):
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was released.", "Nobody at all was freed."),
                     encoding="utf-8")  # fmt: skip
    fresh = {tuple(args): listed(folder, *args, cache=False) for args in FILTERS[:4]}

    def no_load(*_: object, **__: object) -> None:
        raise AssertionError("the folder was loaded: the edit was not taken from the listing")

    monkeypatch.setattr(store, "load", no_load)
    for args, expected in fresh.items():
        assert listed(folder, *args) == expected
    # The edited folder was marked clean and listed anew: neither validate nor the next
    # list loads it.
    summary = json.loads(run("validate", "--claims", folder, "--json").stdout)
    assert summary["claims"] == len(json.loads(fresh[()]))
    assert listed(folder) == fresh[()]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('id = "ann-undated"', 'id = "ann-renamed"'),  # an ID other files may use
        ('source = "wire"', 'source = "nowhere"'),  # a reference that goes nowhere
        ('rating = "false"', 'rating = "missing"'),
        ('topics = ["jails"]\n', 'topics = ["jails"]\ndisputes = ["newsom-follows-law"]\n'),
        ("value = 1", 'value = "one"'),  # a problem of its own
    ],
)
def test_an_edit_of_what_other_files_see_loads_the_folder(folder, cache_dir, old, new):
    warm_up(folder)
    rated = folder / "rated.toml"
    edited = RATED.replace(old, new, 1)
    assert edited != RATED
    rated.write_text(edited, encoding="utf-8")
    fresh = run("list", "--json", "--claims", folder, env={"FACTCHECK_NO_CACHE": "1"})
    warm = run("list", "--json", "--claims", folder)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (
        fresh.exit_code,
        fresh.stdout,
        fresh.stderr,
    )


def test_reference_facts_see_ids_and_references_not_text():
    from factcheck.model import Claim

    def claim(**fields: object) -> Claim:
        return Claim.model_validate({"id": "a", "text": "It rose.", "speaker": "Kim Lee",
                                     "topics": ["t"], **fields})  # fmt: skip

    base = listing.reference_facts([claim()])
    assert listing.reference_facts([claim(text="It fell.", speaker="Ann Ng")]) == base
    assert listing.reference_facts([claim(source="wire")]) != base
    assert listing.reference_facts([claim(disputes=["b"])]) != base
    assert listing.reference_facts([claim(quantities={"n": "4,561"})]) != base


def test_a_file_that_cannot_be_read_after_an_edit_is_left_to_the_load(folder, cache_dir,
                                                                        monkeypatch):  # fmt: skip
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was", "Someone was"), encoding="utf-8")
    real = Path.read_bytes

    def unreadable(path: Path) -> bytes:
        if path.name == "rated.toml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    assert listing.after_edit(folder, Cache(cache_dir)) is None


def test_an_edit_whose_listed_version_left_the_cache_loads_the_folder(folder, cache_dir):
    # after_edit compares the edited file with the version listed, read from the cache: when
    # that entry is gone, nothing says what other files saw of it, and the folder is loaded.
    warm_up(folder)
    rated = folder / "rated.toml"
    Cache(cache_dir)._content_entry(file_digest(rated.read_bytes())).unlink()
    rated.write_text(RATED.replace("Nobody was", "Someone was"), encoding="utf-8")
    assert listing.after_edit(folder, Cache(cache_dir)) is None
    assert listed(folder) == listed(folder, cache=False)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b[:4] + b"\x05\x00\x00\x00" + b[8:], id="not-from-0"),
        pytest.param(lambda b: b[:-1], id="json-cut-short"),
        pytest.param(lambda b: b"\xff\xff\xff\x0f" + b[4:], id="count-too-large"),
        pytest.param(lambda b: b[:2], id="no-count"),
    ],
)
@pytest.mark.parametrize("args", [[], ["--topic", "jails"]], ids=["all", "filtered"])
def test_a_piece_whose_offsets_do_not_cut_its_json_is_not_used(folder, cache_dir, change, args):
    fresh = listed(folder, *args, cache=False)
    warm_up(folder)
    forge_pieces(cache_dir, folder, change_body=change)
    assert listed(folder, *args) == fresh


def test_a_listed_file_whose_digest_is_not_one_is_not_used(folder, cache_dir):
    # The edit path must not take a listed digest on trust.
    warm_up(folder)
    stored = listing.from_cache(folder, Cache(cache_dir))
    assert stored is not None
    header = json.loads(bytes(stored.header))
    header["files"] = [[path, "not hex"] for path, _ in header["files"]]
    forge_index(folder, cache_dir, header=json.dumps(header).encode())
    (folder / "rated.toml").write_text(RATED.replace("Nobody was", "Someone was"), "utf-8")
    assert listed(folder) == listed(folder, cache=False)


def _no_load(*_: object, **__: object) -> None:
    raise AssertionError("the folder was loaded: the listing was not used")


@pytest.mark.parametrize("columns", ["250", "80"], ids=["table", "blocks"])
@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
def test_the_table_from_a_listing_is_the_table_of_a_fresh_load(
    folder, cache_dir, args, columns, monkeypatch
):
    fresh = run("list", "--claims", folder, *args,
                env={"FACTCHECK_NO_CACHE": "1", "COLUMNS": columns})  # fmt: skip
    warm_up(folder)
    monkeypatch.setattr(store, "load", _no_load)
    warm = run("list", "--claims", folder, *args, env={"COLUMNS": columns})
    assert (warm.exit_code, warm.stdout, warm.stderr) == (
        fresh.exit_code,
        fresh.stdout,
        fresh.stderr,
    )
    assert "claim" in warm.stderr


def test_a_long_table_from_a_listing_is_the_table_of_a_fresh_load(tmp_path, cache_dir,
                                                                   monkeypatch):  # fmt: skip
    # Above terminal.PLAIN_ROWS claims the table is drawn line by line (plaintable).
    from factcheck.output import terminal

    claims = tmp_path / "many"
    claims.mkdir()
    for part in range(3):
        (claims / f"part-{part}.toml").write_text("".join(
            f'[[claims]]\nid = "c-{part}-{n}"\nspeaker = "Kim Lee"\ntopics = ["jails"]\n'
            f'date = 2024-0{part + 1}-{n % 28 + 1:02d}\ntext = "The jail released {n} people."\n'
            + ('quantities = { released = "4,561" }\n' if n % 3 else "")
            for n in range(terminal.PLAIN_ROWS // 2)), encoding="utf-8")  # fmt: skip
    fresh = run("list", "--claims", claims, env={"FACTCHECK_NO_CACHE": "1", "COLUMNS": "160"})
    assert run("list", "--claims", claims).exit_code == 0  # a table leaves a listing too
    monkeypatch.setattr(store, "load", _no_load)
    warm = run("list", "--claims", claims, env={"COLUMNS": "160"})
    assert warm.stdout == fresh.stdout
    assert warm.stdout.count("│ c-") == 3 * (terminal.PLAIN_ROWS // 2)


@pytest.mark.parametrize("figures", [-1, "many"])
def test_a_listed_count_of_figures_that_is_not_one_is_not_used(folder, cache_dir, figures):
    fresh = run("list", "--claims", folder, env={"FACTCHECK_NO_CACHE": "1"}).stdout
    warm_up(folder)

    def bad_counts(header: bytes) -> bytes:
        rows = json.loads(header)["claims"]
        for row in rows:
            row[-1] = figures
        return json.dumps({"claims": rows}).encode()

    forge_pieces(cache_dir, folder, bad_counts)
    assert run("list", "--claims", folder).stdout == fresh


@pytest.mark.parametrize("edited", [False, True], ids=["unchanged", "edited"])
@pytest.mark.parametrize("fmt", [["--json"], ["--format", "csv"], []], ids=["json", "csv", "table"])
def test_topics_from_a_listing_are_the_topics_of_a_fresh_load(
    folder, cache_dir, fmt, edited, monkeypatch
):
    warm_up(folder)
    if edited:  # a text edit, then a new topic: the listing answers after either
        rated = folder / "rated.toml"
        rated.write_text(RATED.replace('topics = ["jails"]', 'topics = ["jails", "courts"]'),
                         encoding="utf-8")  # fmt: skip
    fresh = run("topics", "--claims", folder, *fmt, env={"FACTCHECK_NO_CACHE": "1"})
    monkeypatch.setattr(store, "load", _no_load)
    warm = run("topics", "--claims", folder, *fmt)
    assert warm.exit_code == 0, warm.stderr
    assert warm.stdout == fresh.stdout
    assert ("courts" in warm.stdout) == edited


def test_validate_after_a_text_edit_needs_no_load(folder, cache_dir, monkeypatch):
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was released.", "Nobody at all was freed."),
                     encoding="utf-8")  # fmt: skip
    fresh = run("validate", "--claims", folder, "--json", env={"FACTCHECK_NO_CACHE": "1"})
    fresh_list = listed(folder, cache=False)
    monkeypatch.setattr(store, "load", _no_load)
    warm = run("validate", "--claims", folder, "--json")
    assert (warm.exit_code, warm.stdout) == (fresh.exit_code, fresh.stdout) == (0, fresh.stdout)
    # validate marked the folder clean and left the listing as it was: the next list
    # brings it up to date, from the listing and the edited file, still without a load.
    assert listed(folder) == fresh_list


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('source = "wire"', 'source = "nowhere"'),  # a reference that goes nowhere
        ("value = 1", 'value = "one"'),  # a problem of its own
        ('id = "ann-undated"', 'id = "kim-jail"'),  # a duplicate ID
    ],
)
def test_validate_after_an_edit_with_a_problem_reports_it(folder, cache_dir, old, new):
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace(old, new, 1), encoding="utf-8")
    fresh = run("validate", "--claims", folder, env={"FACTCHECK_NO_CACHE": "1"})
    warm = run("validate", "--claims", folder)
    assert warm.exit_code == fresh.exit_code == 3
    assert warm.stderr == fresh.stderr


def test_show_from_a_listing_is_show_of_a_fresh_load(folder, cache_dir, monkeypatch):
    ids = [c["id"] for c in json.loads(listed(folder, cache=False))]
    fresh = {
        (i, *fmt): run("show", i, "--claims", folder, *fmt, env={"FACTCHECK_NO_CACHE": "1"})
        for i in ids
        for fmt in ([], ["--json"])
    }
    views = [json.loads(r.stdout) for key, r in fresh.items() if "--json" in key]
    assert any(v["disputed_by"] for v in views) and any(v["checks"] for v in views)
    assert any(v["rating"] for v in views) and any(v["source"] for v in views)
    warm_up(folder)
    monkeypatch.setattr(store, "load", _no_load)
    for (claim_id, *fmt), expected in fresh.items():
        warm = run("show", claim_id, "--claims", folder, *fmt)
        assert (warm.exit_code, warm.stdout) == (0, expected.stdout), claim_id


def test_show_of_an_unknown_id_from_a_listing_is_the_same_error(folder, cache_dir):
    fresh = run("show", "kim-jai", "--claims", folder, env={"FACTCHECK_NO_CACHE": "1"})
    warm_up(folder)
    warm = run("show", "kim-jai", "--claims", folder)
    assert warm.exit_code == fresh.exit_code == 2
    assert warm.stderr == fresh.stderr
    assert "kim-jail" in warm.stderr


def test_show_after_an_edit_or_without_an_entry(folder, cache_dir, monkeypatch):
    warm_up(folder)
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("We released them.", "We let them go."), encoding="utf-8")
    fresh = run("show", "kim-jail", "--claims", folder, "--json",
                env={"FACTCHECK_NO_CACHE": "1"})  # fmt: skip
    assert "We let them go." in fresh.stdout
    with monkeypatch.context() as patched:
        patched.setattr(store, "load", _no_load)
        assert run("show", "kim-jail", "--claims", folder, "--json").stdout == fresh.stdout
    # An entry gone from the cache: the folder is loaded, and the answer is the same.
    Cache(cache_dir)._content_entry(file_digest(rated.read_bytes())).unlink()
    assert run("show", "kim-jail", "--claims", folder, "--json").stdout == fresh.stdout


def test_a_save_between_the_digest_and_the_parse_never_lists_another_version(
    folder, cache_dir, monkeypatch
):
    """An editor saves twice while `list` runs: A1 is digested, A2 lands before the parse,
    and the file ends as A1 again. The listing must hold what its digest says (A1), or the
    next list, finding A1 on disk, prints A2's text as if it were there."""
    warm_up(folder)
    rated = folder / "rated.toml"
    first = RATED.replace("Nobody was released.", "Version one was said.")
    second = RATED.replace("Nobody was released.", "Version two was said.")
    rated.write_text(first, encoding="utf-8")
    real_read_alone = store.read_alone

    def saved_again(*args: Any, **kwargs: Any) -> Any:
        rated.write_text(second, encoding="utf-8")  # the editor's second save lands now
        return real_read_alone(*args, **kwargs)

    with monkeypatch.context() as patched:  # (undo() would also drop the cache folder)
        patched.setattr(store, "read_alone", saved_again)
        listed(folder)
    rated.write_text(first, encoding="utf-8")  # and the file ends as the first version
    assert listed(folder) == listed(folder, cache=False)
    assert "Version one was said." in listed(folder)


@pytest.mark.parametrize("state", ["cold", "warm", "edited"])
@pytest.mark.parametrize("args", [["list", "--json"], ["list"], ["validate"], ["topics"],
                                  ["show", "newsom-follows-law"], ["check"]])  # fmt: skip
def test_a_command_walks_the_folder_once_and_reads_each_file_once(
    folder, cache_dir, monkeypatch, state, args
):
    """One snapshot per command: a cold `list --json` walked the folder three times and read
    every file three times (the listing's check, the edit's update, the load)."""
    from factcheck.folder import discovery

    if state != "cold":
        warm_up(folder)
    if state == "edited":
        rated = folder / "rated.toml"
        rated.write_text(RATED.replace("Nobody was released.", "Nobody at all was freed."),
                         encoding="utf-8")  # fmt: skip
    walks, reads = [], []
    real_walk, real_read = discovery.claim_files, Path.read_bytes
    monkeypatch.setattr(discovery, "claim_files", lambda root: walks.append(root)
                        or real_walk(root))  # fmt: skip

    def counted(path: Path) -> bytes:
        if path.suffix == ".toml" and folder in path.parents:
            reads.append(path)
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    result = run(*args, "--claims", folder)
    assert result.exit_code == 0, result.stderr
    assert len(walks) == 1, (state, args, walks)
    assert len(reads) == len(set(reads)), (state, args, sorted(map(str, reads)))


def test_a_new_folder_sharing_a_file_with_another_still_gets_its_listing(tmp_path, cache_dir):
    """Entries are kept by content: a second folder's first load found the first's identical
    file in the cache, looked like a load after an edit, and never got a listing (a warm
    `list --json` at 100k claims took 4.7 s instead of 0.5)."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, text in ((first, "It rose."), (second, "It fell.")):
        folder.mkdir()
        (folder / "sources.toml").write_text('[[sources]]\nid = "wire"\n', encoding="utf-8")
        for n in range(3):
            (folder / f"c{n}.toml").write_text(
                f'[[claims]]\nid = "c{n}"\nspeaker = "Kim Lee"\ntopics = ["t"]\ntext = "{text}"\n',
                encoding="utf-8",
            )
        listed(folder)  # a first list --json of the folder
        assert listing.from_cache(folder, Cache(cache_dir)) is not None, folder.name


def test_a_renamed_folder_or_a_second_checkout_is_answered_from_the_listing(
    folder, cache_dir, tmp_path, monkeypatch
):
    """A listing is kept by the folder's state (paths within it, bytes), not by where it is:
    each rename or checkout made and kept a listing as large as the claims' JSON again."""
    warm_up(folder)
    before = listed(folder)
    moved = tmp_path / "moved"
    folder.rename(moved)
    with monkeypatch.context() as patched:
        patched.setattr(store, "load", _no_load)
        assert listed(moved) == before
        shown = json.loads(run("show", "kim-jail", "--claims", moved, "--json").stdout)
    assert shown["path"].startswith(str(moved))  # where the file is now, not where it was
    assert len(list(cache_dir.rglob("*.list"))) == 1


def _written(cache_dir: Path) -> dict[str, tuple[int, int]]:
    """Every file of the cache, with its inode and time of change: what a step rewrote."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache_dir.rglob("*.*")}


def test_an_edit_writes_the_edited_file_s_piece_and_the_index_not_every_claim(folder, cache_dir):
    # At 100k claims an edit of one file rewrote the whole 141 MB listing.
    warm_up(folder)
    before = _written(cache_dir)
    assert sum(name.endswith(".piece") for name in before) == len(list(folder.rglob("*.toml")))
    rated = folder / "rated.toml"
    rated.write_text(RATED.replace("Nobody was", "Someone was"), encoding="utf-8")
    assert listed(folder) == listed(folder, cache=False)
    after = _written(cache_dir)
    rewritten = {n for n in after if n in before and after[n] != before[n]}
    new = set(after) - set(before)
    assert not {n for n in rewritten if n.endswith((".piece", ".entry"))}
    assert {n.rpartition(".")[2] for n in new} == {"piece", "entry", "list", "clean"}
    assert sum(n.endswith(".piece") for n in new) == 1  # the edited file's, nothing else


def test_a_new_file_adds_its_piece_and_leaves_the_others(folder, cache_dir):
    warm_up(folder)
    before = _written(cache_dir)
    (folder / "more.toml").write_text(RATED.replace('"kim-jail"', '"kim-two"').replace(
        '"ann-undated"', '"ann-two"').replace('"wire"', '"wire-2"').replace('"false"', '"f2"'),
        encoding="utf-8")  # fmt: skip
    listed(folder)
    listed(folder)  # unchanged since: the listing is made again
    after = _written(cache_dir)
    assert {n: after[n] for n in before if n.endswith(".piece")} == {
        n: v for n, v in before.items() if n.endswith(".piece")
    }
    assert sum(n.endswith(".piece") for n in set(after) - set(before)) == 1
    assert listed(folder) == listed(folder, cache=False)


def test_pieces_left_by_edits_are_swept(folder, cache_dir, monkeypatch):
    from factcheck.folder import cache as cache_module

    monkeypatch.setattr(cache_module, "SPARE_ENTRIES", 2)
    warm_up(folder)
    rated = folder / "rated.toml"
    for n in range(8):  # each brought up to date from the edited file alone
        rated.write_text(RATED.replace("Nobody was", f"{n} were"), encoding="utf-8")
        with monkeypatch.context() as patched:
            patched.setattr(store, "load", _no_load)
            assert f"{n} were released." in listed(folder)
    files = len(list(folder.rglob("*.toml")))
    assert len(list(cache_dir.rglob("*.piece"))) <= files + 2
    assert len(list(cache_dir.rglob("*.entry"))) <= files + 2
    monkeypatch.setattr(store, "load", _no_load)  # every current piece is still there
    assert listed(folder, "--topic", "jails") == listed(folder, "--topic", "jails")


@pytest.mark.parametrize(
    "first", [["show", "kim-jail", "--json"], ["topics", "--json"]], ids=["show", "topics"]
)
def test_show_and_topics_keep_a_listing_for_the_next_run(folder, cache_dir, first, monkeypatch):
    # Only `list` kept one: on a cache they filled themselves they loaded the folder each time.
    fresh = run(*first, "--claims", folder, env={"FACTCHECK_NO_CACHE": "1"})
    assert run(*first, "--claims", folder).stdout == fresh.stdout
    monkeypatch.setattr(store, "load", _no_load)
    again = run(*first, "--claims", folder)
    assert (again.exit_code, again.stdout) == (0, fresh.stdout)
    assert run("topics", "--json", "--claims", folder).exit_code == 0
