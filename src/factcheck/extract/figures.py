"""The figures a sentence states, read as written with the quantity language
(quantity.parse_figure): "4,561", "more than 12,000", "about one in eight", "13.7%", "$434
billion", "a third of", and a change with its direction ("a 13 percent drop", "dropped 32
percent", "17 percent less than"), each with its place and a name a check can refer to (the
counted noun that follows it: "344 slayings" is `slayings`).

What only looks like a figure is left out, since a desk records what was counted: dates ("Jan.
20", a bare year "since 2019", "105 in 2007" is no ratio), ordinals and districts ("5th",
"R-5th", "District 9"), ranks ("No. 1"), ages ("between the ages of 15 and 29", "a 15-year-old"),
clock times and durations written as compounds ("10-year plan").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.figures.quantity import HEDGES, Figure, FigureError, Kind, parse_figure
from factcheck.text.wordnet import noun_form

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 "thirty|forty|fifty|hundred")  # fmt: skip
_SOME_WORDS = _NUMBER_WORDS.removeprefix("one|")
_FRACTION_WORDS = ("half|third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|seventh|"
                   "sevenths|eighth|eighths|ninth|ninths|tenth|tenths")  # fmt: skip
_HEDGE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_YEAR = r"(?:1[89]|20)\d\d"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)\b"
_SUFFIX = (rf"(?:\s*{_SCALE})?"
           r"(?:\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)?")  # fmt: skip
# "22 in one week" counts over a time, no share of anything
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|terms?)\b"
_MULTIPLIER = rf"(?:{_NUMBER_WORDS}|\d+(?:\.\d+)?)"
_CORE = re.compile(
    # a multiple: "three times as many", "twice as likely", "a 3-to-1 margin"
    rf"(?P<multiple>(?<![\d/]\s)\b(?:twice|thrice|(?<![\d/]){_MULTIPLIER}\s+times)\s+(?:as\s+[a-z]+|more(?:\s+likely)?"
    r"|larger|higher|bigger|greater|longer|faster)\b"
    # "nearly double the national rate of 7.6%"; "double the fund from A to B" is a change
    rf"|\b(?:twice|thrice|double|triple|(?<![\d/]){_MULTIPLIER}\s+times)\s+the\b(?![^.;,]*\bfrom\b)"
    rf"|\b{_MULTIPLIER}(?:-to-(?:1|one)\b(?:\s+(?:margin|ratio|edge|advantage)\b)?"
    r"|\s+to\s+(?:1|one)\s+(?:margin|ratio|edge|advantage)\b))"
    # a ratio in words or digits ("one in eight", "1 out of 3"), never "105 in 2007"
    rf"|(?P<ratio>\b(?:{_NUMBER_WORDS}|\d+)\s+(?:in|out\s+of)\s+(?!{_YEAR}\b)"
    rf"(?:{_NUMBER_WORDS}|\d{{1,3}}(?:,\d{{3}})*)\b(?!\s+{_TIME_UNIT})"
    # "eight of 10 avocados": a count in words of a whole, where "31 of 4,561" are a part and
    # its whole, and "one of 10 candidates" is one among them
    rf"|\b(?:{_SOME_WORDS})\s+of\s+(?!{_YEAR}\b)(?:{_NUMBER_WORDS}|\d{{1,3}}(?:,\d{{3}})*)\b"
    rf"(?!\s+{_TIME_UNIT}))"
    # a fraction in words, as a share of something ("a third of", "nearly half of")
    rf"|(?P<fraction>\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[- ])?"
    rf"(?:{_FRACTION_WORDS})(?=\s+of\b)|\ba\s+majority(?=\s+of\b))"
    # a change in words: "doubled", and "double", "cut in half" where ends follow ("from")
    r"|(?P<word>\b(?:doubled|tripled|quadrupled|halved)\b|\b(?:double|triple|halve|cut\s+in\s+"
    r"half)\b(?=,?\s+from\b))"
    # a range of percentages, "72-75 percent"; a bare "15-29" (ages, a score) is no figure
    r"|(?P<range>(?<![\w.,$:/#-])\d+(?:\.\d+)?\s?[-\u2013]\s?\d+(?:\.\d+)?"
    r"(?:\s?%|\s+per\s?cent\b))"
    # a number, with its currency, scale and percent sign; never the first digits of a longer
    # one ("$25" of "$25,000:" before a colon), nor a clock's or a score's ("10:30", "3:2")
    r"|(?P<number>(?<![\w.,$:/#-])[$\u00a3\u20ac]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    # a scale written onto the number counts ("$1million", as some papers print it)
    rf"(?!(?!{_SCALE})\w|:\d|,\d{{3}}|-[A-Za-z]|[-\u2013]\d|\.\d|/\d){_SUFFIX})",
    re.I,
)
_CHANGE_VERB = ("rose|risen|increased|grew|grown|climbed|jumped|went up|gone up|up|gained|"
                "soared|surged|fell|fallen|dropped|declined|decreased|went down|gone down|"
                "down|lost|shrank|shrunk|slid|plunged|tumbled|cut")  # fmt: skip
_BEFORE_CHANGE = re.compile(rf"\b(?:{_CHANGE_VERB})(?:\s+by)?\s+(?:(?:{_HEDGE})\s+)?$", re.I)
# "make up about 80 percent of the investors" is a share, not a rise ("up")
_MAKE_UP = re.compile(rf"\b(?:make|makes|made|making)\s+up\s+(?:(?:{_HEDGE})\s+)?$", re.I)
_BEFORE_NOUN = re.compile(rf"\ban?\s+(?:(?:{_HEDGE})\s+)?$", re.I)
_NOUN_OF = re.compile(
    r"\ban?\s+(?:increase|rise|jump|gain|drop|fall|decline|decrease|cut|reduction)\s+of\s+"
    rf"(?:(?:{_HEDGE})\s+)?$",
    re.I,
)
_CHANGE_NOUN = re.compile(
    r"\s+(?:increase|rise|jump|gain|growth|drop|fall|decline|decrease|cut|reduction)\b", re.I
)
_COMPARATIVE = re.compile(
    r"\s+(?:(?:less|fewer|lower|smaller|cheaper|more|higher|larger|greater|bigger)(?:\s+than)?"
    r"|(?:over|above|below|under)(?=\s+(?:the|a|an|its|their)\s+(?!(?:period|decade|years?|past|"
    r"last|next|course|months?|weeks?|days?|century|span|time)\b)))\b",
    re.I,
)
_HEDGE_BEFORE = re.compile(rf"\b(?:{_HEDGE})\s+$", re.I)
_MONTH_NAMES = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
                r"march|april|june|july|august|september|october|november|december)")  # fmt: skip
_MONTH = re.compile(rf"\b{_MONTH_NAMES}\.?\s*$", re.I)
_NOT_COUNTED_BEFORE = re.compile(
    r"(?:\bNo\.|\bnumber|\b(?:District|Route|Section|Title|Proposition|Prop\.|Article|Chapter|"
    r"Amendment|Highway|Interstate|Page|Room|Flight|Part|Rule|Form|Level|Phase|Week|Game|Act|"
    r"H\.R\.|Resolution|fiscal|FY|class of|ages?|aged|ages? of|ages of between|between "
    r"the ages of|ward|precinct|the year|size|(?:on|from|since|by|until|till|of|to|before|after)"
    r"\s+day))\s*$",
    re.I,
)
_AGE_AFTER = re.compile(
    r"^(?:-?\s*(?:and|to|-)\s*\d+)?[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b", re.I
)
# A person's age as news gives it, a bare number that ends its phrase: "Crutcher, 40 ― a
# father ...", "Jane Doe, 34, said" (a name, a comma, then a word in lower case: "Ohio, 18,
# Texas, 38" is a tally), "Donald Trump, who is 70."
_NAME_COMMA = re.compile(r"\b[A-Z][a-z'\u2019-]+,\s$")
_THEN_LOWER = re.compile(r"\s*(?:,|[\u2015\u2014\u2013]|\s-)\s*[a-z]")
_WHO_IS = re.compile(r"\bwho (?:is|was|turns|turned|will turn)\s$")
_PHRASE_ENDS = re.compile(r"\s*(?:[,;\u2015\u2014\u2013]|\.(?!\d)|$)")


def _an_age(before: str, after: str) -> bool:
    if _NAME_COMMA.search(before):
        return _THEN_LOWER.match(after) is not None
    return _WHO_IS.search(before) is not None and _PHRASE_ENDS.match(after) is not None


_SECOND_AGE = re.compile(r"\bages?\s+(?:of\s+)?(?:between\s+)?\d+\s+(?:and|to)\s+$", re.I)
# "over 10 years", "in the next five years", "for 20 years": the period a figure is about,
# not a figure (and "over" there is no hedge).
_PERIOD_AFTER = re.compile(r"^\s+(?:years?|months?|weeks?|days?|decades?|hours?|quarters?)\b",
                           re.I)  # fmt: skip
_PERIOD_BEFORE = re.compile(
    r"\b(?:over|in|for|within|during|next|past|last|first)\s+"
    r"(?:(?:as long as|up to|nearly|about|almost|more than|at least)\s+)?$",
    re.I,
)
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['\u2019]clock)", re.I)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]*)(?:['\u2019]s\b)?")  # past a possessive's 's
# Small words: skipped before the counted noun, and the end of its run after it.
_SKIPPED_NAMES = frozenset(
    "of in and or to with for from since was were is are has have had be been on about at by "
    "over than more some percent per cent million billion trillion hundred thousand less fewer "
    "lower higher the a an all its their his her our who that which will would could said "
    "between among across into under per as during while when because through against "
    "within without".split()
)
# Words after a figure that say when or which, not what was counted: no name is made of them.
_NOT_NAMES = (
    frozenset(
        "this these those them us it they we you he she last next fiscal year years month months "
        "week weeks day days time times before after ago earlier later previous january february "
        "march april may june "
        "july august september october november december jan feb mar apr jun jul aug sep sept oct "
        "nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday "
        "tomorrow".split()
    )
    | frozenset(_NUMBER_WORDS.split("|"))  # "22 in one week" counted no "one"
    | frozenset(
        # ... nor what opens a clause, a span of time, a predicate or another conjunct: what
        # follows is another statement or a when ("18.7% when PolitiFact said" counts no
        # PolitiFact, "$33.6 billion over a decade" no decade, "$100 billion is the tail" no tail)
        "when while because who which that whom whose if although though unless until whereas "
        "where through since during within over decade decades century quarter every each "
        "is was are were be been and but".split()
    )
)


@dataclass(frozen=True)
class Found:
    name: str
    value: str  # as written, in the quantity language
    start: int  # offsets into the sentence
    end: int
    per: str | None = None  # what it is counted per, as written: "a day", "per student"

    @property
    def figure(self) -> Figure:
        return parse_figure(self.value)


def figures(
    sentence: str,
    decimal_comma: bool = False,
    names: Sequence[tuple[int, int]] = (),
    nouns: frozenset[int] | None = None,
    verbs: frozenset[int] = frozenset(),
) -> list[Found]:
    """The figures of one sentence. With `decimal_comma` (Spanish, French, German ...), "5,5 %"
    is 5.5% and "1.234" is 1,234: the value is then written the English way, and its place
    is still the text's. `names`: where a number is part of a name in the sentence
    (attribution.numbers_in_names: "Intermediate School 285", "Fortune 500"); a bare number
    there is no count. `nouns`: where the parser's common nouns start, when the sentence was
    parsed: only one of them names what a figure counts ("$20 million experts say" counts
    experts, not "say"; "The top 1 percent paid" is a share). `verbs`: where its verbs start:
    one before any noun ends what a figure may count ("$7 million probing government" is an
    amount)."""
    if decimal_comma:
        return _read_with_decimal_commas(sentence, names, nouns, verbs)
    found: list[Found] = []
    taken: set[str] = set()
    # what is counted is read past a name's number: "58 Fortune 500 companies" counts companies
    named = _masked(sentence, names)
    tags = [m.span() for m in _TAG.finditer(sentence)]
    titles = [m.span() for m in _QUOTED.finditer(sentence) if _a_title(m.group(1))]
    rates: list[tuple[int, int]] = []  # a rate's words: "every 2 years" counts no 2
    for match in _CORE.finditer(sentence):
        start, end = match.span()
        if any(a <= start < b for a, b in (*tags, *rates)):
            continue  # markup pasted with the text: '<tweet timestamp="1474387200">'
        if match.group("number") and (
            not _counted(sentence, start, end, match.group())
            or _in_a_name(names, start, end, match.group())
            or _in_a_name(titles, start, end, match.group())
        ):
            continue
        read = _as_written(sentence, start, end)
        if read is None:
            continue
        start, end, value = read
        if found and start < found[-1].end:
            continue
        name = _name(named, end, value, taken, nouns, verbs)
        per, end, value = _with_rate(sentence, start, end, value)
        rate = _RATE.match(sentence, end) if per else None
        if rate is not None:
            rates.append(rate.span())
        found.append(Found(name, value, start, end, per))
    found = _percentages_as_written(sentence, _ranges_share_rates(sentence, found))
    return _renumbered(_without_fractions_of_percentages(sentence, found))


def _renumbered(found: list[Found]) -> list[Found]:
    """The figures with their names numbered again in order, once some were left out: "share"
    and "share_2", not "share_3" alone."""
    taken: set[str] = set()
    renamed = []
    for figure in found:
        name = _unique(re.sub(r"_\d+$", "", figure.name), taken)
        renamed.append(figure if name == figure.name else dataclasses.replace(figure, name=name))
    return renamed


# the first of two percentages whose sign is written once, left out as no count (_not_a_count)
_FIRST_OF_TWO = re.compile(
    r"(?:\bbetween\s+(?<![\d.,])\d{1,3}(?:\.\d+)?\s+and"
    r"|(?<![\d.,])(?<!from )\d{1,3}(?:\.\d+)?(?:\s+(?:or|to)|,))\s+$",
    re.I,
)


def _percentages_as_written(sentence: str, found: list[Found]) -> list[Found]:
    """A percentage whose sign serves two numbers, read with the first: as the range the
    quantity language reads ("between 10 and 15 percent", "17 to 18 percent"), else no
    figure ("17 or 18 percent", a split "35 to 12 percent"), where the second alone ("15
    percent") had said what the text does not."""
    kept: list[Found] = []
    for figure in found:
        # a window before the figure, not the whole sentence: a long one holds many figures
        share = figure.figure.kind.is_share and figure.value[:1].isdigit()
        first = _FIRST_OF_TWO.search(sentence, max(0, figure.start - 40), figure.start)
        if first is None or not share:
            kept.append(figure)
            continue
        hedge = _HEDGE_BEFORE.search(sentence, max(0, first.start() - 40), first.start())
        for start in dict.fromkeys((hedge.start() if hedge else first.start(), first.start())):
            read = _read(sentence[start : figure.end])
            if read is not None and read.bounds is not None:
                value = _spaced(sentence[start : figure.end])
                kept.append(dataclasses.replace(figure, value=value, start=start))
                break
    return kept


# between the two ends of a range: "$30,000 to $60,000 a year", "between $30,000 and $60,000"
_RANGE_BETWEEN = re.compile(r"\s*(?:to|and|or|-|\u2013|\u2014)\s*")


def _ranges_share_rates(sentence: str, found: list[Found]) -> list[Found]:
    """The first end of a range counted per the rate its second end gives ("making between
    $30,000 and $60,000 a year" is $30,000 a year too, not $30,000 once): the rate as its
    `per`, the value as written."""
    shared = list(found)
    for n in range(1, len(shared)):
        first, second = shared[n - 1], shared[n]
        if second.per and first.per is None and _RANGE_BETWEEN.fullmatch(
                sentence[first.end : second.start]):  # fmt: skip
            shared[n - 1] = dataclasses.replace(first, per=second.per)
    return shared


# "half of 1 percent", "a third of a percent", "two-thirds of 5%": a fraction of a percentage,
# which the quantity language cannot read as one figure
_OF_A_PERCENTAGE = re.compile(
    r"\s+of\s+(?:an?|one|\d[\d.,]*)\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b"
    # "a quarter of a million dollars": a sum, no share of the dollars
    rf"|{_SCALE})",
    re.IGNORECASE,
)


def _without_fractions_of_percentages(sentence: str, found: list[Found]) -> list[Found]:
    """The figures without a fraction of a percentage and that percentage: each alone says
    what the text does not ("less than half" and "1 percent" of "less than half of 1
    percent")."""
    dropped: set[int] = set()
    for n, figure in enumerate(found):
        of = _OF_A_PERCENTAGE.match(sentence, figure.end)
        if of is None or figure.figure.kind is not Kind.fraction:
            continue
        dropped.add(n)
        if n + 1 < len(found) and found[n + 1].start < of.end():
            dropped.add(n + 1)  # the percentage, where it was read as a figure
    return [f for n, f in enumerate(found) if n not in dropped]


# What a figure is counted per, right after it or the one word of what it counts ("$600,000
# a day", "40 tons each day", "3 percent annually", "$12,000 per student"); not a date ("a
# year ago", "a day later"), a span ("$33.6 billion over a decade"), a share ("a quarter
# of"), a word ("a year-over-year") or a noun's ("the average per capita income"). Further
# from the figure, the rate was often the verb's: "1 percent of the bank's 100,000 retail
# bankers every year" (PolNeAR dev).
_PER_UNIT = (
    r"(?:(?:a|an|per|each|every)\s+(?:second|minute|hour|day|night|week|month|quarter|"
    r"year|decade|person|head|capita|student|household|family|resident|worker)|"
    # "every three months": kept as the figure's per, which the quantity language does not read
    r"every\s+(?:other|two|three|four|five|six|ten|twelve|\d+)\s+(?:seconds?|minutes?|hours?|"
    r"days?|nights?|weeks?|months?|quarters?|years?))"
)
_RATE = re.compile(
    r"(?P<between>\s+(?!(?:a|an|the|per|each|every|in|on|at|for|to|by|with|than|and|or|but|that|"
    r"which|who|of|over|under|during|within|throughout|across|about|around|from|up|down|"
    r"last|next|this)\b)[a-z][a-z'\-]*)?"
    rf"\s+(?P<per>{_PER_UNIT}|per\s+annum|annually|yearly|daily|weekly|monthly|hourly)\b"
    r"(?![\-\u2010-\u2014]|\s+(?:ago|earlier|later|before|after|since|from|into|of|income|"
    r"incomes|gdp|basis)\b)"
)


def _with_rate(sentence: str, start: int, end: int, value: str) -> tuple[str | None, int, str]:
    """What the figure is counted per, if anything, and the figure's end and value: with the
    rate in them where it follows the figure directly and the quantity language reads the
    two as one ("$600,000 a day", a count with its period), so that `check` and `compare`
    read the period from the value, as a desk's records give it."""
    rate = _RATE.match(sentence, end)
    if rate is None:
        return None, end, value
    per = " ".join(rate["per"].split())
    if rate["between"] is None:
        joined = _spaced(sentence[start : rate.end("per")])
        read = _read(joined)
        if read is not None and read.per is not None:
            return per, rate.end("per"), joined
    return per, end, value


# A title in quotation marks ('The 411', "American Skin (41 Shots)", in any quotation marks):
# a few words, each capitalised or a number; its bare numbers are the title's.
# "3,210 shooting victims" is no title.
_QUOTED = re.compile(
    r"(?:(?<!\w)['\u2018]|[\u201c\"])([^\u2018\u2019\u201c\u201d\"]{1,80})[\u2019\u201d\"']"
)
_TITLE_WORD = re.compile(
    r"\(?(?:[A-Z][\w'\u2019.-]*|\d[\d,]*|of|the|and|a|an|in|on|to|for|with)\)?[.,:!?]{0,2}"
)


_TALLY = re.compile(r"[A-Z][\w.]*\s+\d[\d,.]*[,;]\s+[A-Z][\w.]*\s+\d")  # "Clinton 48, Trump 44"


def _a_title(quoted: str) -> bool:
    words = [w.strip("'\u2018\u2019") for w in quoted.split()]
    return (1 < len(words) <= 8 and all(_TITLE_WORD.fullmatch(w) for w in words)
            and any(w[:1].isupper() for w in words) and not _TALLY.search(quoted))  # fmt: skip


# A markup tag in a plain text ('<tweet tweet-id="783499116076687360">', '</div>'): its
# numbers are the markup's, not the article's.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")

_SWAP_MARKS = str.maketrans(".,", ",.")
_CONTINENTAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d.,]*\d)")


