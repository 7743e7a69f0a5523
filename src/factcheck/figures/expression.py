"""Arithmetic expressions over figures: `dhs-released-4561.released / 33,179`.

A parser of its own (never `eval`): numbers as written ("4,561", "13.7%", "1.2 million"),
references `claim-id.quantity`, `+ - * /`, parentheses and unary minus. Bounded in length,
tokens, nesting and digits, so that no input can hang it or exhaust memory. Evaluation is exact
(`Fraction`) and carries intervals: numbers typed in the expression are exact; figures from
claims carry the interval their wording allows (see quantity.Figure.claimed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from factcheck.figures.quantity import MAX_DIGITS, Figure, FigureError, Interval, parse_figure

MAX_EXPRESSION_LENGTH = 1_000
MAX_TOKENS = 300
MAX_DEPTH = 40


class ExpressionError(ValueError):
    """An expression that cannot be read; the message shows where."""

    def __init__(self, text: str, position: int, problem: str) -> None:
        # One line, so that `validate` prints one line per problem; the caret drawing is kept
        # apart, for a person at a terminal.
        shown = f" of '{text}'" if len(text) <= 80 else ""
        super().__init__(f"{problem} at column {position + 1}{shown}")
        self.position = position
        self.pointer = f"  {text}\n  {' ' * position}^" if len(text) <= 120 else ""


class Undefined(ArithmeticError):
    """The computation has no value: division by zero, or by something that could be zero."""


@dataclass(frozen=True)
class Number:
    text: str
    value: Fraction


@dataclass(frozen=True)
class Ref:
    reference: str


@dataclass(frozen=True)
class Negate:
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Change:
    """change(old, new): the relative change (new - old) / old."""

    old: Node
    new: Node


Node = Number | Ref | Negate | Binary | Change

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<ref>[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z_][a-z0-9_]*)
  | (?P<number>[$\u00a3\u20ac]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[$\u00a3\u20ac]?\.\d+)
    (?P<scale>\s+(?:thousand|million|billion|trillion)\b)?
    (?P<percent>\s*(?:%|percent\b|per\ cent\b))?
  | (?P<op>[-+*/\u00d7\u00f7\u2212])
  | (?P<paren>[()])
  | (?P<function>change)\b
  | (?P<comma>,)
    """,
    re.VERBOSE | re.ASCII,  # digits 0-9 only: a fullwidth or Bengali digit is an error
)
_OPS = {"\u00d7": "*", "\u00f7": "/", "\u2212": "-"}  # multiplication, division, minus signs


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    position: int


def _unexpected(char: str) -> str:
    if char.isdigit():
        name = unicodedata.name(char, "a digit")
        return f"{char!r} (U+{ord(char):04X} {name}) is not a digit 0-9; write figures with 0-9"
    return f"unexpected {char!r}"


def _tokens(text: str) -> list[_Token]:
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(text[:40] + "...", 0, f"longer than {MAX_EXPRESSION_LENGTH} chars")
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(text, position, _unexpected(text[position]))
        kind = match.lastgroup or ""
        if match["number"] is not None:
            kind = "number"
        if kind != "space":
            value = match.group()
            tokens.append(_Token(kind, _OPS.get(value, value), position))
        position = match.end()
        if len(tokens) > MAX_TOKENS:
            raise ExpressionError(text, position, f"more than {MAX_TOKENS} tokens")
    if not tokens:
        raise ExpressionError(text, 0, "empty expression")
    return tokens


def parse(text: str) -> Node:
    """Parse an expression. Raises ExpressionError, with the column, if it cannot."""
    return _Parser(text, _tokens(text)).parse()


def references(text: str) -> list[str]:
    """The `claim.quantity` references an expression names, in order, without repeats."""
    return references_of(parse(text))


def references_of(node: Node) -> list[str]:
    """The same, for an expression already parsed."""
    return list(dict.fromkeys(_references(node)))


def substitute(text: str, written: Callable[[str], str]) -> str:
    """The expression with each reference replaced by the figure as written: '4,561 / 33,179'."""
    parts: list[str] = []
    previous: _Token | None = None
    for token in _tokens(text):
        shown = written(token.text) if token.kind == "ref" else token.text
        binary = token.kind == "op" and previous is not None and previous.kind != "op"
        binary = binary and previous is not None and previous.text != "("
        parts.append(f" {shown} " if binary else ", " if token.kind == "comma" else shown)
        previous = token
    return "".join(parts)


