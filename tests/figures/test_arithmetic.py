"""Verdicts at the edges, in the manner of statcheck's test-error.R: one row per case."""

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures.arithmetic import Verdict, calculate, judge
from factcheck.figures.expression import Undefined, Value, evaluate, parse
from factcheck.figures.quantity import Interval, decimal_text, parse_figure

C, A, I, G, U = (  # noqa: E741 (the verdict table reads best with one letter each)
    Verdict.consistent,
    Verdict.approximate,
    Verdict.inconsistent,
    Verdict.gross,
    Verdict.uncheckable,
)


def verdict_of(expression, claimed):
    figure = parse_figure(claimed)
    try:
        result = evaluate(parse(expression), lambda ref: parse_figure(ref))
    except Undefined:
        return U
    return judge(figure, result, expression).verdict


CASES = [
    # the seed article's worked example: 4,561 / 33,179 = 13.7466% = one in 7.27
    ("4,561 / 33,179", "about one in eight", A),
    ("4,561 / 33,179", "one in eight", I),
    ("4,561 / 33,179", "about one in seven", C),
    ("4,561 / 33,179", "one in seven", C),
    ("4,561 / 33,179", "13.7%", C),
    ("4,561 / 33,179", "14%", C),
    ("4,561 / 33,179", "13.75%", C),
    ("4,561 / 33,179", "13.8%", I),
    ("4,561 / 33,179", "more than half", G),
    ("4,561 / 33,179", "a majority", G),
    ("4,561 / 33,179", "less than 15%", C),
    # exactly half a unit is consistent (the rounding could have gone either way)
    ("13.65 / 100", "13.7%", C),
    ("13.75 / 100", "13.7%", C),
    ("13.6499 / 100", "13.7%", I),
    ("13.7501 / 100", "13.7%", I),
    ("45,605 / 10", "4,561", C),
    ("45,615 / 10", "4,561", C),
    ("45,616 / 10", "4,561", I),
    # trailing zeros after the point are significant
    ("13.74 / 100", "13.7%", C),
    ("13.74 / 100", "13.70%", I),
    ("13.704 / 100", "13.70%", C),
    # trailing zeros of whole numbers are not (but never looser than 5%)
    ("12,400", "12,000", C),
    ("12,600", "12,000", A),
    ("11,000", "12,000", A),
    ("10,000", "12,000", I),
    ("104", "100", C),
    ("106", "100", A),
    ("60", "100", I),
    # percent versus points versus plain numbers
    ("0.05", "5 points", C),
    ("0.05", "5 percentage points", C),
    ("0.05", "5%", C),
    ("0.05", "5", G),
    ("5", "5%", G),
    ("0.012", "12%", G),
    ("0.12", "1.2%", G),
    # about-type hedges: rounding interval, then a 10% band
    ("25 / 100", "about a third", I),
    # A fraction in words holds where no simpler fraction is nearer (docs/quantities.md):
    # a third covers 31.67% to 35.42%, between 3/10 and 3/8.
    ("32 / 100", "about a third", C),
    ("32 / 100", "a third", C),
    ("31 / 100", "a third", I),  # nearer 3/10
    ("31 / 100", "about a third", A),
    ("105 - 71", "a third", G),  # a count is no share: off by a factor of 100
    ("1 / 3", "a third", C),
    ("38 / 100", "about 50%", I),
    ("46 / 100", "about 50%", A),
    ("50.4 / 100", "about 50%", C),
    ("11,000", "roughly 12,000", A),
    ("13,300", "around 12,000", A),
    ("13,400", "around 12,000", I),
    ("25", "some 20", I),
    ("21", "some 20", C),
    # more than / over / at least: a lower bound; the wrong side is a threshold error
    ("12,001", "more than 12,000", C),
    ("12,000", "more than 12,000", G),
    ("11,999", "over 12,000", G),
    ("12,000", "at least 12,000", C),
    ("11,999", "at least 12,000", G),
    ("1,000,000", "more than 12,000", C),
    ("51 / 100", "more than half", C),
    ("50 / 100", "more than half", G),
    ("1 / 2", "a majority", G),
    # less than / under / up to / at most: an upper bound
    ("4", "less than 5", C),
    ("5", "less than 5", G),
    ("5", "fewer than 5", G),
    ("5", "up to 5", C),
    ("6", "at most 5", G),
    ("0", "under 5", C),
    # nearly / almost / just under: a little below; just over: a little above
    ("45 / 100", "nearly half", C),
    ("49 / 100", "almost half", C),
    ("50 / 100", "nearly half", C),
    ("51 / 100", "nearly half", A),
    ("44 / 100", "nearly half", I),
    ("30 / 100", "nearly half", I),
    ("24 / 100", "nearly half", G),
    ("54 / 100", "just over 50%", C),
    ("49 / 100", "just over 50%", A),
    ("60 / 100", "just over 50%", I),
    # exactly
    ("7", "exactly 7", C),
    ("7.001", "exactly 7", I),
    # fractions and ratios
    ("2 / 3", "two-thirds", C),
    ("66 / 100", "two-thirds", C),  # 64.58% to 68.33%: between 5/8 and 7/10
    ("64 / 100", "two-thirds", I),  # nearer 5/8
    ("64 / 100", "about two-thirds", A),
    ("3 / 4", "3/4", C),  # a fraction in digits keeps its percentage point
    ("74 / 100", "3/4", I),
    ("74 / 100", "three-quarters", C),
    ("66.5 / 100", "about two-thirds", C),
    ("1 / 4", "a quarter", C),
    ("3 / 4", "three quarters", C),
    ("7 / 9", "seven in nine", C),
    ("31 / 4,561", "31 of 4,561", C),
    ("1 / 8", "1/8", C),
    ("1 / 10", "one in ten", C),
    ("1 / 10.4", "one in ten", C),
    ("1 / 11", "one in ten", I),
    ("1 / 12", "one in ten", I),
    # sign and factor-of-two errors
    ("-3", "3", G),
    ("3", "-3", G),
    ("-3.5 / 100", "-3.5%", C),
    ("0", "5", G),
    ("5", "0", G),
    ("0", "0", C),
    ("2", "4", G),
    ("3", "4", I),
    # tiny and huge values
    ("1 / 1,000,000", "0.0001%", C),
    ("1 / 1,000,000", "0.001%", G),
    ("3,000,000,000", "3 billion", C),
    ("3,100,000,000", "3 billion", C),
    ("2,800,000,000", "3 billion", A),
    ("1,249,999", "1.2 million", C),
    ("1,250,001", "1.2 million", I),
    ("123456789012345678901234567890 / 3", "41152263004115226300411522630", C),
    # undefined computations
    ("1 / 0", "13.7%", U),
    ("5 / (3 - 3)", "about one in eight", U),
]