def _read_with_decimal_commas(
    sentence: str,
    names: Sequence[tuple[int, int]],
    nouns: frozenset[int] | None,
    verbs: frozenset[int],
) -> list[Found]:
    """Swap the marks ("1.234,5" -> "1,234.5"), which keeps every offset, and read as usual."""

    def swapped(match: re.Match[str]) -> str:
        return match.group().translate(_SWAP_MARKS)

    english = _CONTINENTAL.sub(swapped, sentence)
    return figures(english, names=names, nouns=nouns, verbs=verbs)


def _masked(sentence: str, names: Sequence[tuple[int, int]]) -> str:
    """The sentence with the numbers that are parts of names written as letters, in place."""
    for start, end in names:
        sentence = sentence[:start] + "x" * (end - start) + sentence[end:]
    return sentence


_BARE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _in_a_name(names: Sequence[tuple[int, int]], start: int, end: int, number: str) -> bool:
    """A bare number (no currency, no percent, no scale) that is part of a name: "Ginbot 7".
    A percentage the parser put in a name by mistake ("leading Trump 47.3 percent" as an
    organisation) stays a figure."""
    return bool(_BARE.fullmatch(number.strip())) and any(a <= start and end <= b for a, b in names)


def _counted(sentence: str, start: int, end: int, number: str) -> bool:
    """Whether a number is something counted, not a date, a year, an age, a rank or a time."""
    before, after = sentence[:start], sentence[end:]
    plain = number.strip()
    if _MONTH.search(before) or _NOT_COUNTED_BEFORE.search(before):
        return False
    if plain.isdigit() and _not_a_count(before, after, plain):
        return False
    if re.fullmatch(_YEAR, plain) or _SECOND_AGE.search(before):
        return False
    if plain.isdigit() and _an_age(before, after):
        return False
    if _PERIOD_AFTER.match(after) and _PERIOD_BEFORE.search(before):
        return False
    return not (_AGE_AFTER.match(after) or _CLOCK_AFTER.match(after))


