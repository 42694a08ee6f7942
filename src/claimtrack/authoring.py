"""Adding new records to a dataset: ids stay unique and references resolve before anything is
written. The command line and the widgets both call these functions."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .models import Actor, Claim, Event, Source, Status
from .models.references import references
from .problems import ClaimtrackError, Problem
from .store import Dataset, create_document, open_document, record_path, save_document


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


def preserve_source(
    dataset: Dataset,
    source_id: str,
    archive_url: str | None = None,
    stored_copy: Path | None = None,
) -> Source:
    """Record where a source is archived, and/or the sha256 of a stored copy of it."""
    loaded = dataset.source(source_id)
    if loaded is None:
        raise ClaimtrackError(
            Problem("unknown-source", f"no source has the id '{source_id}'", str(dataset.root))
        )
    update: dict[str, object] = {}
    if archive_url:
        update["archive_url"] = archive_url
    if stored_copy is not None:
        update["sha256"] = sha256_of(stored_copy)
    document = open_document(loaded.path, "source", loaded.display)
    changed = Source.model_validate({**document.record.model_dump(), **update})
    save_document(document, changed)
    return changed


def sha256_of(path: Path) -> str:
    """The SHA-256 of a stored copy, read in chunks (copies may be large videos)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise ClaimtrackError(
            Problem("unreadable-file", f"cannot read the stored copy: {exc.strerror}", str(path))
        ) from exc
    return digest.hexdigest()


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
    known = {
        "source": {s.record.id for s in dataset.sources},
        "actor": {a.record.id for a in dataset.actors},
    }
    for kind, ref, field in references(record):
        if ref not in known[kind]:
            raise ClaimtrackError(
                Problem(
                    f"unknown-{kind}",
                    f"no {kind} has the id '{ref}'; create it first "
                    f"(claimtrack new {kind} --id {ref} ...) or fix the id",
                    str(dataset.root / ("sources" if kind == "source" else "actors")),
                    field="/" + "/".join(str(step) for step in field),
                )
            )
