"""The WordNet data files the package ships, as scripts/build_wordnet.py writes them."""

import pytest

from factcheck.text import wordnet
from factcheck.text.lexicon import Lexicon, stem


def test_direct_antonyms_are_there_with_their_kind():
    pairs = {(a.left, a.right): a.kind for a in wordnet.antonyms()}
    assert pairs[("beautiful", "ugly")] == "direct"
    assert pairs[("fall", "rise")] == "direct"
    assert pairs[("dull", "shiny")] == "indirect"


def test_value_classes():
    classes = wordnet.value_classes()
    assert classes["blue"] == "colour"
    assert classes["june"] == "month"
    assert classes["monday"] == "day"
    assert classes["armenian"] == "nationality"
    assert classes["japan"] == "country"
    assert "table" not in classes


def test_irregular_forms_reach_the_stemmer():
    assert wordnet.irregular_forms()["children"] == "child"
    assert stem("children") == stem("child")
    assert stem("women") == stem("woman")
    assert stem("rose") == stem("rise")  # a form of its own word too, mapped on purpose


@pytest.mark.parametrize(("form", "lemma"), [("shook", "shake"), ("won", "win"), ("sold", "sell")])
def test_a_form_whose_own_word_is_never_in_use_is_read_as_a_form(form, lemma):
    # "shook" is a WordNet noun too (barrel staves), never tagged in SemCor.
    assert wordnet.irregular_forms()[form] == lemma


def test_the_lexicon_indexes_antonyms_by_stem_both_ways():
    index = Lexicon.default().antonyms
    assert stem("fell") in index[stem("rise")]
    assert stem("rise") in index[stem("fall")]


def test_the_noun_hierarchy_tells_kinds_apart_from_sorts_and_synonyms():
    nouns = wordnet.nouns()
    assert nouns.related("film", "movie")  # one sense
    assert nouns.related("dog", "animal") and nouns.related("animal", "dog")  # a kind of it
    assert not nouns.related("film", "painting")
    assert not nouns.related("archipelago", "city")
    assert nouns.can_be_a_person("senator") and nouns.can_be_a_person("model")
    assert not nouns.can_be_a_person("film")
    assert nouns.senses("film")[0] in nouns.senses("movie")  # the commonest sense comes first


def test_the_antonyms_stems_are_what_stem_gives_their_words():
    # Written by scripts/build_wordnet.py; after a change to stem(), run it with --stems-only.
    wrong = [
        (entry.left, entry.right, a, b)
        for entry, a, b in wordnet.stemmed_antonyms()
        if (a, b) != (stem(entry.left), stem(entry.right))
    ]
    assert wrong == []
    assert len(wordnet.stemmed_antonyms()) > 20_000