# Bare numbers that count nothing, each found in drafts of real news (docs/extract.md): a
# list's marker ("1) Unlike Cruz", "1. This is", a thread's "1/"), a day before its month
# ("10 March 2020"), a street's number ("10 Downing Street"), a decade ("the 90's", "the
# '80s"), a height ("6'3\""), a vote's split ("4 to 1 in favor"), the first of two
# percentages ("17 or 18 percent", "35 to 12 percent", "between 10 and 15 percent": the
# percent sign is written once, and the number alone would be a count), an age ("As Bill
# Clinton turns 70,", "Men under 35 support", "voters over 65", "Daniel was 15 when", "a
# young man of 26"), a year before 1800 ("started in 1789,"), "18+ percent", and a name or a
# measure of one thing ("a 911 caller", "a 5 mile race").
# "1) Unlike Cruz", "(2) the rest", and at a sentence's start "1. This is" and a thread's "1/"
_LIST_MARKER = (re.compile(r"(?:^|[;:])\s*\(?$"), re.compile(r"^\)"))
_LEADING_MARKER = re.compile(r"^[./](?:\s|$)")
# a date written day first: "As of 9am 10 March 2020"
# a street address: "10 Downing Street", "131 West 23rd Street"
_STREET_AFTER = re.compile(
    r"^\s+(?:(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\s+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|"
    r"Drive|Place|Square|Plaza|Way)\b"
)
_MONTH_AFTER = re.compile(rf"^\s+{_MONTH_NAMES}\b\.?", re.I)
_DECADE_AFTER = re.compile(r"^['\u2019]?s\b")
# a year written with its century cut off: "the '76 measure"
# "529 plans", "529 college savings accounts": the plans' name
_SAVINGS_PLAN_AFTER = re.compile(r"\s+(?:college\s+)?(?:savings?\s+)?(?:plans?|accounts?)\b", re.I)
_SUBSECTION_AFTER = re.compile(r"\([a-z]\)")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_YEAR_CUT_SHORT = re.compile(r"(?:^|[\s(])['\u2019]$")
_FEET_AFTER = re.compile(r"^['\u2032\u2019]\s?\d{1,2}\s?(?:\"|''|\u2033|\u201d)")
_INCHES = (re.compile(r"\d['\u2032\u2019]\s?$"), re.compile(r"^(?:\"|''|\u2033|\u201d)"))
# a vote's split: "split 4 to 1 in favor", "7 to 2 against": two sides, no count
_SPLIT_FIRST = re.compile(r"^\s+to\s+\d+\s+(?:in\s+favou?r|against)\b", re.I)
_SPLIT_SECOND = (re.compile(r"\d\s+to\s$"), re.compile(r"^\s+(?:in\s+favou?r|against)\b", re.I))
# "punch back 10 times harder": a multiple the quantity language does not read, no count
_TIMES_AFTER = re.compile(
    r"^\s+times\s+(?:harder|stronger|worse|better|slower|lower|smaller|shorter|cheaper|"
    r"deadlier|richer|poorer|heavier|louder|safer|easier|tougher|wider|deeper|hotter|colder)\b",
    re.I,
)
_PLUS_PERCENT_AFTER = re.compile(r"^\+\s?(?:%|per\s?cent\b)", re.I)  # "18+ percent"
_PERCENT_AFTER = re.compile(
    r"^(?:(?:\s+(?:or|to|and)|,)\s+\d+(?:\.\d+)?)+(?:\s?%|\s+per\s?cent\b)", re.I
)
_NOT_FROM = re.compile(r"\bfrom\s$", re.I)  # "from 10 to 15 percent": a change's first end
_AND_BETWEEN = re.compile(r"\bbetween\s$", re.I)
_TURNS_BEFORE = re.compile(r"\b(?:turns|turned|turning|will turn)\s$")
# "Daniel was 15 when he was shot", "a young man of 26": ages
_WAS_BEFORE = re.compile(r"\b(?:he|she|(?!There|It|This|That|What)[A-Z][a-z]+)\s+(?:is|was)\s$")
_WHEN_AFTER = re.compile(r"^\s+when\b")
_PERSON_OF_BEFORE = re.compile(
    r"\b(?:man|woman|boy|girl|kid|child|person|teen|teenager)\s+of\s(?:\d+\s+(?:or|to)\s)?$",
    re.I,
)
# an age range after the people it is of: "voters 18 to 29", "those 26 to 34", "Americans 65
# and older"
# people an age is of: "voters 18 to 29", "Men under 35"
_PEOPLE = (r"(?:those|people|voters|adults|americans|women|men|residents|workers|millennials|"
           r"respondents|children|kids|youths?|students|veterans|seniors|teens|teenagers|anyone|"
           r"everyone|individuals|democrats|republicans)")  # fmt: skip
