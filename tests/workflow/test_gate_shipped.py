"""The gate on the shipped case: nothing in it may be published, and the gate says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.models import Status
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load
from claimtrack.workflow import change_status, evaluate

SHIPPED = Path(__file__).resolve().parents[2] / "claims"


@pytest.mark.parametrize(
    "claim_id", sorted(p.stem for p in (SHIPPED / "fes-meknes-network").glob("*.yaml"))
)
def test_no_shipped_claim_passes_the_gate(claim_id: str) -> None:
    dataset = load(SHIPPED, use_cache=False)
    claim = dataset.claim(claim_id).record
    met = {r.rule: r.met for r in evaluate(dataset, claim)}
    # Unverified, no evidence, the article not archived, nobody reviewed it...
    assert not met["verdict-set"] and not met["evidence-sufficient"]
    assert not met["sources-preserved"] and not met["four-eyes"]
    # ...and the tool's own records name nobody.
    assert met["no-private-names"]
    subjects = {dataset.actor(s).record.kind for s in claim.subjects}
    if subjects & {"person", "company", "organisation"}:
        assert not met["right-of-reply"]


def test_gate_command_on_the_shipped_case_lists_every_rule(shipped_copy: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(shipped_copy), "gate", "bad-cheques"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "[ ] verdict-set",
        "[ ] evidence-sufficient",
        "[ ] sources-preserved",
        "[ ] four-eyes",
        "[ ] right-of-reply",
        "[x] no-private-names",
    ]
    assert "network-leader (the alleged leader of the digital network" in result.stdout


def test_a_shipped_claim_in_review_cannot_be_published(shipped_copy: Path) -> None:
    dataset = load(shipped_copy)
    claim = dataset.claim("tender-brokering").record
    assert claim.status == Status.RESEARCHING
    with pytest.raises(ClaimtrackError) as caught:
        change_status(dataset, claim, Status.PUBLISHED, "Karim")
    assert caught.value.problem.code == "transition-refused"
