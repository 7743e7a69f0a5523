"""Who asserts each sentence of an article, read the way quote-attribution systems read news:
a speech cue (a reporting verb, "according to") and its subject in spaCy's dependency parse,
that subject resolved to the person the article names (a full name as first given, a surname,
a first name, a title such as "the mayor", he or she by who was last speaking), and a quotation
given to the speaker of its cue even where the cue is in another sentence ('"... We will
win." She said ...', or a quotation paragraph that follows its speaker's).

A sentence nobody is said to assert keeps the article's own voice: no name is given where the
text gives none. Each attribution says which cue it rests on.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.extract.people import (
    People,
    Person,
    Salience,
    honorific_gender,
    name_words,
    people_named,
    plausible,
    roles_in,
    shown_role,
    title_before,
)
from factcheck.text.pipeline import english
from factcheck.text.posts import SIGNATURE
from factcheck.text.sentences import Sentence

CUE_LEMMAS = frozenset("""
say tell write add argue claim state note insist suggest warn testify tweet post acknowledge
concede contend counter respond reply urge accuse predict promise deny admit declare recall
report describe explain announce complain criticize criticise praise blame charge allege assert
maintain emphasize stress dispute confirm boast estimate vow pledge caution observe remark quip
joke lament muse ask call condemn apologize apologise proclaim conclude interject reiterate
repeat decry mention echo demand attack blast slam lambaste denounce tout brag rebut retort
scold talk discuss shout yell brand dub label term
""".split())  # fmt: skip
_PRONOUNS = frozenset({"he", "she"})
_SUBJECTS = ("nsubj", "nsubjpass")
QUOTE_OPEN = '\u201c"\u00ab\u201e'
_QUOTE_MARKS = re.compile(r"[\u201c\u201d\"\u00ab\u00bb\u201e]|''|``")
VOICE_CUE = "the article"


@dataclass(frozen=True)
class Attribution:
    speaker: str
    role: str | None
    cue: str  # what it rests on: "said", "according to", "said (pronoun)", "the article"...
    start: int  # where the speaker is named in the sentence (-1: not named in it)
    end: int


@dataclass(frozen=True)
class _Said:
    """A speaker found in one sentence, before quotations are grouped."""

    person: Person | None
    text: str  # the speaker as the sentence names them, when no person is known
    cue: str
    start: int
    end: int


def parsed(sentences: Sequence[Sentence]) -> list[Any]:
    """Each sentence parsed by the pipeline, its dateline ("WASHINGTON (AP) -") left out:
    what attribute_all reads, and the tags check-worthiness reads (run.py parses once)."""
    texts = [s.text[_dateline(s.text) :] for s in sentences]
    return list(english().pipe(texts, batch_size=16))


# The parser's entities that are names of things, not people or places: a number inside one
# is part of the name (figures.py). Places are left out: "District 5" is read by figures.py.
_NAMING = frozenset({"ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})
_ACRONYM = re.compile(r"[A-Z]{2,4}")
_DIGITS = re.compile(r"\d[\d,]*")
# Proper nouns a number follows that are not a name's words: dates and "No. 1"
_CALENDAR = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday no nos".split()
)


def noun_starts(sentence: Sentence, doc: Any, cut: int = 0) -> frozenset[int]:
    """Where the parser's nouns start, as offsets into the sentence's text (`cut` as for
    numbers_in_names): what a figure may count (figures.py). Common nouns, plural proper nouns
    ("Americans", "Republicans") and the words of names of things ("Main Street"); not a
    person's or a place's name ("24 percent of Hillary Clinton's donors" counts no Clinton)."""
    shift = _dateline(sentence.text) - cut
    return frozenset(shift + t.idx for t in doc if _counts(t) and shift + t.idx >= 0)


def verb_starts(sentence: Sentence, doc: Any, cut: int = 0) -> frozenset[int]:
    """Where the parser's verbs start, as noun_starts gives nouns: a verb between a figure
    and a noun ends what the figure may count ("$7 million probing government" counts no
    government), where one that modifies the noun does not ("2.7 million lost jobs")."""
    shift = _dateline(sentence.text) - cut
    return frozenset(shift + t.idx for t in doc if t.pos_ in ("VERB", "AUX")
                     and t.dep_ not in ("amod", "compound") and shift + t.idx >= 0)  # fmt: skip


def _counts(token: Any) -> bool:
    if token.lower_.rstrip(".") in _TITLE_WORDS:
        return False  # "16 million for Mrs. Clinton" counts no "mrs"
    if token.pos_ == "NOUN" or token.tag_ == "NNPS":
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC")


# A person's title or honorific, which the parser tags as a proper noun outside the name
_TITLE_WORDS = frozenset("mr mrs ms miss dr sen rep gov sec gen lt col sgt prof rev".split())


def numbers_in_names(sentence: Sentence, doc: Any, cut: int = 0) -> list[tuple[int, int]]:
    """Where a number is part of a name, as offsets into the sentence's text: inside one of
    the parser's names of things, after a word of the name ("House Bill 481", "Fortune 500",
    "Boeing 757", "SB 271"). A number that opens the name is left alone: the parser takes
    counts into names ("9 Nobel Prize-winning economists", "6 School Girls"). `cut`: how many
    characters of the sentence `doc` parsed are not in `sentence` (a transcript's label)."""
    shift = _dateline(sentence.text) - cut
    found = []
    for entity in doc.ents:
        if entity.label_ not in _NAMING:
            continue
        for token in entity[1:]:
            before = doc[token.i - 1].text
            if (token.like_num and (before.istitle() or _ACRONYM.fullmatch(before))
                    and not _in_a_tally(token)):  # fmt: skip
                found.append((shift + token.idx, shift + token.idx + len(token)))
    # The entity model misses many ("SiriusXM Patriot 125", "Ginbot 7", "Fortune 500" as a
    # number alone): digits right after a proper noun that is no month or day are a name's
    # too. A count follows no name in news ("Gary Johnson 3 percent" is a percentage, which
    # stays a figure: only a bare number is dropped, figures._in_a_name).
    for token in doc[1:]:
        before = doc[token.i - 1]
        if (_DIGITS.fullmatch(token.text) and before.pos_ == "PROPN"
                and (before.text.istitle() or _ACRONYM.fullmatch(before.text))
                and before.text.lower().rstrip(".") not in _CALENDAR
                and not _in_a_tally(token)):  # fmt: skip
            found.append((shift + token.idx, shift + token.idx + len(token)))
    return found


def _in_a_tally(number: Any) -> bool:
    """ "Italy 320; UK 12", "Clinton 48, Trump 44": names with their numbers one after another,
    each a count, not part of the name."""
    doc, i = number.doc, number.i

    def pair_at(j: int) -> bool:  # a name then a number, at j and j + 1
        return j >= 0 and j + 1 < len(doc) and doc[j].pos_ == "PROPN" and doc[j + 1].like_num

    after = i + 1 < len(doc) and doc[i + 1].text in (",", ";") and pair_at(i + 2)
    before = i >= 3 and doc[i - 2].text in (",", ";") and doc[i - 3].like_num
    return after or before


def attribute_all(sentences: Sequence[Sentence], text: str, voice: str,
                  docs: Sequence[Any] | None = None) -> list[Attribution]:  # fmt: skip
    """Each sentence's attribution, in order (text: the article the sentences are cut from;
    docs: the sentences as parsed() parses them, when the caller has them)."""
    spans = _quotation_spans(text)
    skipped = [_dateline(s.text) for s in sentences]
    docs = list(docs) if docs is not None else parsed(sentences)
    people = People()
    for doc in docs:
        _learn(doc, people)  # the whole article first: "Sanders" may come before "Bernie Sanders"
    signed = _signed_headline(docs[0], text) if docs else []
    if signed:
        people.add(signed, "")
    salience = Salience()
    said: list[_Said | None] = []
    for sentence, skip, doc in zip(sentences, skipped, docs, strict=True):
        quoted = _local(spans, sentence.start + skip, sentence.end)
        _mentioned(doc, people)
        found = _said(doc, quoted, people, salience)
        speaker = found.person if found is not None else None
        by_name = found is not None and "(pronoun)" not in found.cue
        named_at = found.start if found is not None and by_name else -1
        salience.after(doc, quoted, people, speaker, by_name, named_at)
        said.append(_shifted(found, skip))
    inside = _quoted_sentences(sentences, spans)
    grouped = _grouped(said, inside, sentences, text)
    turns = _turns(sentences, text, people)
    posts = _signed(sentences, text)
    return [_attribution(turn or found or post, voice)
            for found, turn, post in zip(grouped, turns, posts, strict=True)]  # fmt: skip


SIGNED = "signature"  # the cue of a post's author, named at its end


def _signed(sentences: Sequence[Sentence], text: str) -> list[_Said | None]:
    """The author of a post that ends with its signature, for each sentence of the post's
    line before it: what the post says that nobody else is quoted saying is the author's.
    The signatures and line ends are found once, so that a long text stays linear."""
    signatures = list(SIGNATURE.finditer(text))
    newlines = [m.start() for m in re.finditer("\n", text)]
    found: list[_Said | None] = []
    k = 0
    for sentence in sentences:
        while k < len(signatures) and signatures[k].start() < sentence.start:
            k += 1
        at = bisect.bisect_left(newlines, sentence.start)
        line_end = newlines[at] if at < len(newlines) else len(text)
        signature = signatures[k] if k < len(signatures) else None
        if signature is None or signature.end() > line_end:
            found.append(None)
            continue
        author = _author(signature)
        start, end = signature.span("name")
        inside = sentence.start <= start and end <= sentence.end
        found.append(_Said(None, author, SIGNED, start - sentence.start if inside else -1,
                           end - sentence.start if inside else -1))  # fmt: skip
    return found


def signature_length(text: str, sentence: Sentence) -> int:
    """How many characters at the end of the sentence are a post's signature ("— Donald J.
    Trump (@realDonaldTrump) March 24, 2019"), where words come before it; 0 for any other."""
    signature = SIGNATURE.search(text, sentence.start, sentence.end)
    if signature is None:
        return 0
    before = text[sentence.start : signature.start()]
    if not re.search(r"[^\W\d_]", before):
        return 0  # the signature alone
    return sentence.end - len(before.rstrip()) - sentence.start


def _author(signature: re.Match[str]) -> str:
    """The name a signature gives, without emoji and decoration; the handle where the name
    has no word of letters."""
    plain = "".join(c for c in signature["name"] if not _decoration(c))
    words = [w for w in plain.split() if re.search(r"[^\W\d_]", w)]
    name = " ".join(w.strip("*_~|") for w in words).strip()
    return name or f"@{signature['handle']}"


def _decoration(char: str) -> bool:
    """Emoji, symbols and their joiners, which a display name wears and a name does not."""
    return unicodedata.category(char)[0] == "S" or unicodedata.category(char) in ("Cf", "Mn")


TURN = "transcript label"  # the cue of a speaker a transcript's label gives
# A transcript's turn: "TRUMP: ...", "MODERATOR (Lester Holt): ...".
_LABEL = re.compile(
    r"[ \t]*(?P<label>[A-Z][A-Z.'\-]*(?:[ ][A-Z][A-Z.'\-]*){0,3})(?:[ ]\([^)\n]{1,40}\))?"
    r"[ \t]*:[ \t]+(?=\S)"
)


def _turns(sentences: Sequence[Sentence], text: str, people: People) -> list[_Said | None]:
    """The speaker of each sentence in a labelled line of a transcript ("TRUMP: We will ...":
    Donald Trump, where the article names him; else "Trump"), for every sentence of the line.
    A label is in capitals, so that "Note: ..." or "Update: ..." is none."""
    newlines = [m.start() for m in re.finditer("\n", text)]  # found once: a long line stays linear
    line_starts = []
    for sentence in sentences:
        before = bisect.bisect_left(newlines, sentence.start)
        line_starts.append(newlines[before - 1] + 1 if before else 0)
    by_line = {start: _turn(text, start, people) for start in dict.fromkeys(line_starts)}
    if any(by_line.values()):
        _add_recurring_names(by_line, text)
    return [by_line[start] for start in line_starts]


def _add_recurring_names(by_line: dict[int, _Said | None], text: str) -> None:
    """In a transcript (some label names a person), a name of two to four words that labels
    two lines or more is a speaker too, where the tagger knew it nowhere else ("Reed Cordish:
    ..." between "Donald Trump:" lines). Met once, of one word ("Audience:"), or in a text
    whose labels name nobody ("Related Coverage:"), it is none."""
    unknown = {start: _name_label(text, start) for start, turn in by_line.items() if not turn}
    counted = Counter(label for label in unknown.values() if label)
    for start, label in unknown.items():
        if label and counted[label] > 1:
            by_line[start] = _Said(None, label, TURN, -1, -1)


def _name_label(text: str, start: int) -> str | None:
    """The name a line's mixed-case label gives, of two to four words ("Reed Cordish: ...")."""
    named = _NAME_LABEL.match(text, start)
    if named is None or named["label"].lower() in _EDITORIAL_LABELS:
        return None
    words = name_words(named["label"])
    return " ".join(words) if 2 <= len(words) <= 4 and plausible(words) else None


# A turn labelled with a name as the article writes it ("Donald Trump: ..."), which counts
# only when it names a person the article names: "Update: ..." names nobody.
_NAME_LABEL = re.compile(
    r"[ \t]*(?P<label>[A-Z][\w.'\-]*(?:[ ][A-Z][\w.'\-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)


# What an editor writes before a colon, in capitals or not ("CLARIFICATION: The first
# sentence has been clarified ..."): no one speaks the line.
_EDITORIAL_LABELS = frozenset({
    "update", "updated", "note", "correction", "clarification", "editor's note",
    "editors' note", "editor note", "breaking", "breaking news", "watch", "read more",
    "related", "source", "sources", "photo", "video", "disclosure", "advertisement", "caption",
    "credit", "warning", "summary", "background", "context", "analysis", "opinion",
    "exclusive", "live", "developing", "transcript",
})  # fmt: skip


def _turn(text: str, start: int, people: People) -> _Said | None:
    label = _LABEL.match(text, start)
    if label is not None and label["label"].lower() in _EDITORIAL_LABELS:
        return None
    if label is None or len(label["label"]) < 2:
        named = _NAME_LABEL.match(text, start)
        person = people.named(name_words(named["label"])) if named else None
        return _Said(person, "", TURN, -1, -1) if person is not None else None
    words = name_words(label["label"].title())
    person = people.named(words) if words else None
    if person is not None:
        return _Said(person, "", TURN, -1, -1)
    return _Said(None, " ".join(words) or label["label"].title(), TURN, -1, -1)


def label_length(text: str, sentence: Sentence) -> int:
    """How many characters of the sentence are its line's transcript label ("Donald Trump: ",
    "TRUMP: "), for the first sentence of a labelled line; 0 for any other."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    for pattern in (_LABEL, _NAME_LABEL):
        label = pattern.match(text, line_start)
        if label is not None and sentence.start <= label.start("label") < label.end():
            length = label.end() - sentence.start
            return length if length < len(sentence.text.rstrip()) else 0  # not the label alone
    return 0


def _shifted(found: _Said | None, skip: int) -> _Said | None:
    if found is None or found.start < 0 or not skip:
        return found
    return _Said(found.person, found.text, found.cue, found.start + skip, found.end + skip)


_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*,?(?:\s+[A-Z][\w.]*){0,3}\s*"
                       r"(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]+\s+)")  # fmt: skip


def _dateline(sentence: str) -> int:
    """The length of a dateline that opens a sentence ("MYRTLE BEACH, S.C. - "), which the
    parser would take for the subject."""
    found = _DATELINE.match(sentence)
    return found.end() if found else 0


def _local(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotations' places within the text from start to end, relative to start (spans:
    in order, not overlapping)."""
    local = []
    for k in range(bisect.bisect_right(spans, start, key=lambda span: span[1]), len(spans)):
        a, b = spans[k]
        if a >= end:
            break
        local.append((max(a, start) - start, min(b, end) - start))
    return local


def _in_quote(token: Any, quoted: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in quoted)


def _attribution(found: _Said | None, voice: str) -> Attribution:
    if found is None:
        return Attribution(voice, None, VOICE_CUE, -1, -1)
    if found.person is None:
        return Attribution(found.text, None, found.cue, found.start, found.end)
    person = found.person
    return Attribution(person.name, shown_role(person.title), found.cue, found.start, found.end)


def _mentioned(doc: Any, people: People) -> None:
    """The people a sentence names become the ones its surnames and titles mean, and the
    organisations it names the ones "the agency" can mean."""
    for entity in doc.ents:
        if entity.label_ == "ORG" and len(entity) > 1:
            people.organisations.append(_without_article(entity.text))
        if entity.label_ == "PERSON":
            words = name_words(entity.text)
            person = people.named(words) if plausible(words) else None
            if person is not None:
                people.saw(person)


def _learn(doc: Any, people: People) -> None:
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            people.add(name_words(_without_cue(entity).text), title_before(entity))
        elif _role_then_name(entity):
            # "Spokeswoman Haley Morris" read as an organisation: the role, then a person
            people.add(name_words(entity[1:].text), entity[0].text)


def _without_cue(entity: Any) -> Any:
    """A person's name without a speech verb the entity model took into it, as headlines
    capitalise it: "Susan Rice Complains That Trump ..." names Susan Rice."""
    end = entity.end
    while (
        end - entity.start > 1
        and entity.doc[end - 1].lemma_.lower() in CUE_LEMMAS
        and (entity.doc[end - 1].pos_ in ("VERB", "AUX"))
    ):
        end -= 1
    return entity.doc[entity.start : end]


def _signed_headline(doc: Any, text: str) -> list[str]:
    """The name that opens a headline of someone's words, "Cecile Richards: 'I'm Sick Of
    ...'", which the entity model may not see: two or three proper nouns, a colon, then a
    quotation mark, and the surname named again in the article ("Fact Check: '...'" is
    none)."""
    colon = next((t.i for t in doc[:4] if t.text == ":"), None)
    if colon is None or colon < 2 or colon + 1 >= len(doc):
        return []
    if doc[colon + 1].text[:1] not in "\u2018\u201c\"'":
        return []
    name = doc[:colon]
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in name):
        return []
    words = name_words(name.text)
    named_again = len(words) > 1 and text.count(words[-1]) > 1
    return words if named_again and plausible(words) else []


def _role_then_name(entity: Any) -> bool:
    """A role the article's titles use ("spokeswoman", people.ROLE_NOUNS), then two or three
    proper nouns ("Wells Fargo Bank" is none)."""
    if not 3 <= len(entity) <= 4 or entity[0].pos_ not in ("NOUN", "PROPN"):
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in entity[1:]):
        return False
    return bool(roles_in(entity[0].text))


