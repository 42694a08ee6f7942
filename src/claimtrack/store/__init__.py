"""The store: the only code that reads or writes dataset files.

scan      which files are there (layout)
load      every record, fast and safely, with problems (dataset)
position  line and column of a field, for problems found later (checks)
open_document / save_document / create_document   edit one file in place (edit)
"""

from __future__ import annotations

from typing import Any

from .dataset import Dataset, Loaded, load
from .edit import Document, create_document, open_document, plain, render, save_document
from .layout import DatasetNotFound, Inventory, record_path, scan
from .parse import locate


def position(loaded: Loaded[Any], field: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    """Line and column of `field` in the file a record came from (read again, only on demand)."""
    try:
        raw = loaded.path.read_bytes()
    except OSError:
        return None, None
    return locate(raw, field)


__all__ = [
    "Dataset",
    "DatasetNotFound",
    "Document",
    "Inventory",
    "Loaded",
    "create_document",
    "load",
    "open_document",
    "plain",
    "position",
    "record_path",
    "render",
    "save_document",
    "scan",
]
