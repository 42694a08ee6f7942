"""A temporary copy of the shipped case where one claim, bad-cheques, goes all the way to
publication through the library's workflow operations, at fixed times (so the site built from
it is the same on every run and can be compared with golden files)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from claimtrack.models import Claim, ReplyAttempt, Status
from claimtrack.store import load
from claimtrack.workflow import (
    add_evidence,
    apply,
    assign,
    change_status,
    record_reply,
    review,
    set_verdict,
)

CASE = "fes-meknes-network"
CLAIM = "bad-cheques"
RATIONALE = (
    "The commercial court's ruling 112/2025 convicts the person described as the network's "
    "leader of issuing two cheques without funds; a second newspaper reported the same ruling."
)
COURT = """\
id: court-ruling-112
kind: court-record
title: Ruling 112/2025
publisher: Commercial court of Fes
language: fr
published: 2025-05-02
sha256: 4f5a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90
"""
PAPER = """\
id: other-paper
kind: article
title: Cheques case in court
publisher: Another paper
url: https://other.example.org/cheques
language: en
published: 2025-05-03
archive_url: https://web.archive.org/web/2025/https://other.example.org/cheques
"""
ARTICLE_EXTRA = """\
url: https://alassima.example.ma/2025/04/09/network
archive_url: https://web.archive.org/web/2025/https://alassima.example.ma/2025/04/09/network
"""
START = datetime(2025, 5, 10, 9, 0, tzinfo=UTC)


class Clock:
    """Increasing fixed times, so histories stay in order and runs repeat exactly."""

    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=7)
        return self.t


def step(root: Path, change: Callable) -> Claim:
    dataset = load(root, use_cache=False)
    return apply(dataset, CLAIM, lambda claim: change(dataset, claim))


def publish_one(root: Path, rationale: str = RATIONALE, clock: Clock | None = None) -> Path:
    """Take bad-cheques from new to published in the dataset at `root`."""
    clock = clock or Clock()
    (root / "sources/court-ruling-112.yaml").write_text(COURT, encoding="utf-8")
    (root / "sources/other-paper.yaml").write_text(PAPER, encoding="utf-8")
    article = root / "sources/al-assima-2025-04-09-network.yaml"
    article.write_text(article.read_text(encoding="utf-8") + ARTICLE_EXTRA, encoding="utf-8")
    attempt = {
        "actor": "network-leader",
        "channel": "phone",
        "by": "Salma",
        "outcome": "declined",
        "summary": "He declined to comment.",
    }
    steps = [
        lambda d, c: change_status(d, c, Status.TRIAGED, "Salma", at=clock()),
        lambda d, c: assign(d, c, "Salma", "Karim", clock()),
        lambda d, c: change_status(d, c, Status.RESEARCHING, "Salma", at=clock()),
        lambda d, c: add_evidence(d, c, "court-ruling-112", "the conviction", "Salma", clock()),
        lambda d, c: add_evidence(d, c, "other-paper", "reports the ruling", "Salma", clock()),
        lambda d, c: record_reply(
            d, c, ReplyAttempt.model_validate({**attempt, "contacted": clock()}), "Salma", clock()
        ),
        lambda d, c: set_verdict(d, c, "mostly-true", rationale, "Salma", clock()),
        lambda d, c: change_status(d, c, Status.IN_REVIEW, "Salma", at=clock()),
        lambda d, c: review(d, c, "approve", "Karim", "holds", clock()),
        lambda d, c: change_status(d, c, Status.PUBLISHED, "Karim", at=clock()),
    ]
    for change in steps:
        step(root, change)
    return root


@pytest.fixture
def published_case(shipped_copy: Path) -> Path:
    """The shipped case with bad-cheques published."""
    return publish_one(shipped_copy)
