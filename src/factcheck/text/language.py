"""Which language an article is in, so that `extract` can say so instead of silently reading
Spanish with English rules (issue 27).

The question is narrow: is this English, and if not, what should the note call it? Two
signals answer it without a model: the script of the letters (Han, Cyrillic, Arabic, ...)
and, for Latin script, which language's commonest function words make up more of the words.
Function words are the classic cue for this (they are most of any running text and differ
between languages); a statistical identifier (langdetect, fastText's lid.176) would name more
languages but adds a dependency or a model download for a one-line note.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_FUNCTION_WORDS = {
    "en": "the of and to in that is was for on with as by at from it he said his are be this "
          "have has not but they who which were will would",
    "es": "el la de que y en los las del se por un una con para es dijo su al lo como más pero "
          "sus le ha fue este esta",
    "fr": "le la les de des et en un une du que est pour dans qui pas sur au ne il a dit ce "
          "sont plus été elle",
    "de": "der die das und ist nicht mit von den zu ein eine auf für sich des dem im sagte "
          "auch wird es sie",
    "pt": "o a os as de que e do da em um uma para com não por mais disse foi no na se dos",
    "it": "il la di che e le un una per non con del della sono è ha detto nel alla gli anche",
    "nl": "de het een en van is dat op te niet met zijn voor er ook aan door",
}  # fmt: skip
_WORD_SETS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
         "it": "Italian", "nl": "Dutch"}  # fmt: skip
# Languages whose decimal mark is a comma ("5,5 %") and whose thousands mark is a dot.
DECIMAL_COMMA = frozenset({"es", "fr", "de", "pt", "it", "nl"})
_SCRIPTS = {"CJK": ("zh", "Chinese, Japanese or Korean"), "HIRAGANA": ("ja", "Japanese"),
            "KATAKANA": ("ja", "Japanese"), "HANGUL": ("ko", "Korean"),
            "CYRILLIC": ("ru", "a Cyrillic script"), "ARABIC": ("ar", "Arabic"),
            "HEBREW": ("he", "Hebrew"), "GREEK": ("el", "Greek"),
            "DEVANAGARI": ("hi", "Hindi"), "THAI": ("th", "Thai")}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 20_000  # characters read: enough to tell, and linear in nothing larger


@dataclass(frozen=True)
class Language:
    code: str  # "en", "es", ... or "und" when there are too few words to tell
    name: str

    @property
    def english(self) -> bool:
        return self.code in ("en", "und")


ENGLISH = Language("en", "English")


def guess(text: str) -> Language:
    sample = text[:SAMPLE]
    script = _script(sample)
    if script is not None:
        return Language(*script)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return Language("und", "too short to tell")
    counts = Counter(words)
    share = {code: sum(counts[w] for w in found) for code, found in _WORD_SETS.items()}
    best = max(share, key=lambda code: (share[code], code == "en"))
    if share[best] == 0 or share[best] <= share["en"]:
        return Language("en", NAMES["en"])
    return Language(best, NAMES[best])


def _script(sample: str) -> tuple[str, str] | None:
    """The script most letters are in, where it is not Latin (None for Latin)."""
    scripts: Counter[str] = Counter()
    for char in sample:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts[next((s for s in _SCRIPTS if name.startswith(s)), "LATIN")] += 1
    if not scripts:
        return None
    top, count = scripts.most_common(1)[0]
    if top == "LATIN" or count * 2 < sum(scripts.values()):
        return None
    return _SCRIPTS[top]
