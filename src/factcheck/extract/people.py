"""The people an article names, read from spaCy's named entities: each person under the full
name the article first gives ("Rep. G.K. Butterfield (D-N.C.)" is G.K. Butterfield, "Donald
J. Trump" and "Donald Trump" are one person), with the title first given beside it ("Riverton
Mayor"), so that a later surname ("Butterfield"), first name ("Hillary") or title ("the
mayor") finds the person the article means.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

# Words that stand before a name as a title or a role, not as part of it.
TITLE_WORDS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. sen sen. senator rep rep. representative gov gov. governor
president gen gen. general lt lt. col col. sgt sgt. maj maj. capt capt. adm adm. rev rev. judge
justice secretary speaker mayor prof prof. professor sir lord dame former retired vice attorney
candidate nominee chairman chairwoman chair congressman congresswoman pope rabbi father reverend
gop democratic republican democrat first lady state sheriff commissioner director chief
spokesman spokeswoman spokesperson ambassador minister leader auditor member council deputy
acting assistant officer ceo treasurer comptroller superintendent manager adviser advisor
strategist aide host anchor correspondent analyst pollster economist chancellor premier
presidential
""".split())  # fmt: skip
ROLE_NOUNS = frozenset("""
governor secretary director attorney general president senator representative mayor chief
minister judge commissioner sheriff spokesperson spokesman spokeswoman professor speaker leader
chair chairman chairwoman ceo officer ambassador auditor nominee candidate congressman
congresswoman
""".split())  # fmt: skip
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'\u2019.-]*|[A-Z]\.(?:[A-Z]\.)*|(?:de|van|von|la|le|da|di))$")
_POSSESSIVE = re.compile(r"(?:[\u2019']s?)$")
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,}$")


@dataclass
class Person:
    name: str  # the full name as first given: "Gavin Newsom"
    title: str  # the title it was first given with: "California Gov."
    words: tuple[str, ...]  # the name's words, lowercased
    roles: set[str] = field(default_factory=set)
    titled: str | None = None  # "he" or "she" from a title ("Mrs.", "Sen." says neither)
    votes: dict[str, int] = field(default_factory=dict)  # "he"/"she": sentences showing each
    seen: bool = False  # named in the sentences read so far, not only later in the article
    order: int = 0  # its place among the people the article names, first named first
    mentions: int = 0  # how often the sentences read so far named them

    @property
    def gender(self) -> str | None:
        """The pronoun the article uses for them: a title's, else the one most sentences show
        (one sentence can mislead: "Trump attacked Clinton, and she ..."), None on a tie."""
        if self.titled is not None:
            return self.titled
        he, she = self.votes.get("he", 0), self.votes.get("she", 0)
        if he != she:
            return "he" if he > she else "she"
        # Else the first name's, where the Census names say it (a full name only: "Lee" of
        # "Mr. Lee" is a surname): "he said" had gone to Heidi Cruz, named last
        return first_name_gender(self.words[0]) if len(self.words) > 1 else None

    def vote(self, pronoun: str | None) -> None:
        if pronoun in ("he", "she"):
            self.votes[pronoun] = self.votes.get(pronoun, 0) + 1

    @property
    def surname(self) -> str:
        return self.words[-1]

    @property
    def first(self) -> str:
        return self.words[0]


def name_words(text: str) -> list[str]:
    """A PERSON entity's words without title, possessive or suffix: "Sen. Bernie Sanders's" ->
    ["Bernie", "Sanders"]."""
    words = text.replace("\u2019", "'").split()
    words = [_POSSESSIVE.sub("", w) if w.endswith(("'s", "'")) else w for w in words]
    # quotation marks an entity took in: "Donald Trump ''" (the New York Times' '')
    words = [w.strip(",;:()\"`'\u201c\u201d") for w in words]
    while words and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    while words and (words[-1].lower() in _SUFFIXES or not words[-1]):
        words = words[:-1]
    return [w for w in words if w]


