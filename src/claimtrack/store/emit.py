"""A fast writer for new records, for bulk creation (imports of thousands of records).

It writes plain data in the store's style (model key order, two-space mappings, list items
as '  - ', one line per text) without ruamel, which costs some 20 ms a file. Texts are plain
when that is clearly safe, else single-quoted. Anything it is not sure of (a text over
several lines) returns None, and the caller uses `render` instead. What it writes reads back
as the same data: tests/store/test_emit.py holds it to that over random nested data.
"""

from __future__ import annotations

import re
from typing import Any

# Plain scalars that read back as the same string under YAML 1.2 core and 1.1 alike: no
# indicator first, no ': ' or ' #', no outer spaces, and not a number, boolean or null.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_NOT_STRINGS = re.compile(
    r"^(?:[-+]?(?:\.?[0-9][0-9_,.:eE+-]*|\.inf|\.nan|0x[0-9a-fA-F_]+|0o?[0-7_]+)"
    r"|y|n|yes|no|true|false|on|off|null|~|=|<<)$",
    re.IGNORECASE,
)
# Dates and moments are written plain, as the store's resolver (no timestamps) reads them.
_DATE = re.compile(r"^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z))?$")
_UNSURE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class Unsure(Exception):
    """Data this writer leaves to ruamel."""


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if not isinstance(value, str) or _UNSURE.search(value):
        raise Unsure
    if _DATE.match(value):
        return value
    if (
        value
        and value[0] not in _INDICATORS
        and value == value.strip()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and not _NOT_STRINGS.match(value)
    ):
        return value
    if "'" in value:  # as ruamel: double quotes rather than doubled single ones
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value + "'"


def emit(data: dict[str, Any]) -> bytes | None:
    """The YAML text of a record's plain data, or None when ruamel should write it."""
    lines: list[str] = []
    try:
        _mapping(data, 0, lines, None)
    except Unsure:
        return None
    return ("\n".join(lines) + "\n").encode("utf-8")


def _mapping(data: dict[str, Any], indent: int, lines: list[str], first: str | None) -> None:
    for index, (key, value) in enumerate(data.items()):
        pad = first if (index == 0 and first is not None) else " " * indent
        name = scalar(str(key))
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{name}:")
            _mapping(value, indent + 2, lines, None)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{name}:")
            _sequence(value, indent + 2, lines)
        elif isinstance(value, dict | list):
            lines.append(f"{pad}{name}: {'{}' if isinstance(value, dict) else '[]'}")
        else:
            lines.append(f"{pad}{name}: {scalar(value)}")


def _sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, lines, " " * indent + "- ")
        elif isinstance(item, dict | list):
            raise Unsure
        else:
            lines.append(f"{' ' * indent}- {scalar(item)}")
