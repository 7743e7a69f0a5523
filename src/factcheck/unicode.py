"""Characters that change how text looks without being seen: shared by the renderers (which
show them as escapes) and by every comparison of names (which ignores them)."""

from __future__ import annotations

import re
import unicodedata

# Invisible or layout-changing characters that are not C0/C1 controls: zero-width space,
# joiners and marks (U+200B-200F), the Arabic letter mark (U+061C), word joiner and friends
# (U+2060-2064), the line and paragraph separators (U+2028/2029), the byte-order mark used as
# a zero-width no-break space (U+FEFF), and the tag characters (U+E0000-E007F) that can carry
# hidden words, and the interlinear annotation characters (U+FFF9-FFFB), which some
# terminals and renderers hide with the text between them. The bidirectional overrides are
# listed with the controls in output/terminal.py.
INVISIBLE = "\u061c\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
_INVISIBLE = re.compile(f"[{INVISIBLE}\u202a-\u202e\u2066-\u2069]")


def comparable(text: str) -> str:
    """The text as two names are compared: without invisible characters, case folded. So
    'Kristi Noem' with a zero-width space inside is the same speaker as 'Kristi Noem'."""
    return _INVISIBLE.sub("", text).casefold()


def without_accents(word: str) -> str:
    """'noël' -> 'noel', 'café' -> 'cafe': how a word is compared, so that a name written
    with and without its accents is one name."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
