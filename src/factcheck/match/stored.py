"""An index kept between runs in the folder's cache, so that a second `match` over the same
archive does not stem, count and embed every claim again (docs/match.md has the times).

It is stored under a key made of the cache's version (the tool, pydantic and every module's
source), the ranker's weights and every document's ID, text and headline, in order: any edit
of a claim, a filter that keeps other claims, or a new model makes another key. Like every
cache entry it is data behind a checksum (cache.py), never code: a JSON header, then raw
numpy arrays whose types, shapes and places the header gives and the reader checks. Anything
that does not check out is rebuilt, never trusted. Vectors are kept as float16 (the wheel's
own precision), half the size of the float32 they are used as.

Layout 2 keeps each thing once and reads little: a document whose headline is its text has one
vector (not three), and one BM25 index serves all three when no document has a headline of its
own; the readings are places in vocabularies, checked in one pass when the index is read and
made into words only for the candidates a query scores; each document's plain text is kept as
a hash, so that a query finds its same-text documents by search, not by reading every text.
Layout 4 keeps each token's document frequency (the weights follow from it), from which the
next index, after an edit, is brought up to date (updated.py); the key of the last index made
for a folder and filter is kept beside it (index_of).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar, overload

from factcheck.match.index import Bm25, Document, Index
from factcheck.text import words
from factcheck.text.embeddings import Embedder, numpy

if TYPE_CHECKING:
    from factcheck.folder.access import Folder

LAYOUT = b"match-index 4\n"
HEADER_SIZE = 12


KEY_SIZE = 32


def key(version: bytes, documents: Sequence[Document]) -> bytes:
    hasher = hashlib.blake2b(version, digest_size=KEY_SIZE)
    hasher.update(resources.files("factcheck.match").joinpath("model.json").read_bytes())
    for document in documents:
        for part in (document.id, document.text, document.headline):
            hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hasher.digest()


def encode(index: Index) -> list[bytes]:
    np = numpy()
    arrays: list[tuple[str, Any]] = []
    vocabularies: dict[str, list[str]] = {}
    for name, bm25 in _kept_bm25(index):
        stems = sorted(bm25.postings)
        vocabularies[name] = stems
        numbers = [bm25.postings[s][0] for s in stems]
        arrays.append((f"{name}.lengths", np.asarray([len(n) for n in numbers], dtype="<i8")))
        arrays.append((f"{name}.numbers", _joined(numbers, "<i4", np)))
        arrays.append((f"{name}.weights", _joined([bm25.postings[s][1] for s in stems], "<f8", np)))
    # A reading's stems are places in the BM25 vocabulary (which holds every one of them), its
    # figures and names places in vocabularies of their own: numbers checked in one pass.
    readings = list(index.readings)
    figures = sorted({f for r in readings for f in r.figures})
    names = sorted({n for r in readings for n in r.names})
    for part, vocabulary, values in (
        ("stems", vocabularies["both"], [r.stems for r in readings]),
        ("figures", figures, [sorted(r.figures) for r in readings]),
        ("names", names, [sorted(r.names) for r in readings]),
    ):
        places = {v: n for n, v in enumerate(vocabulary)}
        arrays.append((f"reading.{part}", np.asarray(
            [places[v] for value in values for v in value], dtype="<i4")))  # fmt: skip
        arrays.append((f"reading.{part}.ends", np.cumsum([len(v) for v in values], dtype="<i8")))
    # The documents, so that a run from a folder unchanged since this index was made needs
    # not load the folder to know them: their strings in one UTF-8 text, with where each ends
    # (in characters): an ID and a text each, and a headline for each of `distinct`.
    strings = [part for d in index.documents for part in (d.id, d.text)]
    strings += [index.documents[n].headline for n in index.distinct.tolist()]
    arrays.append(("documents", np.frombuffer(
        "".join(strings).encode("utf-8", "surrogatepass"), dtype="|u1")))  # fmt: skip
    arrays.append(("documents.ends", np.cumsum([len(x) for x in strings], dtype="<i8")))
    # each token's document frequency, which gives its weight: the next index, after an edit,
    # is brought up to date from it (match/updated.py)
    frequency = index.embedder.frequency
    if frequency is None:
        raise ValueError("an index's embedder is fitted on its documents")
    arrays.append(("token_frequency", frequency.astype("<i4")))
    arrays.append(("vectors", index.vectors.astype("<f2")))
    arrays.append(("distinct", index.distinct.astype("<i4")))
    arrays.append(("distinct_text", index.distinct_text.astype("<f2")))
    arrays.append(("distinct_headline", index.distinct_headline.astype("<f2")))
    arrays.append(("plain.hashes", index.plain[0].astype("<i8")))
    arrays.append(("plain.numbers", index.plain[1].astype("<i4")))
    layout, offset = [], 0
    for name, array in arrays:
        layout.append([name, array.dtype.str, list(array.shape), offset, array.nbytes])
        offset += array.nbytes
    header = {"size": len(index.documents), "vocabularies": vocabularies, "figures": figures,
              "names": names, "arrays": layout}  # fmt: skip
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return [LAYOUT, b"%0*d" % (HEADER_SIZE, len(text)), text,
            *(array.tobytes() for _, array in arrays)]  # fmt: skip


def _kept_bm25(index: Index) -> list[tuple[str, Bm25]]:
    """The BM25 indexes to keep: one when the three are one (no document has a headline of
    its own), else three."""
    if index.text is index.both and index.headline is index.both:
        return [("both", index.both)]
    return [("both", index.both), ("text", index.text), ("headline", index.headline)]


def decode(documents: Sequence[Document] | None, data: memoryview) -> Index | None:
    """The index encode stored for these documents (None: for the documents it holds); None
    for anything it would not write, or an index of other documents."""
    try:
        return _decode(documents, data)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, OverflowError,
            UnicodeDecodeError):  # fmt: skip
        return None


def _decode(given: Sequence[Document] | None, data: memoryview) -> Index | None:
    np = numpy()
    if bytes(data[: len(LAYOUT)]) != LAYOUT:
        return None
    start = len(LAYOUT) + HEADER_SIZE
    size = int(bytes(data[len(LAYOUT) : start]))
    header = json.loads(bytes(data[start : start + size]))
    count = header["size"]
    if not _sizes([count]) or (given is not None and count != len(given)):
        return None
    arrays = _arrays(header["arrays"], data[start + size :], np)
    if arrays is None:
        return None
    distinct = arrays["distinct"]
    if len(distinct) and (int(distinct.min()) < 0 or int(distinct.max()) >= count
                          or not bool((np.diff(distinct) > 0).all())):  # fmt: skip
        return None
    documents = _documents(arrays, count, distinct.tolist())
    if documents is None or (given is not None and documents != list(given)):
        return None
    vocabularies = header["vocabularies"]
    if type(vocabularies) is not dict or set(vocabularies) not in ({"both"}, _THREE):
        return None
    both, text, headline = (
        _bm25(count, _strings(vocabularies[name]), arrays, name, np)
        if name in vocabularies else None
        for name in ("both", "text", "headline")
    )  # fmt: skip
    assert both is not None
    readings = _Readings(
        _part(arrays, "stems", _strings(vocabularies["both"]), count, np),
        _part(arrays, "figures", _strings(header["figures"]), count, np),
        _part(arrays, "names", _strings(header["names"]), count, np),
    )
    vectors = arrays["vectors"].astype(np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != count:
        return None
    for name in ("distinct_text", "distinct_headline"):
        if arrays[name].shape != (len(distinct), vectors.shape[1]):
            return None
    hashes, numbers = arrays["plain.hashes"], arrays["plain.numbers"]
    if hashes.shape != numbers.shape or not _places(numbers, count, np):
        return None
    if not bool((hashes[1:] >= hashes[:-1]).all()):  # not np.diff: it would overflow
        return None
    frequency = arrays["token_frequency"]
    if frequency.shape != (Embedder.vocabulary_size(),) or not _places(frequency, count + 1, np):
        return None  # a document frequency is at most the number of documents
    embedder = Embedder.of_frequency(frequency.astype(np.int64), count)
    return Index(documents, readings, both, text or both, headline or both, embedder,
                 vectors, distinct, arrays["distinct_text"], arrays["distinct_headline"],
                 (hashes, numbers))  # fmt: skip


_THREE = {"both", "text", "headline"}


def _documents(arrays: dict[str, Any], count: int, distinct: list[int]) -> _Documents | None:
    """The documents encode kept: an ID and a text each, a headline for each distinct one
    (the text for the others); None when their places do not check out."""
    text = arrays["documents"].tobytes().decode("utf-8", "surrogatepass")
    ends = arrays["documents.ends"]
    if ends.shape != (2 * count + len(distinct),) or (len(ends) and int(ends[-1]) != len(text)):
        return None
    if len(ends) and (int(ends[0]) < 0 or not bool((ends[1:] >= ends[:-1]).all())):
        return None
    starts = [0, *ends.tolist()]
    strings = [text[a:b] for a, b in itertools.pairwise(starts)]
    headlines = dict(zip(distinct, strings[2 * count :], strict=True))
    if any(headline == strings[2 * n + 1] for n, headline in headlines.items()):
        return None  # a distinct document has a headline of its own (the others, their text)
    return _Documents(strings[: 2 * count], headlines)


T = TypeVar("T")


class _MadeWhenAsked(Sequence[T]):
    """A sequence whose items are made from the stored arrays when one is asked for: a query
    reads the few documents it shows and the readings of its candidates, not the archive's.
    A subclass says how many there are and how to make the item at a place."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _make(self, number: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, number: int) -> T: ...
    @overload
    def __getitem__(self, number: slice) -> list[T]: ...
    def __getitem__(self, number: int | slice) -> T | list[T]:
        if isinstance(number, slice):
            return [self[n] for n in range(len(self))[number]]
        return self._make(range(len(self))[number])  # an IndexError out of range, as a list's


