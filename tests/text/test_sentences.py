"""Sentences as news writes them (text/sentences.py): short texts written for these tests."""

from __future__ import annotations

import pytest

from factcheck.text.sentences import split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party tag's state abbreviation is no sentence end, before a comma or a verb
        (
            '"The veto will fall," Senate leader Mitch Parsons, R-Ky., said. He left.',
            ['"The veto will fall," Senate leader Mitch Parsons, R-Ky., said.', "He left."],
        ),
        (
            "Majority Leader Kevin Marsh, R-Calif., revealed it last fall.",
            ["Majority Leader Kevin Marsh, R-Calif., revealed it last fall."],
        ),
        ("Ask Rep. Jones. She knows.", ["Ask Rep. Jones.", "She knows."]),
        ("It rose. Then it fell.", ["It rose.", "Then it fell."]),
    ],
)
def test_an_abbreviation_does_not_end_a_sentence(text, expected):
    found = split(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_line_too_long_for_the_splitter_at_once_is_split_in_parts_as_whole():
    """pysbd's time grew with the square of a long line's length; the line is given to it in
    parts that end at sentence ends, with the same sentences and their true places."""
    from factcheck.text import sentences

    line = " ".join(
        ['The city spent 5 dollars. Mr. Smith said "no way, never" and Ann agreed.'] * 700
    )
    assert len(line) > 4 * sentences.MAX_LINE
    parts = sentences._parts(line)
    assert len(parts) > 4 and "".join(p for _, p in parts) == line
    assert all(len(p) <= sentences.MAX_LINE for _, p in parts[:-1])
    found = split(line)
    assert all(line[s.start : s.end] == s.text for s in found)
    assert [s.text for s in found[:3]] == [
        "The city spent 5 dollars.",
        'Mr. Smith said "no way, never" and Ann agreed.',
        "The city spent 5 dollars.",
    ]
    assert len(found) == 1400  # every sentence whole: no part ended inside one
