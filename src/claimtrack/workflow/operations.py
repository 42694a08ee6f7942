"""The editorial operations: each takes a claim, who acts, and what they do, and returns the
claim with one more history event. They check the team, the role and the workflow; the store
writes the result (see `apply`). The CLI and the widgets call these and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from ..authoring import now as current_time
from ..models import Claim, Correction, Event, Evidence, Member, Note, ReplyAttempt, Role, Status
from ..problems import ClaimtrackError, Problem
from ..store import Dataset, open_document, save_document
from ..verdicts import effective_scale
from ..verdicts import find as find_verdict
from .gate import evaluate, verdict_author
from .transitions import Transition, allowed_from, describe_moves, find, may


def refuse(code: str, message: str, claim: Claim | None = None, field: str = "") -> ClaimtrackError:
    return ClaimtrackError(Problem(code, message, claim.id if claim else "", field=field))


def member(dataset: Dataset, name: str | None, needed: Role = Role.CHECKER) -> Member:
    """The team member acting, who must hold at least the `needed` role."""
    if not name:
        raise refuse("no-user", "say who you are: --by NAME, CLAIMTRACK_USER or git user.name")
    team = dataset.settings.team if dataset.settings else []
    found = next((m for m in team if m.name == name), None)
    if found is None:
        names = ", ".join(f"{m.name} ({m.role})" for m in team) or "nobody yet"
        raise refuse(
            "not-on-team",
            f"'{name}' is not on the dataset's team ({names}); add them to dataset.yaml",
        )
    if not may(found.role, needed):
        raise refuse("role-required", f"{name} is a {found.role}; this needs an {needed}")
    return found


def _event(
    claim: Claim,
    by: str,
    action: str,
    at: datetime | None,
    note: str | None = None,
    source: Status | None = None,
    target: Status | None = None,
) -> dict[str, Any]:
    at = at or current_time()
    event = Event.model_validate(
        {"time": at, "actor": by, "action": action, "from": source, "to": target, "note": note}
    )
    return {"history": [*claim.history, event], "updated": at}


def change_status(
    dataset: Dataset,
    claim: Claim,
    target: Status,
    by: str,
    note: str | None = None,
    at: datetime | None = None,
    _correction: bool = False,
) -> Claim:
    """Move a claim along the workflow; refuses any move the table does not allow."""
    move = find(claim.status, target)
    if move is None or (move.only_by_correction and not _correction):
        hint = "use 'claimtrack correct' to reopen it" if claim.status == Status.PUBLISHED else ""
        raise refuse(
            "transition-refused",
            f"a claim cannot go from '{claim.status}' to '{target}'. Allowed from "
            f"'{claim.status}': {describe_moves(claim.status)}{'. ' + hint if hint else ''}",
            claim,
            "/status",
        )
    member(dataset, by, move.role)
    _guard(dataset, claim, move, note, at)
    update = _event(claim, by, move.action, at, note, claim.status, target)
    update["status"] = target
    if target == Status.PUBLISHED and claim.published is None:
        update["published"] = update["updated"]
    return claim.model_copy(update=update)


def _guard(
    dataset: Dataset, claim: Claim, move: Transition, note: str | None, at: datetime | None
) -> None:
    if move.needs_note and not (note and note.strip()):
        raise refuse("note-required", f"moving to '{move.target}' needs a note: {move.help}", claim)
    if move.needs_assignee and not claim.assignee:
        raise refuse("no-assignee", "assign someone first: claimtrack assign ID NAME", claim)
    if move.needs_verdict and claim.verdict == "unverified":
        raise refuse(
            "no-verdict",
            "set a verdict and rationale before review: claimtrack verdict ID LABEL --rationale",
            claim,
        )
    if move.runs_gate:
        failed = [r for r in evaluate(dataset, claim, at) if not r.met]
        if failed:
            lines = "; ".join(f"{r.rule}: {r.message}" for r in failed)
            raise refuse("gate-failed", f"the publication gate refuses: {lines}", claim)


def assign(
    dataset: Dataset, claim: Claim, assignee: str, by: str, at: datetime | None = None
) -> Claim:
    member(dataset, by)
    member(dataset, assignee)
    update = _event(claim, by, "assign", at, f"assigned to {assignee}")
    return claim.model_copy(update={**update, "assignee": assignee})


def set_verdict(
    dataset: Dataset,
    claim: Claim,
    verdict: str,
    rationale: str,
    by: str,
    at: datetime | None = None,
) -> Claim:
    """Set the verdict; any earlier approval no longer holds, so the reviewer is cleared."""
    member(dataset, by)
    if claim.status not in (Status.RESEARCHING, Status.IN_REVIEW):
        raise refuse(
            "verdict-refused", f"set a verdict while researching (now '{claim.status}')", claim
        )
    scale = effective_scale(dataset.settings)
    if find_verdict(scale, verdict) is None or verdict == "unverified":
        ids = ", ".join(label.id for label in scale.labels if label.id != "unverified")
        raise refuse(
            "unknown-verdict",
            f"'{verdict}' is not on the verdict scale; use one of {ids}",
            claim,
            "/verdict",
        )
    if not rationale.strip():
        raise refuse("no-rationale", "explain the verdict in --rationale", claim, "/rationale")
    update = _event(claim, by, "verdict", at, f"verdict: {verdict}")
    return Claim.model_validate(
        {
            **claim.model_dump(by_alias=True),
            **update,
            "verdict": verdict,
            "rationale": rationale,
            "reviewer": None,
        }
    )


def review(
    dataset: Dataset,
    claim: Claim,
    decision: Literal["approve", "send-back"],
    by: str,
    note: str | None = None,
    at: datetime | None = None,
) -> Claim:
    """An editor's review of a claim in review: approve it (publication is a separate step),
    or send it back to research with a note."""
    if claim.status != Status.IN_REVIEW:
        raise refuse(
            "not-in-review", f"only a claim in review can be reviewed (now '{claim.status}')", claim
        )
    if decision == "send-back":
        return change_status(dataset, claim, Status.RESEARCHING, by, note, at)
    member(dataset, by, Role.EDITOR)
    if by in (claim.assignee, verdict_author(claim)):
        raise refuse(
            "four-eyes",
            f"{by} researched this claim or wrote its verdict; another editor must approve it",
            claim,
        )
    update = _event(claim, by, "approve", at, note)
    return claim.model_copy(update={**update, "reviewer": by})


def correct(
    dataset: Dataset, claim: Claim, by: str, what: str, why: str, at: datetime | None = None
) -> Claim:
    """Reopen a published claim into research with a public correction entry."""
    if claim.status != Status.PUBLISHED:
        raise refuse(
            "not-published", "only a published claim takes a correction; edit it instead", claim
        )
    at = at or current_time()
    reopened = change_status(
        dataset, claim, Status.RESEARCHING, by, f"correction: {what}", at, _correction=True
    )
    entry = Correction(date=at, by=by, what=what, why=why)
    return reopened.model_copy(
        update={"corrections": [*claim.corrections, entry], "reviewer": None}
    )


def record_reply(
    dataset: Dataset, claim: Claim, attempt: ReplyAttempt, by: str, at: datetime | None = None
) -> Claim:
    """Record an attempt to reach someone the claim is about (or its outcome, as a new entry)."""
    member(dataset, by)
    if dataset.actor(attempt.actor) is None:
        raise refuse("unknown-actor", f"no actor has the id '{attempt.actor}'", claim)
    update = _event(claim, by, "right-of-reply", at, f"{attempt.actor}: {attempt.outcome}")
    return claim.model_copy(update={**update, "right_of_reply": [*claim.right_of_reply, attempt]})


def add_evidence(
    dataset: Dataset, claim: Claim, source: str, shows: str, by: str, at: datetime | None = None
) -> Claim:
    """Cite a source as evidence, with what it shows."""
    member(dataset, by)
    if dataset.source(source) is None:
        raise refuse(
            "unknown-source",
            f"no source has the id '{source}'; add it first (claimtrack new source ...)",
            claim,
        )
    entry = Evidence(source=source, shows=shows)
    update = _event(claim, by, "evidence", at, f"cited {source}")
    return claim.model_copy(update={**update, "evidence": [*claim.evidence, entry]})


def add_note(
    dataset: Dataset, claim: Claim, text: str, by: str, at: datetime | None = None
) -> Claim:
    """An internal research note (never published)."""
    member(dataset, by)
    at = at or current_time()
    note = Note(time=at, by=by, text=text)
    return claim.model_copy(update={"notes": [*claim.notes, note], "updated": at})


# What an edit of the fields may change; status, verdict, reviews and history change only
# through the operations above.
EDITABLE = (
    "statement",
    "language",
    "translations",
    "category",
    "claimant",
    "subjects",
    "appearances",
    "evidence",
    "notes",
    "right_of_reply",
)


def edit(
    dataset: Dataset, before: Claim, after: Claim, by: str, at: datetime | None = None
) -> Claim:
    """The claim with the fields an editor form changed (`after`), and an 'edit' event that
    says who changed which fields; everything else is kept from `before`."""
    member(dataset, by)
    changed = [f for f in EDITABLE if getattr(after, f) != getattr(before, f)]
    if not changed:
        return before
    at = at or current_time()
    update: dict[str, Any] = {f: getattr(after, f) for f in changed}
    fields = [f.replace("_", " ") for f in changed if f != "notes"]
    if fields:
        update.update(_event(before, by, "edit", at, "changed " + ", ".join(fields)))
    else:  # a note alone is recorded with its author; no event needed
        update["updated"] = at
    return before.model_copy(update=update)


def allowed_targets(claim: Claim) -> list[Status]:
    """The statuses the claim may move to now with 'status' (corrections excepted)."""
    return [t.target for t in allowed_from(claim.status) if not t.only_by_correction]


def apply(dataset: Dataset, claim_id: str, change: Callable[[Claim], Claim]) -> Claim:
    """Open the claim's file, apply `change` to the record as it is on disk, save it in place."""
    loaded = dataset.claim(claim_id)
    if loaded is None:
        raise refuse(
            "unknown-claim", f"no claim has the id '{claim_id}'; 'claimtrack list' shows ids"
        )
    document = open_document(loaded.path, "claim", loaded.display)
    changed = Claim.model_validate(change(document.record).model_dump(by_alias=True))
    save_document(document, changed)
    return changed