class _Documents(_MadeWhenAsked[Document]):
    """A stored index's documents: making all 50,000 took 30 ms of a warm `match`, which
    shows a few. Their IDs are at hand (`ids`)."""

    def __init__(self, strings: list[str], headlines: dict[int, str]) -> None:
        self._strings, self._headlines = strings, headlines
        self.ids = strings[0::2]

    def __len__(self) -> int:
        return len(self.ids)

    def longer_than(self, limit: int) -> int:
        """Document.both's length, counted from the stored strings (index.Measured)."""
        bodies = self._strings[1::2]
        long = sum(1 for body in bodies if len(body) > limit)
        return long + sum(
            1
            for n, headline in self._headlines.items()
            if len(bodies[n]) <= limit < len(bodies[n]) + 1 + len(headline)
        )

    def _make(self, number: int) -> Document:
        body = self._strings[2 * number + 1]
        return Document(self.ids[number], body, self._headlines.get(number, body))

    def __iter__(self) -> Iterator[Document]:
        headlines = self._headlines
        for number, (name, body) in enumerate(zip(self.ids, self._strings[1::2], strict=True)):
            yield Document(name, body, headlines.get(number, body))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def document_ids(documents: Sequence[Document]) -> Sequence[str]:
    """The documents' IDs, in order, without making each document of a stored index."""
    return documents.ids if isinstance(documents, _Documents) else [d.id for d in documents]


