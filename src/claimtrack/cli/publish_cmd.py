"""claimtrack publish and claimtrack export claimreview: the published site and its feed."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..problems import Problem, Severity
from . import Context, require_extra
from .output import fail, open_dataset, problem_line

BASE_URL = click.option(
    "--base-url",
    metavar="URL",
    help="The address the site lives at, for the ClaimReview urls (default: dataset.yaml's url).",
)


def _progress(total: int, quiet: bool) -> tuple[Callable[[int], None] | None, Any]:
    """A tqdm bar on stderr when it is a terminal; nothing when piped, quiet, or no tqdm."""
    if quiet or not sys.stderr.isatty():
        return None, None
    try:
        from tqdm import tqdm
    except ImportError:
        return None, None
    bar = tqdm(total=total, unit="claim", file=sys.stderr, leave=False)
    return bar.update, bar


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem_line(problem), err=True)


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default="site",
    show_default=True,
    help="The site's folder: new, empty, or written by an earlier publish.",
)
@BASE_URL
@click.option("--dry-run", is_flag=True, help="Render and check everything; write nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no list of files.")
@click.pass_obj
def publish(ctx: Context, out: Path, base_url: str | None, dry_run: bool, quiet: bool) -> None:
    """Write the static site (Arabic, French, English) and its ClaimReview feed from the
    claims that are published and pass the publication gate; nothing else is shown.

    Each language has an index (newest first, with pages per verdict and per category), a page
    and a Markdown file per claim with its ClaimReview in JSON-LD, the methodology, the
    corrections policy and log, and an about page. DIR/claimreview.json is the DataFeed.

    Before writing, every file is searched for every private person's name: on a hit, the
    record and field are reported and nothing is written. A published claim that fails the
    gate is reported and left out (exit 1). Publishing again writes only what changed and
    removes the pages of claims no longer published; files publish did not write are never
    touched, and a non-empty folder without publish's manifest is refused (exit 2).

    \b
    Example:
      claimtrack publish --out site
      claimtrack publish --out site --base-url https://checks.example.org/ --dry-run
    """
    require_extra("jinja2", "publish")
    require_extra("babel", "publish")
    from ..publish import publish as run
    from ..publish.write import load_for_publish
    from ..store import DatasetNotFound

    try:  # the files' sizes and times first, then the records: see write.py's fingerprints
        dataset, keys = load_for_publish(ctx.data)
    except DatasetNotFound as exc:
        fail(Problem("no-dataset", str(exc), str(ctx.data)), 2)
        raise  # unreachable: fail exits
    # The records live until the command ends: the collector need not walk them again each
    # time the rendering makes garbage (on 10,000 claims, about a second of a re-run).
    gc.freeze()
    total = len([c for c in dataset.claims if c.record.status == "published"])
    update, bar = _progress(total, quiet)
    try:
        outcome = run(dataset, out, base_url, progress=update, dry_run=dry_run, keys=keys)
    finally:
        if bar is not None:
            bar.close()
    _report(outcome.problems)
    if outcome.usage_error:
        raise SystemExit(2)
    if not outcome.written and not dry_run:
        if any(p.code == "private-name-in-output" for p in outcome.problems):
            click.echo("nothing was written: a private name would have been published", err=True)
        raise SystemExit(1)
    if not quiet:
        for label, paths in (("+", outcome.added), ("~", outcome.changed), ("-", outcome.removed)):
            for path in paths:
                click.echo(f"{label} {path}")
    claims = f"{outcome.claims} published claim{'' if outcome.claims == 1 else 's'}"
    summary = (
        f"{claims} in {out}: added {len(outcome.added)}, changed "
        f"{len(outcome.changed)}, removed {len(outcome.removed)}, unchanged {outcome.unchanged}"
    )
    click.echo(summary + (" (dry run: nothing written)" if dry_run else ""))
    raise SystemExit(0 if outcome.ok else 1)


@click.group()
def export() -> None:
    """Export published claims for other platforms.

    \b
    Example:
      claimtrack export claimreview --out claimreview.json
    """


@export.command()
@click.option(
    "--out", type=click.Path(path_type=Path, dir_okay=False), help="File to write (else stdout)."
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    help="Only this publication language (repeatable; default: all of the dataset's).",
)
@BASE_URL
@click.pass_obj
def claimreview(
    ctx: Context, out: Path | None, languages: tuple[str, ...], base_url: str | None
) -> None:
    """Print the ClaimReview DataFeed that publish writes as claimreview.json: one ClaimReview
    per published claim (passing the gate) and language. Private persons appear by label only:
    the feed is searched for their names first, and nothing is printed on a hit.

    \b
    Example:
      claimtrack export claimreview --out claimreview.json
      claimtrack export claimreview --language fr --base-url https://checks.example.org/
    """
    require_extra("babel", "publish")
    from ..publish.claimreview import feed_text
    from ..publish.context import prepare
    from ..publish.privacy import problems_for

    dataset = open_dataset(ctx)
    context, problems = prepare(dataset, base_url, languages or None)
    _report(problems)
    if context is None or any(p.code == "private-name-in-output" for p in problems):
        codes = {p.code for p in problems}
        raise SystemExit(2 if codes & {"no-base-url", "bad-base-url"} else 1)
    unknown = [lang for lang in languages if lang not in dataset.settings.languages]
    if unknown:
        fail(
            Problem(
                "unknown-language",
                f"'{unknown[0]}' is not a language of the dataset "
                f"({', '.join(dataset.settings.languages)})",
            ),
            2,
        )
    text = feed_text(context)
    hits = context.scanner.scan([("claimreview.json", text)])
    if hits:
        _report(problems_for(context, hits))
        raise SystemExit(1)
    if out is None:
        click.echo(text, nl=False)
    else:
        from ..store.atomic import write_atomic

        try:
            write_atomic(out, text.encode("utf-8"))
        except OSError as exc:
            fail(Problem("cannot-write", f"cannot write {out}: {exc.strerror}", str(out)), 2)
    errors = any(p.severity == Severity.ERROR for p in problems)
    raise SystemExit(1 if errors else 0)
