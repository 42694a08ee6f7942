"""The field types every record shares: slugs, texts, URLs, language tags, moments and days."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.models.common import (
    SLUG_PATTERN,
    Day,
    DayOrMoment,
    Language,
    Moment,
    Record,
    Sha256,
    Slug,
    Text,
    Url,
)

from .helpers import accepted, errors, rejected

PLUS_ONE = timezone(timedelta(hours=1))

# --- slugs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["ab", "claim-one", "0-network", "2025-04-09-bad-cheques", "a" * 80, "a-", "9z"],
)
def test_slug_accepts_lowercase_digits_and_hyphens(value: str) -> None:
    assert accepted(Slug, value) == value


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("a", "bad-id"),  # too short
        ("a" * 81, "bad-id"),  # too long
        ("", "bad-id"),
        ("-claim", "bad-id"),  # starts with a hyphen
        ("Claim-one", "bad-id"),  # capitals
        ("CLAIM", "bad-id"),
        ("claim one", "bad-id"),  # space
        ("claim_one", "bad-id"),
        ("claim.one", "bad-id"),
        ("..", "bad-id"),
        ("../etc", "bad-id"),
        ("case/claim", "bad-id"),
        ("claim\\one", "bad-id"),
        ("claim-one\n", "bad-id"),  # a trailing newline is not allowed by '$'
        ("daʿwa", "bad-id"),  # non-ASCII letters
        ("شبكة", "bad-id"),
        ("claim\u202eeno", "invisible-character"),  # right-to-left override
        ("claim\u200bone", "invisible-character"),  # zero-width space
        ("claim\u2066one", "invisible-character"),  # bidi isolate
        ("\ufeffclaim", "invisible-character"),  # BOM
        ("claim\x00one", "invisible-character"),  # NUL
        ("claim\x1bone", "invisible-character"),  # escape
    ],
)
def test_slug_rejects(value: str, code: str) -> None:
    assert rejected(Slug, value) == {code}


@given(st.from_regex(SLUG_PATTERN, fullmatch=True))
def test_every_string_of_the_slug_pattern_is_a_slug(value: str) -> None:
    assert accepted(Slug, value) == value


@given(st.text(max_size=90))
def test_a_slug_is_accepted_exactly_when_it_matches_the_pattern(value: str) -> None:
    ok = re.fullmatch(r"[a-z0-9][a-z0-9-]{1,79}", value) is not None
    if ok:
        assert accepted(Slug, value) == value
    else:
        assert rejected(Slug, value) <= {"bad-id", "invisible-character"}


def test_slug_must_be_text() -> None:
    assert rejected(Slug, 12) == {"string_type"}


# --- texts -----------------------------------------------------------------------------------


def test_text_is_stored_composed() -> None:
    decomposed = "Fe\u0300s-Me\u0301kne\u0300s"  # e + combining accents
    assert unicodedata.is_normalized("NFD", decomposed)
    stored = accepted(Text, decomposed)
    assert stored == "Fès-Méknès"
    assert unicodedata.is_normalized("NFC", stored)
    assert len(stored) == len(decomposed) - 3


def test_arabic_text_is_kept_and_composed() -> None:
    # ALEF + HAMZA ABOVE composes to U+0623.
    assert accepted(Text, "\u0627\u0654\u062d\u0645\u062f") == "\u0623\u062d\u0645\u062f"
    assert accepted(Text, "شبكة من الحسابات الوهمية") == "شبكة من الحسابات الوهمية"


@given(st.text(st.characters(blacklist_categories=["Cc", "Cs"]), min_size=1))
def test_any_text_is_stored_as_its_nfc_form(value: str) -> None:
    if not value.strip():
        assert rejected(Text, value) == {"empty-text"}
    else:
        assert accepted(Text, value) == unicodedata.normalize("NFC", value)


def test_text_keeps_newlines_and_tabs() -> None:
    assert accepted(Text, "line one\nline two\tend") == "line one\nline two\tend"


def test_text_keeps_right_to_left_marks() -> None:
    # Marks are legitimate in mixed Arabic and Latin text; only ids refuse them.
    assert accepted(Text, "\u200fمرحبا 2025") == "\u200fمرحبا 2025"


@pytest.mark.parametrize("value", ["nul\x00inside", "escape\x1b[31m", "bell\x07", "cr\r\n", "\x85"])
def test_text_rejects_control_characters(value: str) -> None:
    assert rejected(Text, value) == {"control-character"}


@pytest.mark.parametrize("value", ["", " ", "\n\t "])
def test_text_rejects_blank(value: str) -> None:
    assert rejected(Text, value) == {"empty-text"}


# --- URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://news.example.org/one",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/path?q=1#top",
        "https://web.archive.org/web/2025/https://alassima.ma/article",
        "https://[2001:db8::1]/x",
        "https://example.org:8080/%D8%B4",
    ],
)
def test_url_accepts_http_and_https(value: str) -> None:
    assert accepted(Url, value) == value


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("javascript:alert(1)", "unsafe-url"),
        ("JavaScript:alert(1)", "unsafe-url"),
        (" javascript:alert(1)", "unsafe-url"),
        ("java\nscript:alert(1)", "unsafe-url"),
        ("file:///etc/passwd", "unsafe-url"),
        ("data:text/html,<script>alert(1)</script>", "unsafe-url"),
        ("ftp://ftp.example.org/file", "unsafe-url"),
        ("mailto:desk@example.org", "unsafe-url"),
        ("//example.org/no-scheme", "unsafe-url"),
        ("example.org", "unsafe-url"),
        ("https://", "bad-url"),
        ("https:///path-only", "bad-url"),
        ("http:example.org", "bad-url"),
        ("https://:443/no-host", "bad-url"),
        ("https://user@/no-host", "bad-url"),
        ("https://exa mple.org", "bad-url"),
        ("https://example.org/\nline", "bad-url"),
        ("https://example.org/\ttab", "bad-url"),
        ("https://example.org/\x00", "bad-url"),
        ("https://example.org/\u202ecod.exe", "bad-url"),
        ("https://exa\u200bmple.org", "bad-url"),
    ],
)
def test_url_rejects(value: str, code: str) -> None:
    assert rejected(Url, value) == {code}


# --- language tags ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["ar", "fr", "en", "ber", "ar-MA", "fr-FR", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996"],
)
def test_language_accepts_bcp47_tags(value: str) -> None:
    assert accepted(Language, value) == value


@pytest.mark.parametrize(
    "value",
    [
        "english",
        "a",
        "EN!",
        "",
        "en_US",
        "en-",
        "-en",
        "ar MA",
        "en\n",
        "ar-MAR-",
        "arabic-MA",
        "1a",
        "zh-Hant-TW-",
    ],
)
def test_language_rejects(value: str) -> None:
    assert rejected(Language, value) == {"bad-language"}


# --- moments and days ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-09T22:08:00+01:00", datetime(2025, 4, 9, 22, 8, tzinfo=PLUS_ONE)),
        ("2025-04-09T21:08:00Z", datetime(2025, 4, 9, 21, 8, tzinfo=UTC)),
        ("2025-04-09 21:08:00+00:00", datetime(2025, 4, 9, 21, 8, tzinfo=UTC)),
        (datetime(2025, 4, 9, 21, 8, tzinfo=UTC), datetime(2025, 4, 9, 21, 8, tzinfo=UTC)),
    ],
)
def test_moment_carries_its_zone(value: object, expected: datetime) -> None:
    moment = accepted(Moment, value)
    assert moment == expected
    assert moment.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "value",
    [
        "2025-04-09T22:08:00",
        "2025-04-09T00:00:00",
        "2025-04-09 22:08",
        "2025-04-09",  # a day is not a moment
        datetime(2025, 4, 9, 22, 8),
        date(2025, 4, 9),
    ],
)
def test_moment_without_zone_is_rejected(value: object) -> None:
    assert rejected(Moment, value) == {"timezone_aware"}


@pytest.mark.parametrize("value", [2025, "2025", 1744236480, "1744236480", 0, 1.5, "1e9"])
def test_a_number_is_not_a_moment(value: object) -> None:
    # pydantic would read these as seconds since 1970: 'published: 2025' became 1970-01-01.
    assert rejected(Moment, value) == {"bad-date"}
    assert rejected(DayOrMoment, value) == {"bad-date"}


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01T10:00:00Z", "09/04/2025", True])
def test_moment_rejects_what_is_not_a_date(value: object) -> None:
    assert rejected(Moment, value)


def test_day_or_moment_keeps_which_one_was_written() -> None:
    assert accepted(DayOrMoment, "2025-04-09") == date(2025, 4, 9)
    assert type(accepted(DayOrMoment, "2025-04-09")) is date
    moment = accepted(DayOrMoment, "2025-04-09T22:08:00+01:00")
    assert isinstance(moment, datetime)
    assert moment.utcoffset() == timedelta(hours=1)
    assert accepted(DayOrMoment, date(2025, 4, 9)) == date(2025, 4, 9)


@pytest.mark.parametrize(
    "value",
    ["2025-04-09T00:00:00", "2025-04-09T22:08:00", datetime(2025, 4, 9), datetime(2025, 4, 9, 8)],
)
def test_day_or_moment_rejects_a_naive_moment(value: object) -> None:
    # Midnight without a zone is still a moment without a zone, not a day.
    assert "timezone_aware" in rejected(DayOrMoment, value)


def test_day_alone_is_written_as_a_day() -> None:
    assert accepted(Day, "2025-04-09") == date(2025, 4, 9)
    assert rejected(Day, "2025-04-09T00:00:00")
    assert rejected(Day, "2025-02-30")


def test_dates_are_written_back_as_iso_8601() -> None:
    class Dated(Record):
        at: Moment
        on: DayOrMoment

    dumped = Dated(at="2025-04-09T22:08:00+01:00", on="2025-04-09").model_dump(mode="json")
    assert dumped == {"at": "2025-04-09T22:08:00+01:00", "on": "2025-04-09"}
    assert Dated(at="2025-04-09T21:08:00Z", on="2025-04-09T21:08:00Z").model_dump() == {
        "at": "2025-04-09T21:08:00+00:00",
        "on": "2025-04-09T21:08:00+00:00",
    }


# --- hashes and the record base --------------------------------------------------------------


def test_sha256_is_64_lowercase_hex_digits() -> None:
    digest = "a" * 64
    assert accepted(Sha256, digest) == digest
    for bad in ["A" * 64, "a" * 63, "a" * 65, "g" * 64, "a" * 64 + "\n"]:
        assert rejected(Sha256, bad) == {"string_pattern_mismatch"}


def test_record_forbids_unknown_fields() -> None:
    class Small(Record):
        name: Text

    assert errors(Small, {"name": "x"}) == []
    assert errors(Small, {"name": "x", "nmae": "y"}) == [(("nmae",), "extra_forbidden")]