def _said(
    doc: Any, quoted: list[tuple[int, int]], people: People, salience: Salience
) -> _Said | None:
    """The speaker this sentence names for itself, if any: the subject of a speech cue
    outside its quotations, else, in a sentence that quotes, the subject of its main verb
    ('Clinton proclaimed, "..."'), else a name that opens the sentence before a colon
    ("Pat Caddell: Democrats worried ...")."""
    tried: list[Any] = []
    for cue, mention in _quoting_first(_cues(doc, quoted, people), doc, quoted):
        if any(_within_content(cue, outer) for outer in tried):
            # speech reported inside another's words: "Her submission noted reports alleging
            # that she claimed ..." is not hers to say if the submission names no speaker
            continue
        # "Trump and Clinton point out ...": two speakers, neither's alone, and what they
        # say holds no one else's cue ("Both Mr. King and Mr. Schultz say RT's management
        # has never told them" is not the management's)
        together = _joined_to_another(mention, people)
        aside = _said_aside(cue, mention, quoted)
        found = None if together or aside else _resolved(mention, cue, people, salience, quoted)
        if found is not None:
            return found
        tried.append(cue)
    spoken = [(a, b) for a, b in quoted if _words_between(doc, a, b) >= _QUOTED_WORDS]
    if spoken:
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None and root.pos_ in ("VERB", "AUX") and not _in_quote(root, quoted):
            subject = _subject(root, quoted, people)
            if (
                subject is not None
                and (subject.ent_type_ == "PERSON" or subject.lower_ in _PRONOUNS)
                and not _joined_to_another(subject, people)
                and _may_speak(root, spoken)
            ):
                found = _resolved(subject, root, people, salience, quoted)
                if found is not None and found.person is not None:
                    return found
    return _name_colon(doc, people) or _dash_name(doc, people)