_RANGE_FIRST = (re.compile(rf"\b{_PEOPLE}\s+$", re.I),
                re.compile(r"^\s*(?:to|-|\u2013|and)\s*\d|^\s+(?:and|or)\s+(?:older|over|up|younger|under)\b",
                           re.I))  # fmt: skip
_RANGE_SECOND = re.compile(rf"\b{_PEOPLE}\s+\d+\s*(?:to|-|\u2013|and)\s*$", re.I)
_UNIT_AFTER = re.compile(r"^\s+(?:pounds|lbs|kilos|kg|miles|feet|inches|dollars|cents)\b", re.I)
_AGE_BRACKET_BEFORE = re.compile(
    rf"\b{_PEOPLE}\s+(?:under|over|older than|younger than|aged)\s+$", re.I
)
_EARLY_YEAR = re.compile(r"1[0-7]\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|circa)\s$", re.I)
_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:[,.;:)\u2014\u2013]|$)|\s+(?:and|but|when|until|to|after|before)\b)"
)


def _not_a_count(before: str, after: str, digits: str) -> bool:
    if _LIST_MARKER[0].search(before) and _LIST_MARKER[1].match(after):
        return True
    if not before.strip() and _LEADING_MARKER.match(after):
        return True
    if len(digits) <= 2 and 1 <= int(digits) <= 31 and _MONTH_AFTER.match(after):
        return True
    if _STREET_AFTER.match(after):
        return True
    if digits.endswith("0") and len(digits) in (2, 4) and _DECADE_AFTER.match(after):
        return True
    if len(digits) == 2 and _YEAR_CUT_SHORT.search(before):
        return True  # "the '76 measure", "in '94"
    if _AND_A_HALF.match(after):
        return True  # "11 and a half million people": 11.5 million, which no "11" says
    if _FEET_AFTER.match(after) or (_INCHES[0].search(before) and _INCHES[1].match(after)):
        return True
    if _PLUS_PERCENT_AFTER.match(after) or _SPLIT_FIRST.match(after) or _TIMES_AFTER.match(after):
        return True
    if _SPLIT_SECOND[0].search(before) and _SPLIT_SECOND[1].match(after):
        return True
    percent_after = _PERCENT_AFTER.match(after)
    if percent_after and not _NOT_FROM.search(before):
        joined_by = percent_after.group().split()[0].lower()
        if joined_by != "and" or _AND_BETWEEN.search(before):
            return True
    if _TURNS_BEFORE.search(before) and _PHRASE_ENDS.match(after):
        return True
    if len(digits) <= 2 and _AGE_BRACKET_BEFORE.search(before) and not _UNIT_AFTER.match(after):
        return True  # "Men under 35 support Sanders", "voters over 65": ages
    if len(digits) <= 2 and (
        (_RANGE_FIRST[0].search(before) and _RANGE_FIRST[1].match(after))
        or _RANGE_SECOND.search(before)
    ):
        return True  # "Among voters 18 to 29": ages
    if digits != "1" and _ONE_BEFORE.search(before) and _one_thing_after(after):
        return True  # "a 911 caller", "a 529 plan", "a 5 mile run": a name or a measure
    if (
        (digits == "529" and _SAVINGS_PLAN_AFTER.match(after))
        or _SUBSECTION_AFTER.match(after)
        or (before.endswith(")(") and after.startswith(")"))
    ):
        return True  # "529 college savings plans", "401(k)", "501(c)(3)": named by the tax code
    was_when = _WAS_BEFORE.search(before) and _WHEN_AFTER.match(after)
    if len(digits) <= 2 and (was_when or _PERSON_OF_BEFORE.search(before)):
        return True
    return bool(_EARLY_YEAR.fullmatch(digits) and _YEAR_BEFORE.search(before)
                and _YEAR_AFTER.match(after))  # fmt: skip