def plausible(words: list[str]) -> bool:
    """A name of one to four capitalised words, not all of them initials, none a verb of a
    headline's ("Obama Says ...", which the tagger may take for a name)."""
    return (
        0 < len(words) <= 4
        and all(_NAME_WORD.match(w) for w in words)
        and not all(_INITIAL.match(w) for w in words)
        and not any(w.lower() in _HEADLINE_VERBS for w in words)
    )


_HEADLINE_VERBS = frozenset("""
says said tells told writes wrote slams urges calls warns claims responds blasts vows rips
knocks hits asks defends denies praises
""".split())  # fmt: skip


@dataclass
class People:
    """The people an article names, each under the name it first gives in full."""

    known: list[Person] = field(default_factory=list)
    # the organisations named so far, latest last (attribution's "the agency said")
    organisations: list[str] = field(default_factory=list)

    def organisation(self, ending: str) -> str | None:
        """The latest organisation named so far whose name ends in these words ("the fund":
        the International Monetary Fund; "the budget office": the Congressional Budget
        Office); None when none does."""
        for name in reversed(self.organisations):
            if f" {name.lower()}".endswith(f" {ending}"):
                return name
        return None

    def add(self, words: list[str], title: str) -> Person | None:
        """Note a name the article gives; the person it names."""
        if not plausible(words):
            return None
        lowered = tuple(w.lower() for w in words)
        person = self._same(lowered)
        if person is not None:
            if len(person.words) == 1 and len(lowered) > 1:
                # A surname seen first ("Trump says ...") is named in full later.
                person.name, person.words = " ".join(words), lowered
            if title and not person.title:
                person.title = title
                person.roles |= roles_in(title)
            person.titled = person.titled or gender_of_title(title)
            return person
        if len(lowered) == 1:
            return None  # a lone word names a person only once the full name is known
        person = Person(" ".join(words), title, lowered, roles_in(title), order=len(self.known))
        self.known.append(person)
        if title:
            person.titled = gender_of_title(title)
        return person

    def add_by_honorific(self, surname: str, honorific: str) -> Person | None:
        """A person an article names only as "Mr. Obama" or "Mrs. Clinton" (the New York Times
        style), with the honorific's pronoun, or as "President Obama", with none yet: the
        surname, so "he" can mean them later."""
        gender = gender_of_title(honorific)
        known_title = honorific.lower() in TITLE_WORDS and honorific[:1].isupper()
        if (gender is None and not known_title) or not plausible([surname]):
            return None
        person = Person(surname, "", (surname.lower(),), roles_in(honorific),
                        order=len(self.known), titled=gender)  # fmt: skip
        self.known.append(person)
        return person

    def _same(self, words: tuple[str, ...]) -> Person | None:
        for person in self.known:
            if person.surname != words[-1]:
                continue
            if len(words) == 1 or len(person.words) == 1:
                return person
            if _first_names_agree(person.first, words[0]):
                return person
        return None

    def named(self, words: list[str], gender: str | None = None) -> Person | None:
        """The person a name, a surname or a first name refers to (the one named last); with
        `gender` (an honorific's: "Mrs. Clinton"), never one the article calls otherwise."""
        lowered = tuple(w.lower() for w in words)
        if not lowered:
            return None
        if len(lowered) > 1:
            # a whole name is its person or someone new: "Ivanka Trump" is not the Donald
            # Trump a surname alone would mean; "De Blasio" is the end of Bill de Blasio's
            # ("Uhhh Pat Robertson:" ends with Pat Robertson's)
            return self._same(lowered) or next(
                (p for p in self.known if p.words[-len(lowered) :] == lowered
                 or (len(p.words) > 1 and lowered[-len(p.words) :] == p.words)),
                None,
            )  # fmt: skip
        same_surname = [p for p in self.known if p.surname == lowered[-1]]
        if gender is not None:  # "Mrs. Clinton" is not the Bill Clinton named last
            same_surname = [p for p in same_surname if p.gender == gender] or [
                p for p in same_surname if p.gender is None
            ]
        if len(lowered) == 1:
            # a surname alone that several people share is the one the article names most,
            # its principal ("Cruz said", after a photo of Heidi Cruz, is Ted Cruz)
            same_surname = _principal(same_surname)
        found = _latest(same_surname)
        if found is not None:
            return found
        if len(lowered) == 1:
            firsts = [p for p in self.known if p.first == lowered[0] and len(p.words) > 1]
            if len(firsts) == 1:
                return firsts[0]
        return None

    def by_role(self, words: set[str]) -> Person | None:
        """The person named most so far with one of these roles ("the mayor"), of those
        named most the latest."""
        # one the sentences read so far named: "the president" points back, never to a
        # president the article names only later
        wanted = words & ROLE_NOUNS
        return _latest(_principal([p for p in self.known if wanted & p.roles and p.seen]))

    def saw(self, person: Person) -> Person:
        """The person was just named: later look-ups by surname or role prefer them."""
        person.seen = True
        person.mentions += 1
        self.known.remove(person)
        self.known.append(person)
        return person


