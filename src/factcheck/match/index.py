"""An archive of documents made searchable: BM25 over stemmed words, and embeddings."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.text import words
from factcheck.text.embeddings import Embedder, numpy

# Robertson's BM25 with the usual constants (the CLEF baseline's too); tuning them on the
# training queries moved MAP@5 by less than 0.01.
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Document:
    """What the archive holds of one claim: its ID, its text and its review's headline (the
    text again when it has none, so that every document reads the same way)."""

    id: str
    text: str
    headline: str

    @property
    def both(self) -> str:
        return self.text if self.headline == self.text else f"{self.text} {self.headline}"


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


class Bm25:
    """BM25 scores of every document for a query, from per-word postings (numpy arrays of
    document numbers and their term weights), so a query costs the length of its words'
    postings, not the size of the archive."""

    def __init__(self, size: int, postings: dict[str, tuple[Any, Any]]) -> None:
        self.size = size
        self.postings = postings

    @classmethod
    def built(cls, documents: Sequence[Sequence[str]]) -> Bm25:
        np = numpy()
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
        arrays: dict[str, tuple[Any, Any]] = {}
        for stem, (numbers, weights) in postings.items():
            idf = math.log(1 + (size - len(numbers) + 0.5) / (len(numbers) + 0.5))
            arrays[stem] = (
                np.asarray(numbers, dtype=np.int32),
                np.asarray(weights, dtype=np.float64) * idf,
            )
        return cls(size, arrays)

    def scores(self, stems: frozenset[str]) -> Any:
        np = numpy()
        total = np.zeros(self.size, dtype=np.float64)
        for stem in sorted(stems):  # one order of additions, whatever the hash seed
            found = self.postings.get(stem)
            if found is not None:
                total[found[0]] += found[1]  # a document appears once in a posting list
        return total


@dataclass
class Index:
    """The archive's documents with what ranking reads of each, computed once (and kept in
    the folder's cache between runs: match/stored.py)."""

    documents: list[Document]
    readings: list[words.Reading]  # of each document's text and headline
    both: Bm25
    text: Bm25
    headline: Bm25
    embedder: Embedder
    vectors: Any  # float32, one unit row a document (text and headline)
    text_vectors: Any
    headline_vectors: Any
    _same: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)

    def same_text(self, text: str) -> list[int]:
        """The documents whose text (or text and headline) is this one, case, spacing and
        punctuation aside."""
        if self._same is None:
            self._same = {}
            for number, document in enumerate(self.documents):
                for form in {_plain(document.text), _plain(document.both)}:
                    self._same.setdefault(form, []).append(number)
        return self._same.get(_plain(text), [])

    @classmethod
    def built(cls, documents: Sequence[Document]) -> Index:
        readings = [words.read(d.both) for d in documents]
        embedder = Embedder.fitted([d.both for d in documents])

        def vectors(texts: list[str]) -> Any:
            # At the precision the cache keeps them in (match/stored.py), so that a run from
            # the cache ranks exactly as the run that made it.
            return embedder.embed(texts).astype("<f2").astype("<f4")

        return cls(
            list(documents),
            readings,
            Bm25.built([r.stems for r in readings]),
            Bm25.built([words.read(d.text).stems for d in documents]),
            Bm25.built([words.read(d.headline).stems for d in documents]),
            embedder,
            vectors([d.both for d in documents]),
            vectors([d.text for d in documents]),
            vectors([d.headline for d in documents]),
        )
