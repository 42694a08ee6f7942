"""Check one claim as it is being edited, before it is saved: the model's rules and the
dataset's rules that concern that claim, with the field each problem is about.

The editor widget calls this on every change, so it only looks at the one claim: it does not
re-check the whole dataset."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..models import Claim
from ..problems import Problem
from ..store import Dataset, Loaded
from ..store.records import validate
from .editorial import history_agrees_with_status, people_are_on_the_team, verdicts_on_the_scale
from .records import known_ids, no_future_dates, unresolved_references

# The dataset's rules that look at one claim at a time (ids and links concern other files);
# its references are checked against the dataset's ids, known once per load.
CLAIM_RULES = [
    history_agrees_with_status,
    people_are_on_the_team,
    verdicts_on_the_scale,
    no_future_dates,
]


def check_draft(
    dataset: Dataset,
    data: dict[str, Any],
    path: Path,
    display: str,
    case: str | None = None,
    now: datetime | None = None,
) -> tuple[Claim | None, list[Problem]]:
    """The claim `data` would make if saved at `path`, and its problems (none means it saves).

    Problems carry field pointers such as `/evidence/1/source`, not positions: the draft is not
    a file yet."""
    claim, problems = validate("claim", data, display, lambda: b"")
    if claim is None:
        return None, [p.at(None, None) for p in problems]
    taken = dataset.claim(claim.id)
    if taken is not None and taken.path.resolve() != path.resolve():
        problems.append(
            Problem(
                "duplicate-id",
                f"the id '{claim.id}' is already used by {taken.display}; choose another",
                display,
                field="/id",
            )
        )
    if path.stem != claim.id:
        problems.append(
            Problem(
                "id-mismatch",
                f"the id must equal the file name '{path.stem}'; ids cannot be changed here",
                display,
                field="/id",
            )
        )
    loaded = Loaded(claim, path, display, case)
    known = dataset.derived("known-ids", lambda: known_ids(dataset))
    problems += [p.at(None, None) for p in unresolved_references(loaded, known)]
    # The claim alone, so that the rules look at nothing else on every keystroke.
    alone = Dataset(
        dataset.root,
        settings=dataset.settings,
        claims=[loaded],
        settings_display=dataset.settings_display,
    )
    moment = now or datetime.now(UTC)
    for rule in CLAIM_RULES:
        problems += [p.at(None, None) for p in rule(alone, moment) if p.path == display]
    return claim, problems
