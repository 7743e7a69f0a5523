"""The match index (match/index.py): BM25's postings made for the whole archive at once are,
bit for bit, those of the textbook loop, one document and one stem at a time."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from factcheck.match.index import K1, B, Bm25

np = pytest.importorskip("numpy")


def textbook(documents: list[list[str]]) -> dict[str, tuple[list[int], list[float]]]:
    """Robertson's BM25 weights as the index had them made before: Python floats, one
    (document, stem) pair at a time, then times the stem's idf."""
    size = len(documents)
    lengths = [len(d) for d in documents]
    average = sum(lengths) / max(len(lengths), 1) or 1.0
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for number, stems in enumerate(documents):
        norm = K1 * (1 - B + B * lengths[number] / average)
        for stem, count in Counter(stems).items():
            found = postings.setdefault(stem, ([], []))
            found[0].append(number)
            found[1].append(count * (K1 + 1) / (count + norm))
    made = {}
    for stem, (numbers, weights) in postings.items():
        idf = math.log(1 + (size - len(numbers) + 0.5) / (len(numbers) + 0.5))
        made[stem] = (numbers, (np.asarray(weights, dtype=np.float64) * idf).tolist())
    return made


def archive(seed: int, size: int) -> list[list[str]]:
    chance = random.Random(seed)
    words = [f"w{n}" for n in range(60)]
    return [chance.choices(words, k=chance.randint(0, 25)) for _ in range(size)]


@pytest.mark.parametrize("seed", range(5))
def test_postings_are_the_textbook_ones_bit_for_bit(seed):
    documents = archive(seed, 200)
    built = Bm25.built(documents)
    expected = textbook(documents)
    assert built.size == len(documents)
    assert sorted(built.postings) == sorted(expected)
    for stem, (numbers, weights) in expected.items():
        got_numbers, got_weights = built.postings[stem]
        assert got_numbers.dtype == np.int32 and got_weights.dtype == np.float64
        assert got_numbers.tolist() == numbers
        assert got_weights.tobytes() == np.asarray(weights, dtype=np.float64).tobytes()


def test_empty_archives_and_documents():
    assert Bm25.built([]).postings == {}
    built = Bm25.built([[], ["tax"], []])
    assert built.postings["tax"][0].tolist() == [1]
    assert built.scores(frozenset({"tax", "nothing"})).tolist()[0] == 0.0
