"""How `factcheck match` shows its answers to people: one block per match, so that IDs stay
whole at any width. Like render.py, text from claim files goes through `Text` (terminal.py),
never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.padding import Padding
from rich.text import Text

from factcheck.output.terminal import cell, note, plural, show, visible


def matches(found: Sequence[dict[str, Any]], asked: str) -> None:
    blocks: list[Any] = []
    for match in found:
        facts = [f"score {match['score']:.2f}", match["speaker"], match["date"] or "",
                 _rated(match)]  # fmt: skip
        blocks.append(Text.assemble(
            Text(f"{match['rank']}. "), Text(visible(match["id"]), style="bold"), "  ",
            cell(" · ".join(f for f in facts if f), "dim"),
        ))  # fmt: skip
        lines = [cell(match["text"])]
        if match["headline"] and match["headline"] != match["text"]:
            lines.append(cell(f"headline: {match['headline']}", "dim"))
        lines.append(cell(f"why: {why(match['reason'])}", "dim"))
        if match["review_url"]:
            lines.append(cell(f"review: {match['review_url']}", "dim"))
        for n, line in enumerate(lines):
            blocks.append(Padding(line, (0, 0, 1 if n == len(lines) - 1 else 0, 3)))
    show(*blocks)
    count = f"{len(found)} match{'' if len(found) == 1 else 'es'}"
    note(f"{count} for: {asked}" if found else f"no match for: {asked}")


def duplicates(pairs: Sequence[dict[str, Any]], threshold: float) -> None:
    blocks: list[Any] = []
    for pair in pairs:
        blocks.append(Text.assemble(
            Text(visible(pair["first"]), style="bold"), "  =  ",
            Text(visible(pair["second"]), style="bold"), "  ",
            cell(f"score {pair['score']:.2f}", "dim"),
        ))  # fmt: skip
        blocks.append(Padding(cell(f"why: {why(pair['reason'])}", "dim"), (0, 0, 1, 3)))
    show(*blocks)
    note(f"{plural(len(pairs), 'likely duplicate pair')} (score at least {threshold:.2f})")


def why(reason: dict[str, Any]) -> str:
    """'words: biden, mansion · names: biden · figures: 12 · meaning 0.81'."""
    parts = []
    for key in ("words", "names", "figures"):
        if reason[key]:
            parts.append(f"{key}: {', '.join(reason[key])}")
    parts.append(f"similar in meaning: {reason['similarity']:.2f}")
    return " · ".join(parts)


def _rated(match: dict[str, Any]) -> str:
    if not match["rating"]:
        return ""
    by = f" by {match['reviewer']}" if match["reviewer"] else ""
    return f"rated {match['rating']}{by}"