def _may_speak(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """Whether the subject of a sentence's main verb, which is no speech cue, may be the one
    who says the quotation in it: not one who is or has something named or described by the
    quotation ("Jeff Goldblum has a food truck called 'Chef Goldblum's'", "Tom Arnold has
    unused footage from 'The Apprentice'"), though "Trump was similarly defensive ...,
    saying, 'Maybe he didn't do a good job'" is his. (One something is done to, "Jill Stein
    was arrested ... to throw a 'marijuana dinner party'", is often the speaker all the same:
    "Silverman was booed ... after telling holdouts that they were 'being ridiculous'",
    PolNeAR dev.)"""
    if verb.lemma_ not in ("be", "have"):
        return True
    what = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")]
    inside = {t.i for c in what for t in c.subtree}
    return not all({t.i for t in _words_of(verb.doc, a, b)} <= inside for a, b in quoted)


# A quotation of fewer words is a nickname or a scare quote ('Robert C. "Bobby" Scott threw
# open his yard'), not speech.
_QUOTED_WORDS = 2


def _quoting_first(
    pairs: list[tuple[Any, Any]], doc: Any, quoted: list[tuple[int, int]]
) -> list[tuple[Any, Any]]:
    """The cues in order, except that where the sentence quotes, the first cue that owns a
    quotation (the cue of the smallest clause holding it) comes first, unless its speaker is
    a he or she: 'His wife had warned him ... to act "presidential," but Trump said he
    responded: "When you have incoming, ..."' is Trump's to say, and 'Smith called it "a
    disaster," while Jones called it "a triumph"' stays Smith's."""
    spans = [(a, b) for a, b in quoted if _words_between(doc, a, b) >= _QUOTED_WORDS]
    owners = set()
    sizes = [cue.right_edge.i - cue.left_edge.i for cue, _ in pairs]  # a subtree is a span
    for a, b in spans:
        holding = [(sizes[k], k) for k, (cue, _) in enumerate(pairs) if _holds(cue, a, b)]
        if holding:
            owners.add(min(holding)[1])
    first = next(
        (
            k
            for k, (cue, subject) in enumerate(pairs)
            if k in owners
            and subject.lower_ not in _PRONOUNS  # a name in the sentence outranks a "he said"
            and not any(_within_content(cue, outer) for outer, _ in pairs)
        ),
        None,
    )
    if first is None:
        return pairs
    return [pairs[first], *pairs[:first], *pairs[first + 1 :]]


def _holds(cue: Any, start: int, end: int) -> bool:
    """Whether the quotation from start to end lies within the cue's clause."""
    left: int = cue.left_edge.idx
    right = cue.right_edge
    return left <= start and end <= right.idx + len(right) + 1


def _within_content(cue: Any, outer: Any) -> bool:
    """Whether a cue stands inside what another cue says (its object or clause), not beside
    it ("denied it happened, with Lewandowski calling ..." keeps Lewandowski's cue)."""
    return any(
        child == cue or child.is_ancestor(cue)  # in its subtree, found up the cue's heads
        for child in outer.children
        if child.dep_ in _CONTENT
    )


_CONTENT = frozenset({"ccomp", "dobj", "xcomp"})


def _words_between(doc: Any, start: int, end: int) -> int:
    return len(_words_of(doc, start, end))


def _words_of(doc: Any, start: int, end: int) -> list[Any]:
    """The words that begin from start to end: looked up, not found by reading the whole
    sentence for each quotation (a run of quotations made that quadratic)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    tokens = doc if span is None else span
    return [t for t in tokens if start <= t.idx < end and t.is_alpha]


def _name_colon(doc: Any, people: People) -> _Said | None:
    """'Pat Caddell: ...', and 'Said Ellis: "..."', a known person before a colon."""
    start = 1 if len(doc) and doc[0].lower_ in _SAID_FIRST else 0
    colon = next((t.i for t in doc[start : start + 5] if t.text == ":"), None)
    if colon is None or colon == start:
        return None
    name = doc[start:colon]
    if not all(t.text[:1].isupper() or t.text == "." for t in name):
        return None
    person = people.named(name_words(name.text))
    if person is None:
        return None
    return _Said(people.saw(person), "", "name and colon", name.start_char, name.end_char)


# '"..." ― Sonya Herridge': a reader's or a poster's words signed after a dash, the sentence's
# last words.
_DASH_NAME = re.compile(r"[\u201d\"]\s*[\u2015\u2014\u2013-]+\s*(?P<name>[A-Z][^\s\u201d\"]*"
                        r"(?:\s+[A-Z][^\s\u201d\"]*){0,4}?)\.?\s*$")  # fmt: skip


def _dash_name(doc: Any, people: People) -> _Said | None:
    signed = _DASH_NAME.search(doc.text)
    if signed is None:
        return None
    words = name_words(signed["name"].rstrip("."))
    if not plausible(words) or len(words) < 2:
        return None
    person = people.named(words)
    start = signed.start("name")
    end = start + len(signed["name"].rstrip("."))
    if person is not None:
        return _Said(people.saw(person), "", "signed after a dash", start, end)
    return _Said(None, " ".join(words), "signed after a dash", start, end)


_SAID_FIRST = frozenset({"said", "says", "added", "asked", "wrote"})


def _named_before(cue: Any, subject: Any | None, people: People) -> Any | None:
    """A person the article named, just before a cue that has no subject or one after it:
    the tagger read "Jolly said he would ..." with "Jolly" an adverb, where it is Rep. David
    Jolly. Only a name the article gives a person is taken."""
    if subject is not None and subject.i < cue.i:
        return None
    for left in cue.lefts:
        if left.i == cue.i - 1 and left.text[:1].isupper() and left.pos_ in _MISREAD_NAME:
            words = name_words(left.text)
            if plausible(words) and people.named(words) is not None:
                return left
    return None


# What the tagger takes a surname for at times: "Jolly" an adverb, "Trump" or "Conway" a noun.
_MISREAD_NAME = frozenset({"ADV", "ADJ", "NOUN", "PROPN", "VERB"})


def _cues(doc: Any, quoted: list[tuple[int, int]], people: People) -> list[tuple[Any, Any]]:
    """(cue, subject) pairs outside quotations, the cue nearest the root first."""
    pairs = []
    for token in doc:
        if _in_quote(token, quoted):
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                pairs.append((token, objects[0]))
            continue
        misread = _cue_read_as_noun(token)
        if misread is not None:
            pairs.append((token, misread))
            continue
        if token.pos_ not in ("VERB", "AUX") or not (
            token.lemma_.lower() in CUE_LEMMAS
            or _sends_words(token)
            or _goes_on_saying(token, quoted)
        ):
            continue
        if token.dep_ in _NOT_SAYING or _describes_a_noun(token):
            continue  # "taxpayers reporting capital gains would pay ...": no one says anything
        if token.lemma_.lower() == "call" and not _calls_something(token, quoted):
            continue
        if token.lemma_.lower() == "maintain" and not _says_something(token, quoted):
            continue  # "help Mr. Putin maintain the image of a strong leader"
        if _only_meant(token, quoted):
            continue  # "toured the state to talk with police leaders": no words reported
        subject = _subject(token, quoted, people)
        subject = _named_before(token, subject, people) or subject
        if subject is not None and not _spoken_of(token, subject) and not _imagined(token, subject):
            pairs.append((token, subject))
    return sorted(pairs, key=lambda pair: (_depth(pair[0]), pair[0].i))


# Who is nobody in particular: "a reader would ask", "someone might say".
_ANYONE = frozenset({"someone", "somebody", "anyone", "anybody", "one"})
_SUPPOSING = frozenset({"would", "could", "might", "may"})


def _imagined(verb: Any, subject: Any) -> bool:
    """ "A reader would now ask: 'What?'", "a critic might say that ...": words the article
    supposes someone could say, of nobody in particular, are the article's."""
    supposed = any(c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in verb.children)
    anyone = subject.lower_ in _ANYONE or (
        subject.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subject.children)
    )
    return supposed and anyone


