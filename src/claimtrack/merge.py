"""Merging two claims that say the same thing: KEEP absorbs DROP, and DROP's file is removed.

What moves to KEEP: DROP's appearances, evidence, subjects, right-of-reply attempts, notes and
outside fact-checks (each once). What is kept of DROP itself: its id, statement, language,
translations and whole history, in KEEP's `merged_from`, with a last event 'merged-into'
naming KEEP. KEEP's history gets a 'merge' event naming DROP. KEEP's statement, status and
verdict do not change. A claim in review or published is never dropped: its verdict is under
review or public, so reject or correct it instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .authoring import now as current_time
from .models import Claim, Event, Status
from .models.claim import MergedClaim
from .problems import ClaimtrackError, Problem
from .store import Dataset, open_document, remove_document, save_document
from .workflow import member

PROTECTED = (Status.IN_REVIEW, Status.PUBLISHED)


def _refuse(code: str, message: str, claim_id: str = "") -> ClaimtrackError:
    return ClaimtrackError(Problem(code, message, claim_id))


def _union(first: list[Any], second: list[Any], key: Any = lambda item: item) -> list[Any]:
    seen = {key(item) for item in first}
    merged = list(first)
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def merged(keep: Claim, drop: Claim, by: str, at: datetime) -> Claim:
    """KEEP with DROP merged into it (pure: nothing is read or written)."""
    into = Event.model_validate(
        {"time": at, "actor": by, "action": "merged-into", "note": f"merged into {keep.id}"}
    )
    record = MergedClaim(
        id=drop.id,
        statement=drop.statement,
        language=drop.language,
        translations=drop.translations,
        merged=at,
        by=by,
        history=[*drop.history, into],
    )
    event = Event.model_validate(
        {
            "time": at,
            "actor": by,
            "action": "merge",
            "note": f"merged {drop.id} into this claim; its statement and history are kept "
            "in merged_from",
        }
    )
    data = keep.model_dump(by_alias=True)
    data.update(
        {
            "subjects": _union(keep.subjects, drop.subjects),
            "appearances": _union(
                keep.appearances, drop.appearances, lambda a: (a.source, a.quote, a.date)
            ),
            "evidence": _union(keep.evidence, drop.evidence, lambda e: (e.source, e.shows)),
            "right_of_reply": _union(
                keep.right_of_reply, drop.right_of_reply, lambda r: (r.actor, r.contacted)
            ),
            "notes": _union(keep.notes, drop.notes, lambda n: (n.time, n.by, n.text)),
            "checked_elsewhere": _union(
                keep.checked_elsewhere, drop.checked_elsewhere, lambda r: r.url
            ),
            "merged_from": [*keep.merged_from, *drop.merged_from, record],
            "history": [*keep.history, event],
            "updated": at,
        }
    )
    return Claim.model_validate(data)


def merge_claims(
    dataset: Dataset, keep_id: str, drop_id: str, by: str, at: datetime | None = None
) -> Claim:
    """Merge DROP into KEEP through the store: KEEP saved, then DROP's file removed."""
    member(dataset, by)
    if keep_id == drop_id:
        raise _refuse("same-claim", "a claim cannot be merged into itself", keep_id)
    found = []
    for claim_id in (keep_id, drop_id):
        loaded = dataset.claim(claim_id)
        if loaded is None:
            raise _refuse(
                "unknown-claim", f"no claim has the id '{claim_id}'; 'claimtrack list' shows ids"
            )
        found.append(loaded)
    keep_doc = open_document(found[0].path, "claim", found[0].display)
    drop_doc = open_document(found[1].path, "claim", found[1].display)
    if drop_doc.record.status in PROTECTED:
        raise _refuse(
            "merge-refused",
            f"{drop_id} is {drop_doc.record.status}: its verdict is under review or public, so "
            f"it cannot disappear; merge the other way (claimtrack merge {drop_id} {keep_id}), "
            "or reject or correct it",
            drop_id,
        )
    result = merged(keep_doc.record, drop_doc.record, by, at or current_time())
    save_document(keep_doc, result)
    remove_document(drop_doc)
    return result
