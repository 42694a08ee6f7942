"""The newsroom's settings: dataset.yaml at the root of the dataset."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .common import Language, Record, Slug, Text, Url


class Role(StrEnum):
    CHECKER = "checker"
    EDITOR = "editor"


class Member(Record):
    name: Text
    role: Role
    email: Text | None = None


class VerdictLabel(Record):
    """One label of the verdict scale."""

    id: Slug
    rating: int | None = Field(
        None, description="ClaimReview ratingValue; none for states that are not verdicts"
    )
    labels: dict[Language, Text] = Field(description="The label in each dataset language")
    description: dict[Language, Text] = Field(default_factory=dict)


class VerdictScale(Record):
    best: int = Field(description="ClaimReview bestRating")
    worst: int = Field(description="ClaimReview worstRating")
    labels: list[VerdictLabel]


class DatasetSettings(Record):
    name: Text = Field(description="The newsroom's name")
    url: Url | None = None
    contact: Text | None = None
    languages: list[Language] = Field(min_length=1, description="Publication languages")
    team: list[Member] = Field(default_factory=list)
    verdict_scale: VerdictScale | None = Field(None, description="Replaces the default scale")
    methodology: dict[Language, Text] = Field(default_factory=dict)
    corrections_policy: dict[Language, Text] = Field(default_factory=dict)

    def member(self, name: str) -> Member | None:
        return next((m for m in self.team if m.name == name), None)


__all__ = ["DatasetSettings", "Member", "Role", "Slug", "VerdictLabel", "VerdictScale"]
