"""Static word embeddings: a text's vector is the IDF-weighted mean of its tokens' vectors.

The vectors are WordLlama's `l2_supercat` (MIT): 32,000 tokens of Llama 2's vocabulary, 256
dimensions, 16 MB in float16, shipped inside the `wordllama` wheel with its tokenizer. They are
read here from those files with numpy and `tokenizers`; `WordLlama.load()` is not used, since
it looks in a download cache first and then asks the network. Nothing here opens a socket.

Weighting each token by its inverse document frequency in the archive (rare words count more)
beat the plain mean on the training queries; see docs/match.md.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import mmap
import struct
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.text import MissingExtra
from factcheck.text.bpe import Table

if TYPE_CHECKING:
    from numpy.typing import NDArray

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
DIMENSIONS = 256
WIDEN_ALL_FROM = 256  # texts embedded at once, from which every vector is widened first
# Texts tokenized at once from which the tokenizer's thread pool is used: starting it cost a
# one-text query 30 ms of wall clock and more of CPU, for the same tokens.
BATCH_FROM = 64
# Texts tokenized at once up to which the table kept for queries is used (bpe.py)
BY_TABLE_UP_TO = 8


class Embedder:
    """Texts to unit vectors, with token weights fitted on an archive's documents."""

    def __init__(self, weights: NDArray[Any], frequency: NDArray[Any] | None = None) -> None:
        self._vectors = _vectors()
        if weights.shape != (self._vectors.shape[0],):
            raise ValueError("token weights do not fit the vocabulary")
        self.weights = weights
        # of an embedder fitted on an archive: in how many documents each token is
        self.frequency = frequency
        # the merges, kept, that tokenize a query without building the tokenizer (bpe.py)
        self.table: Table | None = None

    @classmethod
    def of_frequency(cls, frequency: NDArray[Any], total: int) -> Embedder:
        """Weights from the archive: log((N + 1) / (df + 1)) + 1 per token, from each token's
        document frequency (int) in an archive of `total` documents."""
        np = numpy()
        weights = np.log((total + 1) / (frequency.astype(np.float64) + 1)) + 1
        return cls(weights.astype(np.float32), frequency)

    @staticmethod
    def vocabulary_size() -> int:
        return int(_vectors().shape[0])

    @classmethod
    def fitted(cls, documents: Sequence[str]) -> Embedder:
        """Weights from the archive: log((N + 1) / (df + 1)) + 1 per token."""
        return cls.fitted_with_vectors(documents)[0]

    @classmethod
    def fitted_with_vectors(cls, documents: Sequence[str]) -> tuple[Embedder, NDArray[Any]]:
        """The embedder fitted on the documents, and their vectors (embed's): each document
        tokenized once for both, where fitting then embedding took 1 s more at 50k claims."""
        vectors = _vectors()
        counted_tokens = counted(documents)
        fitted = cls.of_frequency(frequencies(counted_tokens, vectors.shape[0]), len(documents))
        return fitted, fitted._embedded(counted_tokens)

    def token_ids(self, texts: Sequence[str]) -> list[NDArray[Any]]:
        return _token_ids(texts)

    def embed(self, texts: Sequence[str]) -> NDArray[Any]:
        """One unit vector a text (zeros for a text with no token), float32."""
        return self._embedded(counted(texts, self.table))

    def _embedded(self, counted: list[tuple[NDArray[Any], NDArray[Any]]]) -> NDArray[Any]:
        np = numpy()
        out = np.zeros((len(counted), DIMENSIONS), dtype=np.float32)
        # An archive widens every vector once (32 MB); a query only its own tokens' rows, as
        # widening all 32,000 at each start cost 30 ms. The same float32 numbers either way.
        widened = self._vectors.astype(np.float32) if len(counted) > WIDEN_ALL_FROM else None
        for row, (unique, counts) in enumerate(counted):
            if len(unique):
                # Each distinct token once, weighted by its count: the same mean, in memory
                # bounded by the vocabulary, not the text (a 5 MB text asked for 2.4 GiB).
                weights = self.weights[unique] * counts
                if widened is None:
                    rows = self._vectors[unique].astype(np.float32)
                else:
                    rows = widened[unique]
                out[row] = weights @ rows / weights.sum()
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)  # type: ignore[no-any-return]


def frequencies(counted: list[tuple[NDArray[Any], NDArray[Any]]], size: int) -> NDArray[Any]:
    """In how many of the texts each of `size` tokens is (int64)."""
    np = numpy()
    every = [unique for unique, _ in counted]
    flat = np.concatenate(every) if every else np.zeros(0, dtype=np.int64)
    return np.bincount(flat, minlength=size)  # type: ignore[no-any-return]


def pieces(ids: Sequence[int]) -> list[str | None]:
    """What text each token stands for, as the tokenizer's normalized form has it (a space
    is "▁"); None for a byte a character was spelt in and a special token, which stand for
    no piece of it."""
    tokenizer = _tokenizer()
    found: list[str | None] = []
    for number in ids:
        piece = tokenizer.id_to_token(number)
        special = piece is None or (piece.startswith("<") and piece.endswith(">"))
        found.append(None if special else piece)
    return found


