"""What every rule shares: the problem at a field of a loaded record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from ..problems import Problem
from ..store import Dataset, Loaded, position

Rule = Callable[[Dataset, datetime], Iterator[Problem]]
Field = tuple[str | int, ...]


def problem(loaded: Loaded[Any], field: Field, code: str, message: str, **kw: Any) -> Problem:
    """A problem at `field` of a loaded record, with the line and column of that field."""
    line, column = position(loaded, field)
    pointer = "/" + "/".join(str(step) for step in field) if field else ""
    return Problem(code, message, loaded.display, line, column, pointer, **kw)
