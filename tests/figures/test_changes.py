"""Changes, percentage points, multiples, rates, per-period figures and ranges (issue 11):
how each reads, the verdicts at their edges, and the properties that must always hold."""

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run, run_json
from factcheck.figures.arithmetic import Verdict, calculate, judge
from factcheck.figures.expression import Change, Undefined, Value, evaluate, parse
from factcheck.figures.quantity import FigureError, Interval, Kind, parse_figure, percent_text

C, A, I, G, U = (  # noqa: E741 (the verdict table reads best with one letter each)
    Verdict.consistent,
    Verdict.approximate,
    Verdict.inconsistent,
    Verdict.gross,
    Verdict.uncheckable,
)


def no_refs(reference):
    raise AssertionError(reference)


def verdict_of(expression, claimed):
    try:
        return calculate(expression, claimed, no_refs).verdict
    except Undefined:
        return U


READINGS = [
    ("rose 50%", Kind.change, F(1, 2)),
    ("increased 50%", Kind.change, F(1, 2)),
    ("grew by 50%", Kind.change, F(1, 2)),
    ("went up 50%", Kind.change, F(1, 2)),
    ("up 50%", Kind.change, F(1, 2)),
    ("a 50% increase", Kind.change, F(1, 2)),
    ("a 50% rise", Kind.change, F(1, 2)),
    ("fell 20%", Kind.change, F(-1, 5)),
    ("dropped 20%", Kind.change, F(-1, 5)),
    ("declined by 20%", Kind.change, F(-1, 5)),
    ("went down 20%", Kind.change, F(-1, 5)),
    ("down 20%", Kind.change, F(-1, 5)),
    ("a 20% drop", Kind.change, F(-1, 5)),
    ("a 20% cut", Kind.change, F(-1, 5)),
    ("doubled", Kind.change, F(1)),
    ("tripled", Kind.change, F(2)),
    ("quadrupled", Kind.change, F(3)),
    ("halved", Kind.change, F(-1, 2)),
    ("fell by half", Kind.change, F(-1, 2)),
    ("fell by a third", Kind.change, F(-1, 3)),
    ("dropped by a fifth", Kind.change, F(-1, 5)),
    ("unchanged", Kind.change, F(0)),
    ("flat", Kind.change, F(0)),
    ("up 5 percentage points", Kind.points, F(1, 20)),
    ("rose 5 percentage points", Kind.points, F(1, 20)),
    ("fell 5 percentage points", Kind.points, F(-1, 20)),
    ("up 5 points", Kind.points, F(1, 20)),
    ("twice as many", Kind.multiple, F(2)),
    ("twice as likely", Kind.multiple, F(2)),
    ("three times as many", Kind.multiple, F(3)),
    ("2.5 times as many", Kind.multiple, F(5, 2)),
    ("three times more", Kind.multiple, F(3)),
    ("a 3-to-1 margin", Kind.multiple, F(3)),
    ("3 to 1 margin", Kind.multiple, F(3)),
    ("two-to-one", Kind.multiple, F(2)),
    ("680 per 100,000", Kind.rate, F(680, 100_000)),
    ("7 per 1,000", Kind.rate, F(7, 1000)),
    ("5 per 100", Kind.rate, F(5, 100)),
    ("about 1,700 a year", Kind.count, F(1700)),
    ("250 per month", Kind.count, F(250)),
    ("four a day", Kind.count, F(4)),
    ("between 10% and 20%", Kind.percent, F(3, 20)),
    ("10 to 20 percent", Kind.percent, F(3, 20)),
    ("10-20%", Kind.percent, F(3, 20)),
    ("between 4,000 and 5,000", Kind.count, F(4500)),
    # "X percent less/more (than)": the thing compared is that much below or above (issue 28)
    ("17 percent less", Kind.change, F(-17, 100)),
    ("17 percent less than", Kind.change, F(-17, 100)),
    ("17% fewer", Kind.change, F(-17, 100)),
    ("about 17 percent lower", Kind.change, F(-17, 100)),
    ("17 percent more than", Kind.change, F(17, 100)),
    ("17% higher", Kind.change, F(17, 100)),
    ("a third less", Kind.change, F(-1, 3)),
    ("5 percentage points lower", Kind.points, F(-1, 20)),
    ("a drop of 2 percentage points", Kind.points, F(-1, 50)),
    ("an increase of about 5%", Kind.change, F(1, 20)),
]