def _arrays(layout: Any, body: memoryview, np: Any) -> dict[str, Any] | None:
    """The arrays the header places in the body, each checked against its type, size and
    place; None when one does not check out."""
    arrays = {}
    for name, dtype, shape, offset, nbytes in layout:
        if dtype not in _DTYPES or not _sizes([*shape, offset, nbytes]):
            return None
        count = math.prod(shape)
        if np.dtype(dtype).itemsize * count != nbytes or offset + nbytes > len(body):
            return None
        arrays[name] = np.frombuffer(body, dtype=dtype, count=count, offset=offset).reshape(shape)
        if arrays[name].dtype.kind == "f" and not np.isfinite(arrays[name]).all():
            return None  # a NaN or an infinity would change every ranking it touched
    return arrays


def _places(values: Any, size: int, np: Any) -> bool:
    return not len(values) or (int(values.min()) >= 0 and int(values.max()) < size)


def _part(arrays: dict[str, Any], part: str, vocabulary: list[str], count: int,
          np: Any) -> tuple[list[str], Any, Any]:  # fmt: skip
    """One part of every reading (stems, figures or names): places in its vocabulary, and
    where each document's end, all checked here so that reading one later cannot fail."""
    values, ends = arrays[f"reading.{part}"], arrays[f"reading.{part}.ends"]
    if ends.shape != (count,) or not _places(values, len(vocabulary), np):
        raise ValueError(f"the readings' {part} do not fit their vocabulary")
    if count and (int(ends[-1]) != len(values) or int(ends[0]) < 0
                  or not bool((np.diff(ends) >= 0).all())):  # fmt: skip
        raise ValueError(f"the readings' {part} are out of place")
    if not count and len(values):
        raise ValueError(f"the readings' {part} belong to no document")
    return vocabulary, values, ends


