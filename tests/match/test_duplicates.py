"""Near-duplicates by blocking (match/duplicates.py, issue 29): on an archive whose every stem
is distinctive, blocking must list exactly what matching each claim against the whole archive
lists; a pair that shares only common stems is the one thing it gives up. The archives are
written for these tests; the measure on real claims is docs/match.md's."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from factcheck.folder.access import Folder
from factcheck.match import archive, duplicates, run
from factcheck.match.index import Document, Index


def all_pairs(index, threshold=run.DUPLICATE_THRESHOLD):
    """What `match --duplicates` listed before blocking: each claim matched against the whole
    archive, with BM25 alone proposing candidates, and each pair once."""
    seen, pairs = set(), []
    for number, document in enumerate(index.documents):
        for found in run.match(index, document.both, 5, leave_out=(number,), by_meaning=False):
            pair = tuple(sorted((number, found.number)))
            if found.score >= threshold and pair not in seen:
                seen.add(pair)
                pairs.append((pair, round(found.score, 12), found.reason))
    return pairs


def blocked(index, threshold=run.DUPLICATE_THRESHOLD):
    numbers = {d.id: n for n, d in enumerate(index.documents)}
    return [
        ((numbers[p.first.id], numbers[p.second.id]), round(p.score, 12), p.reason)
        for p in duplicates.duplicates(index, threshold)
    ]


@pytest.fixture(scope="module")
def fixture_index():
    corpus = Folder.named(str(FIXTURES / "match"), cached=False).corpus()
    return Index.built(archive.documents(list(corpus.claims.values())))


@pytest.mark.parametrize("threshold", [0.5, 0.2, 0.05])
def test_blocking_lists_what_all_pairs_list_where_every_stem_is_distinctive(
    fixture_index, threshold
):
    expected = all_pairs(fixture_index, threshold)
    assert expected, "the archive must hold pairs at this threshold, or the test proves nothing"
    assert blocked(fixture_index, threshold) == expected


def common_archive(size):
    """`size` claims of two texts, each text in more than duplicates.BLOCK claims (so every
    word is common), each claim with a number of its own; and two claims of a third text."""
    documents = []
    for n in range(size):
        text = (f"Sheriff county jail inmates released detainers case {n}" if n % 2
                else f"Mayor city budget schools cut teachers year {n}")  # fmt: skip
        documents.append(Document(f"c{n}", text, text))
    same = "Sheriff county jail released inmates"
    documents += [Document("same-1", same, same), Document("same-2", same, same)]
    return Index.built(documents)


def test_a_pair_sharing_only_common_stems_is_not_compared_but_the_same_text_is():
    index = common_archive(2 * duplicates.BLOCK + 20)
    # matched against the whole archive, a claim finds its near-copies above 0.2; blocking
    # gives that up (docs/match.md says so)
    assert [p for p, _, _ in all_pairs(index, 0.2)][:2] == [(1, 3), (2, 4)]
    listed = [(p.first.id, p.second.id, p.score) for p in duplicates.duplicates(index, 0.2)]
    assert listed == [("same-1", "same-2", run.SAME_TEXT)]
