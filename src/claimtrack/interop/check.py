"""OutsideCheck: one fact-check published elsewhere, in the plain terms every reader produces."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class OutsideCheck:
    """A claim checked by another organisation, as read from an outside format."""

    statement: str
    review_url: str
    publisher: str
    origin: str  # where it was read: "file.json /@graph/2" or "file.csv:12"
    rating: str | None = None
    reviewed: date | datetime | None = None
    title: str | None = None
    claimant: str | None = None
    claim_date: date | datetime | None = None
    language: str | None = None
    publisher_site: str | None = None
    appearances: list[str] = field(default_factory=list)


def text(value: Any) -> str | None:
    """A text field as it comes (string, number, list of one, {'name': ...}), trimmed; None if
    empty. Control characters such as a trailing carriage return are dropped."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):  # {"name": ["a person", "their role"]}
        value = ", ".join(str(v) for v in value if isinstance(v, str | int | float))
    if value is None or isinstance(value, bool):
        return None
    cleaned = "".join(c for c in str(value) if unicodedata.category(c) != "Cc" or c in "\t\n")
    cleaned = " ".join(cleaned.split())
    return unicodedata.normalize("NFC", cleaned) or None


_SHORT_ZONE = re.compile(r"([+-]\d\d)(\d\d)$")


def when(value: Any) -> date | datetime | None:
    """A date as publishers write it: '2022-08-24', '2020-06-23 20:02' (no zone: only the day
    is kept, since the time would be a guess), '2020-03-27T10:46:13+0200'. None if unreadable."""
    raw = text(value)
    if not raw:
        return None
    raw = raw.replace("Z", "+00:00") if raw.endswith("Z") else raw
    raw = _SHORT_ZONE.sub(r"\1:\2", raw) if "T" in raw or " " in raw else raw
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.replace(microsecond=0)


# Scripts whose language is clear enough to tag a text that comes without one.
_SCRIPTS = [
    ((0x0600, 0x06FF), "ar"),
    ((0x0900, 0x097F), "hi"),
    ((0x0980, 0x09FF), "bn"),
    ((0x4E00, 0x9FFF), "zh"),
    ((0x0400, 0x04FF), "ru"),
]


def guess_language(statement: str) -> str:
    """The statement's language from its script when that is unambiguous (Arabic, Devanagari,
    Bengali, Han, Cyrillic), else 'und' (BCP 47 'undetermined'): a Latin-script text is left
    for the desk to tag rather than guessed."""
    counts: dict[str, int] = {}
    for char in statement:
        code = ord(char)
        for (low, high), language in _SCRIPTS:
            if low <= code <= high:
                counts[language] = counts.get(language, 0) + 1
    letters = sum(1 for c in statement if c.isalpha()) or 1
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best and counts[best] * 2 >= letters else "und"
