"""When a claim was made: the byline, and a sentence's own date read against the article's
(issue 27). Texts written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import run, run_json
from factcheck.extract.dating import byline, byline_line, sentence_date

ARTICLE_DATE = dt.date(2010, 6, 20)  # a Sunday


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Hurt wrote in a June 3 newsletter that spending rose.", dt.date(2010, 6, 3)),
        ("In a Dec. 5 memo, she said so.", dt.date(2009, 12, 5)),  # after June: last year's
        ("On June 25, 2008, he said it.", dt.date(2008, 6, 25)),
        ("The governor said on Friday that it works.", dt.date(2010, 6, 18)),
        ("The agency said so on 2010-05-02.", dt.date(2010, 5, 2)),
        # no date of a statement: a period, two dates, an impossible day, a vague time
        ("Since Jan. 20, officials released 4,561 people.", None),
        ("She asked on Jan. 23 and again on Jan. 24.", None),
        ("The Feb. 30 letter said so.", None),
        ("Officials said last week that it rose.", None),
    ],
)
def test_a_sentence_gives_its_own_date(sentence, date):
    found = sentence_date(sentence, ARTICLE_DATE)
    assert (found.date if found else None) == date


def test_without_the_articles_date_only_a_full_date_is_read():
    assert sentence_date("Hurt wrote in a June 3 newsletter.", None) is None
    assert sentence_date("He said so on Friday.", None) is None
    found = sentence_date("On June 25, 2008, he said it.", None)
    assert found is not None and found.date == dt.date(2008, 6, 25)


def test_the_byline_gives_author_and_date():
    head = ("Hurt overstates spending\nBy Warren Fiske, PolitiFact Virginia\n"
            "Published on Sunday, June 20th, 2010 at 12:01 a.m.\n\n"
            "Robert Hurt said it.\n")  # fmt: skip
    assert byline(head) == byline(head.replace("\n\n", "\n")) != byline("No byline here.")
    found = byline(head)
    assert (found.author, found.date) == ("Warren Fiske", dt.date(2010, 6, 20))


def test_the_byline_line_is_found_at_the_top_only():
    head = "Hurt overstates spending\nBy Warren Fiske on Monday, June 13th, 2016\n\nHe said it.\n"
    start, end = byline_line(head)
    assert head[start:end] == "By Warren Fiske on Monday, June 13th, 2016"
    late = "\n".join(["A line."] * 10) + "\nBy Warren Fiske\n"
    assert byline_line(late) is None and byline_line("No byline here.") is None


def test_the_byline_is_scored_nothing_and_never_drafted(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(
        "Hurt overstates spending by 80 percent\n"
        "By Warren Fiske on Monday, June 13th, 2016\n\n"
        "Rep. Robert Hurt wrote that spending rose 80 percent in 2015.\n",
        encoding="utf-8",
    )
    result = run("extract", page, "--min-score", "0", "--json")
    found = {c["text"]: c for c in json.loads(result.stdout)["candidates"]}
    by = found["By Warren Fiske on Monday, June 13th, 2016"]
    assert by["score"] == 0 and by["reason"]["signals"] == ["the byline"]
    assert found["Rep. Robert Hurt wrote that spending rose 80 percent in 2015."]["score"] > 0.5


def test_drafts_take_the_sentences_date_and_say_where_it_came_from(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(
        "Hurt overstates spending\nBy Warren Fiske, PolitiFact Virginia\n"
        "Published on Sunday, June 20th, 2010\n\n"
        "Rep. Robert Hurt wrote in a June 3 newsletter that spending rose 80 percent.\n"
        "Hurt's office said the figure is right.\n", encoding="utf-8")  # fmt: skip
    folder = tmp_path / "claims"
    result = run("extract", page, "--min-score", "0", "--write", folder / "d.toml", "--topic",
                 "budget", "--outlet", "PolitiFact", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    claims = {c["text"]: c for c in run_json("list", "--claims", folder, "--drafts")}
    newsletter = claims[
        "Rep. Robert Hurt wrote in a June 3 newsletter that spending rose 80 percent."
    ]
    assert newsletter["date"] == "2010-06-03"
    assert "Date from the sentence ('June 3')" in newsletter["notes"]
    office = claims["Hurt's office said the figure is right."]
    assert office["date"] == "2010-06-20" and "the article's" in office["notes"]
    written = (folder / "d.toml").read_text(encoding="utf-8")
    assert 'id = "politifact"' in written and "published = 2010-06-20" in written
    assert 'notes = "By Warren Fiske (the byline)."' in written


def test_a_date_in_the_articles_own_voice_is_of_what_it_reports(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(
        "Trade deal turns five\nPublished on Sunday, June 20th, 2016\n\n"
        "On July 6, 2011, the two countries signed an agreement on trucks.\n"
        "Senator Ann Lee said on June 3 that the agreement saved 4,000 jobs.\n",
        encoding="utf-8",
    )
    folder = tmp_path / "claims"
    result = run("extract", page, "--min-score", "0", "--write", folder / "d.toml", "--topic",
                 "trade", "--outlet", "The Desk", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    claims = {c["text"]: c for c in run_json("list", "--claims", folder, "--drafts")}
    signed = claims["On July 6, 2011, the two countries signed an agreement on trucks."]
    assert signed["speaker"] == "The Desk"
    assert signed["date"] == "2016-06-20"
    assert "the sentence's own ('July 6, 2011') is of what it reports" in signed["notes"]
    said = claims["Senator Ann Lee said on June 3 that the agreement saved 4,000 jobs."]
    assert said["date"] == "2016-06-03"