def _principal(matches: list[Person]) -> list[Person]:
    """Of the people a surname alone or a title alone ("the president") could mean, those the
    sentences read so far named most: the article's principal, not whoever was named last
    ("Cruz said", after a photo of Heidi Cruz, is Ted Cruz; "the president", after "Russian
    President Vladimir Putin" in an article about Obama, is Obama). All of them when none
    was named yet."""
    seen = [p for p in matches if p.seen]
    most = max((p.mentions for p in seen), default=0)
    return [p for p in seen if p.mentions == most] or matches


def _latest(matches: list[Person]) -> Person | None:
    """Of the people a look-up matches (in the order last named), the one named last among
    those the reading has reached; else the first the article names ("Scott" early in an
    article about Bobby Scott is not the Tim Scott it names near the end)."""
    seen = [p for p in matches if p.seen]
    if seen:
        return seen[-1]
    return min(matches, key=lambda p: p.order, default=None)


def roles_in(title: str) -> set[str]:
    words = [_ABBREVIATED.get(w, w) for w in re.findall(r"[a-z]+", title.lower())]
    return {w for w in words if w in ROLE_NOUNS}


_ABBREVIATED = {"gov": "governor", "sen": "senator", "rep": "representative", "sec": "secretary"}


def _first_names_agree(a: str, b: str) -> bool:
    """Whether two first names may be one person's: "Hillary" and "Hillary", "G.K." and
    "G."; "Bill" and "William" may not (one must start the other).
    """
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or a.startswith(b) or b.startswith(a)


def _inner_hyphen(token: Any) -> bool:
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not (token.doc[token.i - 1].whitespace_)
    )


def title_before(entity: Any) -> str:
    """The title words just before a PERSON entity within its noun phrase: "Riverton Mayor"
    for "Riverton Mayor Dana Whitfield", "Stein spokeswoman" for "Stein spokeswoman Melezia
    Figueroa"."""
    doc = entity.doc
    start = entity.start
    while start > 0:
        before = doc[start - 1]
        if _inner_hyphen(before):
            start -= 1  # "AFL-CIO President"
            continue
        if (before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in TITLE_WORDS
                and doc[start].lower_ not in _HONORIFICS):  # fmt: skip
            # "Secretary of State John F. Kerry"; not "chairman of Mrs. Clinton's campaign"
            start -= 2
            continue
        if before.is_punct or before.ent_type_ == "PERSON" or before.pos_ in ("DET", "ADP"):
            break
        if before.dep_ not in ("compound", "amod", "nmod", "poss", "case") and (
            before.text.lower() not in TITLE_WORDS
        ):
            break
        if before.dep_ == "case" or before.text in ("'s", "\u2019s"):
            break
        start -= 1
    # Words inside the entity that are titles ("Sen. Bernie Sanders" tagged whole).
    inside = []
    for token in entity:
        if token.text.lower() not in TITLE_WORDS:
            break
        inside.append(token)
    words = [*doc[start : entity.start], *inside]
    # A role names something: "the 68-year-old Clinton", "the new Trump" and "a solid Clinton"
    # had given drafts the roles "-old", "new" and "solid"
    if not any(w.pos_ in ("NOUN", "PROPN") or w.lower_ in TITLE_WORDS for w in words):
        return ""
    return " ".join([doc[start : entity.start].text, *(w.text for w in inside)]).strip()


