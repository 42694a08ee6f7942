"""Every rule of the publication gate, met and failed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from claimtrack.models import Claim, Status
from claimtrack.store import load
from claimtrack.workflow import evaluate

from .conftest import ARCHIVED, RATIONALE, Clock, walk_to


def ready(dataset, clock: Clock) -> Claim:
    """A claim that meets every rule (it has just been published)."""
    return walk_to(dataset, dataset.claim("claim-one").record, Status.PUBLISHED, clock)


def results(dataset, claim, now=None) -> dict[str, bool]:
    return {r.rule: r.met for r in evaluate(dataset, claim, now)}


def edit(claim: Claim, **changes) -> Claim:
    return Claim.model_validate({**claim.model_dump(by_alias=True), **changes})


def test_a_ready_claim_meets_every_rule(dataset, clock) -> None:
    assert all(results(dataset, ready(dataset, clock)).values())


def test_verdict_set(dataset, clock) -> None:
    claim = ready(dataset, clock)
    assert not results(dataset, edit(claim, verdict="unverified"))["verdict-set"]
    assert not results(dataset, edit(claim, verdict="not-on-scale"))["verdict-set"]
    assert not results(dataset, edit(claim, rationale="True."))["verdict-set"]
    assert results(dataset, edit(claim, rationale=RATIONALE))["verdict-set"]


def test_evidence_sufficient(dataset, desk, clock) -> None:
    claim = ready(dataset, clock)
    one = [{"source": "paper-a", "shows": "x y"}]
    same_publisher = [*one, {"source": "article-one", "shows": "x y"}]
    assert not results(dataset, edit(claim, evidence=one))["evidence-sufficient"]
    assert not results(dataset, edit(claim, evidence=same_publisher))["evidence-sufficient"]
    (desk / "sources/ruling.yaml").write_text(
        ARCHIVED.format(id="ruling", publisher="Court").replace(
            "kind: article", "kind: court-record"
        )
    )
    dataset = load(desk)
    primary = [{"source": "ruling", "shows": "the ruling itself"}]
    assert results(dataset, edit(claim, evidence=primary))["evidence-sufficient"]


def test_sources_preserved(desk, clock) -> None:
    (desk / "sources/paper-b.yaml").write_text(
        "id: paper-b\nkind: article\ntitle: Report\npublisher: Paper B\n"
    )
    dataset = load(desk)
    claim = ready_without_gate(dataset, clock)
    message = {r.rule: r.message for r in evaluate(dataset, claim)}["sources-preserved"]
    assert "paper-b" in message and "archive_url" in message
    archived = edit(claim, evidence=[{"source": "paper-a", "shows": "x y"}])
    assert results(dataset, archived)["sources-preserved"]


def ready_without_gate(dataset, clock) -> Claim:
    claim = walk_to(dataset, dataset.claim("claim-one").record, Status.IN_REVIEW, clock)
    return edit(
        claim,
        evidence=[{"source": "paper-a", "shows": "x y"}, {"source": "paper-b", "shows": "x y"}],
    )


def test_four_eyes(dataset, clock) -> None:
    claim = ready(dataset, clock)
    assert not results(dataset, edit(claim, reviewer=None))["four-eyes"]
    assert not results(dataset, edit(claim, reviewer="Youssef"))["four-eyes"]  # not an editor
    assert not results(dataset, edit(claim, assignee="Karim"))["four-eyes"]  # reviewed own work
    assert not results(dataset, edit(claim, reviewer="Nadia"))["four-eyes"]  # no approval by her


def test_right_of_reply(dataset, clock) -> None:
    claim = ready(dataset, clock)
    assert not results(dataset, edit(claim, right_of_reply=[]))["right-of-reply"]
    pending = [{**claim.right_of_reply[0].model_dump(), "outcome": "pending"}]
    assert not results(dataset, edit(claim, right_of_reply=pending))["right-of-reply"]
    deadline = claim.right_of_reply[0].contacted + timedelta(days=3)
    waiting = [{**pending[0], "outcome": "no-answer", "deadline": deadline}]
    assert not results(
        dataset, edit(claim, right_of_reply=waiting), now=deadline - timedelta(hours=1)
    )["right-of-reply"]
    assert results(dataset, edit(claim, right_of_reply=waiting), now=deadline + timedelta(hours=1))[
        "right-of-reply"
    ]


def test_right_of_reply_not_owed_to_a_public_figure(desk, clock) -> None:
    (desk / "actors/network-leader.yaml").write_text(
        "id: network-leader\nkind: person\nlabel: a minister\npublic_figure: true\n"
    )
    dataset = load(desk)
    claim = ready(dataset, clock)
    assert results(dataset, edit(claim, right_of_reply=[]))["right-of-reply"]


@pytest.mark.parametrize(
    "field",
    ["rationale", "statement", "translations", "right_of_reply"],
)
def test_no_private_names(desk, clock, field) -> None:
    (desk / "actors/network-leader.yaml").write_text(
        "id: network-leader\nkind: person\nlabel: the leader\nname: Hamid Benslimane\n"
    )
    dataset = load(desk)
    claim = ready(dataset, clock)
    assert results(dataset, claim)["no-private-names"]
    planted = {
        "rationale": {"rationale": RATIONALE + " Hamid BENSLIMANE said so."},
        "statement": {"statement": "قال hamid benslimane ذلك"},
        "translations": {"translations": {"en": "Hamid Benslimane, said the paper"}},
        "right_of_reply": {
            "right_of_reply": [
                {**claim.right_of_reply[0].model_dump(), "summary": "Hamid Benslimane declined."}
            ]
        },
    }[field]
    message = {r.rule: r.message for r in evaluate(dataset, edit(claim, **planted))}
    assert "the leader" in message["no-private-names"]
    assert "Hamid" not in message["no-private-names"]  # the gate's message does not leak it


def test_sources_without_a_publisher_do_not_count_as_independent(desk, clock) -> None:
    for name in ("anon-a", "anon-b"):
        (desk / f"sources/{name}.yaml").write_text(
            f"id: {name}\nkind: social-post\ntitle: A post\narchive_url: https://archive.example.org/{name}\n"
        )
    dataset = load(desk)
    claim = ready(dataset, clock)
    anonymous = [{"source": "anon-a", "shows": "x y"}, {"source": "anon-b", "shows": "x y"}]
    assert not results(dataset, edit(claim, evidence=anonymous))["evidence-sufficient"]
