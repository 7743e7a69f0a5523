"""`factcheck review` (issue 30): drafts accepted or rejected, every other byte of the file
kept, drafted checks following their claims, the folder validated before a change is kept."""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import FIXTURES, at_a_terminal, run, run_json
from factcheck.folder.edits import EditError, edited, with_field

DRAFTS = """# The desk's drafts from the AP story.

[[sources]]
id = "ap"
outlet = "AP"

[[claims]]
id = "kept"
text = "A claim the desk already accepted."
speaker = "S"
topics = ["crime"]

[[claims]]   # drafted by extract
id = "slayings"
text = "Baltimore had 344 slayings, a 13 percent drop from the 396 in 2007."
speaker = "Police"
topics = ["crime"]
source = "ap"
quantities.slayings = "344"
quantities.change = { value = "a 13 percent drop", from = "before", to = "slayings" }
quantities.before = "396"
draft = true

[[claims]]
id = "share"
text = "The county released 593 people, or 13 percent of the 4,561 it held."
speaker = "Officials"
topics = ["crime"]
draft = true  # not yet reviewed

[claims.quantities]
people = "593"
percent = "13 percent"
held = "4,561"

[[checks]]
id = "share-check"
compute = "share.people / share.held"
claim = "share.percent"
draft = true
"""


@pytest.fixture
def folder(tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "drafts.toml").write_text(DRAFTS, encoding="utf-8")
    return claims


def lines_removed(before: str, after: str) -> list[str]:
    import difflib

    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    assert not [line for line in diff if line.startswith("+ ")]
    return [line[2:] for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line.startswith("- ")]  # fmt: skip


def test_accepting_takes_out_the_draft_line_alone_and_brings_the_checks(folder):
    result = run("review", "--no-input", "--accept", "share", "--claims", folder, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"accepted": ["share", "share-check"], "rejected": []}
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    assert lines_removed(DRAFTS, after) == ["draft = true  # not yet reviewed", "draft = true"]
    assert after.count("\n") == DRAFTS.count("\n") - 2  # nothing else moved
    listed = {c["id"]: c.get("draft") for c in run_json("list", "--claims", folder)}
    assert listed["share"] in (None, False) and listed["slayings"] is True
    assert run("validate", "--claims", folder).exit_code == 0


def test_rejecting_takes_out_the_record_and_its_checks_alone(folder):
    result = run("review", "--no-input", "--reject", "share", "--claims", folder)
    assert result.exit_code == 0, result.stderr
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    assert 'id = "share"' not in after and 'id = "share-check"' not in after
    assert after == DRAFTS[: DRAFTS.index('[[claims]]\nid = "share"')]  # the rest byte for byte
    assert run("validate", "--claims", folder).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--accept", "nope"], "no claim or check 'nope'"),
     (["--accept", "kept"], "'kept' is no draft"),
     (["--accept", "share", "--reject", "share"], "both accepted and rejected: share"),
     ([], "nothing to review")],
)  # fmt: skip
def test_what_cannot_be_reviewed_is_said_and_nothing_changes(folder, args, message):
    result = run("review", "--no-input", *args, "--claims", folder)
    assert result.exit_code == 2 and message in result.stderr
    assert (folder / "drafts.toml").read_text(encoding="utf-8") == DRAFTS


def test_a_rejection_that_would_break_a_reference_is_put_back(folder):
    (folder / "more.toml").write_text(
        '[[claims]]\nid = "later"\ntext = "That is a 5 percent rise."\nspeaker = "S"\n'
        'topics = ["crime"]\nquantities = { rise = { value = "rose 5%", from = '
        '"slayings.before", to = "slayings.slayings" } }\n', encoding="utf-8")  # fmt: skip
    result = run("review", "--no-input", "--reject", "slayings", "--claims", folder)
    assert result.exit_code == 3 and "slayings" in result.stderr
    assert (folder / "drafts.toml").read_text(encoding="utf-8") == DRAFTS