def change_parts(node: Node) -> tuple[Node, Node] | None:
    """(old, new) of an expression that computes a change: change(old, new), new - old, or
    (new - old) / old. Used to say what the other reading of a change would be."""
    if isinstance(node, Change):
        return node.old, node.new
    if isinstance(node, Binary) and node.op == "-":
        return node.right, node.left
    if (
        isinstance(node, Binary)
        and node.op == "/"
        and isinstance(node.left, Binary)
        and node.left.op == "-"
        and node.left.right == node.right
    ):
        return node.right, node.left.left
    return None


def in_points(node: Node) -> tuple[Node, str] | None:
    """change(old, new) as the difference new - old, with its text, for a figure in
    percentage points: "rose 5 points" is judged in points whatever the expression."""
    if not isinstance(node, Change):
        return None
    difference = Binary("-", node.new, node.old)
    return difference, f"{_text(node.new)} - {_text(node.old)}"


def _text(node: Node) -> str:
    if isinstance(node, Number):
        return node.text
    if isinstance(node, Ref):
        return node.reference
    if isinstance(node, Negate):
        return f"-{_text(node.operand)}"
    if isinstance(node, Change):
        return f"change({_text(node.old)}, {_text(node.new)})"
    return f"({_text(node.left)} {node.op} {_text(node.right)})"


def _references(node: Node) -> Iterator[str]:
    if isinstance(node, Ref):
        yield node.reference
    elif isinstance(node, Negate):
        yield from _references(node.operand)
    elif isinstance(node, Binary):
        yield from _references(node.left)
        yield from _references(node.right)
    elif isinstance(node, Change):
        yield from _references(node.old)
        yield from _references(node.new)