@pytest.mark.parametrize(("text", "kind", "value"), READINGS)
def test_reading(text, kind, value):
    figure = parse_figure(text)
    assert (figure.kind, figure.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "per"), [("about 1,700 a year", "year"), ("250 per month", "month"),
                      ("four a day", "day"), ("300 annually", "year")],
)  # fmt: skip
def test_a_per_period_figure_keeps_its_period(text, per):
    assert parse_figure(text).per == per


@pytest.mark.parametrize("text", ["rose 500", "20 to 10", "rose -5%", "a 5 increase"])
def test_what_is_no_change_or_range_is_an_error(text):
    with pytest.raises(FigureError):
        parse_figure(text)


CASES = [
    # the examples
    ("(150 - 100) / 100", "rose 50%", C),
    ("change(100, 200)", "doubled", C),
    ("31 / 4561", "680 per 100,000", C),
    ("0.15", "between 10% and 20%", C),
    ("12000 / 7", "about 1,700 a year", C),
    ("change(100, 150)", "rose 50%", C),
    ("change(200, 150)", "rose 25%", G),
    ("45% - 40%", "up 5 percentage points", C),
    ("45% - 40%", "fell 5 percentage points", G),
    ("300 / 100", "three times as many", C),
    ("31 / 4561", "68 per 1,000", G),
    # relative change: rounding, hedges, direction
    ("change(100, 150.5)", "rose 50%", C),
    ("change(100, 150.6)", "rose 50%", A),  # "50%" is a round number, as everywhere
    ("change(100, 149.6)", "rose 49%", I),
    ("change(100, 154)", "rose about 50%", A),
    ("change(100, 160)", "rose about 50%", I),
    ("change(100, 148)", "rose nearly 50%", C),
    ("change(100, 151)", "rose nearly 50%", A),
    ("change(100, 120)", "rose nearly 50%", G),
    ("change(100, 140)", "rose nearly 50%", I),
    ("change(100, 180)", "rose more than 50%", C),
    ("change(100, 140)", "rose more than 50%", G),
    ("change(100, 80)", "fell 20%", C),
    ("change(100, 80)", "a 20% drop", C),
    ("change(100, 80)", "rose 20%", G),
    ("change(100, 120)", "fell 20%", G),
    ("change(100, 79)", "fell about 20%", A),
    ("change(100, 50)", "halved", C),
    ("change(100, 50)", "fell by half", C),
    ("change(100, 52)", "halved", C),  # read like "half": no simpler fraction is nearer
    ("change(100, 54)", "halved", I),  # -46%: nearer 4/9
    ("change(100, 54)", "about halved", A),
    ("change(105, 71)", "dropped by a third", C),  # -32.4% (issue 28)
    ("change(105, 71)", "dropped 33%", I),
    ("change(90, 60)", "fell by a third", C),
    ("change(100, 80)", "dropped by a fifth", C),
    ("change(100, 300)", "tripled", C),
    ("change(100, 400)", "quadrupled", C),
    ("change(100, 205)", "doubled", I),
    ("change(100, 205)", "roughly doubled", A),
    ("change(100, 197.5)", "more than doubled", G),
    ("change(100, 230)", "more than doubled", C),
    ("change(100, 100)", "unchanged", C),
    ("change(100, 100.4)", "flat", C),
    ("change(100, 103)", "unchanged", G),
    ("change(100, 113)", "rose about 13%", C),
    ("change(100, 140)", "rose 10%", G),
    ("change(0, 5)", "rose 50%", U),
    ("change(40%, 45%)", "rose 5%", G),
    ("change(40%, 45%)", "rose 12.5%", C),
    ("change(392, 234)", "17 percent less", G),  # -40.3% (issue 28's AP story)
    ("change(392, 330)", "17 percent less", I),  # -15.8%
    ("change(392, 325)", "17 percent less than", C),  # -17.1%
    ("change(100, 117)", "17 percent more", C),
    # percentage points
    ("45% - 40%", "up 5 points", C),
    ("45% - 40%", "rose 5 percentage points", C),
    # a claim in points is compared in points whatever the expression (issue 28)
    ("change(40%, 45%)", "rose 5 percentage points", C),
    ("change(40%, 45%)", "fell 5 percentage points", G),
    ("change(40%, 50%)", "up 5 points", G),
    ("45.6% - 40%", "up 5 percentage points", I),
    ("45% - 40%", "up about 5 percentage points", C),
    ("50% - 40%", "up 5 percentage points", G),
    ("35% - 40%", "fell 5 percentage points", C),
    # multiples
    ("200 / 100", "twice as many", C),
    ("260 / 100", "twice as many", I),
    ("250 / 100", "2.5 times as many", C),
    ("260 / 100", "2.5 times as many", I),
    ("300 / 100", "three times more", C),
    ("700 / 100", "three times as many", G),
    ("50 / 100", "half as many", C),
    ("32 / 11", "a 3 to 1 margin", C),  # 2.91
    ("22 / 11", "a 3-to-1 margin", I),
    # rates
    ("7 / 1000", "7 per 1,000", C),
    ("75 / 1000", "7 per 1,000", G),
    ("5 / 100", "5 per 100", C),
    ("6 / 100", "5 per 100", I),
    ("681 / 100000", "680 per 100,000", C),
    ("690 / 100000", "680 per 100,000", I),
    # per-period figures
    ("12000 / 7", "about 1,500 a year", I),
    ("3000 / 12", "250 per month", C),
    ("28 / 7", "four a day", C),
    # ranges
    ("0.10", "between 10% and 20%", C),
    ("0.20", "between 10% and 20%", C),
    ("0.21", "between 10% and 20%", I),
    ("0.5", "between 10% and 20%", G),
    ("4,500", "between 4,000 and 5,000", C),
    ("6,000", "between 4,000 and 5,000", I),
    ("0.15", "10-20%", C),
    ("0.15", "10 to 20 percent", C),
]


