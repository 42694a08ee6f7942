"""Rules across records: references resolve, ids are unique, history agrees with status.

Each rule is a function from the loaded dataset to problems. The models check one record at a
time; everything that needs two records, or the clock, lives here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from .models import Actor, Claim, Status
from .problems import Problem
from .store import Dataset, Loaded, position

Rule = Callable[[Dataset, datetime], Iterator[Problem]]
Field = tuple[str | int, ...]


def problem(loaded: Loaded[Any], field: Field, code: str, message: str, **kw: Any) -> Problem:
    """A problem at `field` of a loaded record, with the line and column of that field."""
    line, column = position(loaded, field)
    pointer = "/" + "/".join(str(step) for step in field) if field else ""
    return Problem(code, message, loaded.display, line, column, pointer, **kw)


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


def references(record: Claim | Actor | Any) -> Iterator[tuple[str, str, Field]]:
    """Every id a record cites: (kind 'source' or 'actor', id, field path)."""
    if isinstance(record, Claim):
        if record.claimant.actor:
            yield "actor", record.claimant.actor, ("claimant", "actor")
        for i, subject in enumerate(record.subjects):
            yield "actor", subject, ("subjects", i)
        for i, appearance in enumerate(record.appearances):
            yield "source", appearance.source, ("appearances", i, "source")
        for i, evidence in enumerate(record.evidence):
            yield "source", evidence.source, ("evidence", i, "source")
        for i, attempt in enumerate(record.right_of_reply):
            yield "actor", attempt.actor, ("right_of_reply", i, "actor")
    elif isinstance(record, Actor):
        for i, link in enumerate(record.links):
            yield "actor", link.to, ("links", i, "to")
            for j, evidence in enumerate(link.evidence):
                yield "source", evidence.source, ("links", i, "evidence", j, "source")


def references_resolve(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    known = {
        "source": {s.record.id for s in dataset.sources},
        "actor": {a.record.id for a in dataset.actors},
    }
    for loaded in [*dataset.claims, *dataset.actors]:
        for kind, ref, field in references(loaded.record):
            if ref not in known[kind]:
                folder = "sources" if kind == "source" else "actors"
                yield problem(
                    loaded,
                    field,
                    f"unknown-{kind}",
                    f"no {kind} has the id '{ref}'; add {folder}/{ref}.yaml or fix the id",
                )


def history_agrees_with_status(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.claims:
        claim = loaded.record
        previous = None
        for i, event in enumerate(claim.history):
            if previous is not None and event.time < previous.time:
                yield problem(
                    loaded,
                    ("history", i, "time"),
                    "history-order",
                    f"this event ({event.time.isoformat()}) is earlier than the one before it "
                    f"({previous.time.isoformat()}); history is append-only, in time order",
                )
            previous = event
        moves = [(i, e) for i, e in enumerate(claim.history) if e.to is not None]
        state = Status.NEW
        for i, event in moves:
            if event.from_ is not None and event.from_ != state:
                yield problem(
                    loaded,
                    ("history", i, "from"),
                    "history-chain",
                    f"this move starts from '{event.from_}', but the claim was '{state}' after "
                    "the move before it; history must record every change of status",
                )
            state = event.to  # type: ignore[assignment]
        if state != claim.status:
            yield problem(
                loaded,
                ("status",),
                "history-status",
                f"the status is '{claim.status}' but the history ends in '{state}'; change the "
                "status with 'claimtrack status' so that the move is recorded",
            )


def published_claims_are_complete(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.claims:
        claim = loaded.record
        if claim.status != Status.PUBLISHED:
            continue
        if claim.verdict == "unverified" or not claim.rationale:
            yield problem(
                loaded,
                ("verdict",),
                "published-without-verdict",
                "a published claim needs a verdict other than 'unverified' and a rationale; "
                "set them, or move the claim back to researching",
            )
        if not claim.reviewer:
            yield problem(
                loaded,
                ("status",),
                "published-without-reviewer",
                "a published claim needs the editor who reviewed it in 'reviewer'",
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


def _dates(record: Any, field: Field = ()) -> Iterator[tuple[Field, date]]:
    """Every date in a record, with its field path; deadlines may lie ahead and are skipped."""
    fields = type(record).model_fields
    for name, value in record:
        if name == "deadline":
            continue
        key = fields[name].alias or name
        if isinstance(value, date):
            yield (*field, key), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _dates(item, (*field, key, i))
        elif isinstance(value, BaseModel):
            yield from _dates(value, (*field, key))


RULES: list[Rule] = [
    ids_match_file_names,
    ids_unique,
    references_resolve,
    history_agrees_with_status,
    published_claims_are_complete,
    no_future_dates,
]


def run_checks(dataset: Dataset, now: datetime | None = None) -> list[Problem]:
    now = now or datetime.now(UTC)
    return [p for rule in RULES for p in rule(dataset, now)]


__all__ = ["RULES", "Claim", "problem", "run_checks"]
