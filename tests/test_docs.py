"""The docs tell the truth: README commands, CI's test command, every command's help, every query."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import catalogue

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_docs_quick_start_has_two_commands():
    install_and_build, install_and_test = quick_start_commands()
    assert "pip install" in install_and_build and "build_graph.py" in install_and_build
    assert "pip install" in install_and_test and "pytest" in install_and_test


def test_docs_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert quick_start_commands()[1] in ci.splitlines()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"`kg {command}" in README


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_docs_every_query_is_in_the_readme(name):
    assert f"`{name}`" in README and catalogue()[name].title in README


def test_docs_every_data_file_is_described():
    data_readme = (ROOT / "kg" / "data" / "README.md").read_text()
    for path in (ROOT / "kg" / "data").iterdir():
        if path.suffix in (".toml", ".tsv"):
            assert f"`{path.name}`" in README and path.name in data_readme