def _says_something(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """Whether the verb has words of its own: a that-clause or a quotation."""
    return any(c.dep_ == "ccomp" for c in verb.children) or any(
        _in_quote(t, quoted) for t in verb.subtree
    )


# "appeared to blame", "continues to insist", "went on to discuss": the words were said.
_SAID_ALL_THE_SAME = frozenset({"appear", "seem", "continue", "go", "begin", "start", "proceed"})


def _said_all_the_same(verb: Any) -> bool:
    """ "Trump continues to insist that ...", "went on to discuss the polls": the verb it
    completes is said, itself not merely meant ("she will have to continue to emphasize ..."
    is not), and "go" goes on ("has gone on a tour to talk with police leaders" is not)."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in _SAID_ALL_THE_SAME:
        return False
    if head.lemma_.lower() == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "on" for c in head.children
    ):
        return False
    return not any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in head.children)


def _only_meant(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """A cue in the infinitive with no words of its own, neither a that-clause nor a
    quotation: what someone set out or would have to do ("spoke at a gathering to discuss
    clean energy", "will make it difficult for Trump to attack them"), not what they said;
    "went on to say that ..." and "took to Twitter to call it 'a disgrace'" keep theirs."""
    if not any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in verb.children):
        return False  # "to discuss", or "will demand more details": not said, or not yet
    if _said_all_the_same(verb):
        return False
    return not _says_something(verb, quoted)


def _cue_read_as_noun(token: Any) -> Any | None:
    """The speaker of a cue the tagger took for a plural noun: "But Trump claims that he
    should be the exception" (claims with a subject), '"...," Conway notes.' (notes closing
    the sentence, the name as its compound)."""
    word = token.lower_
    if token.pos_ != "NOUN" or not word.endswith("s") or word[:-1] not in CUE_LEMMAS:
        return None
    for child in token.children:
        if child.dep_ == "nsubj" and child.ent_type_ == "PERSON":
            return child
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.dep_ == "ROOT" and (after is None or after.is_punct):
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and names[-1].i == token.i - 1:
            return names[-1]
    return None


def _spoken_of(verb: Any, subject: Any) -> bool:
    """The subject of a passive cue is who the words were about, not who said them ("Trump has
    never been charged with wrongdoing", "the SVP was rejected by voters"); "was quoted as
    saying" and "was asked" keep their subject, who speaks."""
    heard = subject.head.lemma_.lower() in ("hear", "see") and verb.dep_ == "xcomp"
    if heard:
        return False  # "Rakeyia Scott can be heard yelling ...": she yells
    if verb.lemma_.lower() in ("quote", "ask") or subject.head.lemma_.lower() in ("quote", "ask"):
        return False
    # a passive subject, or the subject of an earlier verb that the passive cue is joined to
    # ("Mr. Effron is a donor and has been mentioned as a potential Treasury secretary")
    return subject.dep_ == "nsubjpass" or (
        subject.head is not verb
        and any(c.dep_ == "auxpass" and c.lower_ in _BE for c in verb.children)
    )


_BE = frozenset({"be", "been", "being", "is", "was", "are", "were"})  # not "'s", which "has" is


# A cue that modifies a noun or is the subject of another verb reports no speech.
_NOT_SAYING = frozenset({"acl", "csubj", "csubjpass"})


def _describes_a_noun(verb: Any) -> bool:
    """ "The gap between what Trump says his plan would do and what it would do began a year
    ago": what he says only tells which gap; the sentence is not his."""
    return any(
        t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ == "NOUN"
        for t in (verb, *verb.ancestors)
    )  # "... between what Trump says his plan would do and how experts say it would ..."


def _calls_something(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """ "called the report a fair picture", "called for cuts", "calls Obamacare 'crazy'"
    report speech; "called the bigwigs to the stage" does not."""
    return (
        any(
            c.dep_ in ("oprd", "ccomp", "xcomp", "attr") or (c.dep_ == "prep" and c.lower_ == "for")
            for c in verb.children
        )
        or any(_in_quote(t, quoted) for t in verb.rights)
        # a headline's single quotation marks: "Bill Clinton calls Obamacare 'crazy system'"
        or any(t.text == "\u2018" for t in verb.subtree if t.i > verb.i)
    )


_WRITINGS = frozenset("letter statement memo message email tweet note".split())
_REMARKS = _WRITINGS | {"comment", "comments", "remark", "remarks"}


def _sends_words(verb: Any) -> bool:
    """ "sent a letter", "issued a statement", "made the following comment": a cue as much
    as "wrote"; and "pointed out", "pointed to the poll", as much as "noted"."""
    lemma = verb.lemma_.lower()
    if lemma == "point":
        return any(
            (c.dep_ == "prt" and c.lower_ == "out") or (c.dep_ == "prep" and c.lower_ == "to")
            for c in verb.children
        )
    if lemma == "make":  # only where the words follow: "made the following comment:"
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in _REMARKS
            and any(m.lower_ == "following" for m in c.children)
            for c in verb.children
        )
    return lemma in ("send", "issue", "release") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _WRITINGS for c in verb.children
    )


def _goes_on_saying(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """ "'To date,' she continued, 'there hasn't been ...'" and "She continued that an
    official had said ..." are speech; "continued his attack on Trump" and "continued to
    campaign" are not."""
    if verb.lemma_.lower() != "continue":
        return False
    if any(c.dep_ in ("dobj", "xcomp", "prep") and not _in_quote(c, quoted) for c in verb.children):
        return False
    return _says_something(verb, quoted)


def _subject(verb: Any, quoted: list[tuple[int, int]], people: People) -> Any | None:
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and not _in_quote(c, quoted)]
        if subjects:
            if len(subjects) > 1:  # a parse gone wrong: "Hawaii, as one of the advisers
                # pointed out, ..." made both subjects; a place is not the one who speaks
                subjects = [c for c in subjects if c.ent_type_ not in ("GPE", "LOC")] or subjects
            subject = min(subjects, key=lambda c: c.pos_ == "PRON" and c.lower_ not in _PRONOUNS)
            if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head  # "Smith, who said ..."
            return subject
        if verb.dep_ not in ("conj", "xcomp", "advcl", "pcomp") or verb.head is verb:
            return None
        if verb.dep_ == "xcomp":  # "forced Stumpf to admit ...": Stumpf admits; a person
            # only ("encouraged his supporters to ask ..." is still the encourager's to say)
            controller = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if controller and _a_person(controller[0], people):
                return controller[0]
        verb = verb.head  # "X said ... and added ...": the first verb's subject
        if verb.dep_ == "prep":
            verb = verb.head  # "X pitched himself by telling ..."
    return None


# What opens a clause that sets the time or the reason of the sentence's main one.
_ASIDE_MARKS = frozenset({"as", "while", "when", "after", "before", "since", "because",
                          "although", "though", "whereas"})  # fmt: skip
_SUPPOSED_MARKS = frozenset({"if", "unless"})


# What a cue says of its own, so that an "as" before it is a time, not a source.
_OWN_WORDS = frozenset({"dobj", "prep", "ccomp", "xcomp", "attr", "oprd"})


def _said_aside(cue: Any, subject: Any, quoted: list[tuple[int, int]]) -> bool:
    """A cue in a clause of time or reason whose sentence is about someone else: "As Clinton
    talked about bringing communities together, Trump highlighted his message that ...",
    "O'Brien contacted his publisher after Mr. Trump announced his candidacy": the sentence
    is not what the clause's subject says. "As many tax experts have pointed out, Mr. Trump
    is free to ..." is theirs: an "as" whose cue says nothing of its own gives the source
    of the main clause."""
    marks = {c.lower_ for c in cue.children if c.dep_ == "mark"}
    if cue.dep_ == "advcl" and marks & _SUPPOSED_MARKS:
        return True  # "... if Holt asks him about his tax returns": supposed, not said
    if cue.dep_ != "advcl" or not marks & _ASIDE_MARKS or subject.lower_ in _PRONOUNS:
        return False  # "Trump made the reference as he discussed ...": he is Trump
    if marks == {"as"} and not any(c.dep_ in _OWN_WORDS for c in cue.children):
        return False  # "As many experts have pointed out, Mr. Trump is free to ...": theirs
    main = cue.head
    others = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")
              and not _in_quote(c, quoted)]  # fmt: skip
    return any(
        (o.ent_type_ == "PERSON" or o.pos_ == "PROPN") and o.lower_ != subject.lower_
        for o in others
    )


