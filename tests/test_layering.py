"""The library can be used from Python on its own: it imports neither typer nor rich."""

import os
import subprocess
import sys

LIBRARY = ["model", "store", "query", "quantity", "expression", "arithmetic", "checks",
           "lexicon", "wordnet", "compare", "compare.run", "cache", "listing", "filters",
           "jsonout"]  # fmt: skip


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


def test_list_json_from_a_listing_builds_no_model_and_loads_no_rich(tmp_path):
    """The answer for an unchanged folder is stored bytes: building the models (70 ms) or
    loading Rich would be a good part of the time it takes (listing.py). pydantic itself is
    imported, for its version, which is part of the cache's key."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "c.toml").write_text(
        '[[claims]]\nid = "a"\nspeaker = "Kim Lee"\ntopics = ["t"]\ntext = "It rose."\n',
        encoding="utf-8",
    )
    probe = (
        "import sys; from factcheck.cli import main; "
        f"sys.argv = ['factcheck', 'list', '--json', '--claims', {str(claims)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'factcheck.model', 'factcheck.store') "
        "if m in sys.modules),"
        " file=sys.stderr)"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, check=True)  # fmt: skip
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, check=True)  # fmt: skip
    assert "factcheck.model" in first.stderr  # the first run loads the folder
    assert second.stderr.strip().splitlines()[-1] == "[]"
    assert second.stdout == first.stdout


def test_commands_of_their_own_module_are_imported_only_when_they_may_run(tmp_path):
    """`--version` and `list` do not pay for building match's and extract's options;
    `--help`, global options first, and the commands themselves still find them."""

    def loaded(*args: str) -> str:
        probe = (
            "import sys; from factcheck.cli import main\n"
            f"sys.argv = ['factcheck', *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('factcheck.cli_match', 'factcheck.cli_extract') "
            "if m in sys.modules), file=sys.stderr)"
        )
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              check=True, cwd=tmp_path)  # fmt: skip
        return done.stderr.strip().splitlines()[-1]

    both = "['factcheck.cli_extract', 'factcheck.cli_match']"
    assert loaded("--version") == "[]"
    assert loaded("list", "--json") == "[]"
    assert loaded("--help") == both
    assert loaded("--no-cache", "match", "x") == both
    assert loaded("extract", "--help") == both
