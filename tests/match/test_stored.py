"""The match index as the cache keeps it (match/stored.py, layout 4): each thing once, read back
exactly, and nothing out of place trusted. Archives written for these tests."""

from __future__ import annotations

import json

import pytest

from factcheck.match import run, stored
from factcheck.match.index import Document, Index, Measured

np = pytest.importorskip("numpy")

TEXTS = [
    "The governor released 4,561 inmates from state prisons last year",
    "Eating three bananas a day cures the flu",
    "Crime fell in the city after the new police chief arrived",
    "The county jail follows federal detainers",
]


def header_of(pieces: bytes) -> dict:
    start = len(stored.LAYOUT) + stored.HEADER_SIZE
    size = int(pieces[len(stored.LAYOUT) : start])
    return json.loads(pieces[start : start + size])


def forged(pieces: bytes, name: str, values) -> bytes:
    """The stored index with one array's bytes replaced (same size)."""
    start = len(stored.LAYOUT) + stored.HEADER_SIZE
    size = int(pieces[len(stored.LAYOUT) : start])
    layout = {a[0]: a for a in header_of(pieces)["arrays"]}
    _, dtype, _, offset, nbytes = layout[name]
    new = np.asarray(values, dtype=dtype).tobytes()
    assert len(new) == nbytes
    at = start + size + offset
    return pieces[:at] + new + pieces[at + nbytes :]


def array_of(pieces: bytes, name: str):
    start = len(stored.LAYOUT) + stored.HEADER_SIZE
    size = int(pieces[len(stored.LAYOUT) : start])
    _, dtype, shape, offset, _ = {a[0]: a for a in header_of(pieces)["arrays"]}[name]
    return np.frombuffer(pieces, dtype=dtype, count=int(np.prod(shape)),
                         offset=start + size + offset)  # fmt: skip


def _one_negative(lengths) -> list[int]:
    forged = [int(n) for n in lengths]
    forged[1] += forged[0] + 1
    forged[0] = -1
    return forged


def test_an_archive_without_headlines_keeps_one_bm25_and_one_vector_a_claim():
    documents = [Document(f"c{n}", t, t) for n, t in enumerate(TEXTS)]
    pieces = b"".join(stored.encode(Index.built(documents)))
    header = header_of(pieces)
    names = {a[0]: a[2] for a in header["arrays"]}
    assert set(header["vocabularies"]) == {"both"} and "text.numbers" not in names
    assert names["vectors"] == [4, 256] and names["distinct_text"] == [0, 256]


def test_a_claim_with_a_headline_of_its_own_has_its_own_vectors_and_ranks_as_built():
    documents = [Document(f"c{n}", t, t) for n, t in enumerate(TEXTS)]
    documents[1] = Document("c1", TEXTS[1], "Bananas do not cure the flu")
    built = Index.built(documents)
    pieces = b"".join(stored.encode(built))
    assert set(header_of(pieces)["vocabularies"]) == {"both", "text", "headline"}
    restored = stored.decode(documents, memoryview(pieces))
    assert restored is not None and restored.distinct.tolist() == [1]
    assert list(restored.readings) == built.readings
    assert np.array_equal(restored.headline_rows([0, 1]), built.headline_rows([0, 1]))
    for text in ("bananas cure flu", "police chief crime"):
        assert [(m.number, m.score) for m in run.match(restored, text, 4)] == [
            (m.number, m.score) for m in run.match(built, text, 4)
        ]


def test_same_text_is_found_by_its_hash_and_checked_against_the_text():
    documents = [Document(f"c{n}", t, t) for n, t in enumerate([*TEXTS, TEXTS[1].upper()])]
    index = stored.decode(documents, memoryview(b"".join(stored.encode(Index.built(documents)))))
    assert index is not None
    assert index.same_text("eating three bananas, a day, cures the flu!") == [1, 4]
    assert index.same_text("eating three bananas a day") == []
    # a forged hash table can hide a copy, never make one of another text
    hashes, numbers = index.plain
    index.plain = (hashes, np.zeros_like(numbers))
    assert index.same_text(TEXTS[1]) == []


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("reading.stems", "out of the vocabulary"),
        ("reading.stems.ends", "out of order"),
        ("distinct", "another document"),
        ("plain.numbers", "no document"),
        ("both.lengths", "a negative length"),
    ],
)
def test_a_forged_reading_or_place_is_refused_when_the_index_is_read(name, values):
    documents = [Document(f"c{n}", t, t) for n, t in enumerate(TEXTS)]
    documents[2] = Document("c2", TEXTS[2], "A headline of its own")
    pieces = b"".join(stored.encode(Index.built(documents)))
    layout = {a[0]: a for a in header_of(pieces)["arrays"]}
    count = layout[name][2][0]
    wrong = {
        "out of the vocabulary": lambda: [10**6] * count,
        "out of order": lambda: list(range(count, 0, -1)),
        "another document": lambda: [3] * count,
        "no document": lambda: [len(documents)] * count,
        # the same total, so that only the sign gives it away
        "a negative length": lambda: _one_negative(array_of(pieces, name)),
    }[values]()
    assert stored.decode(documents, memoryview(pieces)) is not None
    assert stored.decode(documents, memoryview(forged(pieces, name, wrong))) is None


def test_a_stored_index_counts_its_long_documents_as_the_built_one_does():
    documents = [Document(f"c{n}", t, t) for n, t in enumerate(TEXTS)]
    documents[0] = Document("c0", "x" * 60, "x" * 60)  # long by its text
    documents[1] = Document("c1", "y" * 30, "z" * 29)  # long by its text and headline
    documents[2] = Document("c2", "y" * 30, "z" * 28)  # 59 in all: not long
    built = Index.built(documents)
    restored = stored.decode(None, memoryview(b"".join(stored.encode(built))))
    # counted from the stored strings, not by making every document (a warm match's 0.1 s)
    assert restored is not None and isinstance(restored.documents, Measured)
    for limit in (0, 28, 58, 59, 60):
        expected = sum(1 for d in documents if len(d.both) > limit)
        assert restored.longer_than(limit) == built.longer_than(limit) == expected
    assert built.longer_than(59) == 2  # c0 and c1; c2 is 59 in all
