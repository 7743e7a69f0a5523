"""An archive of documents made searchable: BM25 over stemmed words, and embeddings."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

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

    def __init__(self, size: int, postings: Mapping[str, tuple[Any, Any]]) -> None:
        self.size = size
        self.postings = postings

    @classmethod
    def built(cls, documents: Sequence[Sequence[str]]) -> Bm25:
        """Every (stem, document) pair's weight, made for the whole archive at once by numpy
        (a dictionary of lists filled document by document took 0.5 s at 50k claims); the
        same operations in the same order as one pair at a time, so the same bits (a test
        holds them to that)."""
        vocabulary: dict[str, int] = {}
        numbered = [[vocabulary.setdefault(stem, len(vocabulary)) for stem in d] for d in documents]
        return cls.of_numbers(numbered, sorted(vocabulary, key=vocabulary.__getitem__))

    @classmethod
    def of_numbers(cls, documents: Sequence[Sequence[int]], stems: Sequence[str]) -> Bm25:
        """The index of documents given as numbers of their stems in `stems`."""
        np = numpy()
        size = len(documents)
        lengths = np.fromiter((len(d) for d in documents), dtype=np.int64, count=size)
        total = int(lengths.sum())
        average = total / max(size, 1) or 1.0
        flat = np.fromiter(itertools.chain.from_iterable(documents), dtype=np.int64, count=total)
        owners = np.repeat(np.arange(size, dtype=np.int64), lengths)
        # one key a (stem, document), sorted: each stem's postings, documents ascending
        keys, counts = np.unique(flat * max(size, 1) + owners, return_counts=True)
        stem_of, numbers = keys // max(size, 1), keys % max(size, 1)
        norm = K1 * (1 - B + B * lengths[numbers] / average)
        weights = counts * (K1 + 1) / (counts + norm)
        present, starts, frequency = np.unique(stem_of, return_index=True, return_counts=True)
        # idf by math.log, as one pair at a time had it (np.log may differ in the last bit)
        idf = [math.log(1 + (size - f + 0.5) / (f + 0.5)) for f in frequency.tolist()]
        weights = weights * np.repeat(np.asarray(idf, dtype=np.float64), frequency)
        numbers = numbers.astype(np.int32)
        postings = {}
        for stem, start, count in zip(present.tolist(), starts.tolist(), frequency.tolist(),
                                      strict=True):  # fmt: skip
            postings[stems[stem]] = (numbers[start : start + count], weights[start : start + count])
        return cls(size, postings)

    def scores(self, stems: frozenset[str]) -> Any:
        np = numpy()
        total = np.zeros(self.size, dtype=np.float64)
        for stem in sorted(stems):  # one order of additions, whatever the hash seed
            found = self.postings.get(stem)
            if found is not None:
                total[found[0]] += found[1]  # a document appears once in a posting list
        return total


@runtime_checkable
class Measured(Protocol):
    """Documents that count their long ones without being made one by one."""

    def longer_than(self, limit: int) -> int: ...


@dataclass
class Index:
    """The archive's documents with what ranking reads of each, computed once (and kept in
    the folder's cache between runs: match/stored.py).

    A document whose headline is its text (a claim with no review, most of a desk's folder)
    has one vector, `vectors`' row, for its text, its headline and both; the others have
    theirs in `distinct_text` and `distinct_headline`, one row per number of `distinct`. When
    no document has a headline of its own, the three BM25 indexes are one."""

    documents: Sequence[Document]  # a list, or the stored index's (made as they are asked for)
    readings: Sequence[words.Reading]  # of each document's text and headline
    both: Bm25
    text: Bm25
    headline: Bm25
    embedder: Embedder
    vectors: Any  # float32, one unit row a document (text and headline)
    distinct: Any  # int32, ascending: the documents whose headline is not their text
    distinct_text: Any  # their texts' vectors (float16 or float32), in that order
    distinct_headline: Any
    plain: tuple[Any, Any]  # int64 hashes of each document's plain forms, ascending; numbers

    def longer_than(self, limit: int) -> int:
        """How many documents are longer than limit, text and headline together."""
        if isinstance(self.documents, Measured):
            return self.documents.longer_than(limit)
        return sum(1 for d in self.documents if len(d.both) > limit)

    def text_rows(self, numbers: Any) -> Any:
        """The text vectors of these documents, float32, one row each."""
        return self._rows(self.distinct_text, numbers)

    def headline_rows(self, numbers: Any) -> Any:
        return self._rows(self.distinct_headline, numbers)

    def _rows(self, own: Any, numbers: Any) -> Any:
        np = numpy()
        numbers = np.asarray(numbers, dtype=np.int64).reshape(-1)
        rows = self.vectors[numbers]
        if len(self.distinct) and len(numbers):
            at = np.minimum(np.searchsorted(self.distinct, numbers), len(self.distinct) - 1)
            held = self.distinct[at] == numbers
            rows[held] = own[at[held]].astype(np.float32)
        return rows

    def same_text(self, text: str) -> list[int]:
        """The documents whose text (or text and headline) is this one, case, spacing and
        punctuation aside."""
        np = numpy()
        form = _plain(text)
        hashes, numbers = self.plain
        wanted = _hashed(form)
        found = numbers[np.searchsorted(hashes, wanted) : np.searchsorted(hashes, wanted, "right")]
        return sorted(
            {n for n in found.tolist() if form in (_plain(self.documents[n].text),
                                                   _plain(self.documents[n].both))}
        )  # fmt: skip

    @classmethod
    def built(cls, documents: Sequence[Document]) -> Index:
        readings = [words.read(d.both) for d in documents]
        embedder, both_vectors = Embedder.fitted_with_vectors([d.both for d in documents])

        def vectors(texts: list[str]) -> Any:
            return kept_precision(embedder.embed(texts))

        distinct = distinct_documents(documents)
        return cls.of_parts(
            documents,
            readings,
            embedder,
            kept_precision(both_vectors),
            (vectors([documents[n].text for n in distinct]),
             vectors([documents[n].headline for n in distinct])),
            plain_forms(documents),
        )  # fmt: skip

    @classmethod
    def of_parts(cls, documents: Sequence[Document], readings: Sequence[words.Reading],
                 embedder: Embedder, vectors: Any, distinct_vectors: tuple[Any, Any],
                 plain: tuple[Any, Any]) -> Index:  # fmt: skip
        """The index of these documents from what was made of each (built, or brought up to
        date: match/updated.py): BM25 over their readings is made here."""
        np = numpy()
        distinct = distinct_documents(documents)
        both, text, headline = bm25_indexes(documents, readings, distinct)
        return cls(list(documents), readings, both, text, headline, embedder, vectors,
                   np.asarray(distinct, dtype=np.int32), *distinct_vectors,
                   plain)  # fmt: skip


def distinct_documents(documents: Sequence[Document]) -> list[int]:
    """The numbers of the documents whose headline is not their text."""
    return [n for n, d in enumerate(documents) if d.headline != d.text]


def kept_precision(vectors: Any) -> Any:
    """Vectors at the precision the cache keeps them in (match/stored.py), so that a run
    from the cache ranks exactly as the run that made it."""
    return vectors.astype("<f2").astype("<f4")


def bm25_indexes(documents: Sequence[Document], readings: Sequence[words.Reading],
                 distinct: Sequence[int]) -> tuple[Bm25, Bm25, Bm25]:  # fmt: skip
    """BM25 over text and headline, over texts, and over headlines: one index for the three
    when no document has a headline of its own. The others' text and headline are what
    `readings` read."""
    both = Bm25.built([r.stems for r in readings])
    if not distinct:
        return both, both, both
    own = frozenset(distinct)
    text = Bm25.built([words.read(d.text).stems if n in own else readings[n].stems
                       for n, d in enumerate(documents)])  # fmt: skip
    headline = Bm25.built([words.read(d.headline).stems if n in own else readings[n].stems
                           for n, d in enumerate(documents)])  # fmt: skip
    return both, text, headline


def plain_forms(
    documents: Sequence[Document], known: Callable[[int], list[int] | None] = lambda _: None
) -> tuple[Any, Any]:
    """Each document's plain forms (text, and text and headline) as hashes, ascending, with
    the document's number: same_text looks a text up among them. `known` gives a document's
    hashes where they are known already (None: made here)."""
    np = numpy()
    pairs = sorted(
        (hashed, number)
        for number, d in enumerate(documents)
        for hashed in (known(number) or [_hashed(form) for form in _plain_forms(d)])
    )
    return (np.asarray([h for h, _ in pairs], dtype=np.int64),
            np.asarray([n for _, n in pairs], dtype=np.int32))  # fmt: skip


def _plain_forms(document: Document) -> set[str]:
    """The text's plain form, and that of text and headline (the same text when the headline
    is the text, most of an archive: made once then)."""
    text = _plain(document.text)
    return {text} if document.headline == document.text else {text, _plain(document.both)}


def _hashed(form: str) -> int:
    digest = hashlib.blake2b(form.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
