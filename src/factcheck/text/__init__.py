"""The text layer that reading free text shares (`match` now, `extract` next): words and their
stems, the figures and names a text states, and static word embeddings.

`words` needs PyStemmer; `embeddings` needs numpy and the word vectors that the `wordllama`
wheel ships; `sentences` needs pysbd. They come with the `match` and `extract` extras and are
imported only by the commands that read free text, so `list` and `--version` never pay for
them.
"""

from __future__ import annotations

from factcheck.errors import UsageError


class MissingExtra(UsageError):
    """A package of the `match` or `extract` extra is not installed."""

    def __init__(self, package: str, extra: str = "match") -> None:
        super().__init__(
            f"this command needs {package}, which comes with the {extra} extra: "
            f"pip install 'factcheck[{extra}]'"
        )
