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


def test_first_names_are_one_sex_s_in_the_census_or_none():
    from importlib import resources

    from factcheck.extract.people import first_name_gender

    path = resources.files("factcheck").joinpath("wordlists").joinpath("first-names.tsv")
    lines = path.read_text("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) > 4000
    assert all(n.isalpha() and n.islower() and g in ("he", "she")
               for n, g in (line.split("\t") for line in lines))  # fmt: skip
    assert (first_name_gender("Heidi"), first_name_gender("Donald")) == ("she", "he")
    assert first_name_gender("Jordan") is None  # common to both: no guess
    assert first_name_gender("Xi") is None
