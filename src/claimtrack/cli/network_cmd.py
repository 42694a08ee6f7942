"""claimtrack network show, import-accounts and detect: account networks."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..problems import Problem
from . import Context, require_extra
from .output import fail, open_dataset, problem_line
from .workflow import BY, _who


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

    dataset = open_dataset(ctx)
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
@click.argument(
    "csv_file", metavar="CSV", type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
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

    dataset = open_dataset(ctx)
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


@network.command()
@click.argument(
    "posts_file", metavar="POSTS.csv", type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
@click.option(
    "--window",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    help="Seconds within which two shares of the same object count as co-shared.",
)
@click.option(
    "--min-repeat",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Different objects a pair must co-share to be a candidate.",
)
@click.option(
    "--object",
    "kind",
    type=click.Choice(["url", "text", "image_hash"]),
    help="Which column is the shared object (default: the first of url, text, image_hash).",
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Read a column under another name (repeatable): --map user=account.",
)
@click.option(
    "--similarity",
    type=click.FloatRange(min=0, max=1, min_open=True),
    help="Texts whose words overlap at least this much (Jaccard, e.g. 0.8) are one object.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--write",
    is_flag=True,
    help="Record each pair between recorded accounts as a suspected tied-to link.",
)
@BY
@click.pass_obj
def detect(
    ctx: Context,
    posts_file: Path,
    window: float,
    min_repeat: int,
    kind: str | None,
    maps: tuple[str, ...],
    similarity: float | None,
    fmt: str,
    write: bool,
    by: str | None,
) -> None:
    """Find coordinated sharing: pairs of accounts that shared the same object (url, text
    after normalisation, or image_hash) within WINDOW seconds, at least MIN-REPEAT times.

    POSTS.csv has the columns account, time (ISO 8601 with its zone), the object (url, text or
    image_hash) and optionally platform. With --similarity, texts whose sets of words overlap
    at least that much are one object (near-duplicates). The candidate groups are the connected
    components of the pairs; each pair lists the table lines behind it. Candidates are leads,
    not findings. With --write, pairs whose accounts are recorded actors (matched by id, or by
    platform and handle) become suspected tied-to links citing the table, for a person to
    review.

    \b
    Example:
      claimtrack network detect posts.csv --window 60 --min-repeat 3
      claimtrack network detect posts.csv --map user=account --map link=url --format json
      claimtrack network detect posts.csv --window 30 --min-repeat 5 --write --by Salma
      claimtrack network detect posts.csv --object text --similarity 0.8
    """
    from ..network.detect import detect as find
    from ..network.detect import read_posts, record_links
    from ..network.table import parse_map

    who = _who(by) if write else None
    posts = read_posts(posts_file, parse_map(maps), kind)
    if similarity is not None:
        from ..network.similar import merge_near_duplicates

        merge_near_duplicates(posts, similarity)
    found = find(posts, window, min_repeat)
    for problem in found.problems:
        click.echo(problem_line(problem), err=True)
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_groups(found)
    if write and who:
        if found.problems:
            fail(Problem("not-written", "the table has problems: fix them before --write"))
        dataset = open_dataset(ctx)
        written, unmatched = record_links(dataset, found, posts_file, who)
        for a, b in written:
            click.echo(f"recorded: {a} tied-to {b} (suspected)", err=fmt == "json")
        if unmatched:
            click.echo(
                f"{len(unmatched)} accounts match no actor (import them with claimtrack network "
                f"import-accounts): {', '.join(unmatched[:10])}"
                + (" ..." if len(unmatched) > 10 else ""),
                err=True,
            )
        click.echo(f"{len(written)} suspected links written", err=fmt == "json")
    if found.problems:
        raise SystemExit(1)


def _print_groups(found) -> None:  # type: ignore[no-untyped-def]
    click.echo(
        f"{found.posts} posts from {found.accounts} accounts; object: {found.kind}; "
        f"window {found.window:g} s; min-repeat {found.min_repeat}; "
        f"{len(found.groups)} candidate groups"
    )
    for number, group in enumerate(found.groups, 1):
        click.echo(f"\ngroup {number}: {len(group.accounts)} accounts: {', '.join(group.accounts)}")
        for edge in group.edges:
            lines = ", ".join(f"{a}/{b}" for a, b, _, _ in edge.rows[:8])
            more = f" (+{len(edge.rows) - 8})" if len(edge.rows) > 8 else ""
            click.echo(f"  {edge.a} -- {edge.b}: {edge.count} objects; lines {lines}{more}")
