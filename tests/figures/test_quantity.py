"""Reading figures as written: value, precision unit, hedge, kind and the interval claimed."""

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures.quantity import (
    FigureError,
    Hedge,
    Interval,
    Kind,
    decimal_text,
    exact_decimal,
    one_in_text,
    parse_figure,
    simple_fraction_window,
)

# text, value, unit, hedge, kind
READINGS = [
    ("33,179", F(33179), F(1), Hedge.none, Kind.count),
    ("4,561", F(4561), F(1), Hedge.none, Kind.count),
    ("12,000", F(12000), F(1000), Hedge.none, Kind.count),
    ("4,560", F(4560), F(10), Hedge.none, Kind.count),
    ("more than 12,000", F(12000), F(1000), Hedge.more_than, Kind.count),
    ("over 12,000", F(12000), F(1000), Hedge.more_than, Kind.count),
    ("0", F(0), F(1), Hedge.none, Kind.count),
    ("1.5", F(3, 2), F(1, 10), Hedge.none, Kind.number),
    ("1,234.50", F(246900, 200), F(1, 100), Hedge.none, Kind.number),
    ("13.7%", F(137, 1000), F(1, 1000), Hedge.none, Kind.percent),
    ("13.70%", F(137, 1000), F(1, 10000), Hedge.none, Kind.percent),
    ("13.7 percent", F(137, 1000), F(1, 1000), Hedge.none, Kind.percent),
    ("14 per cent", F(14, 100), F(1, 100), Hedge.none, Kind.percent),
    ("50%", F(1, 2), F(1, 100), Hedge.none, Kind.percent),
    ("5 percentage points", F(5, 100), F(1, 100), Hedge.none, Kind.points),
    ("-3.5%", F(-35, 1000), F(1, 1000), Hedge.none, Kind.percent),
    ("1.2 million", F(1_200_000), F(100_000), Hedge.none, Kind.count),
    ("3 billion", F(3_000_000_000), F(300_000_000), Hedge.none, Kind.count),
    ("400 thousand", F(400_000), F(40_000), Hedge.none, Kind.count),
    ("thirty-one", F(31), F(1), Hedge.none, Kind.count),
    ("a dozen", F(12), F(1), Hedge.none, Kind.count),
    ("two dozen", F(24), F(1), Hedge.none, Kind.count),
    ("a hundred", F(100), F(10), Hedge.none, Kind.count),
    ("twelve thousand", F(12000), F(1000), Hedge.none, Kind.count),
    ("one hundred and five", F(105), F(1), Hedge.none, Kind.count),
    ("1/8", F(1, 8), F(1, 100), Hedge.none, Kind.fraction),
    ("a third", F(1, 3), F(1, 100), Hedge.none, Kind.fraction),
    ("two-thirds", F(2, 3), F(1, 100), Hedge.none, Kind.fraction),
    ("half", F(1, 2), F(1, 100), Hedge.none, Kind.fraction),
    ("a quarter", F(1, 4), F(1, 100), Hedge.none, Kind.fraction),
    ("three quarters", F(3, 4), F(1, 100), Hedge.none, Kind.fraction),
    ("one in eight", F(1, 8), F(0), Hedge.none, Kind.ratio),
    ("1 in 8", F(1, 8), F(0), Hedge.none, Kind.ratio),
    ("one out of eight", F(1, 8), F(0), Hedge.none, Kind.ratio),
    ("seven in nine", F(7, 9), F(0), Hedge.none, Kind.ratio),
    ("31 of 4,561", F(31, 4561), F(0), Hedge.none, Kind.ratio),
    ("about one in eight", F(1, 8), F(0), Hedge.about, Kind.ratio),
    ("a majority", F(1, 2), F(1, 100), Hedge.more_than, Kind.fraction),
    ("most", F(1, 2), F(1, 100), Hedge.more_than, Kind.fraction),
    ("more than half", F(1, 2), F(1, 100), Hedge.more_than, Kind.fraction),
    ("around 40", F(40), F(4), Hedge.about, Kind.count),  # 5% cap: 38 to 42
    ("roughly 1,000", F(1000), F(100), Hedge.about, Kind.count),
    ("approximately 7", F(7), F(1), Hedge.about, Kind.count),
    ("some 12,000", F(12000), F(1000), Hedge.about, Kind.count),
    ("nearly 50%", F(1, 2), F(1, 100), Hedge.nearly, Kind.percent),
    ("almost 50%", F(1, 2), F(1, 100), Hedge.nearly, Kind.percent),
    ("close to 50%", F(1, 2), F(1, 100), Hedge.about, Kind.percent),
    ("at least 3", F(3), F(1), Hedge.at_least, Kind.count),
    ("less than 5", F(5), F(1), Hedge.less_than, Kind.count),
    ("fewer than 5", F(5), F(1), Hedge.less_than, Kind.count),
    ("under 5", F(5), F(1), Hedge.less_than, Kind.count),
    ("up to 1,000", F(1000), F(100), Hedge.at_most, Kind.count),
    ("at most 7", F(7), F(1), Hedge.at_most, Kind.count),
    ("exactly 7", F(7), F(1), Hedge.exactly, Kind.count),
    ("just over 50%", F(1, 2), F(1, 100), Hedge.just_over, Kind.percent),
    ("just under 50%", F(1, 2), F(1, 100), Hedge.nearly, Kind.percent),
    ("  About   One in Eight ", F(1, 8), F(0), Hedge.about, Kind.ratio),
]


