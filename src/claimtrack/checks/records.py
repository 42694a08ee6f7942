"""Rules about records and references: ids, files, references, dates."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import AwareDatetime, BaseModel

from ..models.references import references
from ..problems import Problem
from ..store import Dataset, Loaded
from .base import Field, problem


def ids_match_file_names(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.records():
        stem = loaded.path.stem
        if loaded.record.id != stem:
            yield problem(
                loaded,
                ("id",),
                "id-mismatch",
                f"the id '{loaded.record.id}' differs from the file name '{stem}.yaml'; rename "
                f"the file to {loaded.record.id}.yaml or change the id to '{stem}'",
            )


def ids_unique(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    first: dict[str, Loaded[Any]] = {}
    for loaded in dataset.records():
        record_id = loaded.record.id
        if record_id in first:
            yield problem(
                loaded,
                ("id",),
                "duplicate-id",
                f"the id '{record_id}' is already used by {first[record_id].display}; ids are "
                "unique across the dataset, so give this record another id (and file name)",
            )
        else:
            first[record_id] = loaded


def references_resolve(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    known = known_ids(dataset)
    for loaded in [*dataset.claims, *dataset.actors]:
        yield from unresolved_references(loaded, known)


def known_ids(dataset: Dataset) -> dict[str, set[str]]:
    """The ids a reference may name, by kind of record."""
    return {
        "source": {s.record.id for s in dataset.sources},
        "actor": {a.record.id for a in dataset.actors},
    }


def unresolved_references(loaded: Loaded[Any], known: dict[str, set[str]]) -> Iterator[Problem]:
    for kind, ref, field in references(loaded.record):
        if ref not in known[kind]:
            folder = "sources" if kind == "source" else "actors"
            yield problem(
                loaded,
                field,
                f"unknown-{kind}",
                f"no {kind} has the id '{ref}'; add {folder}/{ref}.yaml or fix the id",
            )


def no_future_dates(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    # A day is compared with the latest zone on earth, so 'today' is never in the future.
    today = (now.astimezone(UTC) + timedelta(hours=14)).date()
    for loaded in dataset.records():
        for field, value in _dates(loaded.record):
            future = value > now if isinstance(value, datetime) else value > today
            if future:
                yield problem(
                    loaded,
                    field,
                    "future-date",
                    f"{value.isoformat()} is in the future; check the date and its time zone",
                )


def _dates(record: BaseModel, field: Field = ()) -> Iterator[tuple[Field, date]]:
    """Every date in a record, with its field path; deadlines may lie ahead and are skipped."""
    dates, nested = _date_plan(type(record))
    for name, key in dates:
        value = getattr(record, name)
        if value is not None:
            yield (*field, key), value
    for name, key in nested:
        value = getattr(record, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _dates(item, (*field, key, i))
        elif value is not None:
            yield from _dates(value, (*field, key))


@functools.cache
def _date_plan(model: type[BaseModel]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Which fields of a model hold dates, and which hold models that may: read once per model
    from its annotations, so the walk over ten thousand records touches only those fields."""
    dates, nested = [], []
    for name, info in model.model_fields.items():
        if name == "deadline":
            continue
        kinds = _types_in(info.annotation)
        key = info.alias or name
        if any(t is AwareDatetime or (isinstance(t, type) and issubclass(t, date)) for t in kinds):
            dates.append((name, key))
        elif any(isinstance(t, type) and issubclass(t, BaseModel) for t in kinds):
            nested.append((name, key))
    return dates, nested


def _types_in(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    if typing.get_origin(annotation) is dict:
        return []
    return [t for arg in args for t in _types_in(arg)]
