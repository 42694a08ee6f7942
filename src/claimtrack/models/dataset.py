"""The newsroom's settings: dataset.yaml at the root of the dataset."""

from __future__ import annotations

from enum import StrEnum

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

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
        None,
        description="ClaimReview ratingValue; none for states that are not verdicts. When "
        "extending the scale, a rating given here replaces the default label's",
    )
    labels: dict[Language, Text] = Field(
        default_factory=dict,
        description="The label in each dataset language; when extending the scale, only the "
        "languages given here change",
    )
    description: dict[Language, Text] = Field(
        default_factory=dict, description="One sentence per language: what the label means"
    )


class ScaleMode(StrEnum):
    REPLACE = "replace"
    EXTEND = "extend"


class VerdictScale(Record):
    # In the JSON Schema too, so editors flag it: replacing the scale needs best and worst.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"mode": {"const": "extend"}}, "required": ["mode"]},
            "else": {"required": ["best", "worst"]},
        }
    )

    mode: ScaleMode = Field(
        ScaleMode.REPLACE,
        description="replace: these labels are the whole scale; extend: they are added to the "
        "default scale, and a label with the id of a default label re-labels it",
    )
    best: int | None = Field(
        None, description="ClaimReview bestRating; required when replacing the scale"
    )
    worst: int | None = Field(
        None, description="ClaimReview worstRating; required when replacing the scale"
    )
    labels: list[VerdictLabel] = Field(
        description="From the best rating to the worst; labels without a rating may follow"
    )

    @model_validator(mode="after")
    def _bounds_when_replacing(self) -> VerdictScale:
        if self.mode == ScaleMode.REPLACE and (self.best is None or self.worst is None):
            raise PydanticCustomError(
                "scale-missing-bounds",
                "a verdict scale that replaces the default needs 'best' and 'worst' (the "
                "ClaimReview bestRating and worstRating); add them, or write 'mode: extend' to "
                "add to the default scale instead",
            )
        return self


class DatasetSettings(Record):
    name: Text = Field(description="The newsroom's name")
    url: Url | None = None
    contact: Text | None = None
    languages: list[Language] = Field(min_length=1, description="Publication languages")
    team: list[Member] = Field(default_factory=list)
    verdict_scale: VerdictScale | None = Field(
        None, description="Replaces or extends the default verdict scale (see its 'mode')"
    )
    methodology: dict[Language, Text] = Field(default_factory=dict)
    corrections_policy: dict[Language, Text] = Field(default_factory=dict)

    def member(self, name: str) -> Member | None:
        return next((m for m in self.team if m.name == name), None)


__all__ = [
    "DatasetSettings",
    "Member",
    "Role",
    "ScaleMode",
    "Slug",
    "VerdictLabel",
    "VerdictScale",
]
