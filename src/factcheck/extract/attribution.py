"""Who asserts a sentence: the speaker a reporting verb names ("X said", "said X", "according
to X", "X wrote on X", "in a letter, X ..."), a name, a title ("the governor") or a pronoun
resolved to the person last named in that role, and the full name as first given (with the
title it was given with, kept as the speaker's role). Where nobody is named, the article's own
voice.

Rules a person can read, not a model: each attribution says which cue it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REPORTING = (
    r"said|says|say|posted|wrote|writes|tweeted|responded|replied|countered|argued|argues|"
    r"claimed|claims|stated|states|told|added|noted|criticized|criticised|urged|accused|"
    r"announced|insisted|warned|declared|demanded|alleged|testified|estimated|reported|"
    r"sent a letter|explained|asserted|maintained|contended|acknowledged|admitted|denied|"
    r"pointed out|called|charged|suggested|emphasized|stressed|disputed|disputes|denies|"
    r"confirmed|confirms|predicted|promised|boasted|complained"
)
_REPORTING = re.compile(rf"\b(?:also\s+|later\s+|then\s+|previously\s+)?(?P<verb>{REPORTING})\b")
_SAID_AFTER = re.compile(
    r"[,”\"]\s*(?:said|says|wrote|added|according to)\s+(?P<who>[^,.;]+?)\s*(?:[,.;]|$)"
)
# A quotation followed by its speaker and the verb: '“...,” Reyes said.'
_QUOTE_THEN_SPEAKER = re.compile(
    r"[\u201d\"]\s*(?P<who>(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]+|he|she|they)\s+"
    r"(?:said|says|wrote|added|told|tweeted|posted|argued|insisted)\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;]+?)\s*[,.;]")
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_CLAUSE_OPENERS = re.compile(
    r"^(?:however|earlier|meanwhile|later|also|still|instead|in a letter|in a statement|"
    r"on \w+|in response|separately|previously|but|and|yesterday|today)\b[, ]*", re.I)  # fmt: skip

TITLES = {
    "gov.": "governor", "governor": "governor", "secretary": "secretary",
    "director": "director", "attorney": "attorney", "general": "general",
    "president": "president", "sen.": "senator", "senator": "senator", "rep.": "representative",
    "representative": "representative", "mayor": "mayor", "chief": "chief", "acting": "",
    "assistant": "", "first": "", "deputy": "", "minister": "minister", "judge": "judge",
    "commissioner": "commissioner", "sheriff": "sheriff", "spokesperson": "spokesperson",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "dr.": "", "mr.": "",
    "ms.": "", "mrs.": "", "prof.": "professor", "vice": "", "speaker": "speaker",
    "leader": "leader", "chair": "chair", "chairman": "chair", "chairwoman": "chair",
    "ceo": "ceo", "officer": "officer", "ambassador": "ambassador", "police": "",
    "member": "member", "council": "", "auditor": "auditor", "professor": "professor",
}  # fmt: skip
ROLE_WORDS = frozenset(r for r in TITLES.values() if r)
_PRONOUNS = frozenset({"he", "she", "they", "his", "her"})
_NAME_WORD = re.compile(r"^[A-Z][a-zA-Z'\u2019-]*[a-z][a-zA-Z'\u2019-]*$|^[A-Z]\.$")
_POSSESSIVE = re.compile(r"[\u2019']s$")
_OFFICE = re.compile(r"^(?P<owner>[A-Z][\w.-]*)[\u2019']s (?P<what>office|campaign|spokesperson)$")


@dataclass
class Person:
    name: str  # the full name as first given: "Gavin Newsom"
    title: str  # the title it was first given with: "California Gov."
    roles: set[str] = field(default_factory=set)  # "governor"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Attribution:
    speaker: str
    role: str | None
    cue: str  # what it rests on: "said", "according to", "title", "the article", ...
    start: int  # where the speaker is named in the sentence (-1: not named in it)
    end: int


@dataclass
class People:
    """The people named so far in the article, in order."""

    known: list[Person] = field(default_factory=list)

    def learn(self, sentence: str) -> None:
        for title, name in _titled_names(sentence):
            if self.by_surname(name.split()[-1]) is None:
                roles = {TITLES[w.lower()] for w in title.split() if TITLES.get(w.lower())}
                self.known.append(Person(name, title, roles))

    def by_surname(self, surname: str) -> Person | None:
        for person in reversed(self.known):
            if person.surname == surname:
                return person
        return None

    def saw(self, person: Person) -> Person:
        """The person was just named: the next "she" or "he" is most likely them."""
        self.known.remove(person)
        self.known.append(person)
        return person

    def by_role(self, text: str) -> Person | None:
        wanted = {w for w in re.findall(r"[a-z]+", text.lower()) if w in ROLE_WORDS}
        for person in reversed(self.known):
            if wanted & person.roles:
                return person
        return None


def _titled_names(sentence: str) -> list[tuple[str, str]]:
    """(title, name) for each run of title words followed by a name of two or three words:
    "Acting ICE Director Todd Lyons" -> ("Acting ICE Director", "Todd Lyons")."""
    words = sentence.replace("(", " ( ").split()
    found = []
    for i, word in enumerate(words):
        if word.lower() not in TITLES:
            continue
        name = []
        for following in words[i + 1 : i + 4]:
            bare = _POSSESSIVE.sub("", following.strip(',;:.\u201d"\u2018\u2019'))
            if not _NAME_WORD.match(bare) or bare.lower() in TITLES:
                break
            name.append(bare)
            if bare != following.strip(',;:.\u201d"\u2018\u2019'):
                break  # a possessive ends the name
        if len(name) >= 2:
            start = i
            while start > 0 and _titleish(words[start - 1]):
                start -= 1
            found.append((" ".join(words[start : i + 1]), " ".join(name)))
    return found


def _titleish(word: str) -> bool:
    return word.lower() in TITLES or bool(re.fullmatch(r"[A-Z][A-Za-z.]*", word))


def attribute(sentence: str, people: People, voice: str) -> Attribution:
    """Who asserts this sentence (people: who the article has named so far)."""
    after = _SAID_AFTER.search(sentence)
    if after:
        return _resolved(after.group("who"), people, "said after the words", after.span("who"))
    quoted = _QUOTE_THEN_SPEAKER.search(sentence)
    if quoted:
        return _resolved(quoted.group("who"), people, "said after the quotation",
                         quoted.span("who"))  # fmt: skip
    according = _ACCORDING.search(sentence)
    if according:
        return _resolved(according.group("who"), people, "according to", according.span("who"))
    for match in _REPORTING.finditer(sentence):
        subject = _subject(sentence[: match.start()])
        if subject is not None:
            text, start = subject
            return _resolved(text, people, match.group("verb"), (start, start + len(text)))
    return Attribution(voice, None, "the article", -1, -1)


def _subject(before: str) -> tuple[str, int] | None:
    """The noun phrase just before a reporting verb, in its clause, with its place."""
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind("—")) + 1
    clause = before[clause_start:]
    stripped = clause.lstrip()
    start = clause_start + (len(clause) - len(stripped))
    opener = _CLAUSE_OPENERS.match(stripped)
    while opener and opener.end():
        stripped, start = stripped[opener.end() :], start + opener.end()
        opener = _CLAUSE_OPENERS.match(stripped)
    text = re.sub(r"\s*\b(?:also|later|then|previously|has|had|have)$", "", stripped.rstrip())
    if not text and clause_start > 0:
        # "The governor, a vocal critic of X, also criticized ...": the subject opens the
        # sentence, before an apposition.
        first = before.split(",", 1)[0]
        text, start = first.strip(), len(first) - len(first.lstrip())
    if not text or len(text.split()) > 12 or _QUOTE.search(text):
        return None
    if text.split()[0].lower() in _PRONOUNS or text[0].isupper() or text.lower().startswith("the "):
        return text, start
    return None


def _resolved(who: str, people: People, cue: str, span: tuple[int, int]) -> Attribution:
    who = who.strip().strip('”"')
    words = who.split()
    lowered = who.lower()
    if lowered in _PRONOUNS and people.known:
        person = people.known[-1]  # the person named last
        return Attribution(person.name, person.title or None, f"{cue} (pronoun)", *span)
    office = _OFFICE.match(who)
    if office:
        owner = people.by_surname(office.group("owner"))
        if owner is not None:
            full = f"{owner.title.split()[-1]} {owner.name}" if owner.title else owner.name
            return Attribution(f"{office.group('what').capitalize()} of {full}", None, cue, *span)
    names = [_POSSESSIVE.sub("", w.strip(",.")) for w in words]
    for word in reversed(names):
        named = people.by_surname(word)
        if named is not None:
            people.saw(named)
            return Attribution(named.name, named.title or None, cue, *span)
    if any(w.lower() in ROLE_WORDS for w in names):
        titled = people.by_role(who)
        if titled is not None:
            people.saw(titled)
            return Attribution(titled.name, titled.title or None, f"{cue} (title)", *span)
    speaker = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
    return Attribution(speaker[:1].upper() + speaker[1:], None, cue, *span)
