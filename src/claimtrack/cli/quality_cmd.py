"""claimtrack quality: the dataset checked as a whole by a Great Expectations suite."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import click

from ..problems import Problem
from ..store.layout import DatasetNotFound
from . import Context, require_extra
from .output import _plural, fail, problem_line

FORMAT = click.Choice(["text", "json"])


@click.command()
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option(
    "--docs",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also write Great Expectations Data Docs (static HTML, readable offline) into DIR.",
    metavar="DIR",
)
@click.option(
    "--stuck-days",
    type=click.IntRange(min=1),
    help="Warn about claims in researching or in-review longer than N days "
    "(default: quality.yaml's stuck_days, else 30).",
    metavar="N",
)
@click.pass_obj
def quality(ctx: Context, fmt: str, docs: Path | None, stuck_days: int | None) -> None:
    """Check the dataset as a whole: ids unique, values in their sets, four eyes on published
    claims, evidence preserved, dates in order, duplicate statements, and desk health (stuck,
    unassigned, unused sources). The dataset's quality.yaml adds or tunes expectations.

    One line per failed expectation: severity, frame and column, failing rows and up to five
    example records with their files. Exit 0 when no error-level expectation fails, 1 when one
    does, 2 for a usage error or a quality.yaml that cannot be used.

    \b
    Example:
      claimtrack quality
      claimtrack quality --stuck-days 14 --format json
      claimtrack quality --docs quality-docs    # then open quality-docs/index.html
    """
    require_extra("pandas", "quality")
    require_extra("great_expectations", "quality")
    from ..quality import check_dataset
    from ..store import load

    try:
        dataset = load(ctx.data)
    except DatasetNotFound as exc:
        fail(Problem("no-dataset", str(exc), str(ctx.data)), 2)
        return
    # The records live until the end: the collector need not scan them again while GX imports.
    gc.freeze()
    if docs is not None:
        docs.mkdir(parents=True, exist_ok=True)
    report, problems = check_dataset(dataset, stuck_days=stuck_days, docs=docs)
    if report is None:
        for problem in problems:
            click.echo(problem_line(problem), err=True)
        raise SystemExit(2)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for outcome in report.failed:
            columns = ", ".join(outcome.columns)
            examples = ", ".join(f"{e.id} ({e.path})" for e in outcome.examples)
            line = (
                f"{outcome.severity}[{outcome.name}] {outcome.frame}.{columns}: "
                f"{outcome.failing} of {outcome.rows} rows fail: {outcome.description}"
            )
            if outcome.exception:
                line += f" (could not run: {outcome.exception})"
            if examples:
                line += f"; e.g. {examples}"
            click.echo(line)
        failed = report.failed
        errors = sum(o.severity == "error" for o in failed)
        counts = f"{_plural(errors, 'error')}, {_plural(len(failed) - errors, 'warning')}"
        click.echo(
            f"{len(report.outcomes)} expectations on {len(report.frames)} frames: "
            f"{len(failed)} failed ({counts})"
        )
        if report.unread:
            click.echo(
                f"{_plural(report.unread, 'file')} with problems left out of the frames: "
                "run claimtrack validate"
            )
        if report.docs:
            click.echo(f"Data Docs: {report.docs}")
    raise SystemExit(0 if report.ok else 1)
