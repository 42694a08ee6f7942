"""Rules about the editorial work: history and status, the team, the verdict scale, and the
publication gate for what is already published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ..models import Status
from ..problems import Problem
from ..store import Dataset, Loaded, position
from ..store.layout import SETTINGS_FILE
from ..verdicts import effective_scale, find, scale_problems
from ..workflow.gate import evaluate
from ..workflow.transitions import find as find_move
from .base import problem


def history_agrees_with_status(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.claims:
        claim = loaded.record
        previous = None
        for i, event in enumerate(claim.history):
            if previous is not None and event.time < previous.time:
                yield problem(
                    loaded,
                    ("history", i, "time"),
                    "history-order",
                    f"this event ({event.time.isoformat()}) is earlier than the one before it "
                    f"({previous.time.isoformat()}); history is append-only, in time order",
                )
            previous = event
        state = Status.NEW
        last_move = None
        for i, event in enumerate(claim.history):
            if event.to is None:
                continue
            # A move that does not say where it starts from starts from the state before it;
            # only the first move, into 'new', comes from nowhere (the claim's creation).
            source = state if event.from_ is None else event.from_
            creation = event.from_ is None and last_move is None and event.to == Status.NEW
            if source != state:
                yield problem(
                    loaded,
                    ("history", i, "from"),
                    "history-chain",
                    f"this move starts from '{event.from_}', but the claim was '{state}' after "
                    "the move before it; history must record every change of status",
                )
            elif not creation and find_move(source, event.to) is None:
                yield problem(
                    loaded,
                    ("history", i, "to"),
                    "history-move",
                    f"the workflow has no move from '{source}' to '{event.to}'; record the "
                    "steps in between with 'claimtrack status'",
                )
            state, last_move = event.to, i
        if state != claim.status:
            yield problem(
                loaded,
                ("status",),
                "history-status",
                f"the status is '{claim.status}' but the history ends in '{state}'"
                + ("" if last_move is not None else " (no move is recorded)")
                + "; change the status with 'claimtrack status' so that the move is recorded",
            )


def people_are_on_the_team(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    if dataset.settings is None:
        return
    team = {m.name for m in dataset.settings.team}
    hint = f"add them to the team in dataset.yaml (now: {', '.join(sorted(team)) or 'nobody'})"
    for loaded in dataset.claims:
        claim = loaded.record
        people = [(("assignee",), claim.assignee), (("reviewer",), claim.reviewer)]
        people += [(("history", i, "actor"), e.actor) for i, e in enumerate(claim.history)]
        people += [(("notes", i, "by"), n.by) for i, n in enumerate(claim.notes)]
        people += [(("right_of_reply", i, "by"), r.by) for i, r in enumerate(claim.right_of_reply)]
        people += [(("corrections", i, "by"), c.by) for i, c in enumerate(claim.corrections)]
        for field, name in people:
            if name is not None and name not in team:
                yield problem(loaded, field, "not-on-team", f"'{name}' is not on the team; {hint}")


def verdicts_on_the_scale(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    if dataset.settings is not None:
        settings = Loaded(dataset.settings, dataset.root / SETTINGS_FILE, dataset.settings_display)
        for found in scale_problems(dataset.settings, dataset.settings_display):
            field = tuple(int(s) if s.isdigit() else s for s in found.field.split("/")[1:])
            yield found.at(*position(settings, field))
    scale = effective_scale(dataset.settings)
    ids = ", ".join(label.id for label in scale.labels)
    for loaded in dataset.claims:
        if find(scale, loaded.record.verdict) is None:
            yield problem(
                loaded,
                ("verdict",),
                "unknown-verdict",
                f"'{loaded.record.verdict}' is not on the verdict scale; use one of {ids}",
            )


def published_claims_pass_the_gate(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.claims:
        claim = loaded.record
        if claim.status != Status.PUBLISHED:
            continue
        for result in evaluate(dataset, claim, now):
            if not result.met:
                yield problem(
                    loaded,
                    ("status",),
                    f"gate-{result.rule}",
                    f"published, but the publication gate's rule '{result.rule}' fails: "
                    f"{result.message} (or reopen it with 'claimtrack correct')",
                )
