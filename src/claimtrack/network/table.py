"""Read a CSV table for the network commands: UTF-8 (with or without BOM), a header row, the
columns a command needs, other column names mapped to them; every problem names the line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import ClaimtrackError, Problem


@dataclass
class Table:
    path: Path
    display: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line, row)


def parse_map(pairs: Sequence[str]) -> dict[str, str]:
    """--map column=field, repeatable: the file's column `column` gives the field `field`."""
    mapping = {}
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise ClaimtrackError(
                Problem("bad-map", f"'{pair}' is not column=field (for example --map user=account)")
            )
        mapping[column.strip().casefold()] = name.strip().casefold()
    return mapping


def read_table(
    path: Path,
    required: Sequence[str],
    *,
    any_of: Sequence[str] = (),
    mapping: dict[str, str] | None = None,
) -> Table:
    """The rows of the CSV at `path`. Raises ClaimtrackError when the file cannot be read, is
    not UTF-8, is empty, or lacks a required column (or every column of `any_of`)."""
    display = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClaimtrackError(
            Problem("unreadable-file", f"cannot read the table: {exc.strerror}", display)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ClaimtrackError(
            Problem(
                "not-utf8",
                f"line {line} is not UTF-8 (byte {exc.start}); save the table as UTF-8 CSV",
                display,
                line,
            )
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise ClaimtrackError(
            Problem("empty-table", "the table is empty; it needs a header row and rows", display)
        )
    mapping = mapping or {}
    columns = [mapping.get(c.strip().casefold(), c.strip().casefold()) for c in header]
    missing = [c for c in required if c not in columns]
    if any_of and not any(c in columns for c in any_of):
        missing.append(" or ".join(any_of))
    if missing:
        raise ClaimtrackError(
            Problem(
                "missing-column",
                f"the header lacks {', '.join(missing)} (it has: {', '.join(columns)}); add "
                "the column or name it with --map COLUMN=FIELD",
                display,
                1,
            )
        )
    table = Table(path, display, columns)
    for row in _rows(reader):
        line, cells = row
        table.rows.append((line, dict(zip(columns, (c.strip() for c in cells), strict=False))))
    if not table.rows:
        raise ClaimtrackError(Problem("empty-table", "the table has a header but no rows", display))
    return table


def _rows(reader: csv.Reader) -> Iterator[tuple[int, list[str]]]:  # type: ignore[name-defined]
    for cells in reader:
        if any(cell.strip() for cell in cells):  # blank lines are skipped
            yield reader.line_num, cells