def _joined_to_another(subject: Any, people: People) -> bool:
    """Whether the subject is one of two or more people joined by "and" ("Trump and
    Clinton", "Richards and Menendez both stressed"): what follows is said by them together,
    and a desk's claim has one speaker."""
    return any(
        c.dep_ == "conj" and (_a_person(c, people) or c.pos_ == "PROPN") for c in subject.children
    )


def _a_person(token: Any, people: People) -> bool:
    """Whether the parser or the article so far takes this word for a person."""
    return token.ent_type_ == "PERSON" or (
        token.pos_ == "PROPN" and people.named([token.text]) is not None
    )


def _depth(token: Any) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _resolved(mention: Any, cue: Any, people: People, salience: Salience,
              quoted: list[tuple[int, int]]) -> _Said | None:  # fmt: skip
    cue_text = "according to" if cue.lower_ == "according" else cue.text.lower()
    if mention.lower_ in _PRONOUNS:
        person = _antecedent(mention, people, quoted) or salience.resolve(mention.lower_)
        if person is None or _named_after(mention, person, people, quoted):
            return None
        return _Said(person, "", f"{cue_text} (pronoun)", mention.idx, mention.idx + len(mention))
    span = _name_span(mention)
    words = name_words(span.text)
    start, end = span.start_char, span.end_char
    if not _determined(mention) and (
        mention.pos_ == "PROPN" or mention.ent_type_ == "PERSON" or mention.text[:1].isupper()
    ):
        # The tagger may miss a name ("Reyes" as a noun): a capitalised subject that names a
        # person the article named is that person.
        gender = honorific_gender(span[0])
        person = people.named(words, gender) if plausible(words) else None
        if person is None and len(words) == 1:
            # "Mr. Obama" (the honorific before the name's span) or "President Obama" (in it)
            title = span[0] if len(span) > 1 else span.doc[span.start - 1] if span.start else None
            if title is not None:
                person = people.add_by_honorific(words[0], title.text)
        if person is not None:
            return _Said(people.saw(person), "", cue_text, start, end)
    for child in mention.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            named = people.named(name_words(_name_span(child).text))
            if named is not None:  # "the spokeswoman, Amanda Henneberg, said"
                return _Said(named, "", cue_text, child.idx, child.idx + len(child))
    office = _office(mention, people)
    if office is not None:
        return _Said(None, office, cue_text, start, end)
    if mention.pos_ == "NOUN" and not any(t.dep_ == "cc" for t in mention.subtree):
        # "the mayor said": the person named so; "the former first lady and U.S. senator"
        # joins two roles, and one of them is not who the other names (a senator of the
        # article was given Hillary Clinton's words)
        role = {t.lower_ for t in mention.subtree} | {mention.lemma_.lower()}
        titled = people.by_role(role)
        if titled is not None and any(t.lower_ == "the" for t in mention.children):
            return _Said(people.saw(titled), "", f"{cue_text} (title)", start, end)
    if mention.pos_ in ("PRON", "DET", "NUM") or mention.lower_ in ("it", "this", "that"):
        return None
    organisation = _organisation_meant(mention, people)
    if organisation is not None:
        return _Said(None, organisation, f"{cue_text} (title)", start, end)
    if any(t.lower_ in _RELATIVE for t in _own_words(mention, cue)):
        return None  # "most of whom had announced": whom is a relative clause's, not a name
    if mention.pos_ == "NOUN" and not _can_speak(mention.lemma_.lower()):
        return None  # "His views were echoed", "the proposals send a message": no speaker
    phrase = _organisation(mention) or _phrase(mention)
    if len(phrase) > 8 or any(t.like_url or t.lower_ == "via" for t in phrase):
        return None  # "https://t.co/... via @TheBabylonBee Muslims admit": a link is no one
    text = _without_article(phrase.text)
    before = phrase.doc[phrase.start - 1] if phrase.start > 1 else None
    if len(phrase) == 1 and phrase[0].is_title and before is not None and before.text == "The":
        # "..., The Hill reported": mid-sentence, a capital "The" is the name's own word, and
        # "Hill" alone names a hill
        phrase = phrase.doc[phrase.start - 1 : phrase.end]
        text = phrase.text
    return _Said(None, text[:1].upper() + text[1:], cue_text, phrase.start_char, phrase.end_char)


