"""The docs cover every command, and every command's help shows an example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annales.cli import main

from .conftest import REPO

COMMANDS = sorted(main.commands)


def test_there_are_commands():
    assert {"code", "ingest", "events", "eval", "actors", "demo"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_documents_command(name):
    assert f"annales {name}" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", COMMANDS)
def test_help_shows_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"annales {name}" in result.output


def test_top_level_help_shows_an_example():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "Example: annales code" in result.output


def test_every_record_field_is_documented():
    from dataclasses import fields

    from annales.schema import Entity, Event

    doc = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    for f in fields(Event):
        assert f"`{f.name}`" in doc, f.name
    for f in fields(Entity):
        assert f.name in doc, f.name


# --- the user documentation in docs/ ---------------------------------------------------------
DOCS = REPO / "docs"


def _cli_reference():
    """scripts/cli_reference.py, which writes docs/cli.md (scripts/ is no package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "cli_reference", REPO / "scripts" / "cli_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert page == _cli_reference().render(), (
        "docs/cli.md is stale: run python scripts/cli_reference.py"
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_reference_documents_every_command_and_option(name):
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    section = page.split(f"## annales {name}\n", 1)
    assert len(section) == 2, f"no section for annales {name}"
    body = section[1].split("\n## ", 1)[0]
    for param in main.commands[name].params:
        for opt in [*param.opts, *param.secondary_opts]:
            shown = opt if opt.startswith("-") else param.human_readable_name
            assert shown in body, f"annales {name}: {opt} is not in docs/cli.md"


def test_cli_reference_script_reports_a_stale_page(tmp_path, monkeypatch):
    script = _cli_reference()
    monkeypatch.setattr(script, "PAGE", tmp_path / "cli.md")
    (tmp_path / "cli.md").write_text("# an old page\n", encoding="utf-8")
    assert script.main_(["--check"]) == 1
    assert script.main_([]) == 0 and script.main_(["--check"]) == 0


def test_api_page_documents_every_public_name():
    import annales

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [n for n in annales.__all__ if f"`{n}" not in page and f"annales.{n}" not in page]
    assert not missing, f"docs/api.md does not document {missing}"


def test_api_page_lists_every_error_code():
    from annales import errors

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type)
        and issubclass(c, errors.AnnalesError)
        and c is not errors.AnnalesError
        and not issubclass(c, errors.HTTPError)
    ]
    assert classes
    for cls in classes:
        assert f"| {cls.code} | `{cls.__name__}` |" in page, cls.__name__


def test_evaluation_page_covers_every_set_and_puts_realnews_first():
    from annales.eval import SETS

    page = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    for name in SETS:
        assert f"`{name}" in page, name
    assert page.index("`realnews`") < min(page.index(f"`{n}") for n in SETS if n != "realnews")


def _links(path):
    import re

    text = path.read_text(encoding="utf-8")
    return [t for t in re.findall(r"\]\(([^)#\s]+)[^)]*\)", text) if "://" not in t]


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_between_pages_resolve(page):
    path = (DOCS / page).resolve()
    for target in _links(path):
        assert (path.parent / target).exists(), f"{page} links to missing {target}"


def test_docs_index_links_every_page_and_readme_links_the_docs():
    index = set(_links(DOCS / "README.md"))
    pages = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    assert pages <= index, f"docs/README.md does not link {pages - index}"
    assert {"docs/README.md", "docs/getting-started.md"} <= set(_links(REPO / "README.md"))


@pytest.mark.parametrize("page", ["getting-started.md", "evaluation.md"])
def test_commands_shown_in_the_docs_exist_with_their_options(page):
    import re
    import shlex

    text = (DOCS / page).read_text(encoding="utf-8")
    lines = [
        line.split("#")[0]
        for block in re.findall(r"```sh\n(.*?)```", text, re.S)
        for line in block.splitlines()
    ]
    calls = [
        shlex.split(line[line.index("annales ") :].split("|")[0].split(">")[0])
        for line in lines
        if "annales " in line
    ]
    assert calls
    for words in calls:
        name = words[1]
        if name.startswith("-"):
            continue  # annales --version
        assert name in main.commands, f"{page}: no command annales {name}"
        options = {o for p in main.commands[name].params for o in p.opts + p.secondary_opts}
        for word in words[2:]:
            if word.startswith("--"):
                assert word in options, f"{page}: annales {name} has no {word}"
