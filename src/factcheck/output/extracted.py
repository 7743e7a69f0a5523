"""How `factcheck extract` shows its candidates to people: one block per sentence, best
first, so that nothing is cut at 80 columns. Text from the article goes through `Text`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.padding import Padding
from rich.text import Text

from factcheck.output.terminal import cell, note, plural, show


def candidates(found: Sequence[dict[str, Any]], total: int, threshold: float | None) -> None:
    blocks: list[Any] = []
    for c in found:
        who = c["speaker"] + (f" ({c['speaker_role']})" if c["speaker_role"] else "")
        facts = [f"score {c['score']:.2f}", who, c["kind"], f"sentence {c['sentence']}"]
        blocks.append(Text.assemble(Text(f"{c['rank']}. "), cell(" · ".join(facts), "bold")))
        lines = [cell(c["text"])]
        if c["figures"]:
            shown = ", ".join(
                f"{f['name']} = {f['value']}"
                + (f" {f['per']}" if f["per"] and not f["value"].endswith(f["per"]) else "")
                for f in c["figures"]
            )
            lines.append(cell(f"figures: {shown}", "dim"))
        lines.append(cell(f"why: {why(c['reason'])}", "dim"))
        for n, line in enumerate(lines):
            blocks.append(Padding(line, (0, 0, 1 if n == len(lines) - 1 else 0, 3)))
    show(*blocks)
    limit = "every sentence" if threshold is None else f"score at least {threshold:.2f}"
    note(f"{plural(len(found), 'candidate')} of {plural(total, 'sentence')} ({limit})")


def why(reason: dict[str, Any]) -> str:
    parts = list(reason["signals"])
    if reason["words"]:
        parts.append("words: " + ", ".join(reason["words"]))
    return "; ".join(parts) or "nothing that marks a checkable claim"
