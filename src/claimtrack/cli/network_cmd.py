"""claimtrack network show, import-accounts and detect: account networks."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import Problem
from . import Context, require_extra
from .output import fail, problem_line
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


@network.command("import-accounts")
@click.argument("csv_file", metavar="CSV", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Say what would be created; write nothing.")
@click.option("--by", help="Who imports (accepted for symmetry; actors keep no history).")
@click.pass_obj
def import_accounts_cmd(ctx: Context, csv_file: Path, dry_run: bool, by: str | None) -> None:
    """Import a table of accounts into actors of kind social-account, one file each.

    The CSV has a header with platform and handle (required), and url, created, notes and
    label (optional). The id is made of the platform and the handle (facebook-page-one);
    accounts already recorded are left as they are, so a second import creates nothing new.
    A table with any error writes nothing: every problem names its line.

    \b
    Example:
      claimtrack network import-accounts accounts.csv --dry-run
      claimtrack network import-accounts accounts.csv --by Salma
    """
    from ..network.accounts import import_accounts

    dataset = _load(ctx)
    result = import_accounts(dataset, csv_file, dry_run=dry_run)
    for problem in result.problems:
        click.echo(problem_line(problem), err=True)
    verb = "would create" if dry_run or not result.ok else "created"
    for actor in result.new:
        click.echo(f"{verb} actors/{actor.id}.yaml ({actor.platform} {actor.handle})")
    for actor_id in result.existing:
        click.echo(f"already recorded: {actor_id}")
    written = len(result.written)
    click.echo(
        f"{len(result.new) if dry_run else written} new, {len(result.existing)} already "
        f"recorded, {len(result.problems)} problems"
        + (" (dry run)" if dry_run else "")
        + ("; nothing written" if not result.ok else "")
    )
    if not result.ok:
        raise SystemExit(1)
