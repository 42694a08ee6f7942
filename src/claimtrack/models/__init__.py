"""The records: plain pydantic models, one file per kind. Cross-record rules live in checks."""

from .actor import Actor, ActorKind, Confidence, Link, LinkEvidence, LinkKind
from .claim import (
    Appearance,
    Category,
    Claim,
    Claimant,
    Correction,
    Event,
    Evidence,
    Note,
    ReplyAttempt,
    ReplyChannel,
    ReplyOutcome,
    Status,
)
from .dataset import DatasetSettings, Member, Role, VerdictLabel, VerdictScale
from .source import PRIMARY_KINDS, Source, SourceKind

__all__ = [
    "PRIMARY_KINDS",
    "Actor",
    "ActorKind",
    "Appearance",
    "Category",
    "Claim",
    "Claimant",
    "Confidence",
    "Correction",
    "DatasetSettings",
    "Event",
    "Evidence",
    "Link",
    "LinkEvidence",
    "LinkKind",
    "Member",
    "Note",
    "ReplyAttempt",
    "ReplyChannel",
    "ReplyOutcome",
    "Role",
    "Source",
    "SourceKind",
    "Status",
    "VerdictLabel",
    "VerdictScale",
]
