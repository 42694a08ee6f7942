"""Turn parsed data into a record, or into problems with their field paths and positions."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models import Actor, Claim, DatasetSettings, Source
from ..problems import Problem
from .layout import Kind
from .parse import locate

MODELS: dict[str, type[BaseModel]] = {
    "claim": Claim,
    "source": Source,
    "actor": Actor,
    "dataset": DatasetSettings,
}

_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}
_DATE_HELP = "a date (2025-04-09) or a date and time with its zone (2025-04-09T22:08:00+01:00)"


def validate(
    kind: Kind, data: dict[str, Any], path: str, raw: Callable[[], bytes]
) -> tuple[Any, list[Problem]]:
    """Validate data as a record of `kind`; problems carry positions found in `raw()`, which is
    read only when there are problems."""
    model = MODELS[kind]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _problems(model, exc, data, path, raw())


def _problems(
    model: type[BaseModel], exc: ValidationError, data: Any, path: str, raw: bytes
) -> list[Problem]:
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        field, on_key = _field_path(data, error["loc"])
        grouped.setdefault((field, on_key), []).append(error)
    problems = []
    for (field, on_key), errors in grouped.items():
        code, message = _describe(model, field, errors)
        line, column = locate(raw, field, on_key=on_key or code == "unknown-field")
        pointer = "/" + "/".join(str(step) for step in field) if field else ""
        problems.append(Problem(code, message, path, line, column, pointer))
    return problems


def _field_path(data: Any, loc: tuple[Any, ...]) -> tuple[tuple[str | int, ...], bool]:
    """Keep the parts of pydantic's location that are real keys or indexes in the data."""
    field: list[str | int] = []
    current = data
    on_key = False
    for step in loc:
        if step == "[key]":
            on_key = True
        elif (isinstance(current, dict) and step in current) or (
            isinstance(current, list) and isinstance(step, int) and step < len(current)
        ):
            field.append(step)
            current = current[step]
        elif isinstance(current, dict) and len(field) == len(loc) - 1 - loc.count("[key]"):
            field.append(step)  # a missing or unknown key: still part of the path
    return tuple(field), on_key


def _describe(
    model: type[BaseModel], field: tuple[str | int, ...], errors: list[dict[str, Any]]
) -> tuple[str, str]:
    name = str(field[-1]) if field else "record"
    # How the place is named in messages: 'statement', or item 0 of 'subjects'.
    if len(field) > 1 and isinstance(field[-1], int):
        label = f"item {field[-1]} of '{field[-2]}'"
    else:
        label = f"'{name}'"
    types_ = {e["type"] for e in errors}
    first = errors[0]
    if "missing" in types_:
        return "missing-field", f"the field '{name}' is required; add it"
    if "extra_forbidden" in types_:
        hint = ""
        known = _known_fields(model, field[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            hint = f"; did you mean '{close[0]}'?"
        elif known:
            hint = f"; known fields here: {', '.join(known)}"
        return "unknown-field", f"unknown field '{name}'{hint}"
    custom = [e for e in errors if e["type"].count("-") or e["type"] in {"bad-id", "bad-url"}]
    if custom:
        return custom[0]["type"], custom[0]["msg"]
    if types_ & {
        "timezone_aware",
        "datetime_parsing",
        "date_parsing",
        "date_from_datetime_inexact",
        "datetime_from_date_parsing",
        "date_type",
        "datetime_type",
    }:
        if "timezone_aware" in types_:
            return "naive-datetime", (
                f"{_shown(first['input'])} has no time zone; add one, as in "
                "2025-04-09T22:08:00+01:00"
            )
        return "bad-date", f"{_shown(first['input'])} is not a valid date; write {_DATE_HELP}"
    if first["type"] == "enum":
        allowed = first.get("ctx", {}).get("expected", "")
        return (
            "invalid-value",
            f"{_shown(first['input'])} is not allowed for {label}; use one of {allowed}",
        )
    if first["type"] in _TYPE_NAMES:
        got = _type_name(first["input"])
        return "wrong-type", f"{label} must be {_TYPE_NAMES[first['type']]}, not {got}"
    if first["type"] == "string_pattern_mismatch":
        pattern = first.get("ctx", {}).get("pattern", "")
        return "invalid-value", (
            f"{_shown(first['input'])} has the wrong form for {label}; write it to match {pattern}"
        )
    if first["type"] in {"too_short", "too_long"}:
        return "invalid-value", f"{label}: {first['msg'].lower()}"
    return "invalid-value", f"{label}: {first['msg']}"


def _shown(value: Any) -> str:
    """A value quoted in a message, cut short: a message must fit on a line."""
    text = str(value)
    return f"'{text[:60]}...'" if len(text) > 60 else f"'{text}'"


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return f"the text '{str(value)[:40]}'"


def _known_fields(model: type[BaseModel], parent: tuple[str | int, ...]) -> list[str]:
    """Field names accepted at `parent` inside `model`, following nested models and lists."""
    current: Any = model
    for step in parent:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(step) or next(
            (f for f in current.model_fields.values() if f.alias == step), None
        )
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _inner_model(annotation: Any) -> Any:
    """The model inside list[Model], Model | None and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