class _Readings(_MadeWhenAsked[words.Reading]):
    """Each document's reading, made from the stored places the first time it is asked for."""

    def __init__(self, stems: tuple[list[str], Any, Any], figures: tuple[list[str], Any, Any],
                 names: tuple[list[str], Any, Any]) -> None:  # fmt: skip
        self._parts = (stems, figures, names)
        self._made: dict[int, words.Reading] = {}

    def __len__(self) -> int:
        return len(self._parts[0][2])

    def _make(self, number: int) -> words.Reading:
        found = self._made.get(number)
        if found is None:
            stems, figures, names = (self._values(part, number) for part in self._parts)
            found = self._made[number] = words.Reading(stems, frozenset(figures),
                                                       frozenset(names))  # fmt: skip
        return found

    @staticmethod
    def _values(part: tuple[list[str], Any, Any], number: int) -> list[str]:
        vocabulary, values, ends = part
        first = int(ends[number - 1]) if number else 0
        return [vocabulary[v] for v in values[first : int(ends[number])].tolist()]

    def __iter__(self) -> Iterator[words.Reading]:
        """Every reading, made at once: an index brought up to date after an edit reads them
        all (0.36 s one by one at 50k claims)."""
        every = [self._every(part) for part in self._parts]
        for number, (stems, figures, names) in enumerate(zip(*every, strict=True)):
            found = self._made.get(number)
            if found is None:
                found = words.Reading(stems, frozenset(figures), frozenset(names))
            yield found

    @staticmethod
    def _every(part: tuple[list[str], Any, Any]) -> list[list[str]]:
        vocabulary, values, ends = part
        np = numpy()
        words_of = np.empty(len(vocabulary), dtype=object)  # not asarray: it would split lists
        words_of[:] = vocabulary
        strings = words_of[values].tolist()
        starts = [0, *ends.tolist()]
        return [strings[a:b] for a, b in itertools.pairwise(starts)]


# The types encode writes; anything else (an object array above all) is refused unread.
_DTYPES = frozenset({"<f2", "<f4", "<f8", "<i4", "<i8", "|u1", "float16", "float32", "float64",
                     "int32", "int64", "uint8"})  # fmt: skip


def _sizes(values: list[Any]) -> bool:
    return all(type(v) is int and 0 <= v < 2**40 for v in values)


def _bm25(size: int, stems: list[str], arrays: dict[str, Any], name: str, np: Any) -> Bm25:
    lengths = arrays[f"{name}.lengths"]
    numbers, weights = arrays[f"{name}.numbers"], arrays[f"{name}.weights"]
    total = int(lengths.sum())
    if len(lengths) != len(stems) or total != len(numbers) or total != len(weights):
        raise ValueError("postings do not fit their vocabulary")
    if not _places(numbers, size, np):
        raise ValueError("a posting names no document")
    if len(weights) and float(weights.min()) < 0:
        raise ValueError("a negative term weight")
    if len(lengths) and int(lengths.min()) < 0:
        raise ValueError("a posting of negative length")  # it would cut another's
    return Bm25(size, _Postings(stems, np.cumsum(lengths).tolist(), numbers, weights))


class _Postings(Mapping[str, tuple[Any, Any]]):
    """A stored index's postings, each cut from the stored arrays when a query asks for its
    word: cutting all of them took 30 ms of a warm `match` at 50k claims, for the few words a
    query has. The arrays are checked whole when the index is read (_bm25)."""

    def __init__(self, stems: list[str], ends: list[int], numbers: Any, weights: Any) -> None:
        self._place = dict(zip(stems, range(len(stems)), strict=True))
        self._ends, self._numbers, self._weights = ends, numbers, weights

    def __getitem__(self, stem: str) -> tuple[Any, Any]:
        n = self._place[stem]
        start, end = self._ends[n - 1] if n else 0, self._ends[n]
        return self._numbers[start:end], self._weights[start:end]

    def __iter__(self) -> Iterator[str]:
        return iter(self._place)

    def __len__(self) -> int:
        return len(self._place)


def _joined(parts: list[Any], dtype: str, np: Any) -> Any:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _strings(values: Any) -> list[str]:
    if type(values) is not list or any(type(v) is not str for v in values):
        raise TypeError("expected a list of strings")
    return values


def index_of(
    folder: Folder, documents: Sequence[Document], question: bytes = b""
) -> tuple[Index, bytes | None]:
    """The index of these documents and the key it is kept under (None without a cache): the
    one the folder's cache keeps for them (under a key of the cache's version and every
    document), else the last one kept for the same question brought up to date
    (match/updated.py), else built; kept, and named the question's last."""
    if folder.cache is None:
        return Index.built(documents), None
    key_now = key(folder.cache.version, documents)
    kept = folder.derived("match", key_now)
    index = None if kept is None else decode(documents, kept)
    if index is not None:
        folder.keep_latest("match", question, key_now, None)
        return index, key_now
    previous = folder.latest("match", question)
    index = None if previous is None else kept_index(folder, previous)
    if index is None:
        index = Index.built(documents)
    else:
        from factcheck.match.updated import updated

        index = updated(index, documents)
    folder.keep_latest("match", question, key_now, encode(index))  # the previous one goes
    return index, key_now


def kept_index(folder: Folder, key_kept: bytes) -> Index | None:
    """The index kept under this key, with the documents it holds; None when there is none
    or it does not check out."""
    data = folder.derived("match", key_kept)
    return None if data is None else decode(None, data)