_RELATIVE = frozenset({"who", "whom", "whose", "which"})


def _named_after(pronoun: Any, person: Person, people: People,
                 quoted: list[tuple[int, int]]) -> bool:  # fmt: skip
    """Whether the sentence names the person after the pronoun, outside its quotations: then
    the pronoun is someone else ('she said ..., in which she was sure Trump would triumph' is
    no Trump's; a pronoun does not stand before the name of the one it means)."""
    return any(p is person for p in people_named(pronoun.doc, quoted, people, pronoun.i))


def _own_words(mention: Any, cue: Any) -> list[Any]:
    """A name's words without a clause that describes it and does not hold the cue: in
    '"...," said Joseph, who has four children' Joseph is still the one named; in "an
    architect who said he was stiffed" the cue is the clause's, and no name is given."""
    if mention.ent_type_ != "PERSON":
        return list(mention.subtree)
    clauses = [c for c in mention.children
               if c.dep_ in ("relcl", "acl") and cue not in c.subtree]  # fmt: skip
    inside = {t.i for clause in clauses for t in clause.subtree}
    return [t for t in mention.subtree if t.i not in inside]


def _determined(token: Any) -> bool:
    """ "the SVP", "the White House", "the Common Core": a name after "the" is no person's (a
    person the model tags so, "the Rev. Peter Wherry", still is)."""
    return token.ent_type_ != "PERSON" and any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children
    )