@pytest.mark.parametrize(("expression", "claimed", "expected"), CASES)
def test_verdict(expression, claimed, expected):
    assert verdict_of(expression, claimed) is expected


def test_there_are_at_least_sixty_cases():
    assert len(CASES) >= 60


def test_change_and_points_each_say_what_the_other_would_be():
    change = calculate("change(40%, 45%)", "rose 5%", no_refs)
    assert "also a change of 5 percentage points" in (change.explanation or "")
    points = calculate("45% - 40%", "up 5 percentage points", no_refs)
    assert "a 12.5% rise" in (points.explanation or "")


def test_times_more_says_how_it_was_read():
    result = calculate("300 / 100", "three times more", no_refs)
    assert "read as 3 times as many" in (result.explanation or "")
    assert "4 times" in (result.explanation or "")


@pytest.mark.parametrize(
    ("expression", "claimed", "closer"),
    [
        ("change(200, 150)", "rose 25%", "fell 25%"),
        ("31 / 4561", "68 per 1,000", "6.8 per 1,000"),
        ("12000 / 7", "about 1,500 a year", "about 1,700 a year"),
        ("240 / 100", "three times as many", "2.4 times as many"),
    ],
)
def test_closer_phrasings_keep_the_form(expression, claimed, closer):
    assert calculate(expression, claimed, no_refs).closer == closer


def test_change_of_an_interval_is_exact_for_one_sign():
    value = evaluate(Change(parse("100"), parse("150")), no_refs)
    assert value.point == F(1, 2)
    with pytest.raises(Undefined, match="from zero"):
        evaluate(parse("change(0, 1)"), no_refs)


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        (["change(100, 150)", "--claim", "rose 50%"], {"verdict": "consistent", "percent": "50%"}),
        (["45% - 40%", "--claim", "up 5 points"], {"verdict": "consistent"}),
        (["300 / 100", "--claim", "three times as many"], {"value": "3"}),
        (["31 / 4561", "--claim", "680 per 100,000"], {"claimed_interval": "0.675% to 0.685%"}),
        (["12000 / 7", "--claim", "about 1,700 a year"], {"verdict": "consistent"}),
        (["0.15", "--claim", "between 10% and 20%"], {"claimed_interval": "10% to 20%"}),
    ],
)
def test_calc_json_for_each_form(args, fields):
    result = run_json("calc", *args)
    for key, value in fields.items():
        assert result[key] == value


