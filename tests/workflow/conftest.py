"""A desk where a claim can go all the way to publication: archived sources from two
publishers, a subject who answered, two checkers and two editors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from claimtrack.models import Claim, ReplyAttempt, Status
from claimtrack.store import Dataset, load
from claimtrack.workflow import assign, change_status, record_reply, review, set_verdict

TEAM = """\
name: Test desk
languages: [ar, fr, en]
team:
  - {name: Salma, role: checker}
  - {name: Youssef, role: checker}
  - {name: Karim, role: editor}
  - {name: Nadia, role: editor}
"""
ARCHIVED = """\
id: {id}
kind: article
title: Report {id}
publisher: {publisher}
url: https://news.example.org/{id}
archive_url: https://archive.example.org/{id}
"""
RATIONALE = (
    "Two independent newspapers reported the same court ruling, and the court clerk confirmed "
    "it by phone; the claim is therefore accurate."
)
START = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(make_dataset) -> Path:
    return make_dataset(
        {
            "dataset.yaml": TEAM,
            "sources/paper-a.yaml": ARCHIVED.format(id="paper-a", publisher="Paper A"),
            "sources/paper-b.yaml": ARCHIVED.format(id="paper-b", publisher="Paper B"),
            "sources/article-one.yaml": ARCHIVED.format(id="article-one", publisher="Paper A"),
        }
    )


class Clock:
    """Hands out increasing times, so histories stay in order."""

    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=5)
        return self.t


def walk_to(dataset: Dataset, claim: Claim, target: Status, clock: Clock) -> Claim:
    """Take a fresh claim to `target` by the normal road, meeting every requirement."""
    road = {
        Status.NEW: [],
        Status.TRIAGED: ["triage"],
        Status.REJECTED: ["reject"],
        Status.RESEARCHING: ["triage", "assign", "research"],
        Status.IN_REVIEW: ["triage", "assign", "research", "verdict", "submit"],
        Status.PUBLISHED: ["triage", "assign", "research", "evidence", "reply", "verdict",
                           "submit", "approve", "publish"],
    }[target]  # fmt: skip
    for step in road:
        if step == "triage":
            claim = change_status(dataset, claim, Status.TRIAGED, "Salma", at=clock())
        elif step == "reject":
            claim = change_status(
                dataset, claim, Status.REJECTED, "Salma", "not checkable", clock()
            )
        elif step == "assign":
            claim = assign(dataset, claim, "Salma", "Karim", clock())
        elif step == "research":
            claim = change_status(dataset, claim, Status.RESEARCHING, "Salma", at=clock())
        elif step == "evidence":
            evidence = [
                {"source": "paper-a", "shows": "the ruling"},
                {"source": "paper-b", "shows": "the same ruling"},
            ]
            claim = Claim.model_validate({**claim.model_dump(by_alias=True), "evidence": evidence})
        elif step == "reply":
            attempt = ReplyAttempt.model_validate(
                {"actor": "network-leader", "contacted": clock(), "channel": "phone",
                 "by": "Salma", "outcome": "declined"}
            )  # fmt: skip
            claim = record_reply(dataset, claim, attempt, "Salma", clock())
        elif step == "verdict":
            claim = set_verdict(dataset, claim, "true", RATIONALE, "Salma", clock())
        elif step == "submit":
            claim = change_status(dataset, claim, Status.IN_REVIEW, "Salma", at=clock())
        elif step == "approve":
            claim = review(dataset, claim, "approve", "Karim", "holds", clock())
        elif step == "publish":
            claim = change_status(dataset, claim, Status.PUBLISHED, "Karim", at=clock())
    return claim


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def dataset(desk: Path) -> Dataset:
    return load(desk)
