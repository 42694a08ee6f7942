"""claimtrack import, similar, dupes and merge: outside fact-checks in, near-duplicates found."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from ..problems import Problem
from . import Context, require_extra
from .output import fail, open_dataset, problem_line, table
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
    dataset = open_dataset(ctx)
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
                f"{verb} {case}/{planned.claim.id} "
                f"{'+' if planned.new_source else 'citing'} sources/{planned.source.id}: "
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


MATCH_COLUMNS = ["score", "claim", "other", "language", "via"]


def _rows(matches: list[Any], dataset: Any = None) -> list[dict[str, Any]]:
    rows = []
    for match in matches:
        row = {
            "score": round(match.score, 1),
            "claim": match.a,
            "other": match.b,
            "language": match.language,
            "via": match.via,
        }
        if dataset is not None:
            other = dataset.claim(match.b)
            row["statement"] = other.record.statement if other else None
        rows.append(row)
    return rows


@click.command()
@click.argument("claim_id")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 1000))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.pass_obj
def similar(ctx: Context, claim_id: str, top: int, fmt: str) -> None:
    """List the claims closest to CLAIM_ID, with a score from 0 to 100.

    Texts are compared in each language after normalisation (Arabic spelling and diacritics,
    case, accents, punctuation and word order ignored): a statement meets the other claims'
    statements and translations in its language.

    \b
    Example:
      claimtrack similar bad-cheques --top 10
    """
    require_extra("rapidfuzz", "interop")
    from ..matching import similar as closest

    dataset = open_dataset(ctx)
    loaded = dataset.claim(claim_id)
    if loaded is None:
        fail(Problem("unknown-claim", f"no claim has the id '{claim_id}'", str(ctx.data)))
        return
    matches = closest(loaded.record, (c.record for c in dataset.claims), top)
    columns = ["score", "other", "language", "via", "statement"]
    table(_rows(matches, dataset), columns, fmt)


@click.command()
@click.option(
    "--threshold",
    default=90.0,
    show_default=True,
    type=click.FloatRange(0, 100),
    help="Lowest score listed (0-100).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.pass_obj
def dupes(ctx: Context, threshold: float, fmt: str) -> None:
    """List candidate duplicate pairs over the whole dataset, best first.

    Only claims that share a distinctive word are compared (blocking), in each language,
    statements against statements and translations. Merge a true duplicate with
    'claimtrack merge'.

    \b
    Example:
      claimtrack dupes --threshold 85
      claimtrack dupes --format csv > candidates.csv
    """
    require_extra("rapidfuzz", "interop")
    from ..matching import duplicates

    dataset = open_dataset(ctx)
    matches = duplicates((c.record for c in dataset.claims), threshold)
    table(_rows(matches), MATCH_COLUMNS, fmt)
    if fmt == "table":
        click.echo(f"{len(matches)} candidate pairs at {threshold:g} or above", err=True)


@click.command()
@click.argument("keep")
@click.argument("drop")
@BY
@click.pass_obj
def merge(ctx: Context, keep: str, drop: str, by: str | None) -> None:
    """Merge claim DROP into claim KEEP, then remove DROP's file.

    KEEP gains DROP's appearances, evidence, subjects, right-of-reply attempts, notes and
    outside fact-checks, and a 'merge' event. DROP's statement, translations and whole
    history (ending with a 'merged-into' event) are kept in KEEP's merged_from. A claim in
    review or published cannot be dropped.

    \b
    Example:
      claimtrack merge bad-cheques bad-cheques-repost --by Salma
    """
    from ..merge import merge_claims

    who = _who(by)
    dataset = open_dataset(ctx)
    claim = merge_claims(dataset, keep, drop, who)
    click.echo(
        f"{claim.id}: merged {drop} ({len(claim.appearances)} appearances, "
        f"{len(claim.evidence)} evidence items); {drop}'s file removed"
    )
