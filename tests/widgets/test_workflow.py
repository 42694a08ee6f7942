"""The workflow panel, driven through its public handlers and widget values as a fact-checker
would click them; every assertion is on the claim file on disk or on the message shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytest.importorskip("ipywidgets")

from claimtrack.models import Claim, ReplyAttempt, Status
from claimtrack.store import load, render
from claimtrack.widgets import Desk, WorkflowPanel
from claimtrack.widgets.workflow import PICK_ORDER
from claimtrack.workflow import record_reply
from tests.workflow.conftest import ARCHIVED, TEAM, Clock, walk_to

CLAIM_FILE = "case-one/claim-one.yaml"
RULES = [
    "verdict-set",
    "evidence-sufficient",
    "sources-preserved",
    "four-eyes",
    "right-of-reply",
    "no-private-names",
]


@pytest.fixture
def root(make_dataset) -> Path:
    return make_dataset(
        {
            "dataset.yaml": TEAM,
            "sources/paper-a.yaml": ARCHIVED.format(id="paper-a", publisher="Paper A"),
            "sources/paper-b.yaml": ARCHIVED.format(id="paper-b", publisher="Paper B"),
            "sources/article-one.yaml": ARCHIVED.format(id="article-one", publisher="Paper A"),
        }
    )


def at_status(root: Path, target: Status, ready: bool = False) -> Path:
    """Write the claim as it is after the normal road to `target` (as the CLI would have);
    `ready`: with evidence from two publishers and the subject's answer, so that only the
    editor's approval is missing for the gate."""
    dataset = load(root)
    clock = Clock()
    claim = walk_to(dataset, dataset.claim("claim-one").record, target, clock)
    if ready:
        evidence = [
            {"source": "paper-a", "shows": "the ruling"},
            {"source": "paper-b", "shows": "the same ruling"},
        ]
        claim = Claim.model_validate({**claim.model_dump(by_alias=True), "evidence": evidence})
        attempt = ReplyAttempt.model_validate(
            {
                "actor": "network-leader",
                "contacted": clock(),
                "channel": "phone",
                "by": "Salma",
                "outcome": "declined",
            }
        )
        claim = record_reply(dataset, claim, attempt, "Salma", clock())
    path = root / CLAIM_FILE
    path.write_bytes(render(claim))
    return path