def test_a_record_that_is_no_table_of_its_own_is_not_guessed_at():
    inline = 'claims = [{ id = "x", text = "t", speaker = "s", topics = ["a"], draft = true }]\n'
    with pytest.raises(EditError, match="not written as a \\[\\[table\\]\\]"):
        edited(inline, {"x"}, set())
    two_lines = '[[claims]]\nid = "x"\ndraft = true\n[claims.more]\ndraft = true\n'
    with pytest.raises(EditError):
        edited(two_lines, {"x"}, set())


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_each_draft_is_shown_and_decided(folder):
    code, said = at_a_terminal(["review", "--claims", str(folder)], b"x\nr\na\n", folder.parent)
    said = re.sub(r"\x1b\[[0-9;]*m", "", said)
    assert code == 0, said
    assert "draft 1 of 2: slayings" in said and "answer a, r, e, s or q" in said
    assert "suggested check share-check" in said
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    assert 'id = "slayings"' not in after and "not yet reviewed" not in after
    assert run("validate", "--claims", folder).exit_code == 0


@pytest.mark.parametrize(
    ("claim", "field", "value", "old", "new"),
    [("slayings", "speaker", "Baltimore police", 'speaker = "Police"',
      'speaker = "Baltimore police"'),
     ("slayings", "topics", "crime, baltimore", 'topics = ["crime"]',
      'topics = ["crime", "baltimore"]'),
     # a figure written as a dotted key, one with more than a value, one in a sub-table
     ("slayings", "before", "397", 'quantities.before = "396"', 'quantities.before = "397"'),
     ("slayings", "change", "a 13.1 percent drop",
      'quantities.change = { value = "a 13 percent drop", from = "before", to = "slayings" }',
      'quantities.change = { value = "a 13.1 percent drop", from = "before", to = "slayings" }'),
     ("share", "people", "594", 'people = "593"', 'people = "594"')],
)  # fmt: skip
def test_a_field_corrected_before_accepting_rewrites_its_line_alone(folder, claim, field, value,
                                                                     old, new):  # fmt: skip
    result = run("review", "--no-input", "--accept", claim, "--set", f"{field}={value}",
                 "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    # the draft lines go as accepting takes them (the share's drafted check with it)
    assert lines_removed(DRAFTS, after.replace(new, old)) == (
        ["draft = true"]
        if claim == "slayings"
        else ["draft = true  # not yet reviewed", "draft = true"]
    )
    assert new in after
    assert run("validate", "--claims", folder).exit_code == 0


def test_a_field_the_draft_lacks_gets_a_line_after_its_id():
    text = '[[claims]]\nid = "x"\ntext = "T"\nspeaker = "S"\ntopics = ["t"]\n'
    after = with_field(text, "x", ("date",), lambda old: __import__("datetime").date(2025, 1, 2))
    assert after == text.replace('id = "x"\n', 'id = "x"\ndate = 2025-01-02\n')


def test_a_figure_in_an_inline_table_is_rewritten_with_its_table():
    text = '[[claims]]\nid = "x"\nquantities = { a = "3", b = { value = "4", part_of = "a" } }\n'
    after = with_field(text, "x", ("quantities", "b"), lambda old: {**old, "value": "2"})
    assert after == text.replace('value = "4"', 'value = "2"')


@pytest.mark.parametrize(
    ("setting", "message"),
    [("date=yesterday", "is not a date; write YYYY-MM-DD"),
     ("topics=Crime Stats", "is not a topic ID"),
     ("people=lots", "is no figure"),
     ("speaker=", "the answer is empty"),
     ("source=x", "cannot be edited here; one of: speaker, text, topics, date, people"),
     ("speaker", "write FIELD=VALUE")],
)  # fmt: skip
def test_a_correction_that_cannot_be_kept_changes_nothing(folder, setting, message):
    result = run("review", "--no-input", "--accept", "share", "--set", setting,
                 "--claims", folder)  # fmt: skip
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert (folder / "drafts.toml").read_text(encoding="utf-8") == DRAFTS


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_a_field_is_edited_then_the_draft_accepted(folder):
    typed = b"e\nspeaker\nBaltimore police\na\nq\n"
    code, said = at_a_terminal(["review", "--claims", str(folder)], typed, folder.parent)
    assert code == 0, said
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    restored = after.replace('speaker = "Baltimore police"', 'speaker = "Police"')
    assert 'speaker = "Baltimore police"' in after
    assert lines_removed(DRAFTS, restored) == ["draft = true"]
    assert "Baltimore police" in re.sub(r"\x1b\[[0-9;]*m", "", said)  # the draft shown again


RATINGS = '[[ratings]]\nid = "false"\nlabel = "False"\nvalue = 1\nbest = 5\nworst = 1\n'


def test_accepting_with_a_review_writes_it_where_the_draft_line_was(folder):
    (folder / "ratings.toml").write_text(RATINGS, encoding="utf-8")
    result = run("review", "--no-input", "--accept", "share", "--rating", "false",
                 "--rationale", "593 of 4,561 is 13.0%.", "--review-url",
                 "https://desk.example/r/share", "--review-date", "2025-01-03",
                 "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = (folder / "drafts.toml").read_text(encoding="utf-8")
    line = ('review = { rating = "false", date = 2025-01-03, url = "https://desk.example/r/share",'
            ' rationale = "593 of 4,561 is 13.0%." }')  # fmt: skip
    assert after == DRAFTS.replace("draft = true  # not yet reviewed", line).replace(
        '\n[[checks]]\nid = "share-check"\ncompute = "share.people / share.held"\n'
        'claim = "share.percent"\ndraft = true\n',
        '\n[[checks]]\nid = "share-check"\ncompute = "share.people / share.held"\n'
        'claim = "share.percent"\n')  # fmt: skip
    shown = run_json("show", "share", "--claims", folder)
    assert shown["claim"]["review"]["rating"] == "false"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--accept", "share", "--rating", "nope"], "--rating nope: no such rating"),
     (["--accept", "share", "--accept", "slayings", "--rating", "false"], "one claim --accept"),
     (["--accept", "share", "--rating", "false", "--review-url", "javascript:x"],
      "is not a web address")],
)  # fmt: skip
def test_a_review_that_cannot_be_kept_changes_nothing(folder, args, message):
    (folder / "ratings.toml").write_text(RATINGS, encoding="utf-8")
    result = run("review", "--no-input", *args, "--claims", folder)
    assert result.exit_code == 2 and message in result.stderr
    assert (folder / "drafts.toml").read_text(encoding="utf-8") == DRAFTS


def test_a_desks_day_from_article_to_page(tmp_path):
    """The README's tour: extract, a rating scale, review, report."""
    article = FIXTURES / "extract" / "article.txt"
    desk = tmp_path / "desk"
    steps = [
        ("extract", article, "--write", desk / "drafts.toml", "--topic", "budget",
         "--url", "https://news.example/budget", "--date", "2025-03-01"),
        ("new", "rating", "--no-input", "--id", "false", "--label", "False", "--value", "1",
         "--best", "5", "--worst", "1", "--file", desk / "ratings.toml"),
        ("review", "--no-input", "--accept", "whitfield-city-spent-million-road",
         "--rating", "false", "--rationale", "The city's accounts show $3.1 million.",
         "--review-url", "https://desk.example/reviews/road-repairs"),
        ("report", "-o", tmp_path / "report.html"),
    ]  # fmt: skip
    for step in steps:
        result = run(*step, "--claims", desk)
        assert result.exit_code == 0, (step[0], result.stderr)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Riverton Mayor Dana Whitfield said the city spent $4.2 million" in page
    assert "Rating: False: 1 on a scale from 1 to 5" in page
