"""Questions at the terminal for `new`: asked again until the answer is usable, and Ctrl-C
or Ctrl-D an interruption (exit 130), never a failed check."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable

import typer

from factcheck.errors import EXIT_INTERRUPTED
from factcheck.errors import UsageError as UsageProblem

# What is wrong with an answer, said with how to fix it; None when it will do.
Problem = Callable[[str], str | None]


def at_a_terminal(no_input: bool) -> bool:
    return not no_input and sys.stdin is not None and sys.stdin.isatty()


def ask(asking: bool, option: str, prompt: str, problem: Problem | None = None) -> str:
    """A required answer: asked again while it is empty or `problem` finds one in it."""
    if not asking:
        raise UsageProblem(f"--{option} is required with --no-input (or when not at a terminal)")
    while True:
        answer = _prompt(prompt, "")
        wrong = "it must not be empty" if not answer else problem(answer) if problem else None
        if wrong is None:
            return answer
        typer.echo(f"{wrong}; try again (Ctrl-C to stop)", err=True)


def ask_optional(prompt: str, problem: Problem | None = None, default: str = "") -> str | None:
    """An answer that may be left empty (Enter) to leave the field out."""
    while True:
        answer = _prompt(f"{prompt} (Enter to skip)", default)
        wrong = problem(answer) if answer and problem else None
        if wrong is None:
            return answer or None
        typer.echo(f"{wrong}; try again, or Enter to skip", err=True)


def _prompt(prompt: str, default: str) -> str:
    try:
        return str(typer.prompt(prompt, default=default, show_default=bool(default))).strip()
    except typer.Abort:
        from factcheck.output import terminal

        terminal.error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def not_an_id(answer: str) -> str | None:
    import re

    from factcheck.model import SLUG_PATTERN

    if re.fullmatch(SLUG_PATTERN, answer):
        return None
    return f"'{answer}' is not an ID: lowercase letters, digits and hyphens, e.g. benzinga-2025"


def not_a_date(answer: str) -> str | None:
    try:
        dt.date.fromisoformat(answer)
    except ValueError:
        return f"{answer!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-01-20"
    return None


def not_figures(answer: str) -> str | None:
    """Figures as NAME=VALUE, separated by ';' (a figure may hold commas: 4,561)."""
    from factcheck.figures.quantity import FigureError, parse_figure

    for written in answer.split(";"):
        name, equals, value = written.partition("=")
        if not equals or not name.strip() or not value.strip():
            return f"{written.strip()!r}: write NAME=VALUE, e.g. released=4,561"
        try:
            parse_figure(value.strip().strip("'\""))
        except FigureError as error:
            return f"{value.strip()!r}: {error}"
    return None


def figure(written: str) -> tuple[str, str]:
    """One --figure NAME=VALUE."""
    name, equals, value = written.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise UsageProblem(f"--figure {written!r}: write NAME=VALUE, e.g. released='4,561'")
    return name.strip(), value.strip().strip("'\"")


def not_a_number(answer: str) -> str | None:
    """A number in ASCII digits ("⁵" and "NaN" are no rating values)."""
    import re

    if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", answer.strip()):
        return None
    return f"{answer!r} is not a number: write it as 1, 2.5 or -1"


def not_an_expression(answer: str) -> str | None:
    from factcheck.figures.expression import ExpressionError, parse

    try:
        parse(answer)
    except ExpressionError as error:
        return str(error)
    return None


def not_topics(answer: str) -> str | None:
    """Topics, comma-separated, each an ID."""
    for topic in [t.strip() for t in answer.split(",")]:
        wrong = not_an_id(topic)
        if wrong:
            return wrong.replace("is not an ID", "is not a topic ID")
    return None


def ask_id(suggested: str, taken: set[str]) -> str:
    """A record's ID, the suggestion by default: asked again while it is no ID or taken."""
    while True:
        answer = _prompt("ID", suggested)
        wrong = not_an_id(answer) or (
            f"'{answer}' is taken by another record of the folder" if answer in taken else None
        )
        if wrong is None:
            return answer
        typer.echo(f"{wrong}; try again (Ctrl-C to stop)", err=True)