def on_disk(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def panel_for(root: Path, user: str) -> tuple[Desk, WorkflowPanel]:
    desk = Desk(root, user=user)
    desk.user = user
    return desk, WorkflowPanel(desk, "claim-one")


def test_a_checker_assigns_and_starts_research_recorded_on_disk(root: Path) -> None:
    path = at_status(root, Status.TRIAGED)
    # The triaged claim has no assignee yet (walk_to assigns only on the way to research).
    desk, panel = panel_for(root, "Salma")
    assert panel.allowed == ["researching", "rejected"]
    before = path.read_bytes()

    panel.transition_buttons["researching"].click()
    assert "assign someone first" in desk.message
    assert path.read_bytes() == before

    panel.assignee.value = "Salma"
    panel.assign_button.click()
    panel.transition_buttons["researching"].click()
    assert desk.message == "claim-one: triaged -> researching"
    data = on_disk(path)
    assert data["status"] == "researching"
    assert data["assignee"] == "Salma"
    last = data["history"][-1]
    assert (last["actor"], last["action"], last["from"], last["to"]) == (
        "Salma",
        "start-research",
        "triaged",
        "researching",
    )
    assert data["history"][-2]["action"] == "assign"
    # The panel follows the file: the next move is offered, the old ones are gone.
    assert panel.allowed == ["in-review"]
    assert "researching" in panel.summary.value


def test_a_move_not_allowed_now_has_no_button_and_is_refused(make_dataset) -> None:
    root = make_dataset()  # claim-one is new
    path = root / CLAIM_FILE
    before = path.read_bytes()
    desk, panel = panel_for(root, "Salma")
    assert panel.allowed == ["triaged", "rejected"]
    assert "published" not in panel.transition_buttons
    assert panel.move("published") is None
    assert "cannot go from 'new' to 'published'" in desk.message
    assert path.read_bytes() == before
    # Rejecting needs a note; with one, the note is in the history.
    panel.move("rejected")
    assert "needs a note" in desk.message
    assert path.read_bytes() == before
    panel.note.value = "an opinion, not a checkable fact"
    panel.transition_buttons["rejected"].click()
    event = on_disk(path)["history"][-1]
    assert (event["action"], event["note"]) == ("reject", "an opinion, not a checkable fact")
    assert panel.note.value == ""
    # Reconsidering is an editor's move: a checker sees no button for it.
    assert panel.allowed == []
    desk.user = "Karim"
    assert panel.allowed == ["triaged"]


def test_a_checker_cannot_approve_and_nothing_is_written(root: Path) -> None:
    path = at_status(root, Status.IN_REVIEW)
    before = path.read_bytes()
    desk, panel = panel_for(root, "Youssef")
    # Publishing is an editor's move: no button for a checker.
    assert panel.allowed == []
    assert panel.review_box.layout.display is None  # the review box is shown in review
    panel.approve_button.click()
    assert desk.message.endswith("role-required: Youssef is a checker; this needs an editor")
    panel.send_back("the sources are thin")
    assert "needs an editor" in desk.message
    assert path.read_bytes() == before


def test_an_editor_approves_and_publishes_once_the_gate_passes(root: Path) -> None:
    path = at_status(root, Status.IN_REVIEW, ready=True)
    desk, panel = panel_for(root, "Karim")
    assert [r.rule for r in panel.gate] == RULES
    assert [r.rule for r in panel.gate if not r.met] == ["four-eyes"]
    assert "published" in panel.allowed
    panel.move("published")
    assert "four-eyes" in desk.message
    assert on_disk(path)["status"] == "in-review"

    panel.approve_button.click()
    assert on_disk(path)["reviewer"] == "Karim"
    assert all(r.met for r in panel.gate)
    panel.transition_buttons["published"].click()
    data = on_disk(path)
    assert data["status"] == "published"
    assert data["history"][-1]["actor"] == "Karim"
    # A published claim reopens only with a correction.
    assert panel.allowed == []
    assert panel.correction_box.layout.display is None
    panel.correct("the date of the ruling", "we misread it")
    data = on_disk(path)
    assert data["status"] == "researching"
    assert data["corrections"][0]["what"] == "the date of the ruling"
    assert data["corrections"][0]["by"] == "Karim"


def test_the_editor_who_researched_cannot_approve(root: Path) -> None:
    path = at_status(root, Status.IN_REVIEW)
    data = on_disk(path)
    data["assignee"] = "Karim"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    before = path.read_bytes()
    desk, panel = panel_for(root, "Karim")
    panel.approve()
    assert "another editor must approve it" in desk.message
    assert path.read_bytes() == before


def test_send_back_needs_the_editors_note(root: Path) -> None:
    path = at_status(root, Status.IN_REVIEW)
    desk, panel = panel_for(root, "Karim")
    panel.send_back_button.click()
    assert "needs a note" in desk.message
    panel.note.value = "archive the court record"
    panel.send_back_button.click()
    last = on_disk(path)["history"][-1]
    assert (last["action"], last["note"], last["actor"]) == (
        "send-back",
        "archive the court record",
        "Karim",
    )


def test_the_gate_checklist_names_every_rule_with_what_to_do(make_dataset) -> None:
    root = make_dataset()
    _, panel = panel_for(root, "Salma")
    assert [r.rule for r in panel.gate] == RULES
    met = {r.rule: r.met for r in panel.gate}
    assert met["verdict-set"] is False
    assert met["no-private-names"] is True
    html = panel.gate_html.value
    for rule in RULES:
        assert rule in html
    assert "✓" in html and "✗" in html
    assert "set a verdict other than" in html  # what to do, not only that it fails


@pytest.mark.parametrize(
    ("languages", "label"),
    [("[ar, fr]", "صحيح"), ("[fr, ar]", "Vrai"), ("[ar, fr, en]", "True")],
)
def test_verdict_labels_are_in_the_desks_language(make_dataset, languages, label) -> None:
    settings = TEAM.replace("languages: [ar, fr, en]", f"languages: {languages}")
    root = make_dataset({"dataset.yaml": settings})
    _, panel = panel_for(root, "Salma")
    shown = [text for text, _ in panel.verdict.options]
    assert label in shown
    assert "unverified" not in [value for _, value in panel.verdict.options]


def test_a_checker_sets_the_verdict_with_its_rationale(root: Path) -> None:
    path = at_status(root, Status.RESEARCHING)
    desk, panel = panel_for(root, "Salma")
    assert panel.verdict.value is None  # no verdict is picked for the person
    panel.verdict_button.click()
    assert "pick a verdict" in desk.message
    panel.set_verdict("unproven", "")
    assert "explain the verdict" in desk.message
    assert on_disk(path)["verdict"] == "unverified"
    panel.verdict.value = "unproven"
    panel.rationale.value = "No court record or second source could be found for the cheques."
    panel.verdict_button.click()
    data = on_disk(path)
    assert (data["verdict"], data["history"][-1]["actor"]) == ("unproven", "Salma")
    assert "Unproven" in panel.summary.value
    assert panel.allowed == ["in-review"]


def test_a_right_of_reply_is_recorded_for_a_subject(root: Path) -> None:
    path = at_status(root, Status.RESEARCHING)
    desk, panel = panel_for(root, "Salma")
    assert panel.reply_actor.options == (("the leader of the network", "network-leader"),)
    panel.record_reply("network-leader", "phone", "no-answer", deadline="tomorrow")
    assert "invalid-reply" in desk.message
    assert on_disk(path).get("right_of_reply") is None
    panel.reply_outcome.value = "declined"
    panel.reply_button.click()
    reply = on_disk(path)["right_of_reply"][0]
    assert (reply["actor"], reply["outcome"], reply["by"]) == (
        "network-leader",
        "declined",
        "Salma",
    )


def test_someone_off_the_team_changes_nothing(make_dataset) -> None:
    root = make_dataset()
    before = (root / CLAIM_FILE).read_bytes()
    desk = Desk(root, user="Mallory")
    panel = WorkflowPanel(desk, "claim-one")
    panel.move("triaged")
    assert "pick a name above" in desk.message or "say who you are" in desk.message
    assert (root / CLAIM_FILE).read_bytes() == before


def test_the_picker_offers_claims_waiting_for_a_decision_first(shipped_copy: Path) -> None:
    desk = Desk(shipped_copy, user="Karim")
    panel = WorkflowPanel(desk, picker=True)
    statuses = [label.split(" · ")[0] for label, _ in panel.claim_picker.options]
    assert statuses == sorted(statuses, key=[str(s) for s in PICK_ORDER].index)
    assert len(statuses) == len(list(shipped_copy.glob("fes-meknes-network/*.yaml")))
    assert statuses[0] in ("in-review", "researching")
    assert panel.claim_id == panel.claim_picker.options[0][1]
    panel.rationale.value = "typed for the first claim"
    new = next(claim_id for label, claim_id in panel.claim_picker.options if "new ·" in label)
    panel.claim_picker.value = new
    assert panel.claim_id == new
    assert panel.rationale.value == ""  # nothing typed for another claim is carried over
    assert panel.allowed == ["triaged", "rejected"]
    # Unverified claims are shown as what someone claims, never as fact.
    assert "claims" in panel.summary.value and "Unverified" in panel.summary.value


def test_the_claim_browser_opens_a_claim_in_the_panel(shipped_copy: Path) -> None:
    """As in 03-review-and-publish.ipynb: a row picked in the browser shows in the panel."""
    from claimtrack.widgets import ClaimBrowser

    desk = Desk(shipped_copy, user="Salma")
    browser = ClaimBrowser(desk, page_size=10)
    panel = WorkflowPanel(desk, picker=True)
    browser.on_select(panel.show)
    assert browser.select("bad-cheques")
    assert panel.claim_id == "bad-cheques"
    assert panel.claim_picker.value == "bad-cheques"
    assert "bad-cheques" in panel.summary.value
