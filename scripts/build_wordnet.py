"""Build the WordNet data files that `factcheck compare` ships, from Princeton WordNet 3.0.

    apt-get install wordnet-base          # Debian's package of the WordNet 3.0 database
    python scripts/build_wordnet.py       # writes src/factcheck/wordlists/wordnet-*.tsv
    python scripts/build_wordnet.py --stems-only   # after a change to stem(): no WordNet needed

Run it only to rebuild the files: the package and CI use the committed output and never need
WordNet installed. The licence is in src/factcheck/wordlists/WORDNET-LICENSE.

What it writes (tab-separated, sorted, one entry a line):

- `wordnet-antonyms.tsv`: `word<TAB>word<TAB>kind<TAB>pos<TAB>stem<TAB>stem`, single words
  only; the stems are the two words as `compare` reads them (factcheck.text.lexicon.stem), so
  that a run need not stem them all (tests/text/test_wordnet.py holds them to stem(); after a
  change to it, `--stems-only` writes them again from the file as it is).
  kind `direct`: WordNet's own antonym pointer between the two words ("rise"/"fall");
  `indirect`: an adjective in the similar-to cluster of one head and the head antonym of the
  other ("shiny", similar to "bright", against "dull"); `derived`: derivational forms of a
  direct pair ("inability"/"ability" from "unable"/"able"); `synonym`: for verbs and
  adverbs, the other words of one synset of a direct pair against the other word ("back",
  a synonym of "backward", against "forward"; "stop", of "discontinue", against "continue").
- `wordnet-values.tsv`: `word<TAB>class`: words that name one value of an attribute of which
  a thing has one at a time: colour, month, day (of the week), country (instances of
  "country, state, land": "Japan", "India"), nationality (adjectives that pertain to a
  country, as "Armenian" to "Armenia").
- `wordnet-nouns.tsv`: the noun hierarchy, for telling two kinds of thing apart ("film" /
  "painting") from a kind and its sort ("film" / "movie", "town" / "municipality"): `s<TAB>
  synset<TAB>parents` (hypernyms and instance hypernyms), `w<TAB>word<TAB>synsets` for each
  single-word noun (commonest sense first, as WordNet's index orders them), and
  `@person<TAB>synset`; synsets are numbered in offset order, in base 36.
- `wordnet-irregular.tsv`: `form<TAB>lemma`: WordNet's exception lists (verb.exc, noun.exc,
  adj.exc), for forms that are not themselves a WordNet lemma ("children" -> "child",
  "rose" is left out because it is a noun of its own).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
OUT = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "wordlists"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
KIND_RANK = {"direct": 0, "derived": 1, "synonym": 2, "indirect": 3}


def clean(word: str) -> str:
    # Adjectives carry a syntactic marker: "galore(ip)".
    return word.split("(", 1)[0].lower()


def read_synsets(pos: str) -> dict[str, tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    """offset -> (ss_type, words, pointers (symbol, offset, pos, source/target))."""
    synsets = {}
    for line in (WORDNET / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split(" | ", 1)[0].split()
        offset, ss_type, count = fields[0], fields[2], int(fields[3], 16)
        words = [clean(fields[4 + 2 * i]) for i in range(count)]
        at = 4 + 2 * count
        pointer_count = int(fields[at])
        pointers = [tuple(fields[at + 1 + 4 * k : at + 5 + 4 * k]) for k in range(pointer_count)]
        synsets[f"{POS[pos]}{offset}"] = (ss_type, words, pointers)  # type: ignore[assignment]
    return synsets


def key(pos_letter: str, offset: str) -> str:
    return f"{'a' if pos_letter == 's' else pos_letter}{offset}"


def single(word: str) -> bool:
    return word.isalpha() and len(word) > 1


def antonyms(synsets: dict) -> dict[tuple[str, str], tuple[str, str]]:
    pairs: dict[tuple[str, str], tuple[str, str]] = {}

    def add(a: str, b: str, kind: str, pos: str) -> None:
        if not (single(a) and single(b)) or a == b:
            return
        pair = (a, b) if a < b else (b, a)
        if pair not in pairs or KIND_RANK[kind] < KIND_RANK[pairs[pair][0]]:
            pairs[pair] = (kind, pos)

    def lexical(source: str, pointer: tuple[str, str, str, str]) -> tuple[str, str] | None:
        _, offset, pos, st = pointer
        target = synsets.get(key(pos, offset))
        if target is None:
            return None
        s, t = int(st[:2], 16), int(st[2:], 16)
        return synsets[source][1][s - 1], target[1][t - 1]

    direct: list[tuple[str, str, str, str]] = []  # (source synset, word, target synset, word)
    for name, (_, _, pointers) in synsets.items():
        for pointer in pointers:
            if pointer[0] == "!":
                words = lexical(name, pointer)
                if words:
                    direct.append((name, words[0], key(pointer[2], pointer[1]), words[1]))
                    add(words[0], words[1], "direct", name[0])
    # Derivational forms of each word of a direct pair.
    # Derivational forms of each word of a direct pair, paired within one part of speech.
    derived: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for name, (_, _words, pointers) in synsets.items():
        for pointer in pointers:
            if pointer[0] == "+":
                pair = lexical(name, pointer)
                if pair:
                    derived[(name, pair[0])].add((pair[1], key(pointer[2], "")))
    for source, a, target, b in direct:
        for a2, pos_a in derived.get((source, a), ()):
            for b2, pos_b in derived.get((target, b), ()):
                if pos_a == pos_b:
                    add(a2, b2, "derived", pos_a)
    # Synonyms of a verb or adverb pair: the other words of each synset against the word
    # the pointer names ("back", beside "backward", against "forward").
    for source, a, target, b in direct:
        if source[0] not in "vr":
            continue
        for word in synsets[source][1]:
            add(word, b, "synonym", source[0])
        for word in synsets[target][1]:
            add(a, word, "synonym", source[0])
    # Indirect adjective antonyms: the satellites of a head against the other head's words.
    for source, _a, _target, b in direct:
        if source[0] != "a":
            continue
        for pointer in synsets[source][2]:
            if pointer[0] == "&":
                satellite = synsets.get(key(pointer[2], pointer[1]))
                if satellite and satellite[0] == "s":
                    for word in satellite[1]:
                        add(word, b, "indirect", "a")
    return pairs


def hyponym_words(synsets: dict, root: str, instances: bool = False) -> set[str]:
    symbols = {"~", "~i"} if instances else {"~"}
    seen, todo, words = set(), [root], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name != root:
            words.update(w for w in synsets[name][1] if single(w))
        todo += [key(p[2], p[1]) for p in synsets[name][2] if p[0] in symbols]
    return words


def values(nouns: dict, adjectives: dict) -> dict[str, str]:
    found: dict[str, str] = {}
    for cls, roots in {
        "colour": ["n04959672", "n04960079"],  # chromatic_color, achromatic_color
        "month": ["n15209706"],  # gregorian_calendar_month
        "day": ["n15163005"],  # day_of_the_week
    }.items():
        for root in roots:
            for word in hyponym_words(nouns, root):
                found.setdefault(word, cls)
    countries = hyponym_words(nouns, "n08544813", instances=True)  # country, state, land
    for word in countries:
        found.setdefault(word, "country")
    country_synsets = {name for name, (_, words, _) in nouns.items() if set(words) & countries}
    for name in country_synsets:  # "United Kingdom" -> "British", by derivation
        for pointer in nouns[name][2]:
            if pointer[0] == "+" and pointer[2] in "as":
                target = adjectives.get(key(pointer[2], pointer[1]))
                if target:
                    word = target[1][int(pointer[3][2:], 16) - 1]
                    if single(word):
                        found.setdefault(word, "nationality")
    for _name, (_, words, pointers) in adjectives.items():
        for pointer in pointers:
            if pointer[0] == "\\" and key(pointer[2], pointer[1]) in country_synsets:
                s = int(pointer[3][:2], 16)
                word = words[s - 1]
                if single(word) and word[0].isalpha():
                    found.setdefault(word, "nationality")
    return found


PERSON = "n00007846"  # person, individual, someone


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def noun_hierarchy(nouns: dict) -> list[str]:
    """Rows of wordnet-nouns.tsv, with synsets numbered in offset order (base 36): the
    person synset; each synset's parents (hypernyms and instance hypernyms); each single-word
    noun's synsets."""
    number = {name: base36(i) for i, name in enumerate(sorted(nouns))}
    rows = [f"@person\t{number[PERSON]}"]
    for name in sorted(nouns):
        parents = sorted({number[key(p[2], p[1])] for p in nouns[name][2] if p[0] in ("@", "@i")})
        if parents:
            rows.append(f"s\t{number[name]}\t{','.join(parents)}")
    senses: dict[str, list[str]] = {}
    for line in (WORDNET / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        word, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + pointer_count : 6 + pointer_count + synset_count]
        if single(word):  # the index lists a word's senses commonest first
            senses[word] = [number[f"n{offset}"] for offset in offsets]
    rows += [f"w\t{word}\t{','.join(ids)}" for word, ids in sorted(senses.items())]
    return rows


