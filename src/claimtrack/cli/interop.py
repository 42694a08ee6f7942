"""claimtrack import, similar, dupes and merge: outside fact-checks in, near-duplicates found."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from ..problems import Problem
from . import Context
from .output import fail, problem_line
from .records import _load
from .workflow import BY, _who


def _progress(quiet: bool, total: int) -> Any:
    """A tqdm bar on a terminal (stderr), unless --quiet or tqdm is not installed."""
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None

    def bar(items: Iterable[Any]) -> Iterable[Any]:
        return tqdm(items, total=total, unit="check", file=sys.stderr, leave=False)

    return bar


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["claimreview", "factcheck-api", "csv"]),
    default="claimreview",
    show_default=True,
    help="ClaimReview JSON-LD (JSON or HTML pages), a Fact Check Tools response, or CSV.",
)
@click.option("--case", default="checked-elsewhere", show_default=True, help="Case folder.")
@click.option("--dry-run", is_flag=True, help="Print what would be created; write nothing.")
@click.option("--map", "maps", multiple=True, help="CSV: column=field (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no list of records.")
@BY
@click.pass_obj
def import_cmd(
    ctx: Context,
    files: tuple[Path, ...],
    fmt: str,
    case: str,
    dry_run: bool,
    maps: tuple[str, ...],
    quiet: bool,
    by: str | None,
) -> None:
    """Import fact-checks published elsewhere: each becomes a claim in CASE, status new and
    verdict unverified, marked as checked elsewhere (publisher, review URL and date, their
    rating verbatim and mapped onto the scale for reference), with a source for the review
    page. A review URL already in the dataset is skipped, so re-importing creates nothing.
    Problems in the input are reported with their file and location; the rest is imported.

    CSV fields: statement, review_url, publisher (required), rating, review_date, title,
    claimant, claim_date, language.

    \b
    Example:
      claimtrack import pages/*.html --format claimreview --case outside-checks --by Salma
      claimtrack import response.json --format factcheck-api --dry-run
      claimtrack import sheet.csv --format csv --map Claim=statement --map Link=review_url \\
        --map Outlet=publisher --by Salma
    """
    from ..interop import import_checks, read_inputs
    from ..interop.csv_import import parse_mapping
    from ..workflow import member

    try:
        mapping = parse_mapping(maps)
    except ValueError as exc:
        fail(Problem("invalid-option", str(exc)), 2)
        return
    who = _who(by)
    dataset = _load(ctx)
    member(dataset, who)
    checks, problems = read_inputs(files, fmt, mapping)  # type: ignore[arg-type]
    result = import_checks(
        dataset, checks, who, case, dry_run, _progress(quiet or dry_run, len(checks))
    )
    for problem in sorted([*problems, *result.problems], key=Problem.sort_key):
        click.echo(problem_line(problem), err=True)
    verb = "would create" if dry_run else "created"
    if dry_run or not quiet:
        for planned in result.created:
            review = planned.claim.checked_elsewhere[0]
            click.echo(
                f"{verb} {case}/{planned.claim.id} + sources/{planned.source.id}: "
                f"{review.publisher}, rating {review.rating or '-'!r} "
                f"(maps to {review.maps_to or 'nothing'}) <- {planned.origin}"
            )
    errors = sum(1 for p in [*problems, *result.problems] if p.severity == "error")
    click.echo(
        f"{len(checks)} fact-checks read from {len(files)} files: {verb} "
        f"{len(result.created)} claims and {len(result.created)} sources, "
        f"{len(result.skipped)} already in the dataset; {errors} errors"
    )
    raise SystemExit(1 if errors else 0)
