"""One error hierarchy, one handler: every error a person sees is a FactcheckError with its
exit code, and every message and code is kept in a golden file, so that a change to any of
them is seen in review. Regenerate after a deliberate change with:

    FACTCHECK_UPDATE_GOLDEN=1 pytest tests/cli/test_errors.py
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil

import factcheck
from conftest import FIXTURES, GOLDEN, SEED_CLAIMS, run
from factcheck.errors import FactcheckError

GOLDEN_ERRORS = GOLDEN / "errors.txt"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"

# Value errors of the library that never reach a person as they are: their callers place
# them (a Problem with file and line, or a usage error naming the option).
INTERNAL = {"FigureError", "ExpressionError", "Undefined"}

SEED = ["--claims", str(SEED_CLAIMS)]
CASES = [
    ["show", "dhs-relesed", *SEED],
    ["list", "--topic", "detainer", *SEED],
    ["list", "--speaker", "nobody at all", *SEED],
    ["list", "--source", "nowhere", *SEED],
    ["list", "--rating", "pants", *SEED],
    ["list", "--since", "yesterday", *SEED],
    ["list", "--json", "--format", "csv", *SEED],
    ["compare", "--topic", "detainer", *SEED],
    ["compare", "--about", "nothing", *SEED],
    ["compare", *SEED],
    ["check", "--verdict", "wrong", *SEED],
    ["calc", "1 / 0"],
    ["calc", "4,561 +"],
    ["validate", "--claims", str(FIXTURES / "invalid" / "unknown-refs")],
    ["new", "claim", "--no-input", "--id", "dhs-released-4561", "--speaker", "X", "--text",
     "Y.", "--topic", "t", *SEED],
    ["export", "--claims", str(FIXTURES / "reviewed"), "--all", "--strict"],
    ["match", "", *SEED],
    ["match", "--claim", "newsom-one-in-eigth", *SEED],
    ["match", "text", "--duplicates", *SEED],
    ["extract", str(FIXTURES / "match" / "archive.toml"), "--write", "x.toml", *SEED],
    ["--claims"],
]  # fmt: skip


def said(args: list[str]) -> str:
    result = run(*args)
    shown = " ".join(a.replace(str(FIXTURES), "FIXTURES").replace(str(SEED_CLAIMS), "SEED")
                     for a in args)  # fmt: skip
    stderr = result.stderr.replace(str(FIXTURES), "FIXTURES").replace(str(SEED_CLAIMS), "SEED")
    return f"$ factcheck {shown}\nexit {result.exit_code}\n{stderr}"


def test_every_error_message_and_exit_code_is_as_recorded():
    text = "\n".join(said(args) for args in CASES)
    if UPDATE:
        GOLDEN_ERRORS.write_text(text, encoding="utf-8")
    assert text == GOLDEN_ERRORS.read_text(encoding="utf-8"), (
        "an error message or exit code changed: if it is meant, regenerate (see this module)"
    )


def test_every_error_class_of_the_package_is_a_factcheck_error():
    found = {}
    for module in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if module.name.startswith(("factcheck.cli", "factcheck.__main__")):
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if (inspect.isclass(value) and issubclass(value, BaseException)
                    and value.__module__ == module.name):  # fmt: skip
                found[name] = value
    assert len(found) > 10
    strays = [
        n for n, c in found.items() if not issubclass(c, FactcheckError) and n not in INTERNAL
    ]
    assert strays == []
