"""Helpers for the model tests: validation errors as (field path, error type) pairs."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError


def errors(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """The (location, type) of every error pydantic reports for `data`; [] when it is valid."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [(e["loc"], e["type"]) for e in exc.errors()]
    return []


def rejected(field_type: Any, value: Any) -> set[str]:
    """The error types for `value` of `field_type`; fails the test when the value is accepted."""
    with pytest.raises(ValidationError) as info:
        TypeAdapter(field_type).validate_python(value)
    return {e["type"] for e in info.value.errors()}


def accepted(field_type: Any, value: Any) -> Any:
    return TypeAdapter(field_type).validate_python(value)
