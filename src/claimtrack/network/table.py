"""Read a CSV table for the network commands: UTF-8 (with or without BOM), a header row, the
columns a command needs, other column names mapped to them; every problem names the line."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

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
    """The rows of the CSV at `path` as dictionaries (small tables: use iter_table for big
    ones). Raises ClaimtrackError when the file cannot be read, is not UTF-8, is empty, or lacks
    a required column (or every column of `any_of`)."""
    display, columns, rows = iter_table(path, required, any_of=any_of, mapping=mapping)
    table = Table(path, display, columns)
    for line, cells in rows:
        table.rows.append((line, dict(zip(columns, (c.strip() for c in cells), strict=False))))
    if not table.rows:
        raise ClaimtrackError(Problem("empty-table", "the table has a header but no rows", display))
    return table


def iter_table(
    path: Path,
    required: Sequence[str],
    *,
    any_of: Sequence[str] = (),
    mapping: dict[str, str] | None = None,
) -> tuple[str, list[str], Iterator[tuple[int, list[str]]]]:
    """The display path, the column names (mapped, case folded) and an iterator over the
    (line, cells) of the non-blank rows, read as they come. The header is checked at once;
    a byte that is not UTF-8 raises ClaimtrackError when the iteration reaches it."""
    display = str(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by _rows
    except OSError as exc:
        raise ClaimtrackError(
            Problem("unreadable-file", f"cannot read the table: {exc.strerror}", display)
        ) from exc
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except UnicodeDecodeError:
        handle.close()
        raise _not_utf8(path) from None
    if not header or not any(cell.strip() for cell in header):
        handle.close()
        raise ClaimtrackError(
            Problem("empty-table", "the table is empty; it needs a header row and rows", display)
        )
    mapping = mapping or {}
    columns = [mapping.get(c.strip().casefold(), c.strip().casefold()) for c in header]
    missing = [c for c in required if c not in columns]
    if any_of and not any(c in columns for c in any_of):
        missing.append(" or ".join(any_of))
    if missing:
        handle.close()
        raise ClaimtrackError(
            Problem(
                "missing-column",
                f"the header lacks {', '.join(missing)} (it has: {', '.join(columns)}); add "
                "the column or name it with --map COLUMN=FIELD",
                display,
                1,
            )
        )
    return display, columns, _rows(path, handle, reader)


def _rows(path: Path, handle: TextIO, reader: Any) -> Iterator[tuple[int, list[str]]]:
    with handle:
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):  # blank lines are skipped
                    yield reader.line_num, cells
        except UnicodeDecodeError:
            raise _not_utf8(path) from None


def _not_utf8(path: Path) -> ClaimtrackError:
    """Where the first byte that is not UTF-8 is (read again, only for the message)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
        start = 0
    except UnicodeDecodeError as exc:
        start = exc.start
    line = raw[:start].count(b"\n") + 1
    return ClaimtrackError(
        Problem(
            "not-utf8",
            f"line {line} is not UTF-8 (byte {start}); save the table as UTF-8 CSV",
            str(path),
            line,
        )
    )