def normalized(text: str) -> str:
    """The text as the tokenizer reads it before cutting it into tokens (its normalizer:
    "▁" prepended and for each space), cut where embedding cuts it: every token of the text
    is a piece of this."""
    head = text[:MAX_EMBEDDED]
    return "▁" + head.replace(" ", "▁") if head else ""


def _token_ids(texts: Sequence[str], table: Table | None = None) -> list[NDArray[Any]]:
    """Each text's tokens: by the table where it reads the text (a query), else by the
    library's tokenizer, one text at a time or, from BATCH_FROM, in its thread pool."""
    np = numpy()
    if len(texts) >= BATCH_FROM:
        encoded = _tokenizer().encode_batch(_heads(texts), add_special_tokens=False)
        return [np.asarray(e.ids, dtype=np.int64) for e in encoded]
    if len(texts) > BY_TABLE_UP_TO:
        table = None  # about 1 ms a text by the table: past a few, building the tokenizer pays
    found = []
    for text in _heads(texts):
        ids = None if table is None else table.encode(text)
        if ids is None:
            ids = _tokenizer().encode(text, add_special_tokens=False).ids
        found.append(np.asarray(ids, dtype=np.int64))
    return found


def counted(
    texts: Sequence[str], table: Table | None = None
) -> list[tuple[NDArray[Any], NDArray[Any]]]:
    """Each text's distinct tokens, ascending, and how often each occurs: np.unique of each
    text's tokens, made in one call over all of them (one call a text took 0.5 s at 50k
    claims), by sorting (text, token) keys."""
    np = numpy()
    ids = _token_ids(texts, table)
    lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    if not lengths.sum():
        return [(i, np.zeros(0, dtype=np.intp)) for i in ids]
    flat = np.concatenate(ids)
    span = int(flat.max()) + 1
    owners = np.repeat(np.arange(len(ids), dtype=np.int64), lengths)
    keys, counts = np.unique(owners * span + flat, return_counts=True)
    ends = np.searchsorted(keys // span, np.arange(len(ids) + 1))
    tokens = keys % span
    return [(tokens[a:b], counts[a:b]) for a, b in itertools.pairwise(ends.tolist())]


# A claim's meaning is read from its first this many characters: the tokenizer took 10 s over
# one 3.7 MB claim, and no claim or post is longer (callers say when one is cut).
MAX_EMBEDDED = 20_000


def _heads(texts: Sequence[str]) -> list[str]:
    return [text[:MAX_EMBEDDED] for text in texts]


def numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise MissingExtra("numpy") from None
    return numpy


@functools.cache
def _vectors() -> NDArray[Any]:
    """The vectors (float16, as the wheel has them), mapped from the wordllama wheel's file."""
    np = numpy()
    package = _package_files("wordllama")
    return _safetensors_matrix(_mapped(package.joinpath(WEIGHTS)), "embedding.weight", np)


def tokenizer_file() -> Any:
    """The wordllama wheel's tokenizer file (a Path where the package is on disk)."""
    return _package_files("wordllama").joinpath(TOKENIZER)


@functools.cache
def _tokenizer() -> Any:
    """The library's tokenizer, built from the wordllama wheel's file (30-40 ms)."""
    try:
        from tokenizers import Tokenizer
    except ImportError:
        raise MissingExtra("wordllama") from None
    config = tokenizer_file()
    if isinstance(config, Path):  # read by the tokenizer: 7 ms less than a str
        tokenizer = Tokenizer.from_file(str(config))
    else:  # pragma: no cover - a package in a zip
        tokenizer = Tokenizer.from_str(config.read_text(encoding="utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def _package_files(name: str) -> Any:
    """Where an installed package's files are, found without importing it: importing
    wordllama imports requests and sets up the root logger, 40 ms of start-up and a side
    effect for files we only read."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None:
        raise MissingExtra(name)
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return resources.files(name)  # pragma: no cover - a package in a zip


def _mapped(file: Any) -> bytes | mmap.mmap:
    """A file's bytes, mapped rather than read where it is on disk: a query touches only its
    own tokens' rows of the 16 MB of vectors (reading them all took 8 ms at every start)."""
    if not isinstance(file, Path):  # pragma: no cover - a package in a zip
        return bytes(file.read_bytes())
    with file.open("rb") as opened:
        return mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ)


def _safetensors_matrix(raw: bytes | mmap.mmap, name: str, np: Any) -> NDArray[Any]:
    """One float16 tensor of a safetensors file (an 8-byte header size, a JSON header giving
    each tensor's type, shape and byte range, then the data), as it is there: a query widens
    the rows of its own tokens to float32 (Embedder.embed), where widening all 32,000 rows at
    every start took 30 ms or more, and gives the same numbers."""
    (size,) = struct.unpack("<Q", raw[:8])
    entry = json.loads(raw[8 : 8 + size])[name]
    if entry["dtype"] != "F16" or len(entry["shape"]) != 2:
        raise ValueError(f"{name}: expected a float16 matrix, found {entry['dtype']}")
    start, end = entry["data_offsets"]
    rows, columns = entry["shape"]
    if end - start != rows * columns * 2 or math.prod(entry["shape"]) == 0:
        raise ValueError(f"{name}: the data does not fit the shape")
    data = np.frombuffer(raw, dtype="<f2", count=rows * columns, offset=8 + size + start)
    return data.reshape(rows, columns)  # type: ignore[no-any-return]
