"""The command line: a thin front end over the library. It parses options, calls one library
function, and turns its report or error into lines and an exit code (0 clean, 1 problems,
2 usage or I/O error)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..problems import ClaimtrackError
from .output import fail

EXTRAS_HINT = "this command needs the '{extra}' extra: pip install 'claimtrack[{extra}]'"


class Group(click.Group):
    """Turns the library's errors into a problem line and exit code 1, for every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ClaimtrackError as exc:
            fail(exc.problem)


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


from . import records, schema_cmd, workflow  # noqa: E402,F401  (registers the commands)
