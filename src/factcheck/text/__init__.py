"""The text layer that reading free text shares (`match` now, `extract` next): words and their
stems, the figures and names a text states, and static word embeddings.

`words` needs only the standard library and PyStemmer; `embeddings` needs numpy and the word
vectors that the `wordllama` wheel ships. Both come with the `match` extra and are imported
only by the commands that read free text, so `list` and `--version` never pay for them.
"""

from __future__ import annotations


class MissingExtra(Exception):
    """A package of the `match` extra is not installed."""

    def __init__(self, package: str) -> None:
        super().__init__(
            f"this command needs {package}, which comes with the match extra: "
            "pip install 'factcheck[match]'"
        )