def shown_role(title: str) -> str | None:
    """A person's title as a draft's role: none for an honorific alone ("Mr.", "Mrs."),
    which says how the article names them, not what they are."""
    if not title or all(w.lower() in _HONORIFICS - {"dr", "dr."} for w in title.split()):
        return None
    return title


_HE = frozenset("mr mr. congressman spokesman chairman father rev. king prince sir lord".split())
_SHE = frozenset(
    "mrs mrs. ms ms. miss congresswoman spokeswoman chairwoman lady queen dame".split()
)


@functools.cache
def _first_names() -> dict[str, str]:
    path = resources.files("factcheck").joinpath("wordlists").joinpath("first-names.tsv")
    text = path.read_text("utf-8")
    return dict(line.split("\t") for line in text.splitlines())


def first_name_gender(word: str) -> str | None:
    """ "he" or "she" for a first name the 1990 US Census lists for one sex far more than the
    other (wordlists/README.md); None for any other word."""
    return _first_names().get(word.lower())


def honorific_gender(token: Any) -> str | None:
    """The pronoun of the honorific just before a name's first word ("Mrs." of "Mrs.
    Clinton"), if any."""
    if token.i == 0:
        return None
    before = token.doc[token.i - 1].lower_
    return "he" if before in _HE_HONORIFICS else "she" if before in _SHE_HONORIFICS else None


_HE_HONORIFICS = frozenset({"mr", "mr."})
_SHE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss"})
_HONORIFICS = _HE_HONORIFICS | _SHE_HONORIFICS | {"dr", "dr."}


def gender_of_title(title: str) -> str | None:
    words = set(title.lower().split())
    if words & _HE:
        return "he"
    if words & _SHE:
        return "she"
    return None


@dataclass
class Salience:
    """Who "he" or "she" most likely means: the people the article made the subject of its
    sentences, the last speaker last, each with the pronoun the article uses for them once
    a sentence shows it."""

    recent: list[Person] = field(default_factory=list)

    def resolve(self, pronoun: str) -> Person | None:
        """The most recent subject the pronoun agrees with; one of unknown gender when no
        known one agrees; none when every recent subject is of the other gender."""
        unknown = None
        for person in reversed(self.recent[-_WINDOW:]):
            if person.gender == pronoun:
                return person
            if person.gender is None and unknown is None:
                unknown = person
        if unknown is not None:
            # "she said" meant her: a later "he" is someone else (Hillary Clinton was given a
            # "he" that meant Donald Trump).
            unknown.vote(pronoun)
        return unknown

    def after(self, doc: Any, quoted: list[tuple[int, int]], people: People,
              speaker: Person | None, by_name: bool, named_at: int = -1) -> None:  # fmt: skip
        """Note a sentence's subjects (outside its quotations) and its speaker (named at
        character `named_at` of the sentence, -1 when not known)."""
        subjects = []
        first = len(doc)  # where the first of them is named
        unnamed = False
        whole = _whole_names(doc)
        for token in doc:
            if token.dep_ != "nsubj" or any(a <= token.idx < b for a, b in quoted):
                continue
            # a known surname as subject, whatever the tagger made of it ("Trump has also
            # commented", with Trump read as a noun and an organisation); the whole name
            # where it has one ("Ivanka Trump, 34, could be ..." is not Donald Trump)
            if token.ent_type_ == "PERSON" or token.pos_ == "PROPN" or token.text[:1].isupper():
                name = whole.get(token.i)
                words = name_words(name.text if name is not None else _compounded(token))
                person = people.named(words, honorific_gender(token))
                if person is not None:
                    subjects.append(person)
                    first = min(first, token.i)
            elif _the_role(token):
                # "In defeat, the president appeared cowed. ..., he barely mentioned": a
                # person the article calls by a title alone, whom "he" may mean: not its
                # last speaker
                unnamed = True
        if unnamed and speaker is None and not subjects:
            self.recent.clear()
            return
        if speaker is None and not subjects:
            return
        for person in [*subjects, *([speaker] if speaker else [])]:
            if person in self.recent:
                self.recent.remove(person)
            self.recent.append(person)
        named = {p.surname for p in subjects} | (
            {speaker.surname} if speaker and by_name else set()
        )
        if (
            len(named) == 1
            and (subjects or by_name)
            and not _someone_else(doc, quoted, people, named)
        ):
            person = subjects[0] if subjects else speaker
            assert person is not None
            # a pronoun points back: one before the name means someone else ("she would
            # install a 30 percent rate ... after Warren E. Buffett complained" made him "she")
            if not subjects and named_at >= 0:
                first = next((t.i for t in doc if t.idx >= named_at), len(doc))
            person.vote(_pronoun_used(doc, quoted, first if first < len(doc) else 0))
        del self.recent[: -_WINDOW * 2]


