"""A source: one cited document, stored once and referenced by id."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .common import DayOrMoment, Language, Record, Sha256, Slug, Text, Url


class SourceKind(StrEnum):
    ARTICLE = "article"
    COURT_RECORD = "court-record"
    OFFICIAL_STATEMENT = "official-statement"
    COMPANY_FILING = "company-filing"
    SOCIAL_POST = "social-post"
    INTERVIEW = "interview"
    REPORT = "report"
    DOCUMENT = "document"
    VIDEO = "video"
    FACT_CHECK = "fact-check"
    OTHER = "other"


# Documents that establish a fact on their own, where secondary reporting needs a second source.
PRIMARY_KINDS = frozenset(
    {SourceKind.COURT_RECORD, SourceKind.OFFICIAL_STATEMENT, SourceKind.COMPANY_FILING}
)


class Source(Record):
    id: Slug = Field(description="Equal to the file name without .yaml")
    kind: SourceKind
    title: Text
    publisher: Text | None = None
    url: Url | None = None
    language: Language | None = None
    published: DayOrMoment | None = None
    accessed: DayOrMoment | None = None
    archive_url: Url | None = Field(None, description="Archived copy (Wayback, archive.today...)")
    sha256: Sha256 | None = Field(None, description="SHA-256 of the stored copy of the document")
    notes: Text | None = None
