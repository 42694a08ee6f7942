"""CSV, one fact-check per row. The header names the fields; other names are mapped with
--map column=field (repeatable). Fields:

    statement    the claim, verbatim (required)
    review_url   the fact-check's address (required; the key for re-imports)
    publisher    who published the fact-check (required)
    rating       the publisher's rating, verbatim
    review_date  when the fact-check was published (2025-04-09 or ISO 8601 with zone)
    title        the fact-check's title
    claimant     who made the claim
    claim_date   when the claim was made
    language     the statement's language (BCP 47)

Columns not mapped to a field are ignored. Files are UTF-8 (a byte order mark is fine).
"""

from __future__ import annotations

import csv
import io

from ..problems import Problem
from .check import OutsideCheck, text, when

FIELDS = (
    "statement",
    "review_url",
    "publisher",
    "rating",
    "review_date",
    "title",
    "claimant",
    "claim_date",
    "language",
)
REQUIRED = ("statement", "review_url", "publisher")


def parse_mapping(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """--map column=field options as {column: field}. Raises ValueError naming the bad one."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, equals, field = pair.partition("=")
        if not equals or not column.strip() or field.strip() not in FIELDS:
            raise ValueError(
                f"--map {pair!r}: write column=field, with field one of {', '.join(FIELDS)}"
            )
        mapping[column.strip()] = field.strip()
    return mapping


def read(
    content: str, path: str, mapping: dict[str, str] | None = None
) -> tuple[list[OutsideCheck], list[Problem]]:
    mapping = mapping or {}
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    header = reader.fieldnames or []
    columns = {}
    for column in header:
        field = mapping.get(column, column.strip().lower())
        if field in FIELDS:
            columns[field] = column
    absent = [f for f in REQUIRED if f not in columns]
    if absent:
        return [], [
            Problem(
                "csv-header",
                f"no column for {', '.join(absent)} (header: {', '.join(header) or 'empty'}); "
                "name the columns so or map them with --map column=field",
                path,
                1,
            )
        ]
    checks: list[OutsideCheck] = []
    problems: list[Problem] = []
    for row in reader:
        line = reader.line_num

        def get(field: str, row: dict[str, str | None] = row) -> str | None:
            return text(row.get(columns[field])) if field in columns else None

        missing = [f for f in REQUIRED if not get(f)]
        if missing:
            problems.append(
                Problem(
                    "incomplete-row",
                    f"this row has no {', '.join(missing)}; skipped",
                    path,
                    line,
                )
            )
            continue
        checks.append(
            OutsideCheck(
                statement=get("statement"),  # type: ignore[arg-type]
                review_url=get("review_url"),  # type: ignore[arg-type]
                publisher=get("publisher"),  # type: ignore[arg-type]
                origin=f"{path}:{line}",
                rating=get("rating"),
                reviewed=when(get("review_date")),
                title=get("title"),
                claimant=get("claimant"),
                claim_date=when(get("claim_date")),
                language=get("language"),
            )
        )
    return checks, problems
