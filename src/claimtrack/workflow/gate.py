"""The publication gate: named rules a claim must meet before it is published.

Each rule returns None when met, or a message that says how to meet it. `claimtrack gate`,
the transition to published, validate and the workflow widget all use `evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from ..models import PRIMARY_KINDS, Actor, ActorKind, Claim, ReplyOutcome, Role, VerdictScale
from ..store import Dataset
from ..text import normalise
from ..verdicts import effective_scale, find

MIN_RATIONALE = 80  # characters: a sentence or two that explains the verdict
# Who is owed a right of reply: people and organisations, not accounts or networks.
REPLY_KINDS = {ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.COMPANY}


@dataclass(frozen=True, slots=True)
class GateResult:
    rule: str
    met: bool
    message: str


def verdict_set(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    if claim.verdict == "unverified":
        return "set a verdict other than 'unverified' (claimtrack verdict ID LABEL --rationale ...)"
    if find(scale_of(dataset), claim.verdict) is None:
        return f"the verdict '{claim.verdict}' is not on the verdict scale; pick one that is"
    if len((claim.rationale or "").strip()) < MIN_RATIONALE:
        return (
            f"write a rationale of at least {MIN_RATIONALE} characters that explains the verdict "
            "from the evidence"
        )
    return None


def evidence_sufficient(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    sources = [dataset.source(e.source) for e in claim.evidence]
    found = [s.record for s in sources if s is not None]
    if any(s.kind in PRIMARY_KINDS for s in found):
        return None
    # A source without a publisher cannot show that it is independent of another.
    publishers = {normalise(s.publisher) for s in found if s.publisher}
    if len(publishers) >= 2:
        return None
    return (
        "add evidence from at least two independent sources (different publishers), or one "
        "primary document (court record, official statement, company filing)"
    )


def sources_preserved(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    cited = [e.source for e in claim.evidence] + [a.source for a in claim.appearances]
    missing = sorted(
        {
            ref
            for ref in cited
            if (loaded := dataset.source(ref)) is None
            or not (loaded.record.archive_url or loaded.record.sha256)
        }
    )
    if missing:
        return (
            f"give each cited source an archive_url or the sha256 of a stored copy: "
            f"{', '.join(missing)}"
        )
    return None


def four_eyes(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    reviewer = claim.reviewer
    if not reviewer:
        return "an editor must approve it (claimtrack review ID approve --by EDITOR)"
    member = dataset.settings.member(reviewer) if dataset.settings else None
    if member is None or member.role != Role.EDITOR:
        return f"the reviewer '{reviewer}' must be an editor on the dataset's team"
    author = verdict_author(claim)
    if reviewer in (claim.assignee, author):
        return (
            f"the reviewer '{reviewer}' also researched the claim or wrote its verdict; another "
            "editor must approve it"
        )
    approved = any(
        e.action == "approve" and e.actor == reviewer for e in events_since_verdict(claim)
    )
    if not approved:
        return f"no approval by '{reviewer}' is recorded since the verdict was last set"
    return None


def right_of_reply(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    missing = []
    for subject in claim.subjects:
        loaded = dataset.actor(subject)
        if loaded is None or not owed_reply(loaded.record):
            continue
        attempts = [a for a in claim.right_of_reply if a.actor == subject]
        done = any(
            a.outcome in (ReplyOutcome.ANSWERED, ReplyOutcome.DECLINED)
            or (
                a.outcome == ReplyOutcome.NO_ANSWER and a.deadline is not None and a.deadline <= now
            )
            for a in attempts
        )
        if not done:
            missing.append(f"{subject} ({loaded.record.label})")
    if missing:
        return (
            "record a right-of-reply attempt with its outcome (answered, declined, or no answer "
            f"by a deadline that has passed) for: {'; '.join(missing)}"
        )
    return None


def no_private_names(dataset: Dataset, claim: Claim, now: datetime) -> str | None:
    found = private_names_in(dataset, claim)
    if found:
        fields = ", ".join(sorted({field for field, _ in found}))
        return (
            f"a private person's name appears in {fields}; replace it with the actor's label "
            f"({', '.join(sorted({label for _, label in found}))})"
        )
    return None


def public_texts(claim: Claim) -> Iterator[tuple[str, str]]:
    """Every text of a claim that publication shows, with its field pointer."""
    yield "/statement", claim.statement
    for language, text in claim.translations.items():
        yield f"/translations/{language}", text
    yield "/claimant/label", claim.claimant.label
    if claim.rationale:
        yield "/rationale", claim.rationale
    for i, appearance in enumerate(claim.appearances):
        if appearance.quote:
            yield f"/appearances/{i}/quote", appearance.quote
    for i, evidence in enumerate(claim.evidence):
        yield f"/evidence/{i}/shows", evidence.shows
    for i, attempt in enumerate(claim.right_of_reply):
        if attempt.summary:
            yield f"/right_of_reply/{i}/summary", attempt.summary
    for i, correction in enumerate(claim.corrections):
        yield f"/corrections/{i}/what", correction.what
        yield f"/corrections/{i}/why", correction.why


def private_names_in(dataset: Dataset, claim: Claim) -> list[tuple[str, str]]:
    """(field, actor label) for each private name found in the claim's public texts."""
    names = dataset.derived(
        "private-names",
        lambda: [
            (normalise(a.record.name), a.record.label)
            for a in dataset.actors
            if a.record.name and a.record.is_private
        ],
    )
    found = []
    for field, text in public_texts(claim):
        padded = f" {normalise(text)} "
        found += [(field, label) for name, label in names if name and f" {name} " in padded]
    return found


def owed_reply(actor: Actor) -> bool:
    return actor.kind in REPLY_KINDS and not actor.public_figure


def verdict_author(claim: Claim) -> str | None:
    verdicts = [e for e in claim.history if e.action == "verdict"]
    return verdicts[-1].actor if verdicts else None


def events_since_verdict(claim: Claim) -> list:
    last = max((i for i, e in enumerate(claim.history) if e.action == "verdict"), default=-1)
    return claim.history[last + 1 :]


def scale_of(dataset: Dataset) -> VerdictScale:
    """The dataset's verdict scale, computed once."""
    return dataset.derived("scale", lambda: effective_scale(dataset.settings))  # type: ignore[no-any-return]


RULES: dict[str, Callable[[Dataset, Claim, datetime], str | None]] = {
    "verdict-set": verdict_set,
    "evidence-sufficient": evidence_sufficient,
    "sources-preserved": sources_preserved,
    "four-eyes": four_eyes,
    "right-of-reply": right_of_reply,
    "no-private-names": no_private_names,
}


def evaluate(dataset: Dataset, claim: Claim, now: datetime | None = None) -> list[GateResult]:
    """Every rule, met or not, in a fixed order."""
    now = now or datetime.now(UTC)
    results = []
    for name, rule in RULES.items():
        message = rule(dataset, claim, now)
        results.append(GateResult(name, message is None, message or "met"))
    return results


def passes(dataset: Dataset, claim: Claim, now: datetime | None = None) -> bool:
    return all(r.met for r in evaluate(dataset, claim, now))