_ONE_BEFORE = re.compile(r"\ban?\s$", re.I)


def _one_thing_after(after: str) -> bool:
    """Whether the word after a number is a noun in the singular: "a 911 caller" is one
    caller, and the number no count of callers."""
    word = _NEXT_WORD.match(after)
    if word is None or word.start(1) == 0:
        return False  # "a 10-year", "a 3D": written onto the number
    noun = word.group(1).lower()
    if noun in _PLURAL_NOUNS:
        return False  # "about a 100 people": speech's "a hundred", a count
    return noun_form(noun) == noun and not (noun.endswith("s") and noun_form(noun[:-1]))


# Nouns that name many at once though not written as plurals.
_PLURAL_NOUNS = frozenset({"people", "police", "cattle", "personnel", "staff", "clergy",
                           "livestock", "poultry"})  # fmt: skip


def _as_written(sentence: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The longest reading around a figure that the quantity language accepts: its change
    verb or noun and direction, then its hedge, then the figure alone."""
    before, after = sentence[:start], sentence[end:]
    wider: list[tuple[int, int]] = []
    for pattern in (_BEFORE_CHANGE, _NOUN_OF):
        verb = pattern.search(before)
        if verb and not (pattern is _BEFORE_CHANGE and _MAKE_UP.search(before)):
            wider.append((verb.start(), end))
    article, noun = _BEFORE_NOUN.search(before), _CHANGE_NOUN.match(after)
    if article and noun:
        wider.append((article.start(), end + noun.end()))
    comparative = _COMPARATIVE.match(after)
    hedge = _HEDGE_BEFORE.search(before)
    lead = hedge.start() if hedge else start
    if comparative:
        wider.append((lead, end + comparative.end()))
    for a, b in wider:
        figure = _read(sentence[a:b])
        if figure is not None and figure.kind in (Kind.change, Kind.points):
            return a, b, _spaced(sentence[a:b])
    for a in dict.fromkeys((lead, start)):
        if _read(sentence[a:end]) is not None:
            return a, end, _spaced(sentence[a:end])
    return None


def _read(text: str) -> Figure | None:
    try:
        return parse_figure(_spaced(text))
    except FigureError:
        return None


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _name(
    sentence: str,
    end: int,
    value: str,
    taken: set[str],
    nouns: frozenset[int] | None = None,
    verbs: frozenset[int] = frozenset(),
) -> str:
    """The counted noun after the figure, the last of its run of words ("344 slayings" is
    `slayings`, "57 new police officers were" `officers`, "13.7% of the budget" `budget`); a
    change is named `change`, percentage points with no word of change `points` (a lead or
    a gap: "leads Sanders by 20 percentage points"), a share without a noun `share`, a sum of
    money `amount`, any other figure `figure`."""
    figure = parse_figure(value)
    kind = figure.kind
    if kind is Kind.points and _BARE_POINTS.fullmatch(value):
        name: str | None = "points"
    elif kind in (Kind.change, Kind.points, Kind.multiple):
        name = "multiple" if kind is Kind.multiple else "change"
    else:
        name = _noun_after(sentence, end, nouns, verbs, kind.is_share, bool(figure.currency))
    if name is None:
        name = "share" if kind.is_share else ("amount" if figure.currency else "figure")
    return _unique(name, taken)


def _unique(base: str, taken: set[str]) -> str:
    """The name, or the name numbered ("share_2") when a figure before took it; kept taken."""
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


_BARE_POINTS = re.compile(rf"(?:(?:{_HEDGE})\s+)?[\d.,]+\s+(?:percentage\s+)?points?", re.I)


def _verb_like(word: str) -> bool:
    # "nearly half of the county agreed": a past tense ends the counted noun's run.
    return len(word) > 4 and word.endswith("ed") and word not in ("speed", "breed", "greed")


def _noun_after(
    sentence: str,
    at: int,
    parsed: frozenset[int] | None,
    verbs: frozenset[int] = frozenset(),
    share: bool = False,
    money: bool = False,
) -> str | None:
    words: list[tuple[str, int]] = []  # each with where it starts
    for _ in range(6):
        match = _NEXT_WORD.match(sentence, at)
        if match is None:
            break
        word = match.group(1).lower().replace("-", "_").strip("_")
        at = match.end()
        if not word:
            break
        if word in _NOT_NAMES:
            break
        if (share and word == "in") or (money and word == "to"):
            break  # "32 percent in the government" is no share of it, "$15 million to X" no X
        if words and (word in _SKIPPED_NAMES or _verb_like(word)):
            break
        if word not in _SKIPPED_NAMES:
            words.append((word, match.start(1)))
            if len(words) == 3:
                break
    if parsed is not None:  # the parser's common nouns, else no name of its own
        # the last of the first run of nouns: "20 veterans commit suicide" counts veterans,
        # the verb between ends the run ("new police officers" is one run: officers)
        found: str | None = None
        for word, start in words:
            if start in parsed:
                found = word
            elif found is None and start in verbs:
                break  # "$7 million probing government": what was spent, not a government
            elif found is not None and word.strip("x"):  # a name's number, masked: read on
                break
        return found
    # the last noun of the run: "32% of Republican claims false" counted claims, not "false"
    nouns = [w for w, _ in words if noun_form(w) is not None]
    return nouns[-1] if nouns else (words[-1][0] if words else None)
