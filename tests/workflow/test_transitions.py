"""Every move, allowed and refused, from every state; roles and requirements."""

from __future__ import annotations

import pytest

from claimtrack.models import Status
from claimtrack.problems import ClaimtrackError
from claimtrack.store import Dataset
from claimtrack.workflow import (
    TRANSITIONS,
    allowed_targets,
    assign,
    change_status,
    correct,
    set_verdict,
)

from .conftest import RATIONALE, Clock, walk_to

ALLOWED = {(t.source, t.target) for t in TRANSITIONS if not t.only_by_correction}
PAIRS = [(a, b) for a in Status for b in Status if a != b]


def claim_in(dataset: Dataset, status: Status, clock: Clock):
    return walk_to(dataset, dataset.claim("claim-one").record, status, clock)


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_allowed_move_is_taken_and_recorded(dataset, clock, source, target) -> None:
    claim = claim_in(dataset, source, clock)
    if (source, target) == (Status.IN_REVIEW, Status.PUBLISHED):
        claim = walk_to(dataset, dataset.claim("claim-one").record, Status.PUBLISHED, clock)
    else:
        if source == Status.TRIAGED:
            claim = assign(dataset, claim, "Salma", "Karim", clock())
        if source == Status.RESEARCHING:
            claim = set_verdict(dataset, claim, "false", RATIONALE, "Salma", clock())
        by = "Karim"  # an editor may take every move
        claim = change_status(dataset, claim, target, by, note="because", at=clock())
    assert claim.status == target
    last = claim.history[-1]
    assert (last.from_, last.to) == (source, target)
    assert last.time.tzinfo is not None


@pytest.mark.parametrize(("source", "target"), [p for p in PAIRS if p not in ALLOWED])
def test_refused_move_lists_the_allowed_ones(dataset, clock, source, target) -> None:
    claim = claim_in(dataset, source, clock)
    with pytest.raises(ClaimtrackError) as caught:
        change_status(dataset, claim, target, "Karim", note="because", at=clock())
    problem = caught.value.problem
    assert problem.code == "transition-refused"
    for allowed in allowed_targets(claim):
        assert f"{allowed} (" in problem.message
    if source == Status.PUBLISHED:
        assert "claimtrack correct" in problem.message


@pytest.mark.parametrize(
    ("source", "target", "checker_may"),
    [
        (Status.NEW, Status.TRIAGED, True),
        (Status.IN_REVIEW, Status.RESEARCHING, False),
        (Status.REJECTED, Status.TRIAGED, False),
    ],
)
def test_roles(dataset, clock, source, target, checker_may) -> None:
    claim = claim_in(dataset, source, clock)
    if checker_may:
        assert change_status(dataset, claim, target, "Youssef", "ok", clock()).status == target
    else:
        with pytest.raises(ClaimtrackError) as caught:
            change_status(dataset, claim, target, "Youssef", "ok", clock())
        assert caught.value.problem.code == "role-required"


def test_someone_off_the_team_cannot_act(dataset, clock) -> None:
    claim = dataset.claim("claim-one").record
    with pytest.raises(ClaimtrackError) as caught:
        change_status(dataset, claim, Status.TRIAGED, "Mallory", at=clock())
    assert caught.value.problem.code == "not-on-team"
    assert "Salma (checker)" in caught.value.problem.message


@pytest.mark.parametrize(
    ("source", "target", "code"),
    [
        (Status.NEW, Status.REJECTED, "note-required"),
        (Status.TRIAGED, Status.RESEARCHING, "no-assignee"),
        (Status.RESEARCHING, Status.IN_REVIEW, "no-verdict"),
        (Status.IN_REVIEW, Status.PUBLISHED, "gate-failed"),
    ],
)
def test_requirements(dataset, clock, source, target, code) -> None:
    claim = claim_in(dataset, source, clock)
    if source == Status.TRIAGED:
        claim = claim.model_copy(update={"assignee": None})
    with pytest.raises(ClaimtrackError) as caught:
        change_status(dataset, claim, target, "Karim", at=clock())
    assert caught.value.problem.code == code


def test_published_reopens_only_through_a_correction(dataset, clock) -> None:
    claim = claim_in(dataset, Status.PUBLISHED, clock)
    reopened = correct(dataset, claim, "Karim", "the date of the ruling", "misread", clock())
    assert reopened.status == Status.RESEARCHING
    assert reopened.corrections[-1].what == "the date of the ruling"
    assert reopened.reviewer is None  # the approval no longer holds
    assert reopened.published == claim.published  # first publication date is kept


def test_an_editor_cannot_approve_their_own_verdict(dataset, clock) -> None:
    from claimtrack.workflow import review, set_verdict

    claim = claim_in(dataset, Status.IN_REVIEW, clock)
    claim = set_verdict(dataset, claim, "false", RATIONALE, "Nadia", clock())
    with pytest.raises(ClaimtrackError) as caught:
        review(dataset, claim, "approve", "Nadia", at=clock())
    assert caught.value.problem.code == "four-eyes"
    assert review(dataset, claim, "approve", "Karim", at=clock()).reviewer == "Karim"