def _someone_else(doc: Any, quoted: list[tuple[int, int]], people: People, named: set[str]) -> bool:
    """Whether the sentence names another person outside its quotations, whom its pronoun may
    mean ("Bernie Sanders whipped Hillary Clinton ..., but she still has a commanding hold"
    had made him a "she")."""
    for entity in doc.ents:
        if entity.label_ != "PERSON" or any(a <= entity.start_char < b for a, b in quoted):
            continue
        person = people.named(name_words(entity.text))
        if person is not None and person.surname not in named:
            return True
    # a known name the entity model missed ("Warren told Stumpf, after he admitted ..." had
    # made Elizabeth Warren a "he")
    return any(p.surname not in named for p in people_named(doc, quoted, people))


def _the_role(token: Any) -> bool:
    """ "the president", "the senator": a title alone, after "the", naming one person."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.lower_ in ROLE_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in token.children)
    )


def _compounded(token: Any) -> str:
    """A proper noun with the proper nouns the parser joined to it just before it: "Ivanka
    Trump" when the entity model saw no name there. Narrower than attribution's
    `_name_span`, which takes compound words of any kind ("Rep.", "GOP candidate"): for
    salience that gave a "she" to Jan Brewer and David Jolly's words to Todd Wilcox in the
    PolNeAR dev articles."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and (token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head is token)
    ):
        start -= 1
    return str(token.doc[start : token.i + 1].text)


def _whole_names(doc: Any) -> dict[int, Any]:
    """Each word of a person's name of two words or more, with that whole name."""
    return {t.i: e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def people_named(doc: Any, quoted: list[tuple[int, int]], people: People,
                 after: int = -1) -> Iterator[Person]:  # fmt: skip
    """The known people the sentence names by a word of their name outside its quotations,
    from the token after `after` on; not by a word that only qualifies a noun ("the Obama
    administration's policy" names no one)."""
    # a word of a person's whole name is looked up as that name: "Clinton" of "Hillary
    # Clinton" is not whichever Clinton a surname alone would mean
    whole = _whole_names(doc)
    for token in doc[after + 1 :]:
        if token.dep_ == "compound" or not (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            continue
        if any(a <= token.idx < b for a, b in quoted):
            continue
        name = whole.get(token.i)
        person = people.named(name_words(name.text if name is not None else token.text))
        if person is not None:
            yield person


_WINDOW = 1
_HIS = {"he": "he", "him": "he", "his": "he", "himself": "he",
        "she": "she", "her": "she", "hers": "she", "herself": "she"}  # fmt: skip


def _pronoun_used(doc: Any, quoted: list[tuple[int, int]], after: int = 0) -> str | None:
    """The one third-person pronoun a sentence uses outside its quotations from token
    `after` on, if only one."""
    used = {
        _HIS[t.lower_]
        for t in doc[after:]
        if t.lower_ in _HIS and not any(a <= t.idx < b for a, b in quoted)
    }
    return used.pop() if len(used) == 1 else None
