"""How `factcheck review` shows a draft at the terminal: the claim as drafted, who said it,
when and where, its figures and the checks suggested with it. Text from the records goes
through `cell` (never markup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.padding import Padding
from rich.text import Text

from factcheck.model import Check, Claim
from factcheck.output.terminal import cell, show


def draft(claim: Claim, checks: Sequence[Check], number: int, total: int) -> None:
    who = claim.speaker + (f" ({claim.speaker_role})" if claim.speaker_role else "")
    when = f" · {claim.date.isoformat()}" if claim.date else ""
    where = f" · source {claim.source}" if claim.source else ""
    lines: list[Any] = [
        Text.assemble(Text(f"draft {number} of {total}: "), cell(claim.id, "bold")),
        cell(claim.text),
        cell(f"said by {who}{when}{where}", "dim"),
    ]
    if claim.notes:
        lines.append(cell(claim.notes, "dim"))
    for name, quantity in claim.quantities.items():
        ends = ""
        if quantity.change_from and quantity.change_to:
            ends = f" (from {quantity.change_from} to {quantity.change_to})"
        lines.append(cell(f"figure {name} = {quantity.value}{ends}", "dim"))
    for check in checks:
        target = check.claim or check.expect or ""
        lines.append(cell(f"suggested check {check.id}: {check.compute} against {target}", "dim"))
    show(*(Padding(line, (0, 0, 1 if n == len(lines) - 1 else 0, 0))
           for n, line in enumerate(lines)))  # fmt: skip
