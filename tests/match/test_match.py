"""`factcheck match`: ranking the archive against a text, with reasons; queries in bulk;
near-duplicates; bad input; and no network, ever. The archive is a fixture written for these
tests (tests/fixtures/match); the figures on real data are the benchmark's
(benchmarks/claim_matching.py, docs/match.md)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, run

ARCHIVE = FIXTURES / "match"


def match_json(*args):
    result = run("match", *args, "--claims", ARCHIVE, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_paraphrase_finds_the_claim_with_its_rating_review_and_reason():
    (best, *rest) = match_json("Biden owns the largest mansion in Delaware")
    assert best["id"] == "biden-largest-mansion" and best["rank"] == 1
    assert best["rating"] == "False" and best["reviewer"] == "Example Check"
    assert best["review_url"] == "https://check.example.org/biden-mansion"
    assert {"mansion", "largest", "delaware"} <= set(best["reason"]["words"])
    assert "delaware" in best["reason"]["names"]
    assert best["score"] > 0.5 > max(m["score"] for m in rest)
    assert [m["rank"] for m in rest] == list(range(2, len(rest) + 2))
    assert len(rest) == 4  # --top defaults to 5


def test_figures_and_names_that_agree_are_named_in_the_reason():
    (best,) = match_json("DHS says California let 4,561 people with detainers go", "--top", "1")
    assert best["id"] == "california-releases-4561"
    assert best["reason"]["figures"] == ["4561"]
    (other,) = match_json("Obama freed 122 Guantanamo prisoners who went back to terror",
                          "--top", "1")  # fmt: skip
    assert other["id"] == "obama-guantanamo-122" and other["reason"]["figures"] == ["122"]
    assert "guantanamo" in other["reason"]["names"]


def test_a_text_with_nothing_in_the_archive_scores_low():
    found = match_json("The city council approved a new budget for road repairs")
    assert max(m["score"] for m in found) < 0.5


def test_filters_narrow_the_archive():
    found = match_json("bananas cure the flu", "--topic", "politics")
    assert {m["id"] for m in found} <= {"biden-largest-mansion", "obama-guantanamo-122"}
    unknown = run("match", "bananas", "--topic", "helth", "--claims", ARCHIVE)
    assert unknown.exit_code == 2 and "health" in unknown.stderr


def test_a_recorded_claim_is_matched_against_the_rest_of_the_folder():
    found = match_json("--claim", "bananas-cure-flu", "--top", "3")
    assert "bananas-cure-flu" not in [m["id"] for m in found]
    assert found[0]["id"] == "bananas-flu-cure-copy"
    unknown = run("match", "--claim", "banana-cure-flu", "--claims", ARCHIVE)
    assert unknown.exit_code == 2
    assert "bananas-cure-flu" in unknown.stderr  # did you mean


def test_queries_in_bulk_give_one_json_line_each(tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"id": "t1", "text": "Joe Biden has the biggest mansion in Delaware"}) + "\n"
        + "\n" + json.dumps({"id": 7, "text": "Wind farms kill whales off New Jersey"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    result = run("match", "--queries", queries, "--top", "2", "--claims", ARCHIVE)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["t1", "7"]
    assert lines[0]["matches"][0]["id"] == "biden-largest-mansion"
    assert lines[1]["matches"][0]["id"] == "wind-turbines-whales"
    assert [m["rank"] for m in lines[0]["matches"]] == [1, 2]
    assert set(lines[0]["matches"][0]) == {"id", "score", "rank", "reason"}


def test_queries_from_stdin():
    stdin = json.dumps({"id": "a", "text": "moon landing filmed in a studio"}) + "\n"
    result = run("match", "--queries", "-", "--claims", ARCHIVE, input=stdin)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["matches"][0]["id"] == "moon-landing-staged"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', "q.jsonl:2: Expecting value"),
        ('["a", "b"]\n', 'q.jsonl:1: a JSON list, not an object with "id" and "text"'),
        ('{"id": "a", "text": "  "}\n', 'q.jsonl:1: "text" is missing or empty'),
        ('{"text": "x"}\n', 'q.jsonl:1: "id" is missing'),
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "q.jsonl:2: the ID 'a' is"),
        ('{"id": "a", "text": NaN}\n', "q.jsonl:1: NaN is not JSON"),
        ("\n\n", "q.jsonl: no queries"),
    ],
)  # fmt: skip
def test_a_bad_queries_file_names_the_line_and_exits_2(tmp_path, content, message):
    queries = tmp_path / "q.jsonl"
    queries.write_text(content, encoding="utf-8")
    result = run("match", "--queries", queries, "--claims", ARCHIVE)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_queries_that_are_not_utf8_say_which_byte(tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    result = run("match", "--queries", queries, "--claims", ARCHIVE)
    assert result.exit_code == 2 and "not UTF-8 (byte 24)" in result.stderr


@pytest.mark.parametrize(
    "args",
    [("",), (), ("text", "--duplicates"), ("text", "--claim", "moon-landing-staged")],
)
def test_one_question_at_a_time(args):
    result = run("match", *args, "--claims", ARCHIVE)
    assert result.exit_code == 2 and "error:" in result.stderr


def test_near_duplicates_are_paired_once():
    pairs = json.loads(run("match", "--duplicates", "--claims", ARCHIVE, "--json").stdout)
    assert [(p["first"], p["second"]) for p in pairs] == [
        ("bananas-cure-flu", "bananas-flu-cure-copy")
    ]
    assert pairs[0]["score"] >= 0.5 and "bananas" in pairs[0]["reason"]["words"]


def test_the_table_keeps_ids_whole_at_80_columns():
    result = run("match", "the Charlotte protesters were from out of state", "--claims", ARCHIVE,
                 env={"COLUMNS": "80"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "1. charlotte-out-of-state-70  score" in result.stdout
    assert "why: words: " in result.stdout
    assert "5 matches for: the Charlotte" in result.stderr


def test_matching_touches_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    (best, *_) = match_json("Biden owns the largest mansion in Delaware")
    assert best["id"] == "biden-largest-mansion"


def test_list_and_version_load_neither_numpy_nor_the_matcher():
    probe = (
        "import sys; from factcheck.cli import main\n"
        f"sys.argv = ['factcheck', 'list', '--json', '--claims', {str(ARCHIVE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'tokenizers', 'Stemmer', 'factcheck.match') "
        "if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_second_run_takes_the_index_from_the_cache(tmp_path, monkeypatch):
    from factcheck.match.index import Index

    folder = tmp_path / "claims"
    shutil.copytree(ARCHIVE, folder)
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    args = ("match", "bananas cure the flu", "--claims", folder, "--json")
    first = run(*args, env=env)
    assert first.exit_code == 0, first.stderr

    def no_build(documents):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(Index, "built", classmethod(lambda cls, documents: no_build(documents)))
    second = run(*args, env=env)
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    # An edit makes another key: the index is built again, and sees the edit.
    monkeypatch.undo()
    archive = folder / "archive.toml"
    archive.write_text(archive.read_text(encoding="utf-8").replace(
        "Eating three bananas a day", "Eating three apples a day"), encoding="utf-8")  # fmt: skip
    third = json.loads(run(*args, env=env).stdout)
    assert third[0]["id"] == "bananas-flu-cure-copy"


def test_a_stored_index_that_does_not_check_out_is_not_used():
    from factcheck.folder.store import load
    from factcheck.match import archive, stored
    from factcheck.match.index import Index

    documents = archive.documents(list(load(ARCHIVE).claims.values()))
    pieces = b"".join(stored.encode(Index.built(documents)))
    restored = stored.decode(documents, memoryview(pieces))
    assert restored is not None and list(restored.readings) == Index.built(documents).readings
    assert stored.decode(documents, memoryview(pieces[: len(pieces) // 2])) is None
    assert stored.decode(documents[:-1], memoryview(pieces)) is None
    assert stored.decode(documents, memoryview(stored.LAYOUT + b"000000000002{}")) is None
    assert stored.decode(documents, memoryview(b"junk")) is None


@pytest.mark.parametrize(
    ("blocked", "args", "extra"),
    [
        ("Stemmer", ["match", "x"], "match"),
        ("numpy", ["match", "x"], "match"),
        ("pysbd", ["extract", str(FIXTURES / "extract" / "article.txt")],
         "extract"),
    ],
)  # fmt: skip
def test_without_its_extra_a_command_says_how_to_install_it(tmp_path, blocked, args, extra):
    probe = (
        f"import sys; sys.modules[{blocked!r}] = None\n"
        "from factcheck.cli import main\n"
        f"sys.argv = ['factcheck', *{args!r}, '--claims', {str(ARCHIVE)!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, env=env)  # fmt: skip
    assert done.returncode == 2, done.stderr[-400:]
    assert f"pip install 'factcheck[{extra}]'" in done.stderr
    assert "Traceback" not in done.stderr


# Hostile input on `match` (issue 31).
def copies_folder(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    records = [
        f'[[claims]]\nid = "copy-{n}"\nspeaker = "S"\ntopics = ["t"]\n'
        f'text = "The governor released 4,561 inmates from state prisons last year."\n'
        for n in range(copies)
    ]
    other = "Crime fell in the city after the new police chief arrived."
    records.append(f'[[claims]]\nid = "other"\nspeaker = "T"\ntopics = ["t"]\ntext = "{other}"\n')
    (folder / "a.toml").write_text("\n".join(records), encoding="utf-8")
    return folder


def test_a_claim_recorded_many_times_is_still_found_by_its_own_text(tmp_path):
    folder = copies_folder(tmp_path, 80)  # its words are in nearly every claim: BM25 weighs 0
    result = run("match", "the governor released 4,561 inmates from state prisons last year",
                 "--claims", folder, "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert all(m["score"] == 1.0 and m["id"].startswith("copy-") for m in found)
    assert found[0]["reason"]["strongest"][0] == "same_text"
    pairs = json.loads(run("match", "--duplicates", "--claims", folder, "--json").stdout)
    assert pairs and all(p["score"] == 1.0 for p in pairs)


def test_a_claim_is_never_its_own_match(tmp_path):
    folder = copies_folder(tmp_path, 1)
    found = json.loads(run("match", "--claim", "other", "--claims", folder, "--json").stdout)
    assert [m["id"] for m in found] == ["copy-0"]
    assert all(-1 <= m["reason"]["similarity"] <= 1 for m in found)


@pytest.mark.parametrize(
    ("text", "message"),
    [("bad \udcff byte", "not text at character 5"),
     ("x " * 10_001, "more than the 20,000 a query may have")],
)  # fmt: skip
def test_a_query_that_cannot_be_looked_up_is_refused_with_the_reason(text, message):
    result = run("match", text, "--claims", ARCHIVE)
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_queries_line_with_half_a_surrogate_pair_is_named(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "text": "fine"}\n{"id": "b\\udcff", "text": "x"}\n',
                    encoding="utf-8")  # fmt: skip
    result = run("match", "--queries", path, "--claims", ARCHIVE)
    assert result.exit_code == 2 and 'q.jsonl:2: "id" holds a character' in result.stderr


def test_a_text_is_embedded_as_the_weighted_mean_of_its_tokens():
    np = pytest.importorskip("numpy")
    from factcheck.text.embeddings import Embedder

    embedder = Embedder.fitted(["the mansion in Delaware", "the the the prisoners"])
    text = "the the mansion mansion Delaware"
    (ids,) = embedder.token_ids([text])
    weights = embedder.weights[ids]
    expected = weights @ embedder._vectors[ids] / weights.sum()
    expected /= np.linalg.norm(expected)
    assert np.allclose(embedder.embed([text])[0], expected, atol=1e-6)


def test_fitting_with_vectors_is_fitting_then_embedding_exactly():
    """Index.built tokenizes each document once for the weights and the vectors; the vectors
    must be bit for bit those of embedding after fitting, as the kept index's are."""
    np = pytest.importorskip("numpy")
    from factcheck.text.embeddings import Embedder

    texts = ["the mansion in Delaware", "the the the prisoners", "", "4,561 inmates released"]
    fitted, vectors = Embedder.fitted_with_vectors(texts)
    alone = Embedder.fitted(texts)
    assert np.array_equal(fitted.weights, alone.weights)
    assert np.array_equal(vectors, alone.embed(texts))
    assert not vectors[2].any() and np.isclose(np.linalg.norm(vectors[0]), 1)


