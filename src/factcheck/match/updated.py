"""An index brought up to date from the one made before an edit, bit for bit the index that
would be built afresh (a test holds the two to the same stored bytes), doing again only what
the edit changed.

What a document is read as (its stems, figures and names) and its plain forms depend on its
text alone: a document whose text and headline the previous index held takes them from it.
Its vector depends on its tokens' weights too, which come from the whole archive: log((N + 1)
/ (df + 1)) + 1, df the number of documents a token is in. With N unchanged, the frequencies
are brought up to date from the documents that came and went; a token whose weight then
changed is in no document whose normalized text lacks the token's piece, so a document kept
whose text holds no changed token's piece keeps its vector, and every other is embedded
again. When N changed, every weight changed: every vector is made again. BM25 is made again
whole from the readings (its average length moves with any edit; numpy makes it in 0.13 s at
50k claims).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from factcheck.match.index import (
    Document,
    Index,
    distinct_documents,
    kept_precision,
    plain_forms,
)
from factcheck.text import embeddings, words
from factcheck.text.embeddings import Embedder, numpy

# More tokens than this whose weight changed: every document is embedded again, since looking
# for each one's piece in every text would cost as much (an edit changes a handful).
MOST_CHANGED = 64


def updated(previous: Index, documents: Sequence[Document]) -> Index:
    """The index of `documents`, from `previous` where it holds the same texts."""
    had = [(d.text, d.headline) for d in previous.documents]
    before: dict[tuple[str, str], int] = {}
    for number, text_and_headline in enumerate(had):
        before.setdefault(text_and_headline, number)
    found = [before.get((d.text, d.headline)) for d in documents]
    read = list(previous.readings)
    readings = [
        read[old] if old is not None else words.read(d.both)
        for d, old in zip(documents, found, strict=True)
    ]
    texts = [d.both for d in documents]
    refitted = _refitted(previous, had, documents)
    if refitted is None:  # every weight changed: every vector is made again
        embedder, made = Embedder.fitted_with_vectors(texts)
        stale, vectors = _Stale(None), kept_precision(made)
    else:
        embedder, stale = refitted
        vectors = _vectors(previous.vectors, texts, found, embedder, stale)
    distinct = distinct_documents(documents)
    own = {int(old): place for place, old in enumerate(previous.distinct.tolist())}
    at = [None if (old := found[n]) is None else own.get(old) for n in distinct]
    distinct_text = _vectors(previous.distinct_text, [documents[n].text for n in distinct], at,
                             embedder, stale)  # fmt: skip
    distinct_headline = _vectors(previous.distinct_headline,
                                 [documents[n].headline for n in distinct], at, embedder,
                                 stale)  # fmt: skip
    return Index.of_parts(documents, readings, embedder, vectors,
                          (distinct_text, distinct_headline),
                          plain_forms(documents, _known_hashes(previous, found)))  # fmt: skip


class _Stale:
    """Which texts may hold a token whose weight changed: all of them, or those holding one
    of these pieces of normalized text."""

    def __init__(self, pieces: list[str] | None) -> None:
        self.pieces = pieces

    def __call__(self, text: str) -> bool:
        if self.pieces is None:
            return True
        if not self.pieces:
            return False
        # the tokenizer cuts around these before it normalizes: a piece after one is not a
        # piece of the text normalized whole
        if any(special in text for special in _SPECIAL):
            return True
        plain = embeddings.normalized(text)
        return any(piece in plain for piece in self.pieces)


_SPECIAL = ("<unk>", "<s>", "</s>")


def _refitted(previous: Index, had: list[tuple[str, str]],
              documents: Sequence[Document]) -> tuple[Embedder, _Stale] | None:  # fmt: skip
    """The embedder fitted on `documents`, and which texts may hold a token whose weight is
    not what it was in `previous` (whose documents' texts and headlines are `had`); None when
    the number of documents changed (every weight did)."""
    np = numpy()
    frequency = previous.embedder.frequency
    if frequency is None or len(previous.documents) != len(documents):
        return None
    moved = Counter((d.text, d.headline) for d in documents)
    moved.subtract(Counter(had))
    changes = [(Document("", text, headline).both, n) for (text, headline), n in moved.items() if n]
    delta = np.zeros(len(frequency), dtype=np.int64)
    counted = embeddings.counted([text for text, _ in changes])
    for (tokens, _), (_, times) in zip(counted, changes, strict=True):
        delta[tokens] += times
    fitted = Embedder.of_frequency(frequency.astype(np.int64) + delta, len(documents))
    was, now = previous.embedder.weights, fitted.weights
    changed = np.flatnonzero(now.view(np.uint32) != was.view(np.uint32))
    if len(changed) > MOST_CHANGED:
        return fitted, _Stale(None)
    pieces = embeddings.pieces(changed.tolist())
    if any(piece is None for piece in pieces):
        return fitted, _Stale(None)  # a byte or a special token: no piece to look for
    return fitted, _Stale([p for p in pieces if p is not None])


def _vectors(kept: Any, texts: list[str], found: Sequence[int | None], embedder: Embedder,
             stale: _Stale) -> Any:  # fmt: skip
    """The texts' vectors: as kept (row `found[n]`) where the text is one the previous index
    held and its vector cannot have changed, else embedded."""
    np = numpy()
    vectors = np.zeros((len(texts), embeddings.DIMENSIONS), dtype=np.float32)
    again: list[int] = []
    kept_rows: list[int] = []
    for n, old in enumerate(found):
        (again if old is None or stale(texts[n]) else kept_rows).append(n)
    if kept_rows:
        vectors[kept_rows] = np.asarray(kept, dtype=np.float32)[[found[n] for n in kept_rows]]
    if again:
        vectors[again] = kept_precision(embedder.embed([texts[n] for n in again]))
    return vectors


def _known_hashes(previous: Index, found: Sequence[int | None]) -> Any:
    """A document's plain-form hashes from `previous`, when it held the same text."""
    hashes, numbers = previous.plain
    by_number: dict[int, list[int]] = {}
    for hashed, number in zip(hashes.tolist(), numbers.tolist(), strict=True):
        by_number.setdefault(number, []).append(hashed)

    def known(number: int) -> list[int] | None:
        old = found[number]
        return None if old is None else by_number.get(old)

    return known
