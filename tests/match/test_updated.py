"""An index brought up to date after an edit (match/updated.py) is, byte for byte as the cache
stores it, the index built afresh for the same documents, whatever the edit; and it embeds
again only the texts the edit can have changed."""

from __future__ import annotations

import pytest

from factcheck.match import stored
from factcheck.match.index import Document, Index
from factcheck.match.updated import updated

np = pytest.importorskip("numpy")
pytest.importorskip("tokenizers")

from factcheck.text.embeddings import Embedder  # noqa: E402

TEXTS = [
    "The governor released 4,561 inmates from state prisons last year",
    "Eating three bananas a day cures the flu",
    "Crime fell in the city after the new police chief arrived",
    "The county jail follows federal detainers",
    "Unemployment fell to 3.5% in March, the lowest since 1969",
    "Newsom said California follows the law on detainers",
    "The wall will cost $25 billion, not $8 billion",
    "Vaccines cause autism 😷 #covid",
    "Sí, el desempleo bajó un 3,5 por ciento",
    "The county jail follows federal detainers",  # the same text twice
    "",
    "a <s> special token </s> in a text",
    "Dogs</s>cat food",  # "▁cat": cut from "</s>" before the "▁" was put before it
]


def archive() -> list[Document]:
    documents = [Document(f"c{n}", text, text) for n, text in enumerate(TEXTS)]
    documents[2] = Document("c2", TEXTS[2], "Police chief and crime: a fact-check")
    documents[6] = Document("c6", TEXTS[6], "Border wall costs")
    return documents


def stored_bytes(index: Index) -> bytes:
    return b"".join(stored.encode(index))


def edited(documents: list[Document], number: int, text: str) -> list[Document]:
    d = documents[number]
    headline = text if d.headline == d.text else d.headline
    return [*documents[:number], Document(d.id, text, headline), *documents[number + 1 :]]


EDITS = {
    "nothing": lambda d: d,
    "a word added": lambda d: edited(d, 1, "Edited: " + d[1].text),
    "a word the archive has": lambda d: edited(d, 3, d[3].text + " the governor"),
    "an emoji": lambda d: edited(d, 0, d[0].text + " 🎉"),
    "a headline's text": lambda d: edited(d, 2, "Crime rose in the city"),
    "a headline": lambda d: [*d[:4], Document("c4", d[4].text, "Jobs: the record"), *d[5:]],
    "one of two the same": lambda d: edited(d, 9, "The county jail ignores detainers"),
    "the special tokens": lambda d: edited(d, 11, "a <s> special token in a text"),
    "a word after one": lambda d: edited(d, 1, d[1].text + " and the cat"),
    "an empty text": lambda d: edited(d, 10, "Now there is a claim here"),
    "a claim added": lambda d: [
        *d,
        Document("new", "Taxes rose 12 percent", "Taxes rose 12 percent"),
    ],
    "a claim removed": lambda d: d[1:],
    "reordered": lambda d: d[::-1],
    "an ID changed": lambda d: [Document("other", d[0].text, d[0].headline), *d[1:]],
}


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("kept", [True, False], ids=["as stored", "as built"])
def test_an_updated_index_is_the_index_built_afresh(edit, kept):
    before = archive()
    previous = Index.built(before)
    if kept:
        previous = stored.decode(None, memoryview(stored_bytes(previous)))
        assert previous is not None
    after = EDITS[edit](before)
    assert stored_bytes(updated(previous, after)) == stored_bytes(Index.built(after))


def test_only_the_texts_an_edit_can_have_changed_are_embedded_again(monkeypatch):
    before = [Document(f"c{n}", text, text) for n, text in enumerate(TEXTS[:9])]
    previous = Index.built(before)
    embedded: list[str] = []
    embed = Embedder.embed

    def counting(self, texts):
        embedded.extend(texts)
        return embed(self, texts)

    monkeypatch.setattr(Embedder, "embed", counting)
    after = edited(before, 1, "Eating three bananas a day cures the flu quickly")
    assert stored_bytes(updated(previous, after)) == stored_bytes(Index.built(after))
    assert after[1].text in embedded  # the edited text, whose tokens are new
    assert len(embedded) < len(after) // 2  # not every text, as a build does


def test_an_index_without_token_frequencies_is_not_stored():
    index = Index.built(archive())
    index.embedder.frequency = None
    with pytest.raises(ValueError, match="fitted"):
        stored.encode(index)
