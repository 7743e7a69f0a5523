"""What states nothing scores 0 with what it is, whatever its digits and capitals would score
(worthiness.states_nothing); statements, verbless ones among them, are scored by the model."""

from __future__ import annotations

import json

import pytest

from conftest import extract_lines, run
from factcheck.extract import worthiness


@pytest.mark.parametrize(
    ("text", "tags", "what"),
    [
        ("1:30 p.m.", ["CD", "NN", "."], "a time of day alone"),
        ("By 9 a.m.", ["IN", "CD", "NN", "."], "a time of day alone"),
        ("10 a.m. EDT", ["CD", "NN", "NNP"], "a time of day alone"),
        ('<tweet tweet-id="78349"><tweet/>.', ["XX", "."], "no words"),
        ("@Fred_945.", ["NNP", "."], "no words"),
        ("9%.", ["CD", "NN", "."], "no words"),
        ("ABSTRACT.", ["NN", "."], "a heading or label"),
        ("Division Over Iran.", ["NN", "IN", "NNP", "."], "a heading or label"),
        ("- Bernie Sanders.", ["NFP", "NNP", "NNP", "."], "a heading or label"),
        ("Trump said.", ["NNP", "VBD", "."], "a speech cue alone"),
        ("He said:", ["PRP", "VBD", ":"], "a speech cue alone"),
    ],
)
def test_what_states_nothing_is_named(text, tags, what):
    assert (worthiness.states_nothing(text, tags) or "").startswith(what)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        # verbless claims of the debates, check-worthy in ClaimBuster
        ("The worst inflation since the Great Depression.",
         ["DT", "JJS", "NN", "IN", "DT", "NNP", "NNP", "."]),
        ("Libya's 6 million population; Egypt, 80 million population.",
         ["NNP", "POS", "CD", "CD", "NN", ":", "NNP", ",", "CD", "CD", "NN", "."]),
        ("Twenty new countries.", ["CD", "JJ", "NNS", "."]),
        ("Trump said the tax rose.", ["NNP", "VBD", "DT", "NN", "VBD", "."]),
        ("At 10 a.m. the jail released 31 people.",
         ["IN", "CD", "NN", "DT", "NN", "VBD", "CD", "NNS", "."]),
    ],
)  # fmt: skip
def test_a_statement_is_left_to_the_model(text, tags):
    assert worthiness.states_nothing(text, tags) is None


def test_extract_scores_a_live_blogs_stamps_and_labels_zero_with_the_reason(tmp_path):
    article = tmp_path / "latest.txt"
    lines = extract_lines(
        article,
        "The Latest on the race (all times EDT):\n\n1:30 p.m.\n\n"
        "The county released 4,561 inmates in 2024, up 12 percent from 2023.\n\n"
        '<tweet tweet-id="783499116076687360"><tweet/>.\n\nABSTRACT.\n\nTrump said.\n',
    )
    by_text = {c["text"]: c for c in lines}
    for text in ("1:30 p.m.", '<tweet tweet-id="783499116076687360"><tweet/>.', "ABSTRACT.",
                 "Trump said."):  # fmt: skip
        assert by_text[text]["score"] == 0, text
        assert len(by_text[text]["reason"]["signals"]) == 1
    assert by_text["1:30 p.m."]["reason"]["signals"] == ["a time of day alone"]
    statement = by_text["The county released 4,561 inmates in 2024, up 12 percent from 2023."]
    assert statement["score"] > 0.5
    default = json.loads(run("extract", article, "--json").stdout)["candidates"]
    assert [c["text"] for c in default] == [statement["text"]]