def irregular() -> dict[str, str]:
    # A form that is a word of its own is left to itself when that word is in use: WordNet
    # counts how often its senses were tagged in a corpus (SemCor), and "rose" (the flower)
    # was; "shook" (a set of barrel staves) never was, so it is read as "shake".
    lemmas = set()
    for pos in POS:
        for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            tagged = int(fields[5 + pointers])
            if tagged > 0:
                lemmas.add(fields[0])
    forms: dict[str, str] = {}
    for pos in ("verb", "noun", "adj"):
        for line in (WORDNET / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            form, lemma = line.split()[:2]
            if form != lemma and form not in lemmas and single(form) and single(lemma):
                forms.setdefault(form, lemma)
    return forms


def write(name: str, rows: list[str]) -> None:
    path = OUT / name
    header = (
        "# Built by scripts/build_wordnet.py from Princeton WordNet 3.0 (see WORDNET-LICENSE)\n"
    )
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{path}: {len(rows)} entries")


def main() -> int:
    if not (WORDNET / "data.adj").exists():
        print("WordNet is not installed: apt-get install wordnet-base", file=sys.stderr)
        return 2
    synsets: dict = {}
    for pos in POS:
        synsets.update(read_synsets(pos))
    nouns = {k: v for k, v in synsets.items() if k[0] == "n"}
    adjectives = {k: v for k, v in synsets.items() if k[0] == "a"}
    pairs = antonyms(synsets)
    write("wordnet-values.tsv", [f"{w}\t{c}" for w, c in sorted(values(nouns, adjectives).items())])
    write(  # before the antonyms: stem() reads these forms
        "wordnet-irregular.tsv", [f"{form}\t{lemma}" for form, lemma in sorted(irregular().items())]
    )
    write_antonyms([(a, b, kind, pos) for (a, b), (kind, pos) in sorted(pairs.items())])
    write("wordnet-nouns.tsv", noun_hierarchy(nouns))
    return 0


def write_antonyms(rows: list[tuple[str, str, str, str]]) -> None:
    """The antonym pairs, each with its two words' stems as factcheck reads them."""
    from factcheck.text.lexicon import stem

    lines = [f"{a}\t{b}\t{kind}\t{pos}\t{stem(a)}\t{stem(b)}" for a, b, kind, pos in rows]
    write("wordnet-antonyms.tsv", lines)


def stems_only() -> int:
    """Write the antonyms' stems again, from the file as it is (no WordNet needed)."""
    path = OUT / "wordnet-antonyms.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    write_antonyms([(a, b, kind, pos) for a, b, kind, pos, *_ in rows])
    return 0


if __name__ == "__main__":
    sys.exit(stems_only() if sys.argv[1:] == ["--stems-only"] else main())
