"""The Source model: one cited document, stored once and referenced by id."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from claimtrack.models import PRIMARY_KINDS, Source, SourceKind

from .helpers import errors

MINIMAL: dict[str, Any] = {"id": "al-assima-article", "kind": "article", "title": "شبكة رقمية"}
FULL: dict[str, Any] = {
    **MINIMAL,
    "publisher": "Al Assima",
    "url": "https://alassima.example.ma/2025/04/09/network",
    "language": "ar-MA",
    "published": "2025-04-09",
    "accessed": "2025-04-10T09:00:00+01:00",
    "archive_url": "https://web.archive.org/web/20250410/https://alassima.example.ma/x",
    "sha256": "0" * 63 + "f",
    "notes": "Print edition, page 3.",
}


def source(**changes: Any) -> dict[str, Any]:
    return {**MINIMAL, **changes}


def test_a_minimal_source_is_valid() -> None:
    record = Source.model_validate(MINIMAL)
    assert record.kind is SourceKind.ARTICLE
    assert record.url is record.archive_url is record.sha256 is record.published is None


def test_a_full_source_is_valid() -> None:
    record = Source.model_validate(FULL)
    assert record.published == date(2025, 4, 9)
    assert record.accessed == datetime(2025, 4, 10, 8, tzinfo=UTC)
    assert record.language == "ar-MA"
    assert Source.model_validate(record.model_dump(mode="json")) == record


def test_kinds() -> None:
    assert {k.value for k in SourceKind} >= {
        "article",
        "court-record",
        "official-statement",
        "social-post",
        "interview",
    }
    for kind in SourceKind:
        assert Source.model_validate(source(kind=kind.value)).kind is kind
    assert errors(Source, source(kind="rumour")) == [(("kind",), "enum")]
    assert errors(Source, source(kind="Article")) == [(("kind",), "enum")]


def test_primary_kinds_are_documents_that_stand_on_their_own() -> None:
    primary = {SourceKind.COURT_RECORD, SourceKind.OFFICIAL_STATEMENT, SourceKind.COMPANY_FILING}
    assert primary == PRIMARY_KINDS
    assert SourceKind.ARTICLE not in PRIMARY_KINDS


@pytest.mark.parametrize("field", ["id", "kind", "title"])
def test_required_fields(field: str) -> None:
    data = source()
    del data[field]
    assert errors(Source, data) == [((field,), "missing")]


def test_unknown_fields_are_forbidden() -> None:
    assert errors(Source, source(author="x")) == [(("author",), "extra_forbidden")]
    assert errors(Source, source(archive="https://archive.example.org/x")) == [
        (("archive",), "extra_forbidden")
    ]


@pytest.mark.parametrize("field", ["url", "archive_url"])
@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("javascript:alert(document.cookie)", "unsafe-url"),
        ("file:///etc/passwd", "unsafe-url"),
        ("data:text/html;base64,PHNjcmlwdD4=", "unsafe-url"),
        ("ftp://files.example.org/ruling.pdf", "unsafe-url"),
        ("https://", "bad-url"),
        ("https:///no-host", "bad-url"),
    ],
)
def test_links_are_http_or_https_with_a_host(field: str, value: str, code: str) -> None:
    assert errors(Source, source(**{field: value})) == [((field,), code)]


@pytest.mark.parametrize("field", ["url", "archive_url"])
def test_http_and_https_links_are_accepted(field: str) -> None:
    for value in ["http://example.org/a", "https://example.org/a?b=c"]:
        assert getattr(Source.model_validate(source(**{field: value})), field) == value


def test_title_and_publisher_are_stored_composed() -> None:
    record = Source.model_validate(source(title="Re\u0301seau", publisher="L'E\u0301conomiste"))
    assert record.title == "Réseau"
    assert record.publisher == "L'Économiste"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "Al-Assima"}, [(("id",), "bad-id")]),
        ({"id": "sources/x"}, [(("id",), "bad-id")]),
        ({"id": "x\u200by"}, [(("id",), "invisible-character")]),
        ({"language": "arabic"}, [(("language",), "bad-language")]),
        ({"sha256": "ABC"}, [(("sha256",), "string_pattern_mismatch")]),
        ({"title": ""}, [(("title",), "empty-text")]),
    ],
)
def test_field_values_are_checked(changes: dict[str, Any], expected: list[Any]) -> None:
    assert errors(Source, source(**changes)) == expected


@pytest.mark.parametrize("field", ["published", "accessed"])
def test_dates_are_days_or_moments_with_zone(field: str) -> None:
    day = Source.model_validate(source(**{field: "2025-04-09"}))
    assert getattr(day, field) == date(2025, 4, 9)
    moment = Source.model_validate(source(**{field: "2025-04-09T22:08:00Z"}))
    assert getattr(moment, field) == datetime(2025, 4, 9, 22, 8, tzinfo=UTC)
    naive = {t for _, t in errors(Source, source(**{field: "2025-04-09T22:08:00"}))}
    assert "timezone_aware" in naive
    assert {t for _, t in errors(Source, source(**{field: 2025}))} == {"bad-date"}