@pytest.mark.parametrize(("text", "value", "unit", "hedge", "kind"), READINGS)
def test_reading(text, value, unit, hedge, kind):
    figure = parse_figure(text)
    assert (figure.value, figure.unit, figure.hedge, figure.kind) == (value, unit, hedge, kind)


# text, the interval it claims (lo, hi, lo_open, hi_open)
CLAIMED = [
    ("4,561", Interval(F(45605, 10), F(45615, 10))),
    ("12,000", Interval(F(11500), F(12500))),
    ("13.7%", Interval(F(1365, 10000), F(1375, 10000))),
    ("13.70%", Interval(F(13695, 100000), F(13705, 100000))),
    ("one in eight", Interval(F(1) / F(17, 2), F(1) / F(15, 2))),
    ("seven in nine", Interval(F(7) / F(19, 2), F(7) / F(17, 2))),
    # between its neighbours 3/10 and 3/8, halfway to each
    ("a third", Interval(F(19, 60), F(17, 48))),
    ("more than 12,000", Interval(F(12000), None, lo_open=True)),
    ("at least 12,000", Interval(F(12000), None)),
    ("less than 5%", Interval(None, F(5, 100), hi_open=True)),
    ("up to 5%", Interval(None, F(5, 100))),
    ("exactly 7", Interval(F(7), F(7))),
    ("nearly 50%", Interval(F(45, 100), F(1, 2))),
    ("just over 50%", Interval(F(1, 2), F(55, 100))),
    ("a hundred", Interval(F(95), F(105))),
]


@pytest.mark.parametrize(("text", "interval"), CLAIMED)
def test_claimed_interval(text, interval):
    assert parse_figure(text).claimed == interval


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("$434 billion", F(434 * 10**9), "$"), ("about $1.2 million", F(1_200_000), "$"),
     ("\u00a312", F(12), "\u00a3"), ("\u20ac4.5", F(9, 2), "\u20ac")],
)  # fmt: skip
def test_currency_is_read_and_kept(text, value, currency):
    figure = parse_figure(text)
    assert (figure.value, figure.currency) == (value, currency)


@pytest.mark.parametrize("text", ["$", "$5%", "$a third", "$ rose 5%"])
def test_currency_only_before_an_amount(text):
    with pytest.raises(FigureError):
        parse_figure(text)


