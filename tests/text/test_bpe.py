"""The merges kept for queries (text/bpe.py) against the tokenizer library they stand in for:
the same tokens, or None where the library must be asked; and a kept table is checked."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from factcheck.text import bpe, embeddings

ROOT = Path(__file__).resolve().parents[2]
CONFIG = embeddings.tokenizer_file().read_bytes()


@pytest.fixture(scope="module")
def table() -> bpe.Table:
    made = bpe.from_tokenizer(CONFIG)
    assert made is not None
    return made


def _library(text: str) -> list[int]:
    return list(embeddings._tokenizer().encode(text, add_special_tokens=False).ids)


def _texts() -> list[str]:
    """The repository's own claims and article sentences, edge cases, and random strings of
    characters from many scripts (some with no token of their own: byte fallback)."""
    found = [line for line in (ROOT / "tests/fixtures/extract/article.txt").read_text(
        encoding="utf-8").splitlines() if line]  # fmt: skip
    for path in sorted((ROOT / "claims").glob("*.toml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found += [line.split("=", 1)[1].strip().strip('"') for line in lines
                  if line.startswith("text =")]  # fmt: skip
    found += ["", " ", "  two  spaces ", "\t\ttab\nnewline", "a", "▁", "▁▁x", "12,000 or 4.5%",
              "naïve café Zürich", "中文字符", "😀🇺🇸👍🏽", "e\u0301", "\u200b\x00\x7f", "ـاـ",
              "Newsom\u2019s \u201cmisinformation\u201d\u2014really?",
              "x" * bpe.MAX_CHARACTERS]  # fmt: skip
    rng = random.Random(29)
    alphabet = "abcdeXYZ éüßñ中文字😀🇺\u0301\t\n  .,'\"-\u2013\u2014$%0123456789<>▁ـ\u200bΩж"
    found += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
              for _ in range(1500)]  # fmt: skip
    return found


def test_a_query_gets_the_librarys_tokens(table):
    texts = _texts()
    assert len(texts) > 1500
    differ = [t for t in texts if table.encode(t) != _library(t)]
    assert differ == []


@pytest.mark.parametrize("text", ["<s> opens", "a </s>", "an <unk>", "x" * 501])
def test_an_added_token_or_a_long_text_is_left_to_the_library(table, text):
    assert table.encode(text) is None


def test_a_kept_table_reads_back_the_same(table):
    kept = b"".join(table.to_bytes())
    back = bpe.Table.from_bytes(kept)
    assert back is not None
    sample = "The sheriff released 4,561 inmates, naïvely 😀"
    assert back.encode(sample) == table.encode(sample) == _library(sample)


def _forged(table: bpe.Table, **changes: object) -> bytes:
    import dataclasses

    return b"".join(dataclasses.replace(table, **changes).to_bytes())


def test_a_kept_table_that_does_not_check_out_is_refused(table):
    kept = b"".join(table.to_bytes())
    assert bpe.Table.from_bytes(kept[:-4]) is None  # cut short
    assert bpe.Table.from_bytes(b"bpe 0\n" + kept[6:]) is None  # another layout
    outside = table.byte_ids.copy()
    outside[0] = table.size  # a token past the vocabulary would index past the vectors
    assert bpe.Table.from_bytes(_forged(table, byte_ids=outside)) is None
    unsorted = table.pairs[::-1].copy()
    assert bpe.Table.from_bytes(_forged(table, pairs=unsorted)) is None


@pytest.mark.parametrize(
    "change",
    [
        {"pre_tokenizer": {"type": "Whitespace"}},
        {"normalizer": None},
        {"model": {"byte_fallback": False}},
        {"model": {"dropout": 0.1}},
    ],
)
def test_a_tokenizer_of_another_kind_makes_no_table(change):
    config = json.loads(CONFIG)
    for field, value in change.items():
        if isinstance(value, dict) and field == "model":
            config["model"].update(value)
        else:
            config[field] = value
    assert bpe.from_tokenizer(json.dumps(config).encode()) is None