@pytest.mark.parametrize(("expression", "claimed", "expected"), CASES)
def test_verdict(expression, claimed, expected):
    assert verdict_of(expression, claimed) is expected


def test_there_are_at_least_sixty_edge_cases():
    assert len(CASES) >= 60


def test_the_worked_example_explains_itself():
    result = calculate("4,561 / 33,179", "about one in eight", lambda ref: parse_figure(ref))
    assert result.verdict is A
    assert result.fraction == "4561/33179"
    assert result.percent == "13.75%"
    assert result.one_in == "one in 7.27"
    assert result.claimed_interval == "11.76% to 13.33%"
    assert result.relative_error == "-9.1%"
    assert result.closer == "about one in seven"
    assert "one in 7.27" in (result.explanation or "")
    assert "'about one in seven' is closer" in (result.explanation or "")


def test_a_change_is_no_share_so_it_has_no_one_in_n():
    """'change(100, 180) = 0.8 (80%, one in 1.25)' read as nonsense on the report's page."""
    result = calculate("change(100, 180)", "rose 50%", lambda ref: parse_figure(ref))
    assert result.one_in is None
    assert (result.explanation or "").startswith("change(100, 180) = 0.8 (80%). ")


@pytest.mark.parametrize(
    ("expression", "claimed", "closer"),
    [
        ("25 / 100", "about a third", "about a quarter"),
        ("0.012", "12%", "1.2%"),
        ("11,000", "more than 12,000", "11,000"),
        ("38 / 100", "about 50%", "about 38%"),
        ("4,561 / 33,179", "one in eight", "one in seven"),
    ],
)
def test_closer_phrasings(expression, claimed, closer):
    result = calculate(expression, claimed, lambda ref: parse_figure(ref))
    assert result.closer == closer


def test_no_closer_phrasing_when_the_figure_holds():
    assert calculate("1 / 8", "one in eight", lambda ref: parse_figure(ref)).closer is None


def test_calculation_without_a_claim_gives_every_form():
    result = calculate("1 / 8", None, lambda ref: parse_figure(ref))
    assert (result.value, result.value_exact, result.percent, result.one_in) == (
        "0.125", True, "12.5%", "one in 8")  # fmt: skip
    assert result.verdict is None


def test_uncheckable_keeps_the_claim_and_says_why():
    result = calculate("1 / 0", "13.7%", lambda ref: parse_figure(ref))
    assert result.verdict is U
    assert result.value is None
    assert "division by zero" in (result.explanation or "")


@given(
    st.fractions(min_value=F(1, 10**6), max_value=10**6),
    st.integers(min_value=0, max_value=5),
)
def test_any_value_rounded_and_written_reads_back_consistent(exact, places):
    written = decimal_text(exact, places)
    figure = parse_figure(written)
    assert judge(figure, Value(exact, Interval.point(exact)), "x").verdict is C
