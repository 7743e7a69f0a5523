"""The expression language: a parser of its own, bounded, exact, with intervals carried."""

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures.expression import (
    MAX_DEPTH,
    ExpressionError,
    Undefined,
    evaluate,
    parse,
    references,
    substitute,
)
from factcheck.figures.quantity import Interval, parse_figure

FIGURES = {
    "dhs-released-4561.released": "4,561",
    "lyons-letter-33179.detainers": "33,179",
    "newsom.transfers": "more than 12,000",
    "x.round": "12,000",
    "x.zero": "0",
    "x.small": "less than 5",
}


def resolve(reference):
    return parse_figure(FIGURES[reference])


def value(text):
    return evaluate(parse(text), resolve)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,561 / 33,179", F(4561, 33179)),
        ("1 + 2 * 3", F(7)),
        ("(1 + 2) * 3", F(9)),
        ("10 - 4 - 3", F(3)),
        ("2 / 4 / 2", F(1, 4)),
        ("-3 + 5", F(2)),
        ("--3", F(3)),
        ("-(2 - 5)", F(3)),
        ("13.7% * 100", F(137, 10)),
        ("1.2 million / 1,000", F(1200)),
        ("50 percent", F(1, 2)),
        ("0.1 + 0.2", F(3, 10)),
        ("3 \u00d7 4 \u2212 2 \u00f7 2", F(11)),
        ("dhs-released-4561.released / lyons-letter-33179.detainers", F(4561, 33179)),
        ("dhs-released-4561.released-1", F(4560)),
        ("$1.2 billion / $4 billion", F(3, 10)),  # currency as written (issue 28)
        ("\u00a3300 + \u20ac.5", F(601, 2)),
    ],
)
def test_exact_evaluation(text, expected):
    assert value(text).point == expected


def test_typed_numbers_are_exact_and_claim_figures_carry_their_precision():
    assert value("4,561").interval == Interval(F(4561), F(4561))
    assert value("x.round").interval == Interval(F(11500), F(12500))
    assert value("x.round / 2").interval == Interval(F(5750), F(6250))


def test_a_recorded_count_written_to_the_unit_is_exact_in_a_computation():
    # "4,561" people are 4,561, not 4,560.5 to 4,561.5: check and calc agree (issue 28)
    assert value("dhs-released-4561.released").interval == Interval(F(4561), F(4561))


def test_hedged_inputs_make_unbounded_intervals():
    result = value("newsom.transfers / 2")
    assert result.interval.lo == F(6000)
    assert result.interval.hi is None
    assert value("-newsom.transfers").interval.hi == F(-12000)
    assert value("x.round / newsom.transfers").interval == Interval(F(0), F(12500, 12000))


@given(
    st.lists(st.fractions(min_value=-1000, max_value=1000), min_size=2, max_size=2),
    st.lists(st.fractions(min_value=0, max_value=5), min_size=2, max_size=2),
    st.sampled_from("+-*/"),
)
def test_a_propagated_interval_always_contains_every_possible_result(centres, widths, op):
    """For any inputs within their intervals, the result lies in the computed interval."""
    figures = {}
    for name, centre, width in zip("ab", centres, widths, strict=True):
        lo, hi = centre - width, centre + width
        figures[name] = (lo, hi)

    class Fake:
        def __init__(self, lo, hi):
            self.value = (lo + hi) / 2
            self.claimed = self.as_input = Interval(lo, hi)

    result_node = parse(f"p.a {op} p.b")
    try:
        result = evaluate(result_node, lambda ref: Fake(*figures[ref.split(".")[1]]))
    except Undefined:
        assert op == "/" and figures["b"][0] <= 0 <= figures["b"][1]
        return
    for x in (figures["a"][0], figures["a"][1], sum(figures["a"]) / 2):
        for y in (figures["b"][0], figures["b"][1], sum(figures["b"]) / 2):
            exact = {"+": x + y, "-": x - y, "*": x * y, "/": x / y if y else None}[op]
            if exact is not None:
                assert result.interval.contains(exact), (x, op, y, result.interval)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("1 / 0", "division by zero"), ("1 / x.zero", "division by zero"),
     ("1 / x.small", "range includes zero"), ("1 / (2 - 2)", "division by zero")],
)  # fmt: skip
def test_division_by_zero_is_undefined(text, reason):
    with pytest.raises(Undefined, match=reason):
        value(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty expression"),
        ("4,561 /", "ends too early"),
        ("(1 + 2", "missing ')'"),
        ("1 + 2)", "unexpected ')'"),
        ("1 2", "unexpected '2'"),
        ("1,23 + 4", "unexpected ','"),
        ("__import__('os')", "unexpected '_'"),
        ("2 ** 3", "unexpected '*'"),
        ("Claim.x", "unexpected 'C'"),
        ("1" * 41, "more than 40 digits"),
        ("1 +" * 400 + "1", "longer than 1000"),
        ("+".join(["1"] * 200), "more than 300 tokens"),
        ("(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1), "nested too deeply"),
        ("-" * (MAX_DEPTH + 1) + "1", "nested too deeply"),
    ],
)
def test_bad_expressions_say_what_and_where(text, fragment):
    with pytest.raises(ExpressionError) as error:
        parse(text)
    assert fragment in str(error.value)


def test_errors_point_at_the_column():
    with pytest.raises(ExpressionError) as error:
        parse("1 + $")
    assert error.value.position == 4
    assert "column 5" in str(error.value)
    assert "\n" not in str(error.value)  # one problem, one line
    assert error.value.pointer == "  1 + $\n      ^"


def test_references_in_order_without_repeats():
    assert references("a.x / (b-c.y + a.x)") == ["a.x", "b-c.y"]


def test_substitute_shows_the_figures_as_written():
    shown = substitute("a.x / (b.y + 3) * -2", lambda ref: {"a.x": "4,561", "b.y": "12"}[ref])
    assert shown == "4,561 / (12 + 3) * -2"
