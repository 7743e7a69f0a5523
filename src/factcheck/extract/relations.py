"""Relations between figures that a sentence states in so many words, and only those: a check
is suggested where the text says how two figures relate, never because two figures happen to
stand near each other (issue 28: 19 men killed over 57 new officers is no share of anything).

- a change: "344 slayings, a 13 percent drop from the 396 in 2007"; "dropped 32 percent, from
  105 in 2007 to 71"; "the 234 homicides ... were 17 percent less than the 392"; "rose from A
  to B, a 23.7 percent increase"; "that 70 percent was 50 percent, so a 40 percent increase";
  and across two sentences, "... rose from A to B. That's a
  23.7 percent jump."
- a share: "31 of the 4,561 released, or 0.7 percent"; "593 people, or 13 percent of the
  4,561"; "13 percent of the 4,561, or 593"; "held 4,561 people; 593 of them, or 13 percent";
  "costs $100,000 total ... $25,000, which equals a quarter of the total".
- a multiple: "300 people, three times as many as the 100 in 2010"; "32% of Republican claims,
  compared to 11% of Democratic claims - a 3 to 1 margin"; "14.2%, nearly double the national
  rate of 7.6%".

Each relation keeps the words that state it, so a desk sees why it was suggested. The sentence
is read once as a skeleton in which each figure stands as a token of its kind, so the patterns
are short and the work is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.figures import Found
from factcheck.figures.quantity import FigureError, Kind, parse_figure

# Kinds in the skeleton: n an amount (count or number), s a share, d a change, c a change
# that compares ("17 percent less than"), m a multiple ("three times as many"), t a multiple
# of what follows ("nearly double the").
_KINDS = {Kind.count: "n", Kind.number: "n", Kind.change: "d", Kind.points: "d",
          Kind.percent: "s", Kind.fraction: "s", Kind.ratio: "s", Kind.rate: "s",
          Kind.multiple: "m"}  # fmt: skip
# One clause's words: no other figure, no sentence end, no "but", "while", "and".
_GAP = r"(?:(?!\b(?:but|while|whereas|and|compared)\b|\.\s)[^<;:()\u2014])"
_THE = r"(?:(?:the|all|its|that|this|those|these|a total of)\s+)?"
# Words within a clause, a parenthesis among them ("doubled its estimate for the cost (of
# Obamacare) so far from"), never a conjunction that starts another clause.
_WORDS = r"(?:\s+(?!(?:and|but|while|whereas|compared)\b)\(?[a-z'-]+\)?)"
_CHANGES = [
    # "dropped 32 percent, from 105 in 2007 to 71"
    ("change, then from A to B", re.compile(
        rf"<d(?P<d>\d+)>{_WORDS}{{0,10}}?,?\s+(?:(?:down|up)\s+)?from\s+{_THE}"
        rf"<[ns](?P<a>\d+)>{_GAP}{{0,40}}?"
        rf"\s+to\s+"
        rf"{_THE}<[ns](?P<b>\d+)>")),
    # "rose from $434 billion to $537 billion, a 23 percent increase"
    ("from A to B, then change", re.compile(
        rf"\bfrom\s+{_THE}<[ns](?P<a>\d+)>{_GAP}{{0,40}}?\s+to\s+{_THE}"
        rf"<[ns](?P<b>\d+)>{_GAP}{{0,40}}?<d(?P<d>\d+)>")),
    # "344 slayings, a 13 percent drop from the 396"
    ("B, change from A", re.compile(
        rf"<[ns](?P<b>\d+)>{_GAP}{{0,60}}?<d(?P<d>\d+)>\s+(?:from|compared\s+"
        rf"(?:with|to))\s+{_THE}<[ns](?P<a>\d+)>")),
    # "that 70 percent was 50 percent, so a 40 percent increase"
    ("B was A, change", re.compile(
        r"<[ns](?P<b>\d+)>\s+(?:was|had\s+been|used\s+to\s+be)\s+<[ns](?P<a>\d+)>,?\s+"
        r"(?:so|or|that's|that\s+is|which\s+is)?\s*<d(?P<d>\d+)>")),
    # "the 234 homicides in Baltimore were 17 percent less than the 392"; "11,491 refugees,
    # 15 percent over the limit of 10,000"
    ("B, change than A", re.compile(
        rf"<[ns](?P<b>\d+)>{_GAP}{{0,60}}?<c(?P<d>\d+)>\s+{_THE}(?:[a-z-]+\s+){{0,2}}?"
        rf"(?:of\s+)?<[ns](?P<a>\d+)>")),
]  # fmt: skip
_CHANGES += [
    # "only 4 percent ... was a minimum wage job ... Today, that number has more than doubled
    # (to) 9.5 percent": "that number" takes up the amount before it, no other between
    ("A ... that number changed to B", re.compile(
        r"<[ns](?P<a>\d+)>[^<]{0,120}?\b(?:that|this|the)\s+(?:number|figure|rate|share|"
        r"percentage|total|amount|count)\s+(?:has\s+|have\s+|had\s+)?<d(?P<d>\d+)>\s+"
        r"\(?to\)?\s+<[ns](?P<b>\d+)>")),
    # "I doubled my poll numbers. We went from 11 to 22 in one week." - the next words say how,
    # with no "then" that would make it a second event
    ("change. We went from A to B", re.compile(
        r"<d(?P<d>\d+)>(?:\s+[a-z'-]+){0,6}\.\s+(?:we|it|they|he|she|i)\s+(?:went|rose|grew|"
        r"fell|dropped|climbed|jumped|increased|decreased|moved)\s+from\s+"
        rf"{_THE}<[ns](?P<a>\d+)>\s+to\s+{_THE}<[ns](?P<b>\d+)>")),
]  # fmt: skip
# The two ends of a change whose size the next sentence gives ("... to $537 billion.")
_ENDS = re.compile(rf"\bfrom\s+{_THE}<[ns](?P<a>\d+)>{_GAP}{{0,40}}?\s+to\s+{_THE}<[ns](?P<b>\d+)>")
# "That's a 23.7 percent jump."
_FOLLOWING_CHANGE = re.compile(
    r"^\s*(?:that|this|it|which)(?:'s|\u2019s|\s+is|\s+was|\s+represents|\s+marks|\s+amounts"
    r"\s+to)\s+<d(?P<d>\d+)>"
)
_SHARES = [
    # "593 people, or 13 percent of the 4,561"
    ("K, or share of N", re.compile(
        rf"<n(?P<k>\d+)>{_GAP}{{0,50}}?,\s+(?:or|about|roughly|representing|some)?\s*"
        rf"<s(?P<s>\d+)>\s+of\s+{_THE}<n(?P<n>\d+)>")),
    # "31 of the 4,561 released, or 0.7 percent"
    ("K of N, or share", re.compile(
        rf"<n(?P<k>\d+)>\s+of\s+{_THE}<n(?P<n>\d+)>{_GAP}{{0,50}}?,\s+(?:or\s+)?"
        rf"<s(?P<s>\d+)>(?!\s+of\b)")),
    # "13 percent of the 4,561, or 593"
    ("share of N, or K", re.compile(
        rf"<s(?P<s>\d+)>\s+of\s+{_THE}<n(?P<n>\d+)>{_GAP}{{0,50}}?(?:,|\s[-\u2013\u2014])\s+"
        rf"(?:or\s+)?<n(?P<k>\d+)>")),
    # "a $4 trillion debt and $2.8 trillion of it, or 70% of it": "of it" takes up the amount
    # just before, with no other figure and no sentence end between
    ("N ... K of them, or share", re.compile(
        r"<n(?P<n>\d+)>[^<.]{0,100}?<n(?P<k>\d+)>\s+of\s+(?:it|them),?\s+(?:or\s+)?"
        r"<s(?P<s>\d+)>(?:\s+of\s+(?:it|them)\b)?(?!\s+of\b)")),
    # "costs $100,000 total ... $25,000, which equals a quarter of the total": "the total"
    # takes up the amount the sentence calls its total
    ("N total ... K, share of the total", re.compile(
        r"(?:<n(?P<n>\d+)>\s+(?:in\s+)?total\b|\btotal\s+of\s+<n(?P<n2>\d+)>)[^.]{0,150}?"
        r"<n(?P<k>\d+)>,?\s+(?:or|(?:which|that)\s+(?:equals|is|represents|amounts\s+to|"
        r"makes\s+up|accounts\s+for))\s+<s(?P<s>\d+)>\s+of\s+the\s+total\b")),
]  # fmt: skip

_MULTIPLES = [
    # "300 people, three times as many as the 100 it held"
    ("B, multiple as A", re.compile(
        rf"<[ns](?P<a>\d+)>{_GAP}{{0,60}}?<m(?P<m>\d+)>\s+(?:as|than)\s+{_THE}"
        rf"(?:[a-z-]+\s+){{0,2}}?<[ns](?P<b>\d+)>")),
    # "32% of Republican claims, compared to 11% of Democratic claims - a 3 to 1 margin"
    ("A compared to B, multiple", re.compile(
        rf"<[ns](?P<a>\d+)>{_GAP}{{0,60}}?\bcompared\s+(?:to|with)\s+{_THE}<[ns](?P<b>\d+)>"
        rf"(?:{_GAP}|\u2014){{0,40}}?<m(?P<m>\d+)>")),
    # "a growth rate of 14.2%, nearly double the national rate of 7.6%"
    ("A, multiple the B", re.compile(
        r"<[ns](?P<a>\d+)>,?\s+(?:or\s+|about\s+|which\s+is\s+)?<t(?P<m>\d+)>\s+"
        r"(?:[a-z-]+\s+){0,3}?(?:of\s+)?<[ns](?P<b>\d+)>")),
]  # fmt: skip


@dataclass(frozen=True)
class Relation:
    """`stated` (a change or a share, by its place among the sentence's figures) relates the
    amounts `a` and `b`: a change from a to b, or a share a of b. `sentence` is -1 when the
    amounts stand in the sentence before. `words` are the words that state it."""

    kind: str  # "change", "share" or "multiple" (a is that many times b)
    stated: int
    a: int
    b: int
    words: str
    sentence: int = 0
    rule: str = ""  # which pattern found it, for the measures (benchmarks/relations.py)


def relations(sentence: str, found: Sequence[Found]) -> list[Relation]:
    """The relations one sentence states among its own figures."""
    skeleton = _skeleton(sentence, found)
    result: list[Relation] = []
    for rule, pattern in _CHANGES:
        for m in pattern.finditer(skeleton):
            result.append(_relation("change", rule, m, ("d", "a", "b"), sentence, found))
    for rule, pattern in _SHARES:
        for m in pattern.finditer(skeleton):
            result.append(_relation("share", rule, m, ("s", "k", "n"), sentence, found))
    for rule, pattern in _MULTIPLES:
        for m in pattern.finditer(skeleton):
            result.append(_relation("multiple", rule, m, ("m", "a", "b"), sentence, found))
    return _kept(result, found)


def following(previous: str, before: Sequence[Found], sentence: str,
              found: Sequence[Found]) -> list[Relation]:  # fmt: skip
    """A change the sentence states of two amounts in the sentence before it: "It rose from
    A to B." then "That's a 23.7 percent jump." Only where the earlier sentence states no
    change of its own."""
    head = _skeleton(sentence, found)
    opening = _FOLLOWING_CHANGE.match(head)
    earlier = _skeleton(previous, before)
    ends = _ENDS.search(earlier)
    if opening is None or ends is None or "<d" in earlier or "<c" in earlier:
        return []
    d, a, b = int(opening["d"]), int(ends["a"]), int(ends["b"])
    if not _comparable(before[a], before[b], found[d]):
        return []
    words = f"{previous[before[a].start : before[b].end]} … {sentence[: found[d].end].strip()}"
    return [Relation("change", d, a, b, words, sentence=-1, rule="from A to B. That's change")]


def _skeleton(sentence: str, found: Sequence[Found]) -> str:
    """The sentence in lower case with each figure as <kN>: its kind and its place."""
    parts: list[str] = []
    at = 0
    for number, figure in enumerate(found):
        parts += [sentence[at : figure.start].lower(), f"<{_kind(figure)}{number}>"]
        at = figure.end
    parts.append(sentence[at:].lower())
    return "".join(parts)


_COMPARING = ("than", "over", "above", "below", "under")


def _kind(figure: Found) -> str:
    try:
        kind = _KINDS.get(parse_figure(figure.value).kind, "x")
    except FigureError:
        return "x"
    last = figure.value.lower().rsplit(" ", 1)[-1]
    if kind == "m" and last == "the":
        return "t"  # "double the", "three times the": the base follows
    return "c" if kind == "d" and last in _COMPARING else kind


def _relation(kind: str, rule: str, m: re.Match[str], groups: tuple[str, str, str],
              sentence: str, found: Sequence[Found]) -> Relation:  # fmt: skip
    stated, a, b = (_place(m, group) for group in groups)
    first, last = min(stated, a, b), max(stated, a, b)
    words = sentence[found[first].start : found[last].end]
    return Relation(kind, stated, a, b, words, rule=rule)


def _place(m: re.Match[str], group: str) -> int:
    """The figure's place a group matched; a pattern may give one end two places ("N total"
    or "a total of N"), the second named with a 2."""
    matched = m.groupdict()
    value = matched[group] if matched[group] is not None else matched[f"{group}2"]
    return int(value)


def _kept(found_relations: list[Relation], found: Sequence[Found]) -> list[Relation]:
    """One relation per stated figure, between amounts that can be compared (both counts,
    or the same currency), and a share's part no larger than its whole."""
    kept: list[Relation] = []
    stated: set[int] = set()
    for relation in found_relations:
        if relation.stated in stated:
            continue
        a, b = found[relation.a], found[relation.b]
        if relation.a == relation.b or not _comparable(a, b, found[relation.stated]):
            continue
        if relation.kind == "share" and parse_figure(a.value).value > parse_figure(b.value).value:
            continue
        stated.add(relation.stated)
        kept.append(relation)
    return kept


def _comparable(a: Found, b: Found, stated: Found) -> bool:
    """Two amounts of one kind and currency; percentage points only between percentages and
    only with their direction written ("fell 2 points", not "2 points")."""
    first, second = parse_figure(a.value), parse_figure(b.value)
    amounts = (Kind.count, Kind.number)
    same = first.kind is second.kind or {first.kind, second.kind} <= set(amounts)
    if parse_figure(stated.value).kind is Kind.points and (
        first.kind is not Kind.percent or stated.value[:1].isdigit()
    ):
        return False
    return same and first.currency == second.currency
