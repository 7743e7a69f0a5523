"""The library can be used from Python on its own: it imports neither typer nor rich."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import factcheck.cli
from factcheck.cli.main import COMMAND_MODULES

# Every module but the command line's and what prints for people (output/, which imports
# Rich for a terminal): found, not listed, so that no new module is left out.
NOT_LIBRARY = ("factcheck.cli", "factcheck.output", "factcheck.__main__", "factcheck.completion")


def library_modules() -> list[str]:
    package = Path(factcheck.cli.__file__).parents[1]
    found = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not name.startswith(NOT_LIBRARY):
            found.append(name)
    return found


def test_the_library_imports_neither_typer_nor_rich():
    imports = "; ".join(f"import {name}" for name in library_modules())
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
        "print(sorted(m for m in ('pydantic', 'rich', 'factcheck.folder.store', "
        "'factcheck.output.render') if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def _run_twice(probe: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], ...]:
    """The probe run twice with the same cache: the first run fills it, the second is warm."""
    return tuple(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                       check=True)
        for _ in range(2)
    )  # fmt: skip


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
        "print(sorted(m for m in ('rich', 'factcheck.model', 'factcheck.folder.store') "
        "if m in sys.modules),"
        " file=sys.stderr)"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first, second = _run_twice(probe, env)
    assert "factcheck.model" in first.stderr  # the first run loads the folder
    assert second.stderr.strip().splitlines()[-1] == "[]"
    assert second.stdout == first.stdout


def test_a_kept_check_report_is_shown_without_the_record_models(tmp_path):
    """A warm `check` renders its table from the report it kept: building the record models
    (about 13 ms) would be a good part of what it takes on a small folder."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "c.toml").write_text(
        '[[claims]]\nid = "a"\nspeaker = "Kim Lee"\ntopics = ["t"]\ntext = "It rose."\n'
        '[claims.quantities]\nall = { value = "8" }\nsome = { value = "1", part_of = "all" }\n'
        'rest = { value = "7", part_of = "all" }\n',
        encoding="utf-8",
    )
    probe = (
        "import sys; from factcheck.cli import main; "
        f"sys.argv = ['factcheck', 'check', '--claims', {str(claims)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('factcheck.model', 'factcheck.folder.store') "
        "if m in sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "100"}
    first, second = _run_twice(probe, env)
    assert "factcheck.model" in first.stderr  # the first run loads the folder
    assert second.stderr.strip().splitlines()[-1] == "[]"
    assert "consistent" in second.stdout
    assert second.stdout == first.stdout


EVERY = sorted({m for names in COMMAND_MODULES.values() for m in names})


def test_a_command_line_imports_its_own_command_module_only(tmp_path):
    """typer builds every registered command's options at start-up: `--version` registers
    none, `list` its own module's; `--help`, a mistyped command and completion see all."""

    def loaded(*args: str) -> list[str]:
        probe = (
            "import sys; from factcheck.cli import main\n"
            f"sys.argv = ['factcheck', *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m.rpartition('.')[2] for m in sys.modules "
            "if m.startswith('factcheck.cli.') and m.rpartition('.')[2] in "
            f"{EVERY!r}), file=sys.stderr)"
        )
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              check=True, cwd=tmp_path)  # fmt: skip
        return eval(done.stderr.strip().splitlines()[-1])  # a list literal we printed

    every = sorted({m for names in COMMAND_MODULES.values() for m in names})
    assert loaded("--version") == []
    assert loaded("list", "--json") == ["reading"]
    assert loaded("--no-cache", "match", "x") == ["matching"]
    assert loaded("extract", "--help") == ["extracting"]
    assert loaded("--help") == every
    assert loaded("lsit") == every  # for "did you mean list?"


# The command line's layers, top to bottom: a module imports only from layers above its own
# (the commands, one layer, not from each other).
CLI_LAYERS = [
    {"environment"},
    {"options", "prompts"},
    {"folder"},
    {"base"},
    {m for names in COMMAND_MODULES.values() for m in names},
    {"main"},
]


def _cli_imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):  # function-local imports too
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck.cli."):
            found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names
                      if a.name.startswith("factcheck.cli.")}  # fmt: skip
    return found


def test_the_command_line_layers_import_only_upward():
    package = Path(factcheck.cli.__file__).parent
    layer_of = {name: depth for depth, names in enumerate(CLI_LAYERS) for name in names}
    modules = {p.stem for p in package.glob("*.py")} - {"__init__"}
    assert modules == set(layer_of), "a module of factcheck/cli/ is in no layer"
    wrong = [
        f"{module} imports {other}"
        for module in sorted(modules)
        for other in sorted(_cli_imports(package / f"{module}.py"))
        if layer_of[other] >= layer_of[module] and other != module
    ]
    assert wrong == []


def test_cli_modules_stay_small():
    package = Path(factcheck.cli.__file__).parent
    for module in package.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert len(text.splitlines()) < 300, module.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                assert length <= 60, f"{module.name}: {node.name} has {length} lines"


