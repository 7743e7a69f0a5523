"""An index kept between runs in the folder's cache, so that a second `match` over the same
archive does not stem, count and embed every claim again (docs/match.md has the times).

It is stored under a key made of the cache's version (the tool, pydantic and every module's
source), the ranker's weights and every document's ID, text and headline, in order: any edit
of a claim, a filter that keeps other claims, or a new model makes another key. Like every
cache entry it is data behind a checksum (cache.py), never code: a JSON header, then raw
numpy arrays whose types, shapes and places the header gives and the reader checks. Anything
that does not check out is rebuilt, never trusted. Vectors are kept as float16 (the wheel's
own precision), half the size of the float32 they are used as.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from factcheck.match.index import Bm25, Document, Index
from factcheck.text import words
from factcheck.text.embeddings import Embedder, numpy

if TYPE_CHECKING:
    from factcheck.folder.access import Folder

LAYOUT = b"match-index 1\n"
HEADER_SIZE = 12


def key(version: bytes, documents: Sequence[Document]) -> bytes:
    hasher = hashlib.blake2b(version, digest_size=32)
    hasher.update(resources.files("factcheck.match").joinpath("model.json").read_bytes())
    for document in documents:
        for part in (document.id, document.text, document.headline):
            hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hasher.digest()


def encode(index: Index) -> list[bytes]:
    np = numpy()
    arrays: list[tuple[str, Any]] = []
    vocabularies = []
    for name, bm25 in (("both", index.both), ("text", index.text), ("headline", index.headline)):
        stems = sorted(bm25.postings)
        vocabularies.append(stems)
        numbers = [bm25.postings[s][0] for s in stems]
        arrays.append((f"{name}.lengths", np.asarray([len(n) for n in numbers], dtype="<i8")))
        arrays.append((f"{name}.numbers", _joined(numbers, "<i4", np)))
        arrays.append((f"{name}.weights", _joined([bm25.postings[s][1] for s in stems], "<f8", np)))
    arrays.append(("token_weights", index.embedder.weights.astype("<f4")))
    for name in ("vectors", "text_vectors", "headline_vectors"):
        arrays.append((name, getattr(index, name).astype("<f2")))
    layout, offset = [], 0
    for name, array in arrays:
        layout.append([name, array.dtype.str, list(array.shape), offset, array.nbytes])
        offset += array.nbytes
    header = {
        "size": len(index.documents),
        "vocabularies": vocabularies,
        "readings": [[r.stems, sorted(r.figures), sorted(r.names)] for r in index.readings],
        "arrays": layout,
    }
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return [LAYOUT, b"%0*d" % (HEADER_SIZE, len(text)), text,
            *(array.tobytes() for _, array in arrays)]  # fmt: skip


def decode(documents: Sequence[Document], data: memoryview) -> Index | None:
    """The index encode stored for these documents; None for anything it would not write."""
    try:
        return _decode(documents, data)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, OverflowError):
        return None


def _decode(documents: Sequence[Document], data: memoryview) -> Index | None:
    np = numpy()
    if bytes(data[: len(LAYOUT)]) != LAYOUT:
        return None
    start = len(LAYOUT) + HEADER_SIZE
    size = int(bytes(data[len(LAYOUT) : start]))
    header = json.loads(bytes(data[start : start + size]))
    body = data[start + size :]
    if header["size"] != len(documents) or len(header["readings"]) != len(documents):
        return None
    arrays = {}
    for name, dtype, shape, offset, nbytes in header["arrays"]:
        if dtype not in _DTYPES or not _sizes([*shape, offset, nbytes]):
            return None
        count = math.prod(shape)
        if np.dtype(dtype).itemsize * count != nbytes or offset + nbytes > len(body):
            return None
        arrays[name] = np.frombuffer(body, dtype=dtype, count=count, offset=offset).reshape(shape)
        if arrays[name].dtype.kind == "f" and not np.isfinite(arrays[name]).all():
            return None  # a NaN or an infinity would change every ranking it touched
    readings = [
        words.Reading(_strings(stems), frozenset(_strings(figures)), frozenset(_strings(names)))
        for stems, figures, names in header["readings"]
    ]
    both, text, headline = (
        _bm25(len(documents), stems, arrays, name, np)
        for name, stems in zip(("both", "text", "headline"), header["vocabularies"], strict=True)
    )
    vectors, text_vectors, headline_vectors = (
        arrays[n].astype(np.float32) for n in ("vectors", "text_vectors", "headline_vectors")
    )
    for found in (vectors, text_vectors, headline_vectors):
        if found.shape != (len(documents), vectors.shape[1]):
            return None
    embedder = Embedder(arrays["token_weights"].astype(np.float32))
    return Index(list(documents), readings, both, text, headline, embedder, vectors,
                 text_vectors, headline_vectors)  # fmt: skip


# The types encode writes; anything else (an object array above all) is refused unread.
_DTYPES = frozenset({"<f2", "<f4", "<f8", "<i4", "<i8", "float16", "float32", "float64", "int32",
                     "int64"})  # fmt: skip


def _sizes(values: list[Any]) -> bool:
    return all(type(v) is int and 0 <= v < 2**40 for v in values)


def _bm25(size: int, stems: list[str], arrays: dict[str, Any], name: str, np: Any) -> Bm25:
    lengths = arrays[f"{name}.lengths"]
    numbers, weights = arrays[f"{name}.numbers"], arrays[f"{name}.weights"]
    total = int(lengths.sum())
    if len(lengths) != len(_strings(stems)) or total != len(numbers) or total != len(weights):
        raise ValueError("postings do not fit their vocabulary")
    if len(numbers) and (int(numbers.min()) < 0 or int(numbers.max()) >= size):
        raise ValueError("a posting names no document")
    if len(weights) and float(weights.min()) < 0:
        raise ValueError("a negative term weight")
    ends = np.cumsum(lengths)
    postings = {}
    for stem, end, length in zip(stems, ends.tolist(), lengths.tolist(), strict=True):
        postings[stem] = (numbers[end - length : end], weights[end - length : end])
    return Bm25(size, postings)


def _joined(parts: list[Any], dtype: str, np: Any) -> Any:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _strings(values: Any) -> list[str]:
    if type(values) is not list or any(type(v) is not str for v in values):
        raise TypeError("expected a list of strings")
    return values


def index_of(folder: Folder, documents: Sequence[Document]) -> Index:
    """The index of these documents: the one the folder's cache keeps for them (under a key
    of the cache's version and every document), else built and kept. The command asks for
    an index; how it is kept is decided here (issue 29: no command reads the cache itself)."""
    if folder.cache is None:
        return Index.built(documents)
    key_now = key(folder.cache.version, documents)
    kept = folder.derived("match", key_now)
    index = None if kept is None else decode(documents, kept)
    if index is None:
        index = Index.built(documents)
        folder.keep_derived("match", key_now, encode(index))
    return index
