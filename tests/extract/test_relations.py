"""Suggested checks only where the text states the relation (issue 28): extract/relations.py on
sentences written for these tests (the issue's own, from an AP story and a PolitiFact piece),
then the drafts and `check` on a short article of them (tests/fixtures/extract/figures.txt).
Measured on real sentences: benchmarks/relations.py and docs/extract.md."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run, run_json
from factcheck.extract.figures import figures
from factcheck.extract.relations import following, relations

ARTICLE = FIXTURES / "extract" / "figures.txt"


def stated(sentence):
    found = figures(sentence)
    return [(r.kind, found[r.stated].value, found[r.a].value, found[r.b].value)
            for r in relations(sentence, found)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Baltimore had 344 slayings, a 13 percent drop from the 396 in 2007.",
         [("change", "a 13 percent drop", "396", "344")]),
        ("In Detroit, homicides dropped 32 percent, from 105 in 2007 to 71.",
         [("change", "dropped 32 percent", "105", "71")]),
        ("The 234 homicides were 17 percent less than the 392 the year before.",
         [("change", "17 percent less than", "392", "234")]),
        ("Spending rose from $434 billion to $537 billion, a 23.7 percent increase.",
         [("change", "a 23.7 percent increase", "$434 billion", "$537 billion")]),
        ("Unemployment fell from 10 percent to 8 percent, a drop of 2 percentage points.",
         [("change", "a drop of 2 percentage points", "10 percent", "8 percent")]),
        ("The county released 593 people, or 13 percent of the 4,561 it held.",
         [("share", "13 percent", "593", "4,561")]),
        ("Just 31 of the 4,561 released, or 0.7 percent, had convictions.",
         [("share", "0.7 percent", "31", "4,561")]),
        ("About 13 percent of the 4,561, or 593, were rearrested.",
         [("share", "About 13 percent", "593", "4,561")]),
        ("The mayor doubled the fund from $2 million to $4 million.",
         [("change", "doubled", "$2 million", "$4 million")]),
        ("The gap was cut in half, from 8 percent to 4 percent.",
         [("change", "cut in half", "8 percent", "4 percent")]),
        ("Jobless claims fell more than 2 percentage points, down from 9 percent to 6.8 percent.",
         [("change", "fell more than 2 percentage points", "9 percent", "6.8 percent")]),
        ("The city admitted 1,150 students, 15 percent over the cap of 1,000.",
         [("change", "15 percent over", "1,000", "1,150")]),
        ("Turnout was 60 percent, a 5 percent drop from the 63 percent of 2012.",
         [("change", "a 5 percent drop", "63 percent", "60 percent")]),
        ("Half of that $800 \u2013 $400 a pupil \u2013 is pensions.",
         [("share", "Half", "$400", "$800")]),
        # a change whose cue stands several words (a parenthesis among them) before its ends
        ("The office has doubled its estimate for the cost (of the bridge) so far from "
         "$8 million to $17 million.",
         [("change", "doubled", "$8 million", "$17 million")]),
        ("By the way, that 70 percent was 50 percent, so a 40 percent increase.",
         [("change", "a 40 percent increase", "50 percent", "70 percent")]),
        # multiples (issue 28): amount over base against the multiple as written
        ("The county jailed 300 people, three times as many as the 100 it held in 2010.",
         [("multiple", "three times as many", "300", "100")]),
        ("Critics rated 32% of Republican claims false, compared to 11% of Democratic claims "
         "\u2013 a 3 to 1 margin.",
         [("multiple", "3 to 1 margin", "32%", "11%")]),
        ("Some 45 cases were filed, nearly twice as many as the 20 filed in 2019.",
         [("multiple", "nearly twice as many", "Some 45", "20")]),
        ("The state's growth rate was 14.2%, nearly double the national rate of 7.6%.",
         [("multiple", "nearly double the", "14.2%", "7.6%")]),
        # "that number" takes up the amount before it
        ("Only 4 percent of jobs paid the minimum ... Today, that number has more than "
         "doubled (to) 9.5 percent.",
         [("change", "more than doubled", "4 percent", "9.5 percent")]),
        ("\"I doubled my poll numbers. We went from 11 to 22 in one week.\"",
         [("change", "doubled", "11", "22")]),
        # "of them" takes up the amount just before it
        ("The state has a $4 trillion debt and $2.8 trillion of it, or 70% of it, is "
         "short-term.",
         [("share", "70%", "$2.8 trillion", "$4 trillion")]),
        ("The jail held 4,561 people; 593 of them, or 13 percent, were released.",
         [("share", "13 percent", "593", "4,561")]),
        # "of the total" takes up the amount the sentence calls its total
        ("A degree that costs $100,000 total needs $500 a month to reach $25,000, which "
         "equals a quarter of the total cost.",
         [("share", "a quarter", "$25,000", "$100,000")]),
        ("The county spent a total of $80 million, and $20 million, or 25 percent of the "
         "total, went to jails.",
         [("share", "25 percent", "$20 million", "$80 million")]),
    ],
)  # fmt: skip
def test_a_stated_relation_is_found_with_its_ends(sentence, expected):
    assert stated(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # figures side by side that the text does not relate
        "Nineteen men were killed, and the city hired 57 new police officers.",
        "About 19 percent of the victims were women, and the city hired 57 officers.",
        "Spending has increased by over 80 percent in two years.",  # no ends stated
        "Sales rose 5 percent over 10 years to 400 stores.",  # a period is no old value
        "The 400 jobs rose 5 percent, while 300 others fell.",  # another clause
        # ends that cannot be compared, or a part above its whole
        "Costs rose from $10 million to 12 million euros, a 20 percent jump.",
        "The county released 4,561 people, or 13 percent of the 593 it held.",
        # points without their direction would be read as a rise
        "Unemployment moved 2 percentage points, from 10 percent to 8 percent.",
        # one sentence's change is not the next one's ends
        "The fund doubled. Then it went from $2 million to $4 million.",
        "It is a double standard, from 5 to 10 of them.",  # "double" is no change here
        "The share was 15 percent over the past decade, from 100 to 120.",
        # a mixed number is no multiple of 1, and "those over 75" no base
        "People under 55 were 2 1/2 times more likely than those over 75 to be treated.",
        "Women were twice as likely as men to report it, and 300 did.",  # no amounts related
        "The fund doubled, and from 2010 to 2015 it went from $2 million to $4 million.",
        "Its rating is 3 to 1, from 30 to 10 votes.",  # a bare "3 to 1" is no multiple
        "It will double the fund from 2 cities to 4 cities, with 10 staff.",  # no base
        "The rate was 14.2%, and twice the staff earned 7.6%.",  # another clause
        "The team scored 11 goals, then 22 in one week.",  # "22 in one" is no ratio
        # "of them" is no share of an amount in another clause's sentence, nor of a rate
        "The city hired 57 officers. 19 of them, or 33 percent, left.",
        "Turnout was 60 percent, and 40 of them, or 10 percent, voted early.",
        # "the total" with no amount called a total
        "The county spent $80 million, and $20 million, or 25 percent of the total, went to jails.",
    ],
)
def test_no_relation_the_text_does_not_state(sentence):
    assert stated(sentence) == []


def test_a_change_across_two_sentences_only_after_its_ends():
    first = "Spending rose from $434 billion in fiscal 2008 to $537 billion in fiscal 2010."
    second = "That's a 23.7 percent jump."
    (relation,) = following(first, figures(first), second, figures(second))
    assert (relation.sentence, relation.a, relation.b) == (-1, 0, 1)
    assert relation.words.endswith("That's a 23.7 percent jump")
    unrelated = "Officials hired 57 officers."
    assert following(unrelated, figures(unrelated), second, figures(second)) == []
    later = "Prices later stood at 23.7 percent."
    assert following(first, figures(first), later, figures(later)) == []


def test_extract_reports_each_relation_with_its_words():
    result = run("extract", ARTICLE, "--min-score", "0", "--json")
    assert result.exit_code == 0, result.stderr
    by_sentence = {c["sentence"]: c for c in json.loads(result.stdout)["candidates"]}
    (slayings,) = by_sentence[2]["relations"]
    assert slayings == {
        "kind": "change", "figure": "change",
        "from": {"sentence": 2, "figure": "slayings_2007"},
        "to": {"sentence": 2, "figure": "slayings"},
        "words": "344 slayings last year, a 13 percent drop from the 396",
    }  # fmt: skip
    (jump,) = by_sentence[7]["relations"]
    assert jump["from"] == {"sentence": 6, "figure": "amount_before"}
    assert by_sentence[5]["relations"] == by_sentence[9]["relations"] == []
    assert by_sentence[10]["relations"] == []
    ages = [f["value"] for f in by_sentence[9]["figures"]]
    assert ages == ["57"]  # "Nineteen" is no digit and the ages are no figures


def test_drafted_checks_give_the_stories_verdicts_and_stay_suggestions(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    wrote = run("extract", ARTICLE, "--min-score", "0", "--write", folder / "drafts.toml",
                "--topic", "crime", "--date", "2009-01-02", "--claims", folder)  # fmt: skip
    assert wrote.exit_code == 0, wrote.stderr
    report = run_json("check", "--claims", folder)
    assert len(report["checks"]) == 5
    assert all(c["draft"] for c in report["checks"])
    by_claimed = {c["claimed"]: c["verdict"] for c in report["checks"]}
    assert by_claimed == {
        "a 13 percent drop": "consistent",  # 396 -> 344 is -13.1%
        "dropped 32 percent": "consistent",  # 105 -> 71 is -32.4%
        "17 percent less than": "gross",  # 392 -> 234 is -40.3%: the story is wrong
        "a 23.7 percent jump": "consistent",  # across two sentences
        "13 percent": "consistent",  # 593 of 4,561
    }
    # Hurt's "increased by over 80 percent" states no ends: no check, so never "consistent"
    assert not any("80 percent" in c["claimed"] for c in report["checks"])
    assert run("check", "--claims", folder).exit_code == 0  # drafts do not set the exit code
    assert run("check", "--drafts", "--claims", folder).exit_code == 1
    notes = [c["note"] for c in report["checks"]]
    assert all("Suggested by extract from the words" in n for n in notes)


def test_a_stated_multiple_is_drafted_as_a_check_with_its_verdict(tmp_path):
    article = tmp_path / "multiples.txt"
    article.write_text(
        "Critics rated 32% of Republican claims false, compared to 11% of Democratic claims "
        "\u2013 a 3 to 1 margin, the study said.\n\n"
        "The county jailed 300 people, four times as many as the 100 it held in 2010, the "
        "sheriff said.\n",
        encoding="utf-8",
    )
    folder = tmp_path / "claims"
    wrote = run("extract", article, "--min-score", "0", "--write", folder / "drafts.toml",
                "--topic", "crime", "--date", "2020-01-02", "--claims", folder)  # fmt: skip
    assert wrote.exit_code == 0, wrote.stderr
    report = run_json("check", "--claims", folder)
    verdicts = {c["claimed"]: (c["verdict"], c["expression"]) for c in report["checks"]}
    assert verdicts["3 to 1 margin"][0] == "consistent"  # 32 / 11 = 2.91
    assert verdicts["four times as many"][0] in ("inconsistent", "gross")  # 300 / 100 = 3
    assert all(c["draft"] and "-multiple" in c["id"] for c in report["checks"])
    listed = run_json("extract", article, "--min-score", "0")
    (margin,) = listed["candidates"][0]["relations"]
    assert margin == {"kind": "multiple", "figure": "multiple",
                      "amount": {"sentence": 1, "figure": "claims"},
                      "base": {"sentence": 1, "figure": "claims_2"},
                      "words": "32% of Republican claims false, compared to 11% of Democratic "
                               "claims \u2013 a 3 to 1 margin"}  # fmt: skip
