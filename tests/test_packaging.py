"""The package says one version everywhere, declares what it imports, and ships its licence,
changelog and type information."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata

from click.testing import CliRunner

import annales
from annales.cli import main

from .conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def _requirement_name(requirement: str) -> str:
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_top_level_modules() -> set[str]:
    """Absolute imports anywhere in src/annales, function bodies included."""
    found = set()
    for path in (REPO / "src" / "annales").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_the_version_is_pyprojects_everywhere():
    assert annales.__version__ == VERSION
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"annales, version {VERSION}"


def test_the_changelog_has_a_section_for_this_version():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d\d-\d\d$", changelog, re.M)
    assert "## [Unreleased]" in changelog


def test_every_imported_third_party_package_is_declared():
    declared = {_requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    # an extra a user installs for one feature (`pip install annales[spark]`) declares what
    # only that feature imports; the test extra is no place for what the package imports
    extras = PYPROJECT["project"]["optional-dependencies"]
    declared |= {
        _requirement_name(r)
        for name, reqs in extras.items()
        if name not in ("test", "lint", "train")
        for r in reqs
    }
    distributions = metadata.packages_distributions()
    third_party = _imported_top_level_modules() - set(sys.stdlib_module_names) - {"annales"}
    assert {"numpy", "safetensors", "tokenizers", "duckdb", "spacy"} <= third_party
    undeclared = {
        module: distributions.get(module)
        for module in third_party
        if not {_requirement_name(d) for d in distributions.get(module, [module])} & declared
    }
    assert not undeclared, f"imported but not declared: {undeclared}"


def test_numpy_bound_agrees_with_wordllamas():
    ours = next(r for r in PYPROJECT["project"]["dependencies"] if _requirement_name(r) == "numpy")
    theirs = next(r for r in metadata.requires("wordllama") if _requirement_name(r) == "numpy")
    assert ours.replace(" ", "") == theirs.replace(" ", "")


def test_major_versions_of_the_store_and_parser_are_bounded():
    for name in ("duckdb", "spacy"):
        req = next(r for r in PYPROJECT["project"]["dependencies"] if _requirement_name(r) == name)
        assert "<" in req, req


def test_licence_and_type_marker_ship_with_the_package():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert (REPO / "src" / "annales" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["annales"]
