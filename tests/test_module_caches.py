"""No module-level cache of a loaded resource: every table, lexicon and model lives in an
object built once at load time (``parley.resources.Resources``) and passed down.

The scan reads the package's source: every use of ``functools.lru_cache`` / ``functools.cache``
(as a decorator or called) must be on an allow-listed memo of a pure function of its
arguments, and every ``global`` rebinding must be one of the allow-listed holders of a whole
pipeline. A loader memoised at module level (``@lru_cache def _footers(): read(...)``) or a
lazily filled module global fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import parley

PACKAGE = Path(parley.__file__).resolve().parent

# (module path below parley/, function name): memos of pure functions of their arguments,
# which read no file and hold no loaded table.
PURE_MEMOS = {
    # A name's lookup key from the name's text alone (the PETRARCH dictionaries normalise
    # the same names many times while a knowledge base is built).
    ("kb/normalize.py", "normalize_name"),
    # The start words of a regex, from the pattern's source and flags alone.
    ("time/prefilter.py", "_starts_of_source"),
}

# (module path, global name): module globals a function may rebind, each holding a whole
# Pipeline (or the console of a progress bar), never one stage's table.
GLOBAL_HOLDERS = {
    ("pipeline.py", "_DEFAULT"),  # analyze()'s default pipeline, one per Config
    ("workers.py", "_PIPELINE"),  # the pipeline a pool worker builds once from its Config
    ("cli_output.py", "_progress_console"),  # where the progress bar writes
}

_CACHES = {"lru_cache", "cache"}


def _cache_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The local names bound to functools' caches, and the names bound to functools."""
    caches: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "functools":
            caches |= {a.asname or a.name for a in node.names if a.name in _CACHES}
        elif isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name == "functools"}
    return caches, modules


def _is_cache(node: ast.expr, caches: set[str], modules: set[str]) -> bool:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name):
        return node.id in caches
    return (
        isinstance(node, ast.Attribute)
        and node.attr in _CACHES
        and isinstance(node.value, ast.Name)
        and node.value.id in modules
    )


def cache_uses(source: str) -> list[tuple[str | None, int]]:
    """(decorated function or None, line) for every use of a functools cache in ``source``."""
    tree = ast.parse(source)
    caches, modules = _cache_names(tree)
    uses: list[tuple[str | None, int]] = []
    as_decorator: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                if _is_cache(decorator, caches, modules):
                    uses.append((node.name, decorator.lineno))
                    as_decorator.add(id(decorator))
                    as_decorator.add(id(getattr(decorator, "func", decorator)))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Name | ast.Attribute)
            and id(node) not in as_decorator
            and _is_cache(node, caches, modules)
            and not isinstance(node.ctx, ast.Store)
        ):
            uses.append((None, node.lineno))  # called or passed around: never allowed
    return uses


def global_names(source: str) -> set[str]:
    return {
        name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Global)
        for name in node.names
    }


def _modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_module_caches_only_pure_memos() -> None:
    found = {
        (module, name, line)
        for module, source in _modules()
        for name, line in cache_uses(source)
    }
    assert found, "the scan found no memo at all: the allow-listed ones should be there"
    unexpected = sorted(f"{m}:{line} {n or '(not a decorator)'}" for m, n, line in found
                        if (m, n) not in PURE_MEMOS)
    assert not unexpected, (
        "a functools cache outside the pure memos: a loaded table belongs in an object "
        f"built by Resources.load and passed down, not in a module-level cache: {unexpected}"
    )
    missing = PURE_MEMOS - {(m, n) for m, n, _ in found}
    assert not missing, f"allow-listed memos that no longer exist (drop them): {missing}"


def test_module_caches_globals_hold_only_pipelines() -> None:
    found = {(module, name) for module, source in _modules() for name in global_names(source)}
    unexpected = sorted(found - GLOBAL_HOLDERS)
    assert not unexpected, (
        f"a module global rebound by a function (a lazily loaded resource?): {unexpected}"
    )


@pytest.mark.parametrize(
    "source",
    [
        "from functools import lru_cache\n@lru_cache(maxsize=1)\ndef _table(): ...\n",
        "from functools import cache\n@cache\ndef _table(): ...\n",
        "import functools\n@functools.lru_cache\ndef _table(): ...\n",
        "import functools as ft\n@ft.cache\ndef _table(): ...\n",
        "from functools import lru_cache as memo\n@memo()\ndef _table(): ...\n",
    ],
)
def test_module_caches_scan_sees_a_decorated_loader(source: str) -> None:
    assert cache_uses(source) == [("_table", 2)]


def test_module_caches_scan_sees_a_cache_called_on_a_loader() -> None:
    source = "from functools import cache\ndef _read(): ...\n_table = cache(_read)\n"
    assert cache_uses(source) == [(None, 3)]


def test_module_caches_scan_ignores_other_decorators() -> None:
    source = "import functools\n@functools.wraps(f)\ndef g(): ...\n"
    assert cache_uses(source) == []
    assert global_names("def f():\n    global _T\n    _T = 1\n") == {"_T"}
