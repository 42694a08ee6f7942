"""An edit of a claim's fields (the editor widget's save) records who changed which fields and
cannot change what only the workflow changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimtrack.models import Category, Status
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load
from claimtrack.workflow import apply, edit

AT = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def test_an_edit_records_who_changed_which_fields(desk) -> None:
    dataset = load(desk)
    before = dataset.claim("claim-one").record
    after = before.model_copy(
        update={"translations": {"en": "Another wording"}, "category": Category.FRAUD}
    )
    saved = apply(dataset, "claim-one", lambda c: edit(dataset, c, after, "Youssef", AT))
    event = saved.history[-1]
    assert (event.actor, event.action, event.note) == (
        "Youssef",
        "edit",
        "changed translations, category",
    )
    assert saved.updated == AT
    reread = load(desk).claim("claim-one").record
    assert reread.translations == {"en": "Another wording"} and reread.category == "fraud"


def test_an_edit_cannot_move_the_status_or_set_the_verdict(desk) -> None:
    dataset = load(desk)
    before = dataset.claim("claim-one").record
    after = before.model_copy(
        update={"status": Status.PUBLISHED, "verdict": "false", "statement": "Reworded"}
    )
    edited = edit(dataset, before, after, "Salma", AT)
    assert edited.status == before.status and edited.verdict == before.verdict
    assert edited.statement == "Reworded"


def test_nothing_changed_is_no_event_and_someone_off_the_team_is_refused(desk) -> None:
    dataset = load(desk)
    claim = dataset.claim("claim-one").record
    assert edit(dataset, claim, claim, "Salma", AT) is claim
    changed = claim.model_copy(update={"statement": "Reworded"})
    with pytest.raises(ClaimtrackError) as refused:
        edit(dataset, claim, changed, "Mallory", AT)
    assert refused.value.problem.code == "not-on-team"