@given(
    st.fractions(min_value=F(1, 100), max_value=10**6),
    st.fractions(min_value=F(1, 100), max_value=10**6),
)
def test_a_change_written_from_two_exact_values_reads_back_consistent(old, new):
    change = (new - old) / old
    verb = "rose" if change >= 0 else "fell"
    written = f"{verb} {percent_text(abs(change), 2)}"
    figure = parse_figure(written)
    value = Value(change, Interval.point(change))
    assert judge(figure, value, "x").verdict is C


@given(st.fractions(min_value=F(1, 10), max_value=100), st.booleans())
def test_direction_is_never_lost(size, up):
    size = abs(size)
    written = f"{'rose' if up else 'fell'} {percent_text(size, 1)}"
    figure = parse_figure(written)
    assert (figure.value > 0) is up
    opposite = -figure.value
    assert judge(figure, Value(opposite, Interval.point(opposite)), "x").verdict is G


def test_check_judges_a_change_between_recorded_quantities(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "jobs"\nspeaker = "S"\ntopics = ["economy"]\ntext = "t"\n'
        'quantities = { y2020 = "30,000,000", y2024 = "31,500,000", '
        'rose = { value = "rose 5%", from = "y2020", to = "y2024" }, r2020 = "7%", '
        'r2024 = "5%", fell = { value = "fell 2 points", from = "r2020", to = "r2024" }, '
        'bad = { value = "doubled", from = "y2020", to = "y2024" }, '
        'plain = { value = "12", from = "y2020", to = "y2024" } }\n'
    )
    report = run_json("check", "--claims", folder)
    verdicts = {c["id"]: c["verdict"] for c in report["checks"]}
    assert verdicts == {
        "change:jobs.rose": "consistent",
        "change:jobs.fell": "consistent",
        "change:jobs.bad": "gross",
        "change:jobs.plain": "uncheckable",
    }
    listed = run_json("list", "--claims", folder)[0]["quantities"]["rose"]
    assert (listed["from"], listed["to"]) == ("y2020", "y2024")


def test_a_change_in_points_is_explained_as_the_difference():
    calculation = calculate("change(40%, 45%)", "rose 5 percentage points", _no_refs)
    assert calculation.expression == "change(40%, 45%)"  # as the user wrote it
    assert calculation.explanation is not None
    assert calculation.explanation.startswith("45% - 40% = 0.05")
    assert "a 12.5% rise" in calculation.explanation


def _no_refs(reference):
    raise KeyError(reference)


def test_a_change_needs_both_ends_that_exist(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "a"\nspeaker = "S"\ntopics = ["x"]\ntext = "t"\n'
        'quantities = { r = { value = "rose 5%", from = "nowhere" } }\n'
    )
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert "quantities.r.from: refers to quantity 'a.nowhere'" in result.stderr
    assert "a change needs both 'from' and 'to'" in result.stderr


def test_a_bare_n_to_1_stays_a_range_nothing_says_it_compares():
    with pytest.raises(FigureError, match="high to low"):
        parse_figure("3 to 1")


def test_a_value_outside_the_figure_that_its_rounded_inputs_allow_is_said_so():
    """95% to 85% is a 10.53% drop, outside the -10.5% to -9.5% that "a 10 percent drop"
    claims; the figures as written (each 94.5% to 95.5%, 84.5% to 85.5%) allow -9.52% too, so
    the figure holds, but the explanation must not call -10.53% "within" it."""
    figures = {"a.before": parse_figure("95 percent"), "a.after": parse_figure("85 percent")}
    judged = calculate("change(a.before, a.after)", "a 10 percent drop", figures.__getitem__)
    assert judged.verdict is Verdict.consistent
    assert "lies within" not in (judged.explanation or "")
    assert "lies outside it, off by 5%, but the figures it is computed from are rounded" in (
        judged.explanation or ""
    )
    assert "allow -11.52% to -9.52%" in (judged.explanation or "")


def test_a_value_inside_the_figure_is_within_it():
    figures = {"a.before": parse_figure("100 percent"), "a.after": parse_figure("90 percent")}
    judged = calculate("change(a.before, a.after)", "a 10 percent drop", figures.__getitem__)
    assert judged.verdict is Verdict.consistent
    assert (judged.explanation or "").endswith("The computed value lies within it.")
