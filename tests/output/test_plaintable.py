"""The streaming table: every value shown, every line the same width, nothing lost."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run
from factcheck.output import plaintable
from factcheck.output.terminal import PLAIN_ROWS


def lines_of(headers, rows, total):
    widths = plaintable.widths(headers, rows, total)
    return list(plaintable.draw(headers, rows, widths))


def test_a_table_that_fits_keeps_natural_widths():
    lines = lines_of(["id", "text"], [["a", "short"], ["bb", "longer text"]], 80)
    assert lines[1] == "┃ id ┃ text        ┃"
    assert lines[3] == "│ a  │ short       │"
    assert len({len(line) for line in lines}) == 1


def test_a_narrow_table_wraps_the_widest_column_first():
    rows = [["claim-1", "word " * 30]]
    lines = lines_of(["id", "text"], rows, 40)
    assert all(len(line) <= 40 for line in lines)
    assert "claim-1" in lines[3]  # the short column is not squeezed
    joined = " ".join(line.split("│")[2].strip() for line in lines[3:-1])
    assert joined.split() == ["word"] * 30


@given(
    st.lists(st.lists(st.text(alphabet="abc xyz-é漢", max_size=40), min_size=3, max_size=3),
             min_size=1, max_size=8),
    st.integers(min_value=20, max_value=120),
)  # fmt: skip
def test_every_character_of_every_cell_is_drawn(rows, total):
    lines = lines_of(["one", "two", "three"], rows, total)
    body = "".join(lines[3:-1])
    for row in rows:
        for value in row:
            for char in value.replace(" ", ""):
                assert char in body


@pytest.mark.parametrize(("word", "width"), [("abcdefghij", 3), ("漢字漢字", 4)])
def test_long_words_are_folded(word, width):
    pieces = plaintable.wrap(word, width)
    assert "".join(pieces) == word
    assert all(plaintable._width(p) <= width for p in pieces)


def test_a_long_list_is_drawn_by_the_streaming_table(write_claims):
    claims = "".join(
        f'[[claims]]\nid = "c{i}"\nspeaker = "S"\ntopics = ["t"]\ntext = "Claim {i}."\n'
        for i in range(PLAIN_ROWS + 1)
    )
    result = run("list", "--claims", write_claims(claims))
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("│ c")]
    assert len(rows) == PLAIN_ROWS + 1
    assert f"{PLAIN_ROWS + 1:,} claims" in result.stderr


def test_a_long_list_at_80_columns_keeps_every_id_whole(write_claims):
    """Over 1,000 claims at 80 columns drew six columns and cut IDs into 11-character pieces
    (issue 31): a narrow terminal gets the compact blocks, streamed in plain lines."""
    records = "\n".join(
        f'[[claims]]\nid = "claim-number-{n}-about-budget-spending"\nspeaker = "S {n}"\n'
        f'topics = ["budget"]\ntext = "The city spent {n} dollars on roads."\n'
        for n in range(1_050)
    )
    folder = write_claims(records)
    result = run("--no-pager", "list", "--claims", folder, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "claim-number-1049-about-budget-spending  S 1049 · budget" in lines
    assert "  The city spent 1049 dollars on roads." in lines
    assert all(len(line) <= 80 for line in lines) and "┃" not in result.stdout


def test_a_long_check_report_at_80_columns_keeps_every_id_whole(write_claims):
    records = "\n".join(
        f'[[claims]]\nid = "claim-number-{n}-about-budget"\nspeaker = "S"\ntopics = ["b"]\n'
        f'text = "t"\nquantities = {{ a = "{n + 1}", b = "{2 * n + 2}", r = {{ value = "doubled",'
        f' from = "a", to = "b" }} }}\n'
        for n in range(1_050)
    )
    folder = write_claims(records)
    result = run("--no-pager", "check", "--claims", folder, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "change:claim-number-1049-about-budget.r  consistent" in lines
    assert "  claim-number-1049-about-budget.r · claimed doubled · computed 100%" in lines
    assert all(len(line) <= 80 for line in lines) and "┃" not in result.stdout