class _Parser:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def parse(self) -> Node:
        node = self.sum()
        if self.index < len(self.tokens):
            token = self.tokens[self.index]
            raise ExpressionError(self.text, token.position, f"unexpected {token.text!r}")
        return node

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def sum(self) -> Node:
        node = self.product()
        while (token := self.peek()) is not None and token.text in ("+", "-"):
            self.index += 1
            node = Binary(token.text, node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while (token := self.peek()) is not None and token.text in ("*", "/"):
            self.index += 1
            node = Binary(token.text, node, self.unary())
        return node

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.text in ("-", "+"):
            self.index += 1
            with self.nested(token):
                operand = self.unary()
            return Negate(operand) if token.text == "-" else operand
        return self.atom()

    def atom(self) -> Node:
        token = self.peek()
        if token is None:
            raise ExpressionError(self.text, len(self.text), "expression ends too early")
        self.index += 1
        if token.kind == "number":
            return _number(self.text, token)
        if token.kind == "ref":
            return Ref(token.text)
        if token.text == "(":
            with self.nested(token):
                node = self.sum()
            self.expect(")", "missing ')'")
            return node
        if token.kind == "function":
            self.expect("(", "change needs '(': change(old, new)")
            with self.nested(token):
                old = self.sum()
                self.expect(",", "change takes two values: change(old, new)")
                new = self.sum()
            self.expect(")", "missing ')' after change(old, new)")
            return Change(old, new)
        raise ExpressionError(self.text, token.position, f"unexpected {token.text!r}")

    def expect(self, text: str, problem: str) -> None:
        token = self.peek()
        if token is None or token.text != text:
            where = token.position if token else len(self.text)
            raise ExpressionError(self.text, where, problem)
        self.index += 1

    def nested(self, token: _Token) -> _Depth:
        return _Depth(self, token)


class _Depth:
    def __init__(self, parser: _Parser, token: _Token) -> None:
        self.parser, self.token = parser, token

    def __enter__(self) -> None:
        self.parser.depth += 1
        if self.parser.depth > MAX_DEPTH:
            raise ExpressionError(self.parser.text, self.token.position, "nested too deeply")

    def __exit__(self, *_: object) -> None:
        self.parser.depth -= 1


def _number(text: str, token: _Token) -> Number:
    if sum(c.isdigit() for c in token.text) > MAX_DIGITS:
        raise ExpressionError(text, token.position, f"number with more than {MAX_DIGITS} digits")
    try:
        return Number(token.text, parse_figure(token.text).value)
    except FigureError as error:
        raise ExpressionError(text, token.position, str(error)) from None


# --- evaluation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """An exact result (the figures' stated values) and the interval their precision allows."""

    point: Fraction
    interval: Interval


Resolver = Callable[[str], Figure]


# No verdict is served by a result of over a thousand digits, and formatting one can exceed
# Python's limit on integer-to-text conversion (4,300 digits): such a result is `uncheckable`.
MAX_RESULT_BITS = 3_300  # about 1,000 decimal digits, numerator or denominator


def evaluate(node: Node, resolve: Resolver) -> Value:
    """Evaluate exactly. Raises Undefined on division by zero (or by a range that holds zero)
    and on a result too large to judge."""
    value = _evaluate(node, resolve)
    _check_size(value.point)
    for bound in (value.interval.lo, value.interval.hi):
        if bound is not None:
            _check_size(bound)
    return value


def _check_size(number: Fraction) -> None:
    if max(number.numerator.bit_length(), number.denominator.bit_length()) > MAX_RESULT_BITS:
        raise Undefined("result too large (over 1,000 digits) to judge")


def _evaluate(node: Node, resolve: Resolver) -> Value:
    if isinstance(node, Number):
        return Value(node.value, Interval.point(node.value))
    if isinstance(node, Ref):
        figure = resolve(node.reference)
        return Value(figure.value, _closed(figure.as_input))
    if isinstance(node, Negate):
        inner = evaluate(node.operand, resolve)
        return Value(-inner.point, _negate(inner.interval))
    if isinstance(node, Change):
        return _change(evaluate(node.old, resolve), evaluate(node.new, resolve))
    # Each operand is checked as it is made, so no product grows past the bound by much.
    left, right = evaluate(node.left, resolve), evaluate(node.right, resolve)
    if node.op == "+":
        return Value(left.point + right.point, _add(left.interval, right.interval))
    if node.op == "-":
        return Value(left.point - right.point, _add(left.interval, _negate(right.interval)))
    if node.op == "*":
        return Value(left.point * right.point, _multiply(left.interval, right.interval))
    if right.point == 0:
        raise Undefined("division by zero")
    if right.interval.contains(Fraction(0)):
        raise Undefined("the divisor's range includes zero")
    return Value(left.point / right.point, _multiply(left.interval, _reciprocal(right.interval)))


def _change(old: Value, new: Value) -> Value:
    """(new - old) / old, computed as new / old - 1 so that `old` is used once and the
    interval is exact for ranges of one sign."""
    if old.point == 0:
        raise Undefined("a change from zero has no relative size")
    if old.interval.contains(Fraction(0)):
        raise Undefined("the old value's range includes zero")
    ratio = _multiply(new.interval, _reciprocal(old.interval))
    return Value(new.point / old.point - 1, _add(ratio, Interval.point(Fraction(-1))))


def _closed(interval: Interval) -> Interval:
    # Computed intervals are kept closed: at an open bound this errs towards `consistent`.
    return Interval(interval.lo, interval.hi)


def _negate(a: Interval) -> Interval:
    return Interval(None if a.hi is None else -a.hi, None if a.lo is None else -a.lo)


def _add(a: Interval, b: Interval) -> Interval:
    lo = None if a.lo is None or b.lo is None else a.lo + b.lo
    hi = None if a.hi is None or b.hi is None else a.hi + b.hi
    return Interval(lo, hi)


# Extended rationals for interval products: (infinity's sign or 0, finite value).
_Ext = tuple[int, Fraction]


def _ext(value: Fraction | None, side: int) -> _Ext:
    return (side, Fraction(0)) if value is None else (0, value)


def _sign(x: _Ext) -> int:
    return x[0] or (x[1] > 0) - (x[1] < 0)


def _ext_product(x: _Ext, y: _Ext) -> _Ext:
    if _sign(x) == 0 or _sign(y) == 0:
        return (0, Fraction(0))  # 0 times an unbounded end: the interval convention
    if x[0] or y[0]:
        return (_sign(x) * _sign(y), Fraction(0))
    return (0, x[1] * y[1])


def _multiply(a: Interval, b: Interval) -> Interval:
    ends_a = (_ext(a.lo, -1), _ext(a.hi, 1))
    ends_b = (_ext(b.lo, -1), _ext(b.hi, 1))
    products = [_ext_product(x, y) for x in ends_a for y in ends_b]
    lo, hi = min(products), max(products)
    return Interval(None if lo[0] else lo[1], None if hi[0] else hi[1])


def _reciprocal(a: Interval) -> Interval:
    """1 / a, for an interval that excludes zero."""
    lo = Fraction(0) if a.hi is None else 1 / a.hi
    hi = Fraction(0) if a.lo is None else 1 / a.lo
    return Interval(lo, hi)
