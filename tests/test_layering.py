"""The library can be used from Python on its own: it imports neither typer nor rich."""

import subprocess
import sys

LIBRARY = ["model", "store", "query", "quantity", "expression", "arithmetic", "checks",
           "lexicon", "wordnet", "compare", "compare.run"]  # fmt: skip


def test_the_library_imports_neither_typer_nor_rich():
    imports = "; ".join(f"import factcheck.{name}" for name in LIBRARY)
    probe = (
        f"{imports}; import sys; print(sorted(m for m in ('typer', 'rich') if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_help_reads_no_claims(tmp_path):
    """`factcheck --help` must work where there is no claims folder at all."""
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--help"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert "compare" in result.stdout and "check" in result.stdout


def test_the_cli_module_imports_no_library_until_a_command_runs():
    """`--version`, `--help` and completion must not pay for pydantic, the loader or rich."""
    probe = (
        "import sys, factcheck.cli; "
        "print(sorted(m for m in ('pydantic', 'rich', 'factcheck.store', 'factcheck.render') "
        "if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