def _can_speak(noun: str) -> bool:
    """A common noun that can name who says something, by WordNet: a kind of person
    ("experts", "officials") or of group ("the agency", "the committee"), not a thing said
    ("views", "proposals", "a speech")."""
    from factcheck.text.wordnet import nouns

    hierarchy = nouns()
    if not hierarchy.is_noun(noun):
        return False
    return hierarchy.can_be_a_person(noun) or hierarchy.kind_of(noun, "group")


def _antecedent(pronoun: Any, people: People, quoted: list[tuple[int, int]]) -> Person | None:
    """A person named as a subject earlier in the pronoun's own sentence ("Trump is drawing
    criticism after he appeared to suggest ...", whatever the tagger made of the name), never
    one named inside the quotation
    ('"There is no chance Hillary Clinton will withdraw," he said': a speaker seldom names
    themselves)."""
    for token in reversed(pronoun.doc[: pronoun.i]):
        named = token.ent_type_ == "PERSON" or token.pos_ == "PROPN" or token.text[:1].isupper()
        if token.dep_ not in _SUBJECTS or not named or _determined(token):
            continue
        if _in_quote(token, quoted):
            continue
        person = people.named(name_words(_name_span(token).text))
        # the sentence itself joins them: only a title's pronoun can say otherwise
        if person is not None and person.titled in (None, pronoun.lower_):
            person.vote(pronoun.lower_)
            return person
    return None


def _office(mention: Any, people: People) -> str | None:
    """ "Newsom's office said": the Office of Gov. Gavin Newsom, a speaker of its own."""
    if mention.lower_ not in ("office", "campaign", "spokesperson", "spokesman", "spokeswoman"):
        return None
    for child in mention.children:
        if child.dep_ == "poss" and child.text[:1].isupper():
            owner = people.named(name_words(_name_span(child).text))
            if owner is not None:
                full = f"{owner.title.split()[-1]} {owner.name}" if owner.title else owner.name
                return f"{mention.lower_.capitalize()} of {full}"
    return None


def _name_span(token: Any) -> Any:
    """The name a token belongs to: its PERSON entity, else it with its compound words (an
    entity of another kind is no name: "Last week Stumpf" was read as a date)."""
    entity = _entity_of(token, "PERSON")
    if entity is not None:
        return entity
    doc = token.doc
    left = token.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i >= token.i:
        left -= 1
    return doc[left : token.i + 1]


