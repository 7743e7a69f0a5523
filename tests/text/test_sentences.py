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
