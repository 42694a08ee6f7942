"""Adding new records to a dataset: ids stay unique and references resolve before anything is
written. The command line and the widgets both call these functions."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .models import Actor, Claim, Event, Source, Status
from .problems import ClaimtrackError, Problem
from .store import Dataset, create_document, record_path


def current_user(explicit: str | None = None) -> str | None:
    """Who is acting: the explicit name, else CLAIMTRACK_USER, else git's user.name."""
    if explicit:
        return explicit
    if env := os.environ.get("CLAIMTRACK_USER"):
        return env
    try:
        result = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def now() -> datetime:
    """The current time with its zone, to the second (histories do not need microseconds)."""
    return datetime.now(UTC).astimezone().replace(microsecond=0)


def new_claim_record(fields: dict[str, object], by: str) -> Claim:
    """A claim in status 'new', with its creation in the history."""
    created = now()
    history = [Event(time=created, actor=by, action="created", to=Status.NEW)]
    return Claim.model_validate({**fields, "created": created, "history": history})


def add_record(dataset: Dataset, record: Claim | Source | Actor, case: str | None = None) -> Path:
    """Write a new record file after checking its id and references against the dataset."""
    _refuse_taken_id(dataset, record.id)
    _refuse_unknown_references(dataset, record)
    kind = {Claim: "claim", Source: "source", Actor: "actor"}[type(record)]
    path = record_path(dataset.root, kind, record.id, case)  # type: ignore[arg-type]
    create_document(path, kind, record)  # type: ignore[arg-type]
    return path


def _refuse_taken_id(dataset: Dataset, record_id: str) -> None:
    for loaded in dataset.records():
        if loaded.record.id == record_id:
            raise ClaimtrackError(
                Problem(
                    "duplicate-id",
                    f"the id '{record_id}' is already used by {loaded.display}; choose another",
                    loaded.display,
                    field="/id",
                )
            )


def _refuse_unknown_references(dataset: Dataset, record: Claim | Source | Actor) -> None:
    sources = {s.record.id for s in dataset.sources}
    actors = {a.record.id for a in dataset.actors}
    wanted: list[tuple[str, str, str]] = []
    if isinstance(record, Claim):
        wanted += [("actor", s, f"/subjects/{i}") for i, s in enumerate(record.subjects)]
        if record.claimant.actor:
            wanted.append(("actor", record.claimant.actor, "/claimant/actor"))
        wanted += [
            ("source", a.source, f"/appearances/{i}/source")
            for i, a in enumerate(record.appearances)
        ]
        wanted += [
            ("source", e.source, f"/evidence/{i}/source") for i, e in enumerate(record.evidence)
        ]
    elif isinstance(record, Actor):
        wanted += [("actor", link.to, f"/links/{i}/to") for i, link in enumerate(record.links)]
    for kind, ref, field in wanted:
        if ref not in (sources if kind == "source" else actors):
            folder = "sources" if kind == "source" else "actors"
            raise ClaimtrackError(
                Problem(
                    f"unknown-{kind}",
                    f"no {kind} has the id '{ref}'; create it first "
                    f"(claimtrack new {kind} --id {ref} ...) or fix the id",
                    str(dataset.root / folder),
                    field=field,
                )
            )
