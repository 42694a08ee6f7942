"""A claim: one allegation, its research, its verdict and its history."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .common import DayOrMoment, Language, Moment, Record, Slug, Text, Url


class Status(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    RESEARCHING = "researching"
    IN_REVIEW = "in-review"
    PUBLISHED = "published"
    REJECTED = "rejected"


class Category(StrEnum):
    BAD_CHEQUES = "bad-cheques"
    TENDER_BROKERING = "tender-brokering"
    ACCOUNT_NETWORK = "account-network"
    DEFAMATION = "defamation"
    EXTORTION = "extortion"
    FRAUD = "fraud"
    CORRUPTION = "corruption"
    POLITICAL_TIES = "political-ties"
    EMPLOYMENT = "employment"
    CRIMINAL_RECORD = "criminal-record"
    LEGAL_ACTION = "legal-action"
    OTHER = "other"


class ReplyChannel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    IN_PERSON = "in-person"
    SOCIAL_MEDIA = "social-media"
    MESSAGING = "messaging"
    OTHER = "other"


class ReplyOutcome(StrEnum):
    PENDING = "pending"
    ANSWERED = "answered"
    DECLINED = "declined"
    NO_ANSWER = "no-answer"


class Claimant(Record):
    """Who asserts the claim, as the public may read it ('unnamed sources' is a value)."""

    label: Text = Field(description="Public description of who makes the claim")
    actor: Slug | None = Field(None, description="Actor id, when the claimant is on record")


class Appearance(Record):
    """Where the claim appeared."""

    source: Slug = Field(description="Id of the source in sources/")
    quote: Text | None = Field(None, description="The passage, verbatim")
    date: DayOrMoment | None = None


class Evidence(Record):
    source: Slug = Field(description="Id of the source in sources/")
    shows: Text = Field(description="What this source shows about the claim")


class ReplyAttempt(Record):
    """One attempt to reach a person or organisation the claim is about."""

    actor: Slug = Field(description="Id of the actor contacted")
    contacted: Moment
    channel: ReplyChannel
    by: Text = Field(description="Team member who made the attempt")
    outcome: ReplyOutcome = ReplyOutcome.PENDING
    deadline: Moment | None = None
    summary: Text | None = Field(None, description="What they answered, for publication")


class Event(Record):
    """One entry of the append-only history."""

    time: Moment
    actor: Text = Field(description="Team member who acted")
    action: str = Field(pattern=r"^[a-z][a-z-]{1,39}$")
    from_: Status | None = Field(None, alias="from")
    to: Status | None = None
    note: Text | None = None


class Note(Record):
    """An internal research note (never published)."""

    time: Moment
    by: Text
    text: Text


class Correction(Record):
    """A public correction, published with the claim."""

    date: Moment
    by: Text
    what: Text = Field(description="What changed")
    why: Text = Field(description="Why it changed")


class OutsideReview(Record):
    """A fact-check of this claim published by another organisation, imported for reference.

    It is never this newsroom's verdict: the claim's own `verdict` is set only by the workflow."""

    publisher: Text = Field(description="Who published the fact-check")
    url: Url = Field(description="Address of the fact-check (the key for re-imports)")
    source: Slug | None = Field(None, description="Id of the source record for the review page")
    reviewed: DayOrMoment | None = Field(None, description="When the fact-check was published")
    rating: Text | None = Field(None, description="The publisher's rating, verbatim")
    maps_to: Slug | None = Field(
        None, description="That rating on this dataset's verdict scale, if it maps (reference only)"
    )


class MergedClaim(Record):
    """A claim merged into this one by 'claimtrack merge': its file is gone, its words and
    history are kept here."""

    id: Slug
    statement: Text
    language: Language
    translations: dict[Language, Text] = Field(default_factory=dict)
    merged: Moment
    by: Text
    history: list[Event] = Field(default_factory=list)


class Claim(Record):
    id: Slug = Field(description="Equal to the file name without .yaml")
    statement: Text = Field(description="The claim verbatim, in its original language")
    language: Language = Field(description="BCP 47 tag of the statement's language")
    translations: dict[Language, Text] = Field(default_factory=dict)
    category: Category
    claimant: Claimant
    subjects: list[Slug] = Field(default_factory=list, description="Actor ids it is about")
    appearances: list[Appearance] = Field(default_factory=list)
    status: Status = Status.NEW
    verdict: Slug = Field("unverified", description="A label id from the verdict scale")
    rationale: Text | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    right_of_reply: list[ReplyAttempt] = Field(default_factory=list)
    assignee: Text | None = None
    reviewer: Text | None = None
    created: Moment
    updated: Moment | None = None
    published: Moment | None = None
    notes: list[Note] = Field(default_factory=list)
    history: list[Event] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)
    checked_elsewhere: list[OutsideReview] = Field(
        default_factory=list, description="Fact-checks of this claim by others (not our verdict)"
    )
    merged_from: list[MergedClaim] = Field(default_factory=list)


__all__ = [
    "Appearance",
    "Category",
    "Claim",
    "Claimant",
    "Correction",
    "Event",
    "Evidence",
    "MergedClaim",
    "Note",
    "OutsideReview",
    "ReplyAttempt",
    "ReplyChannel",
    "ReplyOutcome",
    "Status",
]
