"""Dates of birth and death read from a claim's text (compare/dates.py)."""

import pytest

from factcheck.compare.dates import Date, Event, lifespans, stated


def dates(found):
    return [(d.event, d.date) for d in found]


@pytest.mark.parametrize(
    ("text", "birth", "death"),
    [
        ("Christopher Scott Kyle (April 8, 1974 \u2212 February 2, 2013) was a sniper.",
         Date(1974, 4, 8), Date(2013, 2, 2)),
        ("Aleister Crowley (born Edward Alexander Crowley; 12 October 1875 -- 1 December 1947) "
         "was an occultist.", Date(1875, 10, 12), Date(1947, 12, 1)),
        ("Janet Leigh (1927\u20132004) was an actress.", Date(1927, None, None),
         Date(2004, None, None)),
    ],
)  # fmt: skip
def test_a_lifespan_in_brackets_gives_both_dates(text, birth, death):
    found = lifespans(text, 0)
    assert dates(found) == [(Event.birth, birth), (Event.death, death)]
    assert all(d.lifespan for d in found)
    assert text[found[1].start : found[1].end].endswith(str(death.year))


@pytest.mark.parametrize(
    "text",
    [
        "The survey (about 1,200 adults) was run twice.",
        "Turnout rose (from 52% to 61%) in the county.",
        "The bill (HB 1234 - HB 1240) passed.",
    ],
)
def test_brackets_without_two_dates_are_no_lifespan(text):
    assert lifespans(text, 0) == []


@pytest.mark.parametrize(
    ("text", "event", "date"),
    [
        ("Harold Macmillan was born on February 20, 1894.", Event.birth, Date(1894, 2, 20)),
        ("Anne Sullivan was born in April of 1866.", Event.birth, Date(1866, 4, None)),
        ("Tim Roth (born 14 May 1961) is an actor.", Event.birth, Date(1961, 5, 14)),
        ("Louis died in 1715.", Event.death, Date(1715, None, None)),
        ("On February 2, 2013, Chris Kyle died.", Event.death, Date(2013, 2, 2)),
        ("She passed away on 3 March 1990.", Event.death, Date(1990, 3, 3)),
        ("Anne Rice (born Howard Allen O'Brien; October 4, 1941) is an author.", Event.birth,
         Date(1941, 10, 4)),
    ],
)  # fmt: skip
def test_a_date_said_in_words(text, event, date):
    assert dates(stated(text, 0)) == [(event, date)]


def test_a_date_past_a_comma_after_the_cue_is_not_the_cue_s():
    assert stated("She was born in Trieste, Italy, and moved to London in 1950.", 0) == []


def test_offsets_are_into_the_whole_text():
    text = "He was a poet. Louis died in 1715."
    (found,) = stated(text[15:], 15)
    assert text[found.start : found.end] == "1715"


def test_a_died_with_two_dates_around_it_is_not_read():
    # Which of the two is the date of death is not for a pattern to guess.
    assert stated("In 1990 the mayor, elected in 1984, died.", 0) == []


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (Date(1866, 4, None), Date(1866, 6, 14), True),
        (Date(1866, None, None), Date(1866, 6, 14), False),
        (Date(1894, 2, 10), Date(1894, 2, 20), True),
        (Date(1894, 2, None), Date(1894, 2, 20), False),
        (Date(2013, 2, 2), Date(2014, 2, 2), True),
    ],
)
def test_dates_differ_only_where_both_say_something(a, b, differ):
    assert a.differs(b) is differ
    assert b.differs(a) is differ
