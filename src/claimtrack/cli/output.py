"""How problems and tables look on a terminal. Only the CLI prints."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import click

from ..problems import Problem, Report


def problem_line(problem: Problem) -> str:
    where = problem.path
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    field = f" (at {problem.field})" if problem.field else ""
    return f"{where}: {problem.severity}[{problem.code}] {problem.message}{field}"


def print_report(report: Report, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for problem in sorted(report.problems, key=Problem.sort_key):
        click.echo(problem_line(problem))
    c = report.counts
    errors, warnings = len(report.errors), len(report.warnings)
    summary = (
        f"{c.files} files: {c.claims} claims, {c.sources} sources, {c.actors} actors; "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    click.echo(summary)


def fail(problem: Problem, exit_code: int = 1) -> None:
    click.echo(problem_line(problem), err=True)
    raise SystemExit(exit_code)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else list(columns))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)
    else:
        widths = {c: max([len(c), *(len(_cell(r.get(c))) for r in rows)]) for c in columns}
        click.echo("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
        for row in rows:
            click.echo("  ".join(_cell(row.get(c)).ljust(widths[c]) for c in columns).rstrip())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def open_dataset(ctx: Any) -> Any:
    """The dataset of the command's --data folder; exit 2 when there is none."""
    from ..store import load
    from ..store.layout import DatasetNotFound

    try:
        return load(ctx.data)
    except DatasetNotFound as exc:
        fail(Problem("no-dataset", str(exc), str(ctx.data)), 2)
        raise  # unreachable: fail exits
