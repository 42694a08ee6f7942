"""The store: the only code that reads or writes dataset files.

scan      which files are there (layout)
load      every record, fast and safely, with problems (dataset)
position  line and column of a field, for problems found later (checks)
open_document / save_document / create_document(s) / remove_document   edit files (edit)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .layout import DatasetNotFound, Inventory, record_path, scan

if TYPE_CHECKING:
    from .dataset import Dataset, Loaded, load
    from .edit import (
        Document,
        create_document,
        create_documents,
        open_document,
        plain,
        remove_document,
        render,
        save_document,
    )

# Imported on first use: loading needs the models, editing needs ruamel, and a validate run
# answered from the cache needs neither.
_LAZY = {
    "Dataset": "dataset",
    "Loaded": "dataset",
    "load": "dataset",
    "Document": "edit",
    "create_document": "edit",
    "create_documents": "edit",
    "open_document": "edit",
    "plain": "edit",
    "remove_document": "edit",
    "render": "edit",
    "save_document": "edit",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def position(loaded: Loaded[Any], field: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    """Line and column of `field` in the file a record came from (read again, only on demand)."""
    from .parse import locate

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
    "create_documents",
    "load",
    "open_document",
    "plain",
    "position",
    "record_path",
    "remove_document",
    "render",
    "save_document",
    "scan",
]
