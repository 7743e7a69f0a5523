"""What is wrong with a claims folder: one Problem a thing wrong, placed as precisely as the
format allows, and the error that carries them all. Below the loader and the code that
places problems in their files, which both use them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.errors import DataError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the claims data, located as precisely as the format allows."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        parts = [where, self.record, self.field, self.message]
        return ": ".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "record": self.record,
            "field": self.field,
            "message": self.message,
        }


class ClaimsError(DataError):
    """The claims folder cannot be used as it is; `problems` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