def _organisation_meant(mention: Any, people: People) -> str | None:
    """ "the fund said", "the commission said": the organisation the article named last whose
    name ends in that noun (the International Monetary Fund); else None, and the noun stays
    as written."""
    words = list(mention.subtree)
    if mention.pos_ != "NOUN" or len(words) < 2 or words[0].lower_ != "the":
        return None
    if not all(w.pos_ in ("NOUN", "PROPN", "ADJ") for w in words[1:]):
        return None  # "the agency's director", "the office that ..."
    return people.organisation(" ".join(w.lower_ for w in words[1:]))


def _organisation(token: Any) -> Any | None:
    """The organisation a speaker's word belongs to, as the parser found its name: "according
    to the event organizer Alliance to Reclaim Our Schools" is the Alliance to Reclaim Our
    Schools, not "Event organizer Alliance" (the words before it are its role)."""
    return _entity_of(token, "ORG")


def _entity_of(token: Any, label: str) -> Any | None:
    """The parser's entity of this kind that the token is a word of, if any."""
    if token.ent_type_ != label:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _without_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _phrase(token: Any) -> Any:
    """A speaker that is no known person, as the sentence names it ("Officials", "the
    Department of Homeland Security", "elected officials from both parties"): the span of its
    words without a clause or an apposition."""
    # "Even China, Pyongyang's only ally, said": an adverb before the name is not its word
    left = min((t.left_edge.i for t in token.lefts if t.dep_ not in _SET_APART_LEFT),
               default=token.i)  # fmt: skip
    right = token.i
    for child in token.rights:
        if child.dep_ in _SET_APART or child.i != right + 1:
            break
        right = child.right_edge.i
    doc = token.doc
    # a hyphenated word the parser split: "His ex-wife", not "His ex"
    while (
        right + 1 < len(doc)
        and not doc[right].whitespace_
        and "-"
        in (
            doc[right].text,
            doc[right + 1].text,
        )
    ):
        right += 1
    # "the former secretary of state and current nominee said": the parser may hang the "and"
    # on the last word kept, and a speaker ends with no conjunction
    while right > left and doc[right].dep_ in ("cc", "punct"):
        right -= 1
    return doc[left : right + 1]


_SET_APART = frozenset({"relcl", "acl", "punct", "appos", "cc", "conj"})
_SET_APART_LEFT = _SET_APART | {"advmod"}


def _quoted_sentences(sentences: Sequence[Sentence], spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each sentence lies within a quotation, even one whose marks are in other
    sentences of its paragraph ('"We will win. We are strong," she said.')."""
    return [
        sum(b - a for a, b in _local(spans, s.start, s.end)) * 2 >= s.end - s.start
        for s in sentences
    ]


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    """Each quotation's place, line by line: marks that open and close in turn; a quotation
    left open at the end of a line runs to its end (a quote that runs on into the next
    paragraph reopens it)."""
    spans = []
    at = 0
    for line in text.splitlines(keepends=True):
        opened: int | None = None
        for mark in _QUOTE_MARKS.finditer(line):
            symbol = mark.group()
            opens = symbol in QUOTE_OPEN or symbol == "``"
            closes = symbol in "\u201d\u00bb" or symbol == "''"
            if symbol in ('"', "''"):  # straight marks, and the New York Times' ''...'', toggle
                opens, closes = opened is None, opened is not None
            if opened is None and opens:
                opened = at + mark.start()
            elif opened is not None and closes:
                spans.append((opened, at + mark.end()))
                opened = None
        if opened is not None:
            spans.append((opened, at + len(line.rstrip())))
        at += len(line)
    return spans


def _grouped(
    said: list[_Said | None],
    quoted: list[bool],
    sentences: Sequence[Sentence],
    text: str,
) -> list[_Said | None]:
    """A quoted sentence with no cue of its own takes its quotation's speaker: the next cue in
    its paragraph ('"..." / "...," he said.'), else the one before it in the paragraph, else,
    for a paragraph that opens with a quotation after one that quotes or ends on a colon, the
    last speaker of the paragraph before.
    Two passes over the sentences, so a long paragraph of quotations stays linear."""
    paragraph = _paragraphs(sentences, text)
    after = _nearest(said, paragraph, reversed(range(len(said))))
    before = _nearest(said, paragraph, range(len(said)))
    grouped = list(said)
    carried: _Said | None = None  # for a paragraph opening with a quotation: the last speaker
    last: _Said | None = None  # of the paragraph before
    for n, found in enumerate(said):
        if n == 0 or paragraph[n] != paragraph[n - 1]:
            # only a quotation that goes on: the paragraph before ends quoting or on a colon
            # ('He said:'); posters' slogans after "critics noted the campaign material" are
            # not the critics'
            goes_on = n and _opens_quotation(sentences[n]) and _ends_quoting(sentences[n - 1])
            carried = last if goes_on else None
            last = None
        last = found or last
        if found is None and quoted[n]:
            source = after[n] or before[n] or carried
            if source is not None:
                grouped[n] = _Said(source.person, source.text, _continued(source.cue), -1, -1)
    return grouped


def _nearest(
    said: list[_Said | None], paragraph: list[int], order: Iterable[int]
) -> list[_Said | None]:
    """For each sentence, the speaker of the nearest sentence that comes before it in the
    given order within its paragraph (itself not counted)."""
    nearest: list[_Said | None] = [None] * len(said)
    carried: _Said | None = None
    current = -1
    for n in order:
        if paragraph[n] != current:
            carried, current = None, paragraph[n]
        nearest[n] = carried
        carried = said[n] or carried
    return nearest


def _ends_quoting(sentence: Sentence) -> bool:
    text = sentence.text.rstrip()
    return text.endswith(":") or _QUOTE_MARKS.search(text) is not None


def _opens_quotation(sentence: Sentence) -> bool:
    text = sentence.text.lstrip()
    return text[:1] in QUOTE_OPEN or text.startswith("``")


def _continued(cue: str) -> str:
    return cue.split(" (")[0] + " (quotation)"


def _paragraphs(sentences: Sequence[Sentence], text: str) -> list[int]:
    """Each sentence's paragraph (its line's number)."""
    numbers = []
    line, at = 0, 0
    for sentence in sentences:
        newline = text.find("\n", at, sentence.start)
        while newline != -1:
            line += 1
            at = newline + 1
            newline = text.find("\n", at, sentence.start)
        numbers.append(line)
    return numbers