def test_a_fraction_in_words_covers_what_no_simpler_fraction_is_nearer_to():
    window = simple_fraction_window(F(1, 2))
    assert window == Interval((F(4, 9) + F(1, 2)) / 2, (F(5, 9) + F(1, 2)) / 2)
    assert simple_fraction_window(F(-1, 3)) == Interval(-F(17, 48), -F(19, 60))
    assert simple_fraction_window(F(3, 2)) is None
    assert parse_figure("3/4").claimed == Interval(F(149, 200), F(151, 200))  # digits: 1 point


def test_round_numbers_are_marked_round():
    assert parse_figure("12,000").round
    assert parse_figure("50%").round
    assert not parse_figure("4,561").round
    assert not parse_figure("1.2 million").round
    assert parse_figure("3 billion").round


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("lots", "cannot read 'lots' as a figure"),
        ("1,23", "cannot read '1,23'"),
        ("about", "cannot read 'about'"),
        ("", "cannot read ''"),
        ("one in zero", "ratio out of zero"),
        ("3/0", "divides by zero"),
        ("9" * 41, "more than 40 digits"),
        ("x" * 101, "longer than 100 characters"),
        ("12 apples", "cannot read"),
    ],
)
def test_unreadable_figures_quote_the_text_and_say_what_is_accepted(text, fragment):
    with pytest.raises(FigureError) as error:
        parse_figure(text)
    assert fragment in str(error.value)


def test_the_error_lists_what_is_accepted():
    with pytest.raises(FigureError, match=r"'one in eight'.*'more than'"):
        parse_figure("a lot")


def test_interval_ends_open_and_closed():
    closed = Interval(F(1), F(2))
    assert closed.contains(F(1)) and closed.contains(F(2))
    opened = Interval(F(1), F(2), lo_open=True, hi_open=True)
    assert not opened.contains(F(1)) and not opened.contains(F(2))
    assert not Interval(F(2), F(2)).overlaps(Interval(F(2), None, lo_open=True))
    assert Interval(F(2), F(2)).overlaps(Interval(F(2), None))
    assert Interval(None, None).contains(F(-(10**9)))


def test_exact_decimal_is_exact_when_it_terminates():
    assert exact_decimal(F(1, 8)) == ("0.125", True)
    assert exact_decimal(F(4561, 33179)) == ("0.137466469754965", False)
    assert exact_decimal(F(-5, 2)) == ("-2.5", True)
    assert exact_decimal(F(1, 3000)) == ("0.000333333333333333", False)


def test_one_in_and_decimal_text():
    assert one_in_text(F(4561, 33179)) == "one in 7.27"
    assert one_in_text(F(3, 2)) is None
    assert decimal_text(F(1234567, 100), 1) == "12,345.7"


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
)
def test_any_value_rounded_and_written_down_reads_back_containing_it(value, places):
    exact = F(value)
    written = f"{round(value, places):f}"
    assert parse_figure(written).claimed.contains(exact)


@given(
    st.fractions(min_value=0, max_value=1),
    st.integers(min_value=0, max_value=4),
)
def test_any_share_rounded_as_a_percentage_reads_back_containing_it(share, places):
    percent = round(share * 100, places)
    written = f"{decimal_text(F(percent), places).replace(',', '')}%"
    assert parse_figure(written).claimed.contains(share)


@pytest.mark.parametrize("text", ["just over -1", "nearly -1", "nearly -12%", "just over -3.5%"])
def test_a_loose_one_sided_hedge_on_a_negative_number_is_refused_not_guessed(text):
    with pytest.raises(FigureError, match="ambiguous"):
        parse_figure(text)


@pytest.mark.parametrize("text", ["about -1", "more than -5", "at least -2%", "-4,561"])
def test_hedges_that_read_one_way_on_negative_numbers_still_read(text):
    assert parse_figure(text).value < 0
