"""The README and --help stay true: every command is documented with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rakparse.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)  # type: ignore[union-attr]


def test_the_cli_has_the_contract_commands() -> None:
    assert {"convert", "text", "vocab"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_readme_section_with_an_example(command: str) -> None:
    assert f"### `rakparse {command}" in README, f"README has no section for `rakparse {command}`"
    assert re.search(rf"^\$ rakparse {command}\b", README, re.M), (
        f"README has no example of `rakparse {command}`"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"rakparse {command}" in result.output


def test_readme_commands_exist() -> None:
    used = set(re.findall(r"^\$ rakparse ([a-z]+)", README, re.M))
    assert used <= set(COMMANDS) | {"convert"}, used - set(COMMANDS)


def test_readme_exit_codes_match_the_contract() -> None:
    from rakparse.errors import ExitCode

    for code in ExitCode:
        assert f"| {int(code)} |" in README
