"""claimtrack schema"""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import stale_schemas, write_schemas


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default="schemas",
    show_default=True,
    help="Folder for the .schema.json files.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the files are stale.")
def schema(out: Path, check: bool) -> None:
    """Write the JSON Schema of each record kind, for editors and CI.

    \b
    Example:
      claimtrack schema            # writes schemas/claim.schema.json and the others
      claimtrack schema --check    # in CI: fails when schemas/ is out of date
    """
    if check:
        stale = stale_schemas(out)
        for path in stale:
            click.echo(f"{path}: stale or missing; run 'claimtrack schema --out {out}'", err=True)
        if stale:
            raise SystemExit(1)
        click.echo(f"{out}: schemas are current")
        return
    changed = write_schemas(out)
    for path in changed:
        click.echo(f"wrote {path}")
    if not changed:
        click.echo(f"{out}: schemas are current")