def _forged(pieces: bytes, change) -> bytes:
    """The stored index with its header edited by `change` (arrays as they were)."""
    from factcheck.match import stored

    start = len(stored.LAYOUT) + stored.HEADER_SIZE
    size = int(pieces[len(stored.LAYOUT) : start])
    header = json.loads(pieces[start : start + size])
    change(header)
    text = json.dumps(header).encode()
    return stored.LAYOUT + b"%0*d" % (stored.HEADER_SIZE, len(text)) + text + pieces[start + size :]


def test_a_forged_index_is_refused_not_trusted():
    # What the cache's checksum cannot catch: a forger who writes a valid entry (issue 31).
    np = pytest.importorskip("numpy")
    from factcheck.folder.store import load
    from factcheck.match import archive, stored
    from factcheck.match.index import Index

    documents = archive.documents(list(load(ARCHIVE).claims.values()))
    pieces = b"".join(stored.encode(Index.built(documents)))
    assert stored.decode(documents, memoryview(pieces)) is not None
    start = len(stored.LAYOUT) + stored.HEADER_SIZE
    size = int(pieces[len(stored.LAYOUT) : start])
    layout = json.loads(pieces[start : start + size])["arrays"]
    offset = start + size + next(a[3] for a in layout if a[0] == "vectors")
    nan = np.array([np.nan], dtype="<f2").tobytes()
    with_nan = pieces[:offset] + nan + pieces[offset + len(nan) :]
    assert stored.decode(documents, memoryview(with_nan)) is None

    def object_array(header):
        header["arrays"][0][1] = "O"

    def negative_shape(header):
        header["arrays"][0][2] = [-1]

    for change in (object_array, negative_shape):
        assert stored.decode(documents, memoryview(_forged(pieces, change))) is None
    deep_header = b"[" * 100_000 + b"]" * 100_000
    nested = stored.LAYOUT + b"%0*d" % (stored.HEADER_SIZE, len(deep_header)) + deep_header
    assert stored.decode(documents, memoryview(nested + pieces[start:])) is None


