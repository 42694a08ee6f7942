"""The command line: a thin front end over the library. It parses options, calls one library
function, and turns its report or error into lines and an exit code (0 clean, 1 problems,
2 usage or I/O error)."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

import click

from ..problems import ClaimtrackError, Problem
from .output import fail

# Each command's module is imported only when the command runs, so that `claimtrack validate`
# answered from the cache does not pay for the models, the workflow or ruamel.
COMMANDS = {
    "validate": "validate_cmd:validate",
    "list": "records:list_claims",
    "show": "records:show",
    "new": "records:new",
    "schema": "schema_cmd:schema",
    "status": "workflow:status",
    "assign": "workflow:assign_cmd",
    "verdict": "workflow:verdict",
    "review": "workflow:review_cmd",
    "correct": "workflow:correct_cmd",
    "reply": "workflow:reply_cmd",
    "gate": "workflow:gate",
    "evidence": "workflow:evidence_cmd",
    "note": "workflow:note_cmd",
    "archive": "workflow:archive_cmd",
    "quality": "quality_cmd:quality",
    "network": "network_cmd:network",
    "import": "interop:import_cmd",
    "similar": "interop:similar",
    "dupes": "interop:dupes",
    "merge": "interop:merge",
    "publish": "publish_cmd:publish",
    "export": "publish_cmd:export",
}


class Group(click.Group):
    """Loads commands on demand, and turns the library's errors into a problem line and exit
    code 1, for every command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name].split(":")
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ClaimtrackError as exc:
            fail(exc.problem)


def require_extra(module: str, extra: str) -> None:
    """Stop with the install command when an optional dependency is missing. It looks the
    module up without importing it: the command imports it when (and how) it needs it."""
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        fail(
            Problem(
                "missing-extra",
                f"this command needs the '{extra}' extra ({module} is not installed): "
                f"pip install 'claimtrack[{extra}]'",
            ),
            2,
        )


class Context:
    def __init__(self, data: Path):
        self.data = data


@click.group(
    cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="CLAIMTRACK_DATA",
    default="claims",
    show_default=True,
    help="The dataset folder (also CLAIMTRACK_DATA).",
)
@click.version_option(package_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, data: Path) -> None:
    """claimtrack: track, check and publish fact-checked claims.

    \b
    Example:
      claimtrack validate
      claimtrack --data my-newsroom/claims list --status researching
    """
    ctx.obj = Context(data)


def main() -> None:
    try:
        cli.main(prog_name="claimtrack", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (claimtrack list | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
