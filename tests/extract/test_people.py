"""The people an article names (extract/people.py): names as the entity model hands them over."""

from __future__ import annotations

import pytest

from factcheck.extract.people import name_words


@pytest.mark.parametrize(
    ("entity", "words"),
    [
        ("Sen. Bernie Sanders's", ["Bernie", "Sanders"]),
        ("Sanders'", ["Sanders"]),
        # the New York Times' '' taken into the entity
        ("Donald Trump ''", ["Donald", "Trump"]),
        ("\u201cDonald Trump", ["Donald", "Trump"]),
        ("Timothy O'Brien", ["Timothy", "O'Brien"]),
    ],
)
def test_a_name_without_title_possessive_or_quotation_marks(entity, words):
    assert name_words(entity) == words
