"""claimtrack network show, import-accounts and detect: account networks."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import Problem
from . import Context, require_extra
from .output import fail
from .records import _load


@click.group()
def network() -> None:
    """Account networks: show the actors and their links as a graph, import a table of
    accounts, detect coordinated sharing in a table of posts.

    \b
    Example:
      claimtrack network show --format graphml --out network.graphml
      claimtrack network import-accounts accounts.csv --dry-run
      claimtrack network detect posts.csv --window 60 --min-repeat 3
    """


@network.command()
@click.option("--case", help="Only the components that the claims of this case cite.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "gexf"]),
    default="json",
    show_default=True,
)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="File to write.")
@click.option(
    "--include-private-names",
    is_flag=True,
    help="Put private persons' names in the export (never by default; warns).",
)
@click.pass_obj
def show(
    ctx: Context, case: str | None, fmt: str, out: Path | None, include_private_names: bool
) -> None:
    """The actors and their links as a graph: connected components, each actor's degree and
    betweenness, and the claims that cite each component. GraphML and GEXF open in Gephi.

    Private persons appear by their label only, unless --include-private-names is given.

    \b
    Example:
      claimtrack network show
      claimtrack network show --case fes-meknes-network --format gexf --out network.gexf
    """
    require_extra("networkx", "network")
    from ..network.graph import build, export

    dataset = _load(ctx)
    if case is not None and case not in dataset.cases:
        fail(
            Problem(
                "unknown-case",
                f"no case is called '{case}'; cases: {', '.join(dataset.cases) or 'none'}",
            ),
            2,
        )
    if include_private_names:
        click.echo(
            "warning: the export contains the private names of persons; do not publish or "
            "share it outside the newsroom",
            err=True,
        )
    text = export(build(dataset, case=case, include_private_names=include_private_names), fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(Problem("unwritable-file", f"cannot write: {exc.strerror}", str(out)), 2)
