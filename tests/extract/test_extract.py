"""`factcheck extract`: sentences, speakers, quotations, figures, scores and drafts, on a short
article written for these tests (tests/fixtures/extract); the figures on real data are the
benchmarks' (benchmarks/check_worthiness.py, benchmarks/extract_seed.py, docs/extract.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, extract_lines, run, run_json
from factcheck.extract import worthiness
from factcheck.extract.figures import figures

ARTICLE = FIXTURES / "extract" / "article.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")


def extracted(*args):
    result = run("extract", ARTICLE, "--min-score", "0", "--json", *args)
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    return found, {c["sentence"]: c for c in found["candidates"]}


def test_every_sentence_with_its_speaker_as_first_named():
    found, by_sentence = extracted()
    assert found["sentences"] == 9  # the headline is a sentence too (issue 27)
    speakers = {n: (c["speaker"], c["speaker_role"]) for n, c in by_sentence.items()}
    assert speakers[2] == ("Dana Whitfield", "Riverton Mayor")
    assert speakers[3] == ("Omar Reyes", "Council Member")
    assert speakers[4][0] == "Omar Reyes"  # '"...," Reyes said.'
    assert speakers[5] == ("Lena Park", "County Auditor")
    assert speakers[6][0] == "Lena Park"  # "She also said"
    assert speakers[7][0] == "the article"  # nobody quoted: the article's own voice
    assert speakers[8][0] == "Dana Whitfield"  # "The mayor called ..."
    assert by_sentence[6]["attribution"]["cue"] == "said (pronoun)"


def test_quotations_are_verbatim_and_placed():
    _, by_sentence = extracted()
    assert by_sentence[4]["kind"] == "quotation" and by_sentence[5]["kind"] == "paraphrase"
    (quote,) = by_sentence[4]["quotes"]
    assert quote["text"] == "The city has cut the repair budget twice since 2019,"
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]
    for candidate in by_sentence.values():
        assert TEXT[candidate["start"] : candidate["end"]] == candidate["text"]
        attribution = candidate["attribution"]
        if attribution["start"] >= 0:
            assert TEXT[attribution["start"] : attribution["end"]] in candidate["text"]


def test_figures_are_read_named_placed_and_linked_as_parts():
    _, by_sentence = extracted()
    auditor = {f["name"]: f for f in by_sentence[5]["figures"]}
    assert {n: f["value"] for n, f in auditor.items()} == {
        "complaints": "2,400", "street": "310", "bridge": "95"}  # fmt: skip
    assert auditor["street"]["part_of"] == {"sentence": 5, "figure": "complaints"}
    assert auditor["complaints"]["part_of"] is None
    for figure in auditor.values():
        assert TEXT[figure["start"] : figure["end"]] == figure["value"]
    (share,) = by_sentence[6]["figures"]
    assert share["value"] == "about one in eight"
    assert [f["value"] for f in by_sentence[2]["figures"]] == ["$4.2 million"]
    assert by_sentence[4]["figures"] == []  # "since 2019" is a date, not a figure


def test_no_share_is_set_against_counts_the_text_does_not_relate(tmp_path):
    """Issue 28's AP story, in words of our own: a share beside two unrelated counts drafted
    "19 / 57 consistent with 32 percent"; now no check is drafted for it."""
    article = tmp_path / "ap.txt"
    article.write_text(
        "Police Chief Anna Ruiz said 19 men were killed in the district this year.\n"
        "The city hired 57 new police officers, Ruiz said.\n"
        "Ruiz said burglaries dropped 32 percent.\n",
        encoding="utf-8",
    )
    folder = tmp_path / "claims"
    folder.mkdir()
    written = run("extract", article, "--min-score", "0", "--write", folder / "drafts.toml",
                  "--topic", "crime", "--claims", folder)  # fmt: skip
    assert written.exit_code == 0, written.stderr
    assert "3 claims, 0 checks" in written.stderr
    checked = json.loads(run("check", "--claims", folder, "--json").stdout)
    assert checked["checks"] == []


def test_by_default_only_sentences_above_the_stated_threshold_best_first():
    result = run("extract", ARTICLE, "--json")
    found = json.loads(result.stdout)
    scores = [c["score"] for c in found["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert all(s >= found["threshold"] for s in scores)
    assert found["threshold"] == worthiness.shipped().threshold
    assert 0 < len(scores) < found["sentences"]
    assert [c["rank"] for c in found["candidates"]] == list(range(1, len(scores) + 1))
    assert (
        len(json.loads(run("extract", ARTICLE, "--json", "--top", "2").stdout)["candidates"]) == 2
    )


def test_a_score_comes_with_its_reason():
    _, by_sentence = extracted()
    assert "states a figure" in by_sentence[5]["reason"]["signals"]
    assert "a number in words" in by_sentence[6]["reason"]["signals"]
    assert by_sentence[2]["score"] > by_sentence[9]["score"]  # $4.2 million > the meeting ended


def test_jsonl_is_one_candidate_a_line():
    result = run("extract", ARTICLE, "--format", "jsonl", "--min-score", "0")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 9 and {"speaker", "figures", "start", "end"} <= set(lines[0])


def test_an_html_page_is_read_for_its_article_text_only():
    result = run("extract", FIXTURES / "extract" / "article.html", "--min-score", "0", "--json")
    assert result.exit_code == 0, result.stderr
    texts = [c["text"] for c in json.loads(result.stdout)["candidates"]]
    assert sorted(texts) == sorted([
        "City Budget Fight Heats Up",  # the page's headline
        "Riverton Mayor Dana Whitfield said the city spent $4.2 million on road repairs last year.",
        "Council Member Omar Reyes disputed the figure, and said 2,400 complaints went unanswered.",
    ])  # fmt: skip


def test_markdown_loses_its_markup(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("# Title\n\n**Mayor Ann Lee** said [the fund](https://x.example) grew "
                    "by 12%.\n", encoding="utf-8")  # fmt: skip
    found = json.loads(run("extract", page, "--min-score", "0", "--json").stdout)
    title, candidate = sorted(found["candidates"], key=lambda c: c["sentence"])
    assert title["text"] == "Title"
    assert candidate["text"] == "Mayor Ann Lee said the fund grew by 12%."
    assert candidate["speaker"] == "Ann Lee"


def test_the_table_fits_80_columns():
    result = run("extract", ARTICLE, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "Lena Park (County Auditor)" in result.stdout
    assert "figures: complaints = 2,400, street = 310, bridge = 95" in result.stdout
    assert "candidates of 9 sentences (score at least" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"text\x00with a NUL", "holds a NUL byte at byte 4; is this a binary file?"),
        (b"caf\xe9 au lait", "is not UTF-8 (byte 3, 0xe9)"),
        (b"<html><body><nav>menu</nav></body></html>", "no article text in this HTML page"),
        (b"\xef\xbb\xbf", "is empty"),  # a byte-order mark alone (issue 31: exit 0)
        (b"\xef\xbb\xbf \n", "is empty"),
        (b"\xff\xfeT\x00\x00\xd8", "is marked UTF-16 but byte"),  # a lone surrogate
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    result = run("extract", path)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert run("extract", tmp_path / "missing.txt").exit_code == 2


def test_an_article_text_past_the_limit_is_refused_before_any_reading(tmp_path):
    """Reading costs about 33 s of CPU a megabyte of text: 8 MB, the limit on what is read,
    would have taken minutes and gigabytes. The text is limited to 1 MB; a saved page may be
    larger, its markup aside."""
    from factcheck.extract import article

    path = tmp_path / "book.txt"
    path.write_text("The city spent 12 dollars. " * (article.MAX_TEXT // 27 + 1))
    result = run("extract", path)
    assert result.exit_code == 2
    assert "more than 1,048,576 characters of text" in result.stderr
    assert "split it" in result.stderr and "Traceback" not in result.stderr
    page = tmp_path / "page.html"
    script = "<script>" + "x" * (article.MAX_TEXT + 10) + "</script>"
    page.write_text(f"<html><body>{script}<p>The city spent 12 dollars.</p></body></html>")
    assert run("extract", page).exit_code == 0


def test_drafts_are_written_validated_and_listed(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "desk.toml").write_text("# the desk's notes\n", encoding="utf-8")
    target = folder / "drafts.toml"
    result = run("extract", ARTICLE, "--min-score", "0", "--write", target, "--topic", "budget",
                 "--outlet", "Riverton Courier", "--url", "https://news.example/budget",
                 "--date", "2025-03-01", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "9 claims, 0 checks, 1 source" in result.stderr
    assert run("validate", "--claims", folder).exit_code == 0
    drafts = json.loads(run("list", "--drafts", "--json", "--claims", folder).stdout)
    assert len(drafts) == 9 and all(c["draft"] for c in drafts)
    auditor = next(c for c in drafts if c["text"].startswith("County Auditor Lena Park"))
    assert auditor["speaker"] == "Lena Park"
    assert auditor["quantities"]["street"]["part_of"] == "complaints"
    assert auditor["speaker_role"] == "County Auditor" and auditor["topics"] == ["budget"]
    checked = run("check", "--claims", folder, "--json")
    assert checked.exit_code == 0, checked.stdout
    assert (folder / "desk.toml").read_text(encoding="utf-8") == "# the desk's notes\n"
    # where the sentence does not name its speaker in full, the note says how it was read
    notes = {c["text"][:12]: c.get("notes") or "" for c in drafts}
    assert notes["She also sai"].startswith(
        "Speaker: 'She' (a pronoun) read as Lena Park, named earlier in the article. Date:"
    )
    assert notes["“The city ha"].startswith("Speaker: 'Reyes' (a name) read as Omar Reyes")
    assert "Speaker" not in notes["County Audit"] + notes["The harbor d"]


def test_write_into_a_file_with_problems_refuses_and_changes_nothing(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "bad.toml").write_text("[[claims]]\nid = 'x'\n", encoding="utf-8")
    before = (folder / "bad.toml").read_bytes()
    result = run("extract", ARTICLE, "--write", folder / "bad.toml", "--topic", "t",
                 "--claims", folder)  # fmt: skip
    assert result.exit_code == 3
    assert "has the problems above" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["bad.toml"]
    assert (folder / "bad.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--write", "claims/d.toml"], "--write needs --topic"),
        (["--write", "elsewhere.toml", "--topic", "t"], "inside the claims folder"),
        (
            ["--write", "claims/.hidden.toml", "--topic", "t"],
            "hidden files and folders are never read",
        ),
        (["--source", "s", "--url", "https://x.example"], "not both"),
        (["--date", "March 1"], "is not a date"),
    ],
)
def test_write_usage_errors(tmp_path, monkeypatch, args, message):
    shutil.copytree(FIXTURES / "match", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    result = run("extract", ARTICLE, *args, "--claims", "claims")
    assert result.exit_code == 2 and message in result.stderr
    assert sorted(p.name for p in (tmp_path / "claims").iterdir()) == ["archive.toml"]


def test_figures_in_free_text():
    found = [(f.name, f.value) for f in figures(
        "Since Jan. 20, officials released 4,561 people, more than 12,000 in all, about "
        "one in eight of them, and 13.7% of the budget in 2024.")]  # fmt: skip
    assert found == [("people", "4,561"), ("figure", "more than 12,000"),
                     ("share", "about one in eight"), ("budget", "13.7%")]  # fmt: skip


# Figures as newsrooms write them (issue 28): the sentences are the issue's, from an AP story
# and a PolitiFact piece.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Baltimore had 344 slayings, a 13 percent drop from the 396 in 2007.",
         [("slayings", "344"), ("change", "a 13 percent drop"), ("figure", "396")]),
        ("In Detroit, homicides dropped 32 percent, from 105 in 2007 to 71.",
         [("change", "dropped 32 percent"), ("figure", "105"), ("figure_2", "71")]),
        ("The 234 homicides in Baltimore were 17 percent less than the 392 the year before.",
         [("homicides", "234"), ("change", "17 percent less than"), ("figure", "392")]),
        ("Hurt, R-5th, wrote in a June 3 newsletter that spending has increased by over 80 "
         "percent in two years.", [("change", "increased by over 80 percent")]),
        ("It rose from $434 billion in fiscal 2008 to $537 billion in fiscal 2010.",
         [("amount", "$434 billion"), ("amount_2", "$537 billion")]),
        ("Killed were 19 men between the ages of 15 and 29, as 57 new police officers began.",
         [("men", "19"), ("officers", "57")]),
        ("About one-sixth of the inmates, a third of the staff and nearly half of the county "
         "agreed, and a majority of members.",
         [("inmates", "About one-sixth"), ("staff", "a third"), ("county", "nearly half"),
          ("members", "a majority")]),
        ("The 15-year-old was No. 1 in District 9 at 10:30 p.m. under a 10-year plan in the "
         "1990s, ranked 5th, a third term.", []),
        ("Unemployment is up 5 percentage points, and prices rose 3%.",
         [("change", "up 5 percentage points"), ("change_2", "rose 3%")]),
        # a period is no figure, and "over" there no hedge
        ("The plan would cost $374 billion over 10 years, or $84 billion over the next 5 years.",
         [("amount", "$374 billion"), ("amount_2", "$84 billion")]),
        ("He took a $916 million loss, perhaps for as long as 18 years.",
         [("loss", "$916 million")]),
        # a month or a day after a figure says when, not what was counted
        # the last noun of the run names it, not an adjective after it
        ("Critics rated 32% of Republican claims false.", [("claims", "32%")]),
        ("Rates will double from 3.4 percent to 6.8 percent July 1.",
         [("change", "double"), ("share", "3.4 percent"), ("share_2", "6.8 percent")]),
        # a range of percentages is one figure; a bare range (ages, a score) is none
        ("Turnout in three cantons was 72-75 percent, ages 15-29, a 24-21 vote.",
         [("share", "72-75 percent")]),
        # a pronoun after a figure is who answered, not what was counted
        ("Another 19 percent said they would pick neither.", [("share", "19 percent")]),
        # a person's age as news gives it is no figure; a tally by name is
        ("Dana Reyes, 34, of Newark, said 12 families moved, and Crutcher, 40 ― a father ― "
         "agreed with Ann Lee, who is 70.", [("families", "12")]),
        ("The count: Ohio, 18, Texas, 38; the town, 40, flooded.",
         [("figure", "18"), ("figure_2", "38"), ("figure_3", "40")]),
        # markup pasted with a text: its numbers are the markup's
        ('<tweet timestamp="1474387200" tweet_id="778257943577919488">Jobs rose 5 percent.',
         [("change", "rose 5 percent")]),
        # "22 in one week" is a count over a time, no ratio and no "one" counted
        ("We went from 11 to 22 in one week.", [("figure", "11"), ("figure_2", "22")]),
        ("The rate was nearly double the national rate, three times the cost.",
         [("multiple", "nearly double the"), ("multiple_2", "three times the")]),
        # Bare numbers that count nothing, each after a kind found in drafts of real news
        # (the sentences written here): a list's marker, decades, a height, an age, a year
        # before 1800, and the first of two percentages whose sign is written once
        ("1) Unlike the mayor, he stayed; 2) the rest left.", []),
        ("Crime peaked in the 90's and the 80\u2019s, not the 1990s.", []),
        ("He is 6'3\" tall and weighs 236 pounds.", [("pounds", "236")]),
        ("As the senator turns 70, a look back.", []),
        ("The office, created in 1789, has no staff; the war began in 1775 and ended.", []),
        ("In 1500 cases the court ruled for the city.", [("cases", "1500")]),
        # one sign for two numbers: the range the quantity language reads, else no figure
        # ("18 percent" alone of "17 or 18 percent" says what the text does not)
        ("The rate falls to 17 or 18 percent, 35 to 12 percent, between 10 and 15 percent.",
         [("share", "between 10 and 15 percent")]),
        ("It passed about 60 to 75 percent, by 2030 to 32 percent.",
         [("share", "about 60 to 75 percent"), ("share_2", "32 percent")]),
        # a list of numbers that share one sign: no count, and no one of them alone
        ("If you get 60, 70, 80 percent of the vote, or 43, 44 percent, even 51 percent.",
         [("share", "51 percent")]),
        ("Men under 35 back him, as do voters over 65; those over 50 pounds weigh in.",
         [("pounds", "over 50")]),
        # a number is never the first digits of a longer one: "$25,000" before a colon
        ("Anyone wanting to borrow $25,000: take loans, in a 7,600-foot-high city.",
         [("amount", "$25,000")]),
        # an age in months, a day's number, a year after "the year", "18+ percent"
        ("She was 15 months old on day 100, by the year 2100, down 18+ percent.", []),
        ("On the first day 300 people came.", [("came", "300")]),
        # a list's or a thread's marker at a sentence's start, a day before its month
        ("1. This is a study.", []),
        ("1/ Here is a thread.", []),
        ("As of 10 March 2020, 26,261 people were tested.", [("people", "26,261")]),
        # a street's number, a size
        ("It went off at 131 West 23rd Street; she wore a size 16 dress.", []),
        # an age without "years old": "Dana was 15 when", "a young man of 26 or 27"
        ("Dana was 15 when she left; he was a young man of 26 or 27.", []),
        ("There were 15 when the vote came.", [("figure", "15")]),  # no "came" counted
        # a scale written onto the number, as some papers print it
        ("Donors gave more than $38million and $23 million.",
         [("amount", "more than $38million"), ("amount_2", "$23 million")]),
        # a count in words of a whole is a share; "one of" is one among them
        ("Eight of 10 avocados are from Mexico; she is one of 10 candidates.",
         [("avocados", "Eight of 10"), ("candidates", "10")]),
        # plans and groups the tax code names; a fraction of a scale is a sum, no share
        ("Learn more about 529 plans, 401(k) plans and 501(c)(4) groups.", []),
        ("They need a quarter of a million dollars; a third of voters agree.",
         [("voters", "a third")]),
        # "11 and a half million" is 11.5 million, which no "11" says
        ("We have 11 and a half million people and 40 new jobs.", [("jobs", "40")]),
        # a year with its century cut off
        ("The '76 measure passed in \u201994 with 60 votes.", [("votes", "60")]),
        # a clock with a curly apostrophe, an age range written "18- to 24-year-old"
        ("Be there by 6 o\u2019clock, the 18- to 24-year-old voters said.", []),
        # a number in a title in quotation marks; a quoted count or tally stays
        ("A clip of \u2018The 411\u2019 and \u201cAmerican Skin (41 Shots)\u201d aired.", []),
        ("He said \u201c20 people died\u201d and \u201cClinton 48, Trump 44.\u201d",
         [("people", "20"), ("figure", "48"), ("figure_2", "44")]),
        # "10 times harder": a multiple the quantity language does not read, no count
        ("He will punch back 10 times harder; they met 10 times over the year.",
         [("figure", "10")]),
        # an age range after the people it is of
        ("Among voters 18 to 29 and Americans 65 and older, 40 people voted.",
         [("people", "40")]),
        # a vote's split
        ("Both parties split 4 to 1 in favor; the court ruled 7 to 2 against.", []),
        # "a" number and a noun in the singular: a name or a measure, one thing, no count
        ("A 911 caller saw a 5 mile race and a 50 state strategy, not 911 callers.",
         [("callers", "911")]),
        ("We saw about a 100 people.", [("people", "100")]),
        # "make up" is no rise: a share of what follows
        ("Women make up a majority of voters, who make up about 80 percent of the buyers.",
         [("voters", "a majority"), ("buyers", "about 80 percent")]),
        # ... and what stays: a change's two ends, a count joined to a percentage by "and"
        ("Support rose from 10 to 15 percent; he won 10 and 15 percent went elsewhere.",
         [("figure", "10"), ("share", "15 percent"), ("figure_2", "10"),
          ("went", "15 percent")]),
    ],
)  # fmt: skip
def test_figures_as_newsrooms_write_them(sentence, expected):
    found = figures(sentence)
    assert [(f.name, f.value) for f in found] == expected
    assert all(sentence[f.start : f.end] == f.value for f in found)


# A figure counted per day, year or person says so: "$600,000 a day" drafted as "$600,000"
# had lost what the speaker said. Where the quantity language reads the rate with the figure,
# it is part of the value; "a year ago" and "a day later" are dates, not rates.
# A fraction of a percentage ("less than half of 1 percent", PolNeAR dev) is neither figure
# alone: "less than half" and "1 percent" of the Syrians had been drafted, and the text says
# neither. Until the quantity language reads the two as one, neither is drafted.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Christians make up less than half of 1 percent of the refugees.", []),
        ("A third of a percent left, and two-thirds of 5% voted.", []),
        ("Half of the 400 staff stayed, and a third of voters left.",
         ["Half", "400", "a third"]),
    ],
)  # fmt: skip
def test_a_fraction_of_a_percentage_is_not_read_as_two_figures(sentence, expected):
    assert [f.value for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The campaign spent $600,000 a day on ads.", [("$600,000 a day", "a day")]),
        ("The city pays $1.2 million per year and 40 tons each day.",
         [("$1.2 million per year", "per year"), ("40", "each day")]),
        ("Families save $500 a month; prices rose 3 percent annually.",
         [("$500 a month", "a month"), ("rose 3 percent", "annually")]),
        ("Tuition is $12,000 per student.", [("$12,000", "per student")]),
        # a range's first end is counted per the rate its second end gives
        ("They made between $30,000 and $60,000 a year; bonuses were $500 to $2,000.",
         [("$30,000", "a year"), ("$60,000 a year", "a year"), ("$500", None), ("$2,000", None)]),
        # every few periods: kept as the figure's per, its number no count of its own
        ("Bonuses were $500 to $2,000 every three months; we elect 435 members every 2 years.",
         [("$500", "every three months"), ("$2,000", "every three months"),
          ("435", "every 2 years")]),
        ("Sales were 4 percent a year ago and 10 people came a day later.",
         [("4 percent", None), ("10", None)]),
        # a span, and a rate that is the verb's, not the figure's
        ("It cost $33.6 billion over a decade; 1 percent of 100,000 retail bankers every year.",
         [("$33.6 billion", None), ("1 percent", None), ("100,000", None)]),
        ("Income is twice the average per capita income; we spend twice as much per capita.",
         [("twice the", None), ("twice as much", "per capita")]),
        ("He paid $5 million a year-over-year increase; 3 days a quarter of them left.",
         [("$5 million", None), ("3", None), ("a quarter", None)]),
    ],
)  # fmt: skip
def test_a_rate_is_read_with_its_figure(sentence, expected):
    found = figures(sentence)
    assert [(f.value, f.per) for f in found] == expected
    assert all(sentence[f.start : f.end] == f.value for f in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a lead or a gap is no change: only a word of change makes one
        ("Clinton leads Sanders by close to 20 percentage points.", ["points"]),
        ("Men support him by 4 percentage points, and support rose 3 percentage points.",
         ["points", "change"]),
        ("It was a 6 percentage point drop; rates are up 1.5 percentage points.",
         ["change", "change_2"]),
    ],
)  # fmt: skip
def test_percentage_points_are_a_change_only_with_a_word_of_change(sentence, expected):
    assert [f.name for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Now it is 18.7% when PolitiFact said 51% a year prior.", ["share", "share_2"]),
        ("It will be heard by 10 judges rather than 11 because the court's judge recused.",
         ["judges", "figure"]),
        ("They earn more than the 2% that the government gets.", ["share"]),
        ("They spent about 40% of the budget.", ["budget"]),  # "of" still reads on
        # nor a span of time
        ("Inversions will cost $33.6 billion over a decade.", ["amount"]),
        ("Donations hit $1.1 billion through the end of August.", ["amount"]),
        ("It averaged about 18% in the quarter.", ["share"]),
        # a share "in" something is of what came before; a sum "in" something is of it
        ("It was 32 percent in the federal government.", ["share"]),
        ("They shipped $1.7 billion in cash.", ["cash"]),
        # a sum "to" someone is what was given them
        ("Steyer will give $15 million to For Our Future.", ["amount"]),
        # nor a copula's predicate or another conjunct ("or more" still reads on)
        ("They said the $100 billion is the tail that wags the dog.", ["amount"]),
        ("We pay close to 4 percent and other countries pay 1 percent.", ["share", "share_2"]),
        ("Employers with 50 or more employees are covered.", ["employees"]),
    ],
)  # fmt: skip
def test_a_clause_after_a_figure_names_nothing_it_counts(sentence, expected):
    assert [f.name for f in figures(sentence)] == expected


def test_a_rate_reaches_the_json_and_the_draft(tmp_path):
    article = tmp_path / "rates.txt"
    article.write_text("Mayor Ana Ruiz said the city spends $600,000 a day on the bridge, "
                       "and 800 workers a month.\n")  # fmt: skip
    shown = run_json("extract", article, "--min-score", "0")
    figures_shown = shown["candidates"][0]["figures"]
    assert [(f["value"], f["per"]) for f in figures_shown] == [
        ("$600,000 a day", "a day"), ("800", "a month")]  # fmt: skip
    folder = tmp_path / "claims"
    folder.mkdir()
    result = run("extract", article, "--min-score", "0", "--write", folder / "d.toml",
                 "--topic", "budget", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (draft,) = json.loads(run("list", "--json", "--claims", folder).stdout)
    # the rate in the value, where the quantity language reads it; else as the period
    assert [(q["value"], q.get("period")) for q in draft["quantities"].values()] == [
        ("$600,000 a day", None), ("800", "a month")]  # fmt: skip
    table = run("extract", article, "--min-score", "0").stdout
    assert "= $600,000 a day," in table and "= 800 a month" in table


def test_a_number_that_is_part_of_a_name_is_no_figure(tmp_path):
    """Sentences written for this test: the parser's names of things keep their numbers
    ("Fortune 500", "Lincoln Middle School 112"); counts it took into a name by mistake, and
    percentages, stay figures."""
    article = tmp_path / "names.txt"
    article.write_text(
        "Pupils at Lincoln Middle School 112 in Queens sang in the choir.\n"
        "The report found that 58 Fortune 500 companies paid no tax at all last year.\n"
        "The poll shows Clinton leading Trump 47.3 percent to 44.4 percent.\n"
        "A letter signed by 9 Nobel Prize-winning economists backed the plan.\n"
        "The show airs on Harbor Radio 125 weekdays, and the Ginbot 7 movement grew.\n"
        "In the count, Gary Jones got 3 percent.\n"
        "The count was Clinton 48, Trump 44 in the last poll, and Italy 320; UK 12.\n",
        encoding="utf-8",
    )
    result = run("extract", article, "--min-score", "0", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    candidates = sorted(map(json.loads, result.stdout.splitlines()), key=lambda c: c["start"])
    values = [[f["value"] for f in candidate["figures"]] for candidate in candidates]
    # names the entity model misses ("Radio 125", "Ginbot 7") by the proper noun before
    # the number; a percentage after a name stays a figure
    assert values == [
        [],
        ["58"],
        ["47.3 percent", "44.4 percent"],
        ["9"],
        [],
        ["3 percent"],
        ["48", "44", "320", "12"],
    ]  # a tally of names and numbers: counts
    # what is counted is read past the name's number: companies, not "Fortune"
    assert candidates[1]["figures"][0]["name"] == "companies"


def test_character_grams_are_those_of_char_wb():
    # scikit-learn's analyzer="char_wb", ngram_range=(2, 3), on "ab c": the model was trained
    # on its output, so the two must agree.
    # (scikit-learn 1.9 gives exactly this list for that input.)
    grams = [" a", "ab", "b ", " ab", "ab ", " c", "c ", " c "]
    assert worthiness.char_grams("ab c", 2, 3) == grams


def test_list_and_version_load_no_sentence_splitter_or_model():
    probe = (
        "import sys; from factcheck.cli import main\n"
        f"sys.argv = ['factcheck', 'list', '--json', '--claims', {str(FIXTURES / 'match')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pysbd', 'numpy', 'spacy', 'factcheck.extract') "
        "if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_second_write_of_the_same_article_adds_nothing(tmp_path):
    folder = tmp_path / "claims"
    target = folder / "drafts.toml"
    args = ("extract", ARTICLE, "--write", target, "--topic", "budget", "--claims", folder,
            "--url", "https://www.rivertoncourier.com/news/2025/budget.html")  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    written = target.read_text(encoding="utf-8")
    assert 'id = "rivertoncourier"' in written  # the site's name, not "source-https-www-..."
    second = run(*args)
    assert second.exit_code == 0, second.stderr
    assert "nothing to add" in second.stderr
    assert "already recorded from this source" in second.stderr
    assert target.read_text(encoding="utf-8") == written
    # every sentence: only those not drafted before are added, under the same source
    drafted = len(run_json("extract", ARTICLE)["candidates"])
    assert 0 < drafted < 9, "the fixture must hold sentences below the threshold"
    third = run(*args, "--min-score", "0")
    assert third.exit_code == 0, third.stderr
    added = f"{9 - drafted} claim{'s' if 9 - drafted > 1 else ''}, 0 checks, 0 sources"
    assert "added to" in third.stderr and added in third.stderr
    listed = run_json("list", "--claims", folder)
    assert len(listed) == len({c["text"] for c in listed}) == 9
    assert {c["source"] for c in listed} == {"rivertoncourier"}


def test_write_outside_the_folder_leaves_no_folder_behind(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", ARTICLE, "--write", "drafts.toml", "--topic", "budget")
    assert result.exit_code == 2 and "inside the claims folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("outlet", "url", "slug"),
    [("PolitiFact", "https://www.politifact.com/factchecks/2010/jun/x/", "politifact"),
     (None, "https://www.capecodtimes.com/story/news/2020/01/a.html", "capecodtimes"),
     (None, "https://edition.cnn.com/2024/politics/x", "cnn"),
     ("Le Télégramme", None, "le-telegramme")],
)  # fmt: skip
def test_a_source_is_named_after_its_outlet_or_site(outlet, url, slug):
    from factcheck.extract.drafts import source_slug

    assert source_slug(outlet, url) == slug


def test_a_headline_and_lines_without_a_closing_mark_are_scored(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Robert Hurt says some federal spending is up over 80 percent in two years\n\n"
                    "There is no collusion with me\n", encoding="utf-8")  # fmt: skip
    found = json.loads(run("extract", page, "--min-score", "0", "--json").stdout)
    by_text = {c["text"]: c for c in found["candidates"]}
    headline = by_text["Robert Hurt says some federal spending is up over 80 percent in two years"]
    assert headline["speaker"] == "Robert Hurt"
    assert "There is no collusion with me" in by_text


# Hostile input on the article side (issue 31); benchmarks/extract_hostile.py times them.
@pytest.mark.parametrize(
    "page",
    [
        "<!-- saved from url=(0042)https://news.example/story -->\n<html><body><nav>Home</nav>"
        "<article><p>The mayor said the city spent $4 million.</p></article>"
        "<footer>Copyright</footer></body></html>",
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>The mayor said the city spent $4 million.</p></body></html>",
        # 3,000 <div> never closed around the article
        "<html><body>" + "<div>" * 3000 + "<article><p>The mayor said the city spent $4 "
        "million.</p></article></body></html>",
    ],
)
def test_a_saved_page_is_read_as_html_whatever_opens_it(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    found = json.loads(run("extract", path, "--min-score", "0", "--json").stdout)
    assert [c["text"] for c in found["candidates"]] == [
        "The mayor said the city spent $4 million."]  # fmt: skip


def test_a_utf16_article_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("The mayor said the city spent $4 million.\n".encode("utf-16"))
    found = json.loads(run("extract", path, "--min-score", "0", "--json").stdout)
    assert [c["text"] for c in found["candidates"]] == [
        "The mayor said the city spent $4 million."]  # fmt: skip


def test_an_empty_path_is_named_as_such():
    result = run("extract", "")
    assert result.exit_code == 2 and "no file named" in result.stderr


def test_a_run_too_long_for_a_sentence_is_cut_and_said(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("word " * 1000 + "\n", encoding="utf-8")  # 5,000 characters, no end
    result = run("extract", path, "--min-score", "0", "--json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["sentences"] == 3
    assert all(len(c["text"]) <= 2000 for c in found["candidates"])
    assert "3 pieces of text with no sentence end for over 2,000 characters" in result.stderr


@pytest.mark.slow
def test_concurrent_writes_of_one_article_add_it_once(tmp_path):
    """Two `extract --write` of one article at once: each chose its IDs before the other
    wrote, and the second failed with duplicate IDs (issue 31)."""
    import os

    folder = tmp_path / "claims"
    folder.mkdir()
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "factcheck",
                "extract",
                str(ARTICLE),
                "--write",
                str(folder / "drafts.toml"),
                "--topic",
                "budget",
                "--url",
                "https://news.example/budget",
                "--claims",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(4)
    ]
    codes = [w.wait(timeout=300) for w in writers]
    assert codes == [0, 0, 0, 0], [w.stderr.read() for w in writers if w.returncode]
    listed = run_json("list", "--claims", folder)
    drafted = len(run_json("extract", ARTICLE)["candidates"])  # each sentence drafted once
    assert len(listed) == len({c["text"] for c in listed}) == drafted
    assert run("validate", "--claims", folder).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--topic", "Bad Topic"], "--topic 'Bad Topic' is not a topic ID"),
     (["--topic", "t", "--url", "javascript:alert(1)"], "is not a web address")],
)  # fmt: skip
def test_write_options_a_record_would_refuse_are_said_of_the_option(tmp_path, args, message):
    result = run("extract", ARTICLE, "--write", tmp_path / "claims" / "d.toml", *args,
                 "--claims", tmp_path / "claims")  # fmt: skip
    assert result.exit_code == 2 and message in result.stderr
    assert "should match pattern" not in result.stderr


def test_a_transcript_label_is_the_speaker_not_part_of_what_was_said(tmp_path):
    transcript = tmp_path / "debate.txt"
    text = (
        "Lester Holt moderated the debate, where Donald Trump spoke first.\n"
        "Donald Trump: We lost 70,000 factories since 2001. It is a disaster.\n"
        "MODERATOR: Thank you.\n"
    )
    by_text = {c["text"]: c for c in extract_lines(transcript, text)}
    factories = by_text["We lost 70,000 factories since 2001."]
    assert factories["speaker"] == "Donald Trump"
    assert factories["attribution"]["cue"] == "transcript label"
    assert text[factories["start"] : factories["end"]] == factories["text"]
    (figure,) = [f for f in factories["figures"] if f["value"] == "70,000"]
    assert text[figure["start"] : figure["end"]] == "70,000"
    assert by_text["It is a disaster."]["speaker"] == "Donald Trump"
    assert "Thank you." in by_text and "MODERATOR: Thank you." not in by_text
    written = tmp_path / "claims"
    written.mkdir()
    result = run("extract", transcript, "--min-score", "0", "--write", written / "d.toml",
                 "--topic", "debate", "--claims", written)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    drafts = (written / "d.toml").read_text(encoding="utf-8")
    assert 'text = "We lost 70,000 factories since 2001."' in drafts
    assert "Donald Trump: We lost" not in drafts


def test_a_figure_is_named_by_a_noun_the_parser_found_not_a_verb_or_a_persons_name(tmp_path):
    candidates = extract_lines(
        tmp_path / "taxes.txt",
        "Hillary Clinton spoke in Ohio on Monday.\n"
        "The top 1 percent paid 25.4 percent of all federal taxes in 2013.\n"
        "It costs the minimum $20 million experts say it takes to run.\n"
        "Only 24 percent of Hillary Clinton's donors gave $200 or less.\n"
        "The report says 20 veterans commit suicide each day.\n"
        "He could do well in many of the 16 states holding contests on March 1.\n"
        "They won 25 million votes, compared with 16 million for Mrs. Clinton.\n"
        "America has spent $6 trillion in the Middle East.\n"
        "Among the rulings at risk are 14 involving business activity, Epstein said.\n"
        "The accord could cost as much as 2.7 million lost jobs by 2025.\n",
    )
    names = {f["value"]: f["name"] for c in candidates for f in c["figures"]}
    # the first run of nouns after the figure: a verb between ends it
    assert names["20"] == "veterans"  # not "suicide"
    assert names["16"] == "states"  # not "contests"
    assert names["16 million"] == "figure"  # no "mrs": a title is no counted noun
    assert names["$6 trillion"] == "amount"  # no "east": a place is no counted noun
    assert names["1 percent"] == "share"  # not "paid"
    assert names["25.4 percent"].startswith("taxes")
    assert names["$20 million"] == "experts"  # not "say"
    assert names["24 percent"] == "donors"  # not "clinton"
    assert names["14"] == "figure"  # 14 rulings, not "activity": "involving" ends the run
    assert names["2.7 million"] == "jobs"  # a verb that modifies the noun does not


def test_a_quotation_in_the_new_york_times_marks_is_a_quotation(tmp_path):
    """''...'' is how the NYT's archive quotes: attribution read it, but the candidate's kind
    and quotes did not, and its direct quotations were drafted as paraphrases with no quote.
    The article written for this test."""
    candidates = extract_lines(
        tmp_path / "nyt.txt",
        "''This isn't tax reform,'' said Dana Holt, an economist.\n"
        "Taxes rose 5 percent, said Omar Reyes, who isn't sure why.\n",
    )
    assert [(c["kind"], [q["text"] for q in c["quotes"]]) for c in candidates] == [
        ("quotation", ["This isn't tax reform,"]), ("paraphrase", [])]  # fmt: skip


def test_a_sentence_repeating_one_of_the_same_speaker_scores_nothing(tmp_path):
    """A saved page gives its headline twice (title, then heading): one draft, not two. The
    same words from another speaker are another claim. The article written for this test."""
    candidates = extract_lines(
        tmp_path / "page.txt",
        "Report on the port cost $7 million and found little\n\n"
        "Report on the port cost  $7 million and found little.\n\n"
        "Ann Lee: Crime fell 12 percent last year.\n"
        "Bo Chan: Crime fell 12 percent last year.\n"
        "Ann Lee: Crime fell 12 percent last year!\n",
    )
    scores = [(c["speaker"], c["score"], c["reason"]["signals"]) for c in candidates]
    assert scores[0][1] > 0.5
    assert scores[1] == ("the article", 0.0, ["repeats sentence 1"])
    assert scores[2][1] > 0.5 and scores[3][1] > 0.5  # Ann Lee's, then Bo Chan's
    assert scores[4] == ("Ann Lee", 0.0, ["repeats sentence 3"])


def test_a_posts_signature_is_no_part_of_what_it_says(tmp_path):
    """A pasted post's signature names its author and is no part of a claim: trimmed from a
    sentence it ends, and a sentence of it alone states nothing (it had scored 0.75 for its
    date's "figure"). The post written for this test."""
    candidates = extract_lines(
        tmp_path / "post.txt",
        "Taxes rose 12 percent in Riverton. Vote no! pic.twitter.com/x1 \u2014 Omar Lee "
        "(@omarlee) March 4, 2019\n"
        "We won 40 seats! \u2014 Ann Park (@annpark) May 2, 2020\n",
    )
    texts = [c["text"] for c in candidates]
    assert texts[:2] == ["Taxes rose 12 percent in Riverton.", "Vote no! pic.twitter.com/x1"]
    assert [c["speaker"] for c in candidates] == ["Omar Lee", "Omar Lee"] + ["Ann Park"] * (
        len(candidates) - 2
    )
    alone = [c for c in candidates if c["text"].startswith("\u2014")]
    assert alone and all(c["score"] == 0 for c in alone)
    assert all(c["reason"]["signals"] == ["a post's signature alone"] for c in alone)
