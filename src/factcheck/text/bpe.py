"""A query's tokens without building the tokenizer: the same byte-pair merges as the
`tokenizers` library, read from a compact table.

Building the library's tokenizer from WordLlama's file takes 30-40 ms at every start (its
61,249 merges), the most of what a warm `match` on a small archive pays beyond start-up
(docs/performance.md). A query is one short text: merging its symbols here, with the merges
kept as sorted numpy arrays that load in a millisecond, gives the same tokens. The table is
made from the tokenizer's own file only when that file is the kind read here (Llama 2's:
"▁" prepended and for each space, no pre-tokenizer, BPE with byte fallback, no dropout), and
`encode` gives None for what it does not read (an added token such as "<s>", a long text),
where the library is asked. tests/text/test_bpe.py holds the two to the same tokens.

The algorithm is the library's (BPE `Word::merge_all`): a character is its token, or the
tokens of its UTF-8 bytes ("<0xE2>") when it has none; then, again and again, the adjacent
pair whose merge ranks first, the leftmost of equals, becomes the pair's token, until no pair
has a merge.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.text import MissingExtra

if TYPE_CHECKING:
    from numpy.typing import NDArray

# Longer texts go to the library: each merge here scans the whole text (quadratic), where
# the library's queue does not; a query is a sentence or two.
MAX_CHARACTERS = 500
LAYOUT = b"bpe 1\n"
_ADDED = ("<unk>", "<s>", "</s>")
_SPACE = "\u2581"


@dataclass(frozen=True)
class Table:
    """The merges (the pair as left * size + right, sorted, with each one's rank and the
    token it makes), each single character's token (by code point, sorted), and each byte's."""

    size: int  # of the vocabulary
    pairs: NDArray[Any]  # int64, ascending
    ranks: NDArray[Any]  # int32
    merged: NDArray[Any]  # int32
    characters: NDArray[Any]  # int64 code points, ascending
    character_ids: NDArray[Any]  # int32
    byte_ids: NDArray[Any]  # int32, 256

    def encode(self, text: str) -> list[int] | None:
        """The text's tokens as the library gives them (add_special_tokens=False); None when
        the library must be asked."""
        if len(text) > MAX_CHARACTERS or any(added in text for added in _ADDED):
            return None
        if not text:
            return []
        symbols = self._symbols(_SPACE + text.replace(" ", _SPACE))
        return self._merged(symbols)

    def _symbols(self, normalized: str) -> list[int]:
        np = _numpy()
        codes = np.fromiter(map(ord, normalized), dtype=np.int64, count=len(normalized))
        at = np.searchsorted(self.characters, codes)
        at[at == len(self.characters)] = 0
        known = self.characters[at] == codes
        ids = self.character_ids[at].tolist()
        symbols: list[int] = []
        for n, character in enumerate(normalized):
            if known[n]:
                symbols.append(ids[n])
            else:  # byte fallback: the character's UTF-8 bytes, each its own token
                symbols += [int(self.byte_ids[b]) for b in character.encode("utf-8")]
        return symbols

    def _merged(self, symbols: list[int]) -> list[int]:
        np = _numpy()
        tokens = np.asarray(symbols, dtype=np.int64)
        last = len(self.pairs) - 1
        while len(tokens) > 1:
            keys = tokens[:-1] * self.size + tokens[1:]
            at = np.minimum(np.searchsorted(self.pairs, keys), last)
            found = self.pairs[at] == keys
            if not found.any():
                break
            ranks = np.where(found, self.ranks[at], np.iinfo(np.int32).max)
            best = int(np.argmin(ranks))  # the first of equal ranks: the leftmost pair
            tokens = np.concatenate((tokens[:best], [self.merged[at[best]]], tokens[best + 2 :]))
        return [int(t) for t in tokens]

    def to_bytes(self) -> list[bytes]:
        """The table as kept: LAYOUT, a JSON line of the counts, then the arrays,
        little-endian."""
        counts = {"size": self.size, "pairs": len(self.pairs), "characters": len(self.characters)}
        head = json.dumps(counts, sort_keys=True).encode() + b"\n"
        arrays = (self.pairs, self.ranks, self.merged, self.characters, self.character_ids,
                  self.byte_ids)  # fmt: skip
        return [LAYOUT, head, *(_little(a).tobytes() for a in arrays)]

    @classmethod
    def from_bytes(cls, view: memoryview | bytes) -> Table | None:
        """A table as to_bytes kept it; None for anything else (the bytes passed the cache's
        checksum, but nothing read from disk is taken on trust: a token outside the
        vocabulary would index past the vectors)."""
        np = _numpy()
        raw = bytes(view)
        if not raw.startswith(LAYOUT):
            return None
        line_end = raw.find(b"\n", len(LAYOUT))
        try:
            counts = json.loads(raw[len(LAYOUT) : line_end])
            size, pairs, characters = counts["size"], counts["pairs"], counts["characters"]
        except (ValueError, TypeError, KeyError):
            return None
        if not all(type(n) is int and 0 < n < 2**24 for n in (size, pairs, characters)):
            return None
        shapes = [("<i8", pairs), ("<i4", pairs), ("<i4", pairs), ("<i8", characters),
                  ("<i4", characters), ("<i4", 256)]  # fmt: skip
        if len(raw) - line_end - 1 != sum(np.dtype(d).itemsize * n for d, n in shapes):
            return None
        arrays, offset = [], line_end + 1
        for dtype, count in shapes:
            arrays.append(np.frombuffer(raw, dtype=dtype, count=count, offset=offset))
            offset += np.dtype(dtype).itemsize * count
        table = cls(size, *arrays)
        return table if table._sound() else None

    def _sound(self) -> bool:
        np = _numpy()
        ids = (self.merged, self.character_ids, self.byte_ids)
        if any(len(a) and (a.min() < 0 or a.max() >= self.size) for a in ids):
            return False
        ascending = [self.pairs, self.characters]
        if any(len(a) > 1 and not bool(np.all(a[1:] > a[:-1])) for a in ascending):
            return False
        return bool(len(self.pairs) == 0 or (self.pairs.min() >= 0
                                              and self.pairs.max() < self.size**2))  # fmt: skip


def from_tokenizer(config: bytes) -> Table | None:
    """The table of a `tokenizers` file, when it is one this module reads as the library
    does (Llama 2's kind, above); None otherwise."""
    np = _numpy()
    try:
        found = json.loads(config)
        model = found["model"]
        if not _readable(found, model):
            return None
        vocabulary: dict[str, int] = model["vocab"]
        merges: Sequence[Any] = model["merges"]
        size = len(vocabulary)
        if sorted(vocabulary.values()) != list(range(size)):
            return None
        pairs, merged = [], []
        for merge in merges:
            left, right = merge.split(" ") if isinstance(merge, str) else merge
            pairs.append(vocabulary[left] * size + vocabulary[right])
            merged.append(vocabulary[left + right])
        byte_ids = [vocabulary[f"<0x{b:02X}>"] for b in range(256)]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if len(set(pairs)) != len(pairs):
        return None  # the library keeps one rank a pair
    order = np.argsort(np.asarray(pairs, dtype=np.int64), kind="stable")
    singles = sorted((ord(token), number) for token, number in vocabulary.items()
                     if len(token) == 1)  # fmt: skip
    return Table(
        size,
        np.asarray(pairs, dtype=np.int64)[order],
        order.astype(np.int32),  # a merge's rank is its place in the file
        np.asarray(merged, dtype=np.int32)[order],
        np.asarray([c for c, _ in singles], dtype=np.int64),
        np.asarray([n for _, n in singles], dtype=np.int32),
        np.asarray(byte_ids, dtype=np.int32),
    )


def _readable(found: dict[str, Any], model: dict[str, Any]) -> bool:
    """Whether the tokenizer is the kind `encode` reads as the library does."""
    normalizer = {"type": "Sequence", "normalizers": [
        {"type": "Prepend", "prepend": _SPACE},
        {"type": "Replace", "pattern": {"String": " "}, "content": _SPACE}]}  # fmt: skip
    added = sorted(a.get("content") for a in found.get("added_tokens") or [])
    return (
        found.get("normalizer") == normalizer
        and found.get("pre_tokenizer") is None
        and added == sorted(_ADDED)
        and model.get("type") == "BPE"
        and model.get("dropout") is None
        and model.get("byte_fallback") is True
        and model.get("continuing_subword_prefix") is None
        and model.get("end_of_word_suffix") is None
        and not model.get("ignore_merges")
    )


def _little(array: NDArray[Any]) -> NDArray[Any]:
    return array.byteswap() if sys.byteorder == "big" else array


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise MissingExtra("numpy") from None
    return numpy
