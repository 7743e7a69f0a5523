"""Static embeddings (factcheck/text/embeddings.py): what is made at once for an archive is
what one text at a time made, bit for bit, since a kept index must rank as a fresh one."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("tokenizers")

from factcheck.text import embeddings  # noqa: E402

TEXTS = [
    "The jail released 4,561 people.",
    "",
    "a a a b b",
    "Newsom said California follows the law on detainers.",
    "   ",
    "Sí, el desempleo bajó un 3,5 por ciento.",
]


def test_tokens_are_counted_at_once_as_one_text_at_a_time():
    ids = embeddings._token_ids(TEXTS)
    for (tokens, counts), (one, one_counts) in zip(
        embeddings.counted(TEXTS), [np.unique(i, return_counts=True) for i in ids], strict=True
    ):
        assert tokens.dtype == one.dtype and counts.dtype == one_counts.dtype
        assert tokens.tolist() == one.tolist() and counts.tolist() == one_counts.tolist()
    nothing = embeddings.counted(["", ""])  # no token in any text
    assert [(len(t), len(c)) for t, c in nothing] == [(0, 0), (0, 0)]


def test_an_archive_is_embedded_as_each_text_alone(monkeypatch):
    texts = TEXTS * 50  # more than WIDEN_ALL_FROM: every vector widened first
    assert len(texts) > embeddings.WIDEN_ALL_FROM
    embedder, vectors = embeddings.Embedder.fitted_with_vectors(texts)
    monkeypatch.setattr(embeddings, "WIDEN_ALL_FROM", len(texts))  # each text's rows only
    alone = embedder.embed(texts)
    assert vectors.tobytes() == alone.tobytes()
    assert not np.any(vectors[1]) and np.any(vectors[0])  # no token: a zero vector


def test_a_few_texts_are_tokenized_as_a_batch_is():
    """Under BATCH_FROM texts are tokenized one by one, without the tokenizer's thread pool:
    the same tokens as the batch gives."""
    few = TEXTS[: embeddings.BATCH_FROM - 1]
    many = (TEXTS * embeddings.BATCH_FROM)[: embeddings.BATCH_FROM]
    one_by_one = embeddings._token_ids(few)
    batched = embeddings._token_ids(many)[: len(few)]
    assert [i.tolist() for i in one_by_one] == [i.tolist() for i in batched]
    assert any(len(i) for i in one_by_one)