def test_an_edit_replaces_the_kept_index_rather_than_adding_one(tmp_path):
    """The index brought up to date after an edit replaces the one it was made from: at 50k
    claims each index is 37 MB, and four kept after four edits made the cache 8x the folder."""
    folder = tmp_path / "claims"
    shutil.copytree(ARCHIVE, folder)
    cache = tmp_path / "cache"
    env = {"FACTCHECK_CACHE_DIR": str(cache)}
    args = ("match", "bananas cure the flu", "--claims", folder, "--json")
    assert run(*args, env=env).exit_code == 0
    assert run("match", "the flu", "--topic", "politics", "--claims", folder, "--json",
               env=env).exit_code == 0  # fmt: skip
    first = set(cache.rglob("*.match"))
    (path,) = folder.glob("*.toml")
    for n in range(2):
        text = path.read_text(encoding="utf-8").replace("three bananas", f"{n + 4} bananas")
        path.write_text(text, encoding="utf-8")
        again = run(*args, env=env)
        assert again.exit_code == 0, again.stderr
        kept = set(cache.rglob("*.match"))
        assert len(kept) == len(first), kept  # this question's index replaced, not added
    assert kept - first


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo"])
def test_a_cache_entry_that_is_no_regular_file_is_passed_over(tmp_path, kind):
    folder = tmp_path / "claims"
    shutil.copytree(ARCHIVE, folder)
    cache = tmp_path / "cache"
    env = {"FACTCHECK_CACHE_DIR": str(cache)}
    args = ("match", "bananas cure the flu", "--claims", folder, "--json")
    first = run(*args, env=env)
    assert first.exit_code == 0, first.stderr
    (entry,) = cache.rglob("*.match")
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    again = run(*args, env=env)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout


def test_a_queries_file_may_open_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Biden owns the largest mansion"}\n')
    result = run("match", "--queries", path, "--claims", ARCHIVE)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["id"] == "a"


def test_the_word_vectors_are_read_without_importing_their_package():
    """Importing wordllama imports requests and configures the root logger (40 ms and a side
    effect): its files are found without importing it."""
    import subprocess
    import sys

    probe = ("import sys\nfrom factcheck.text.embeddings import _tokenizer, _vectors\n"
             "_vectors(), _tokenizer()\n"
             "print(sorted(m for m in ('wordllama', 'requests') if m in sys.modules))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"
