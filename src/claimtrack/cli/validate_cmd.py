"""claimtrack validate: kept light, so that a run answered from the cache imports little."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import Problem
from ..store.layout import DatasetNotFound
from ..validation import OutsideDataset, validate_dataset
from . import Context
from .output import fail, print_report

FORMAT = click.Choice(["text", "json"])


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("--no-cache", is_flag=True, help="Read every file again, ignoring the cache.")
@click.pass_obj
def validate(ctx: Context, paths: tuple[Path, ...], fmt: str, no_cache: bool) -> None:
    """Check every record of the dataset, and the rules across records.

    With PATHS, report only the problems in those files or folders (the whole dataset is
    still read, since references cross files). Exit 0 when there are no errors, 1 when there
    are, 2 when the dataset cannot be read.

    \b
    Example:
      claimtrack validate
      claimtrack validate claims/fes-meknes-network/ --format json
    """
    for path in paths:
        if not path.exists():
            fail(Problem("no-such-file", f"{path} does not exist", str(path)), 2)
    try:
        report = validate_dataset(ctx.data, paths, use_cache=not no_cache)
    except (DatasetNotFound, OutsideDataset) as exc:
        fail(Problem("no-dataset", str(exc), str(ctx.data)), 2)
        return
    print_report(report, fmt)
    raise SystemExit(0 if report.ok else 1)
