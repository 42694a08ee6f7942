"""Field types shared by every record: slugs, texts, URLs, language tags, dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
)
from pydantic_core import PydanticCustomError, PydanticKnownError

from ..ids import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)
# Bidi overrides and isolates, zero-width characters, BOM: invisible, so they make two ids that
# look the same differ, or make a text display in an order that hides its meaning.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# C0 and C1 control characters other than tab and newline, and the line and paragraph
# separators, which YAML readers take for line breaks (so the text would not read back).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# BCP 47 in the forms newsrooms use: language, optional script, region and variants.
LANGUAGE_PATTERN = (
    r"^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?"
    r"(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$"
)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class Record(BaseModel):
    """Base of every model read from a file: unknown fields are errors, texts are checked."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_default=False)


def _slug(value: str) -> str:
    if INVISIBLE.search(value) or CONTROL.search(value):
        raise PydanticCustomError(
            "invisible-character",
            "this id contains an invisible or control character; retype it with plain "
            "letters a-z, digits and hyphens",
        )
    if not _SLUG.fullmatch(value):
        raise PydanticCustomError(
            "bad-id",
            "'{value}' is not a valid id: use 2 to 80 characters a-z, 0-9 and '-', starting "
            "with a letter or digit (no '/', '..', spaces or capitals)",
            {"value": value[:80]},
        )
    return value


def _text(value: str) -> str:
    if CONTROL.search(value):
        raise PydanticCustomError(
            "control-character",
            "this text contains a control character (such as NUL); remove it",
        )
    return unicodedata.normalize("NFC", value)


def _nonblank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty-text", "this text is empty; write it or remove the field")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise PydanticCustomError(
            "unsafe-url",
            "only http and https links are allowed (got '{scheme}:'); link to the web page instead",
            {"scheme": parts.scheme or "no scheme"},
        )
    if (
        not parts.hostname
        or CONTROL.search(value)
        or INVISIBLE.search(value)
        or re.search(r"\s", value)
    ):
        raise PydanticCustomError(
            "bad-url", "'{value}' is not a complete web address", {"value": value[:200]}
        )
    return value


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise PydanticCustomError(
            "bad-language",
            "'{value}' is not a BCP 47 language tag; use forms such as ar, fr, en, ar-MA",
            {"value": value[:40]},
        )
    return value


def _not_a_number(value: Any) -> Any:
    """pydantic reads a number as seconds since 1970: 'published: 2025' would be 1970-01-01."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(value, str):
        try:
            float(value)
            number = True
        except ValueError:
            pass
    if number:
        raise PydanticCustomError(
            "bad-date",
            "'{value}' is a number, not a date; write a date (2025-04-09) or a date and time "
            "with its zone (2025-04-09T22:08:00+01:00)",
            {"value": str(value)[:40]},
        )
    return value


def _only_a_day(value: Any) -> Any:
    """pydantic turns a time of midnight without a zone into a day; it is a naive moment."""
    if isinstance(value, datetime) or (isinstance(value, str) and len(value) > len("2025-04-09")):
        raise PydanticKnownError("date_from_datetime_inexact")
    return value


Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG_PATTERN})]
Text = Annotated[str, AfterValidator(_text), AfterValidator(_nonblank)]
Url = Annotated[
    str, AfterValidator(_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})
]
Language = Annotated[
    str, AfterValidator(_language), Field(json_schema_extra={"pattern": LANGUAGE_PATTERN})
]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
# A moment in time, always with its zone; written back as ISO 8601.
Moment = Annotated[
    AwareDatetime,
    BeforeValidator(_not_a_number),
    PlainSerializer(lambda v: v.isoformat(), return_type=str),
]
# A day is written 2025-04-09; anything longer is a moment, which needs its zone.
Day = Annotated[
    date,
    BeforeValidator(_not_a_number),
    BeforeValidator(_only_a_day),
    PlainSerializer(lambda v: v.isoformat(), return_type=str),
]
# A publication date may be a day or a moment.
DayOrMoment = Moment | Day
