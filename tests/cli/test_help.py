"""Every command has help with an example, and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def commands(group: click.Group = cli, prefix: str = "") -> list[str]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            found += commands(command, full + " ")
        else:
            found.append(full)
    return found


@pytest.mark.parametrize("command", commands())
def test_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"claimtrack {command}" in result.output


@pytest.mark.parametrize("command", commands())
def test_command_is_in_the_readme(command: str) -> None:
    assert f"claimtrack {command}" in README.read_text(encoding="utf-8")


def test_a_missing_extra_names_the_install_command(capsys) -> None:
    from claimtrack.cli import require_extra

    require_extra("json", "quality")  # present: nothing happens
    with pytest.raises(SystemExit) as stopped:
        require_extra("a_module_that_is_not_installed", "quality")
    assert stopped.value.code == 2
    assert "pip install 'claimtrack[quality]'" in capsys.readouterr().err
