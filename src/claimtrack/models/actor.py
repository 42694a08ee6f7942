"""An actor: a person, organisation, company, account or messaging group, and its links."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .common import DayOrMoment, Record, Slug, Text, Url


class ActorKind(StrEnum):
    PERSON = "person"
    PUBLIC_OFFICIAL = "public-official"
    ORGANISATION = "organisation"
    COMPANY = "company"
    SOCIAL_ACCOUNT = "social-account"
    MESSAGING_GROUP = "messaging-group"
    NETWORK = "network"


class LinkKind(StrEnum):
    OPERATES = "operates"
    MEMBER_OF = "member-of"
    ADMIN_OF = "admin-of"
    PROMOTES = "promotes"
    ATTACKS = "attacks"
    EMPLOYED_BY = "employed-by"
    SAME_PERSON_AS = "same-person-as"
    TIED_TO = "tied-to"


class Confidence(StrEnum):
    CONFIRMED = "confirmed"
    LIKELY = "likely"
    SUSPECTED = "suspected"


class LinkEvidence(Record):
    source: Slug = Field(description="Id of the source in sources/")
    shows: Text = Field(description="What this source shows about the link")


class Link(Record):
    kind: LinkKind
    to: Slug = Field(description="Id of the other actor")
    confidence: Confidence = Confidence.SUSPECTED
    evidence: list[LinkEvidence] = Field(default_factory=list)
    note: Text | None = None


class Actor(Record):
    id: Slug = Field(description="Equal to the file name without .yaml")
    kind: ActorKind
    label: Text = Field(description="Public description, shown instead of any private name")
    name: Text | None = Field(None, description="Private name: never published unless public")
    public_figure: bool = False
    platform: Text | None = None
    handle: Text | None = None
    url: Url | None = None
    created: DayOrMoment | None = None
    notes: Text | None = None
    links: list[Link] = Field(default_factory=list)

    @property
    def is_private(self) -> bool:
        """Private persons are shown by label only; officials are public by their office."""
        return not self.public_figure and self.kind != ActorKind.PUBLIC_OFFICIAL
