"""A whole life through the command line, in a temporary copy of the shipped case:
capture, triage, research with archived sources, verdict, send back, approve, publish,
correct, republish. After each step the file on disk says what happened, and the comments
written by hand survive."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.models import Claim
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load, open_document, save_document
from claimtrack.validation import validate_dataset

CASE = "fes-meknes-network"
RATIONALE = (
    "The commercial court's ruling 112/2025 convicts the person described as the network's "
    "leader of issuing two cheques without funds; a second newspaper reported the same ruling."
)


def step(root: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--data", str(root), *args])
    assert result.exit_code == code, result.output + result.stderr
    return result.stdout + result.stderr


def on_disk(root: Path, claim_id: str) -> dict:
    return yaml.safe_load((root / CASE / f"{claim_id}.yaml").read_text(encoding="utf-8"))


def test_full_lifecycle(shipped_copy: Path, tmp_path: Path) -> None:
    root = shipped_copy
    path = root / CASE / "bad-cheques.yaml"
    comments = [line for line in path.read_text().splitlines() if line.startswith("#")]
    assert comments

    # Capture: a second source (a court record) and a new claim from it.
    ruling = tmp_path / "ruling-112.pdf"
    ruling.write_bytes(b"%PDF-1.4 ruling 112/2025")
    step(root, "new", "source", "--id", "court-ruling-112", "--kind", "court-record",
         "--title", "Ruling 112/2025", "--publisher", "Commercial court", "--published",
         "2025-05-02")  # fmt: skip
    page = "https://other.example.org/a"
    step(root, "new", "source", "--id", "other-paper", "--kind", "article", "--title",
         "Cheques case", "--publisher", "Another paper", "--url", page,
         "--archive-url", f"https://web.archive.org/web/2025/{page}")  # fmt: skip

    # Triage, assign, research.
    step(root, "status", "bad-cheques", "triaged", "--by", "Salma")
    assert on_disk(root, "bad-cheques")["status"] == "triaged"
    step(root, "assign", "bad-cheques", "Salma", "--by", "Karim")
    step(root, "status", "bad-cheques", "researching", "--by", "Salma")
    step(root, "archive", "court-ruling-112", "--copy", str(ruling))
    step(root, "archive", "al-assima-2025-04-09-network", "--url",
         "https://web.archive.org/web/2025/al-assima")  # fmt: skip
    step(root, "evidence", "bad-cheques", "court-ruling-112", "--shows", "the conviction",
         "--by", "Salma")  # fmt: skip
    step(root, "evidence", "bad-cheques", "other-paper", "--shows", "reports the ruling",
         "--by", "Salma")  # fmt: skip
    step(root, "reply", "bad-cheques", "network-leader", "--channel", "phone", "--outcome",
         "declined", "--by", "Salma", "--summary", "He declined to comment.")  # fmt: skip
    data = on_disk(root, "bad-cheques")
    assert [e["source"] for e in data["evidence"]] == ["court-ruling-112", "other-paper"]
    source = yaml.safe_load((root / "sources/court-ruling-112.yaml").read_text())
    assert len(source["sha256"]) == 64

    # The gate refuses while the verdict is missing.
    out = step(root, "gate", "bad-cheques", code=1)
    assert "[ ] verdict-set" in out and "[x] evidence-sufficient" in out

    # Verdict, submit, send back, fix, submit, approve, publish.
    step(root, "verdict", "bad-cheques", "true", "--rationale", RATIONALE, "--by", "Salma")
    step(root, "status", "bad-cheques", "in-review", "--by", "Salma")
    step(root, "review", "bad-cheques", "send-back", "--by", "Karim", "--note", "name the court")
    assert on_disk(root, "bad-cheques")["status"] == "researching"
    step(root, "verdict", "bad-cheques", "mostly-true", "--rationale", RATIONALE, "--by", "Salma")
    step(root, "status", "bad-cheques", "in-review", "--by", "Salma")
    out = step(root, "status", "bad-cheques", "published", "--by", "Karim", code=1)
    assert "gate-failed" in out and "four-eyes" in out
    step(root, "review", "bad-cheques", "approve", "--by", "Karim", "--note", "holds")
    step(root, "gate", "bad-cheques")
    step(root, "status", "bad-cheques", "published", "--by", "Karim")
    data = on_disk(root, "bad-cheques")
    assert (data["status"], data["verdict"], data["reviewer"]) == (
        "published",
        "mostly-true",
        "Karim",
    )
    first_published = data["published"]

    # A correction reopens it; publishing again needs the gate again.
    step(root, "correct", "bad-cheques", "--by", "Karim", "--note", "the ruling's date",
         "--why", "we misread it")  # fmt: skip
    data = on_disk(root, "bad-cheques")
    assert data["status"] == "researching" and data["corrections"][0]["why"] == "we misread it"
    step(root, "status", "bad-cheques", "in-review", "--by", "Salma")
    step(root, "review", "bad-cheques", "approve", "--by", "Karim")
    step(root, "status", "bad-cheques", "published", "--by", "Karim")
    data = on_disk(root, "bad-cheques")
    assert data["status"] == "published" and data["published"] == first_published

    actions = [e["action"] for e in data["history"]]
    assert actions[0] == "created" and actions[-1] == "publish" and "correct" in actions
    text = path.read_text()
    for comment in comments:
        assert comment in text
    assert validate_dataset(root, use_cache=False).ok


def test_the_shipped_claims_stay_unverified() -> None:
    shipped = load(Path(__file__).resolve().parents[2] / "claims")
    assert shipped.claims
    assert {c.record.verdict for c in shipped.claims} == {"unverified"}
    assert not {c.record.status for c in shipped.claims} & {"published", "in-review"}


def test_two_writers_the_second_is_refused_and_nothing_is_lost(shipped_copy: Path) -> None:
    path = shipped_copy / CASE / "bad-cheques.yaml"
    first = open_document(path, "claim")
    second = open_document(path, "claim")  # both opened the same version

    def with_claimant(document, label: str) -> Claim:
        data = document.record.model_dump(by_alias=True)
        return Claim.model_validate({**data, "claimant": {"label": label}})

    save_document(first, with_claimant(first, "first writer"))
    with pytest.raises(ClaimtrackError) as caught:
        save_document(second, with_claimant(second, "second writer"))
    assert caught.value.problem.code == "stale-file"
    assert "reload" in caught.value.problem.message
    text = path.read_text()
    assert "first writer" in text and "second writer" not in text
    assert text.startswith("# Allegation 3 of 9")


@pytest.mark.parametrize("by", ["Mallory", ""])
def test_changes_need_someone_on_the_team(shipped_copy: Path, by: str, monkeypatch) -> None:
    monkeypatch.delenv("CLAIMTRACK_USER")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    args = ["status", "bad-cheques", "triaged"] + (["--by", by] if by else [])
    out = step(shipped_copy, *args, code=1 if by else 2)
    assert ("not-on-team" if by else "no-user") in out
    assert on_disk(shipped_copy, "bad-cheques")["status"] == "new"
