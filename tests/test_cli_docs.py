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
