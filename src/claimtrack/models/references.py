"""The ids a record cites, with where: one list, used by validate and by record creation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .actor import Actor
from .claim import Claim

Field = tuple[str | int, ...]


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
        for i, review in enumerate(record.checked_elsewhere):
            if review.source:
                yield "source", review.source, ("checked_elsewhere", i, "source")
    elif isinstance(record, Actor):
        for i, link in enumerate(record.links):
            yield "actor", link.to, ("links", i, "to")
            for j, evidence in enumerate(link.evidence):
                yield "source", evidence.source, ("links", i, "evidence", j, "source")