def _runtime_imports(path: Path, modules: set[str], types_too: bool = False) -> set[str]:
    """The factcheck modules a module imports when it runs (function-local imports too; not
    those under `if TYPE_CHECKING:`, which only name types, unless `types_too`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = set() if types_too else {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for statement in block.body
        for n in ast.walk(statement)
    }  # fmt: skip
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck"):
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("factcheck")}
    return {m for m in found if m in modules}


def _module_graph(types_too: bool = False) -> dict[str, set[str]]:
    package = Path(factcheck.__file__).parent
    paths = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        paths[name] = path
    return {name: _runtime_imports(path, set(paths), types_too) - {name}
            for name, path in paths.items()}  # fmt: skip


def test_no_import_cycle():
    """store -> listing -> store and store -> locate -> store were hidden behind
    function-local imports (issue 18): now a module below never imports one above."""
    graph = _module_graph()
    allowed: set[frozenset[str]] = set()
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start and frozenset(path) not in allowed:
                    cycles.append(" -> ".join([*path, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    assert cycles == []


def test_no_two_modules_of_a_package_import_each_other_even_for_types():
    """Issue 29: folder/listing <-> folder/query and compare/kinds <-> compare/reading named
    each other's types; a Protocol (kinds.Reading) and a method of the model
    (Check.claims_read) now stand between them."""
    graph = _module_graph(types_too=True)
    pairs = sorted(f"{a} <-> {b}" for a in graph for b in graph[a]
                   if a < b and a in graph.get(b, set()))  # fmt: skip
    assert pairs == []


def test_the_library_never_imports_the_command_line():
    graph = _module_graph()
    library = [m for m in graph if not m.startswith(("factcheck.cli", "factcheck.__main__"))]
    upward = [f"{m} -> {n}" for m in library for n in graph[m] if n.startswith("factcheck.cli")]
    assert upward == []


FOLDER_LAYERS = ["discovery", "atomic", "allocation", "problems", "locate", "cache",
                 "store", "query", "pieces", "listing", "records", "edits", "access"]  # fmt: skip


def test_the_folder_package_imports_only_from_its_earlier_layers():
    graph = _module_graph()
    place = {f"factcheck.folder.{name}": n for n, name in enumerate(FOLDER_LAYERS)}
    assert {m for m in graph if m.startswith("factcheck.folder.")} == set(place)
    upward = [
        f"{module} -> {other}"
        for module, n in place.items()
        for other in graph[module]
        if other in place and place[other] >= n
    ]
    assert upward == []
    above = ("factcheck.cli", "factcheck.output.render", "factcheck.match", "factcheck.extract")
    assert [f"{m} -> {o}" for m in place for o in graph[m] if o.startswith(above)] == []


# The package's layers, bottom to top, as its folders show them: a module imports only from
# its own layer's unit or from the layers below (function-local imports too; not those that
# only name types). The root package (its version) counts as the bottom.
PACKAGE_LAYERS = [
    {"factcheck"},
    {"errors", "unicode", "references"},
    {"choices", "jsonout"},
    {"figures"},
    {"model"},
    {"filters"},
    {"folder"},
    {"text"},
    {"checks", "compare", "claimreview", "match", "extract", "reviewing"},
    {"report", "check_parts"},  # check_parts: the checks kept per file (it reads checks)
    {"check_kept", "compare_kept"},  # the answers kept per state of the folder
    {"output", "completion"},
    {"cli"},
    {"__main__"},
]


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_the_package_imports_only_from_its_lower_layers():
    graph = _module_graph()
    layer_of = {unit: depth for depth, units in enumerate(PACKAGE_LAYERS) for unit in units}
    assert {_unit(m) for m in graph} == set(layer_of), "a unit of factcheck/ is in no layer"
    wrong = [
        f"{module} -> {other}"
        for module, others in graph.items()
        for other in others
        if _unit(other) != _unit(module) and layer_of[_unit(other)] >= layer_of[_unit(module)]
    ]
    assert wrong == []


_MUTATORS = frozenset("append extend insert clear update pop popitem remove add discard "
                      "setdefault".split())  # fmt: skip


def _module_state_changed(path: Path) -> list[str]:
    """Where a function changes a name bound at the module's top: `global`, a mutating
    method called on it, or an item of it assigned or deleted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
           for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
           if isinstance(t, ast.Name)}  # fmt: skip
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        local = {a.arg for a in function.args.args + function.args.kwonlyargs}
        for node in ast.walk(function):
            if isinstance(node, ast.Global):
                found.append(f"{path.name}: global {', '.join(node.names)}")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id in top
                  and node.func.value.id not in local and node.func.attr in _MUTATORS):  # fmt: skip
                found.append(f"{path.name}: {node.func.value.id}.{node.func.attr}()")
            elif (isinstance(node, (ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del))
                  and isinstance(node.value, ast.Name) and node.value.id in top
                  and node.value.id not in local):  # fmt: skip
                found.append(f"{path.name}: {node.value.id}[...] changed")
    return found


def test_no_module_keeps_a_runs_state():
    """Issue 29: a run's state is one object (cli/environment.py), or a context variable set
    for one run; no function changes a name bound at a module's top (SETTINGS, _OPENED,
    _DEFERRED, _SNAPSHOT and _DIGESTS were such)."""
    package = Path(factcheck.__file__).parent
    found = [f for p in sorted(package.rglob("*.py")) for f in _module_state_changed(p)]
    assert found == []


def test_the_command_line_holds_no_cache_logic():
    """Issue 29: the folder decides how to answer (its cache, its listing, match's index, the
    answers it keeps); a command asks the Folder, and never imports what keeps them."""
    graph = _module_graph()
    keepers = ("factcheck.folder.cache", "factcheck.folder.listing", "factcheck.folder.pieces",
               "factcheck.match.stored")  # fmt: skip
    found = sorted(f"{m} -> {n}" for m in graph if m.startswith("factcheck.cli")
                   for n in graph[m] if n in keepers)  # fmt: skip
    assert found == []
