"""The Claim model and its parts: claimant, appearances, evidence, replies, history."""

from __future__ import annotations

import copy
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from claimtrack.models import (
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

from .helpers import errors

STATEMENT = "قائد الشبكة متابع في قضايا شيكات بدون رصيد"

MINIMAL: dict[str, Any] = {
    "id": "leader-bad-cheques",
    "statement": STATEMENT,
    "language": "ar",
    "category": "bad-cheques",
    "claimant": {"label": "Al Assima, citing unnamed sources"},
    "created": "2025-04-10T09:00:00+01:00",
}

FULL: dict[str, Any] = {
    **MINIMAL,
    "translations": {
        "en": "The network's leader faces bad-cheque cases",
        "fr": "Le chef du réseau est poursuivi pour chèques sans provision",
    },
    "claimant": {"label": "Al Assima, citing unnamed sources", "actor": "al-assima"},
    "subjects": ["network-leader"],
    "appearances": [
        {"source": "al-assima-article", "quote": STATEMENT, "date": "2025-04-09"},
        {"source": "facebook-post", "date": "2025-04-09T22:08:00+01:00"},
    ],
    "status": "published",
    "verdict": "accurate",
    "rationale": "The court record shows two convictions.",
    "evidence": [{"source": "court-ruling", "shows": "Two convictions for bad cheques"}],
    "right_of_reply": [
        {
            "actor": "network-leader",
            "contacted": "2025-04-11T10:00:00+01:00",
            "channel": "phone",
            "by": "Salma",
            "outcome": "declined",
            "deadline": "2025-04-14T18:00:00+01:00",
            "summary": "Declined to comment.",
        }
    ],
    "assignee": "Salma",
    "reviewer": "Karim",
    "updated": "2025-04-20T12:00:00+00:00",
    "published": "2025-04-20T12:00:00+00:00",
    "notes": [{"time": "2025-04-12T10:00:00Z", "by": "Salma", "text": "Court clerk called."}],
    "history": [
        {"time": "2025-04-10T09:00:00+01:00", "actor": "Salma", "action": "created", "to": "new"},
        {
            "time": "2025-04-10T10:00:00+01:00",
            "actor": "Salma",
            "action": "status",
            "from": "new",
            "to": "triaged",
            "note": "check-worthy",
        },
    ],
    "corrections": [
        {
            "date": "2025-04-21T08:00:00Z",
            "by": "Karim",
            "what": "Fixed the date of the ruling",
            "why": "A typo",
        }
    ],
}


def claim(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def test_a_minimal_claim_is_valid_with_defaults() -> None:
    record = Claim.model_validate(MINIMAL)
    assert record.status is Status.NEW
    assert record.verdict == "unverified"
    assert record.rationale is None
    assert record.category is Category.BAD_CHEQUES
    assert record.claimant == Claimant(label="Al Assima, citing unnamed sources")
    assert record.claimant.actor is None
    assert record.translations == {}
    assert record.subjects == record.appearances == record.evidence == []
    assert record.right_of_reply == record.notes == record.history == record.corrections == []
    assert record.created == datetime(2025, 4, 10, 8, 0, tzinfo=UTC)


def test_a_full_claim_is_valid() -> None:
    record = Claim.model_validate(FULL)
    assert record.status is Status.PUBLISHED
    assert record.verdict == "accurate"
    assert record.claimant.actor == "al-assima"
    assert record.appearances[0] == Appearance(
        source="al-assima-article", quote=STATEMENT, date="2025-04-09"
    )
    assert isinstance(record.appearances[1].date, datetime)
    assert record.evidence == [
        Evidence(source="court-ruling", shows="Two convictions for bad cheques")
    ]
    reply = record.right_of_reply[0]
    assert isinstance(reply, ReplyAttempt)
    assert reply.channel is ReplyChannel.PHONE
    assert reply.outcome is ReplyOutcome.DECLINED
    assert reply.deadline == datetime(2025, 4, 14, 17, 0, tzinfo=UTC)
    assert record.notes == [
        Note(time="2025-04-12T10:00:00Z", by="Salma", text="Court clerk called.")
    ]
    assert [(e.from_, e.to) for e in record.history] == [
        (None, Status.NEW),
        (Status.NEW, Status.TRIAGED),
    ]
    assert isinstance(record.corrections[0], Correction)


def test_a_claim_survives_a_round_trip_through_plain_data() -> None:
    record = Claim.model_validate(FULL)
    dumped = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dumped["history"][1]["from"] == "new"
    assert Claim.model_validate(dumped) == record


# --- the statement and its translations ------------------------------------------------------


def test_statement_is_kept_verbatim_in_its_language() -> None:
    text = "«شبكة رقمية» مرتبطة ببرلماني… 2025 (الجزء 1)\nسطر ثانٍ"
    record = Claim.model_validate(claim(statement=text))
    assert record.statement == text
    assert record.language == "ar"


def test_statement_and_translations_are_stored_composed() -> None:
    decomposed = "Le re\u0301seau de Fe\u0300s"
    record = Claim.model_validate(
        claim(statement=decomposed, language="fr", translations={"en": "Fe\u0300s network"})
    )
    assert record.statement == "Le réseau de Fès"
    assert unicodedata.is_normalized("NFC", record.statement)
    assert record.translations == {"en": "Fès network"}


def test_translations_are_keyed_by_language_tag() -> None:
    record = Claim.model_validate(
        claim(translations={"en": "A network", "fr": "Un réseau", "zh-Hant-TW": "網絡"})
    )
    assert record.translations["zh-Hant-TW"] == "網絡"
    assert errors(Claim, claim(translations={"english": "A network"})) == [
        (("translations", "english", "[key]"), "bad-language")
    ]
    assert errors(Claim, claim(translations={"en": ""})) == [(("translations", "en"), "empty-text")]
    assert errors(Claim, claim(translations=["en", "A network"])) == [
        (("translations",), "dict_type")
    ]


@pytest.mark.parametrize("tag", ["ar", "fr", "en", "ar-MA", "zh-Hant-TW"])
def test_language_accepts_bcp47(tag: str) -> None:
    assert Claim.model_validate(claim(language=tag)).language == tag


@pytest.mark.parametrize("tag", ["english", "a", "EN!", "ar_MA", ""])
def test_language_rejects_what_is_not_bcp47(tag: str) -> None:
    assert errors(Claim, claim(language=tag)) == [(("language",), "bad-language")]


# --- enums -----------------------------------------------------------------------------------


def test_status_values() -> None:
    assert [s.value for s in Status] == [
        "new",
        "triaged",
        "researching",
        "in-review",
        "published",
        "rejected",
    ]
    for status in Status:
        assert Claim.model_validate(claim(status=status.value)).status is status


@pytest.mark.parametrize("value", ["done", "Published", "in_review", "verified", ""])
def test_status_rejects_other_values(value: str) -> None:
    assert errors(Claim, claim(status=value)) == [(("status",), "enum")]


def test_category_values() -> None:
    names = {c.value for c in Category}
    assert {
        "bad-cheques",
        "tender-brokering",
        "account-network",
        "defamation",
        "extortion",
        "corruption",
        "other",
    } <= names
    for category in Category:
        assert Claim.model_validate(claim(category=category.value)).category is category
    assert errors(Claim, claim(category="gossip")) == [(("category",), "enum")]


def test_reply_channel_and_outcome_values() -> None:
    assert {c.value for c in ReplyChannel} == {
        "email",
        "phone",
        "letter",
        "in-person",
        "social-media",
        "messaging",
        "other",
    }
    assert [o.value for o in ReplyOutcome] == ["pending", "answered", "declined", "no-answer"]
    reply = {"actor": "x-actor", "contacted": "2025-04-11T10:00:00Z", "channel": "email", "by": "S"}
    assert ReplyAttempt.model_validate(reply).outcome is ReplyOutcome.PENDING
    assert errors(ReplyAttempt, {**reply, "channel": "pigeon"}) == [(("channel",), "enum")]
    assert errors(ReplyAttempt, {**reply, "outcome": "maybe"}) == [(("outcome",), "enum")]


# --- verdict ---------------------------------------------------------------------------------


def test_verdict_defaults_to_unverified() -> None:
    assert Claim.model_validate(MINIMAL).verdict == "unverified"
    assert Claim.model_validate(claim(status="researching")).verdict == "unverified"


def test_verdict_is_a_label_id() -> None:
    assert Claim.model_validate(claim(verdict="unproven")).verdict == "unproven"
    assert errors(Claim, claim(verdict="Mostly False")) == [(("verdict",), "bad-id")]


# --- extra fields, required fields, types ----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        ((), "verdit"),
        (("claimant",), "name"),
        (("appearances", 0), "page"),
        (("evidence", 0), "weight"),
        (("right_of_reply", 0), "answer"),
        (("notes", 0), "private"),
        (("history", 0), "by"),
        (("corrections", 0), "when"),
    ],
)
def test_unknown_fields_are_forbidden_everywhere(path: tuple[Any, ...], extra: str) -> None:
    data = copy.deepcopy(FULL)
    target = data
    for step in path:
        target = target[step]
    target[extra] = "x"
    assert errors(Claim, data) == [((*path, extra), "extra_forbidden")]


REQUIRED = ["id", "statement", "language", "category", "claimant", "created"]


@pytest.mark.parametrize("field", REQUIRED)
def test_required_fields(field: str) -> None:
    data = claim()
    del data[field]
    assert errors(Claim, data) == [((field,), "missing")]


def test_claimant_needs_a_label() -> None:
    assert errors(Claim, claim(claimant={"actor": "al-assima"})) == [
        (("claimant", "label"), "missing")
    ]
    assert errors(Claim, claim(claimant="unnamed sources")) == [(("claimant",), "model_type")]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "Bad/Id"}, [(("id",), "bad-id")]),
        ({"id": "../escape"}, [(("id",), "bad-id")]),
        ({"id": "claim\u202eone"}, [(("id",), "invisible-character")]),
        ({"subjects": ["network-leader", "Network Leader"]}, [(("subjects", 1), "bad-id")]),
        ({"subjects": "network-leader"}, [(("subjects",), "list_type")]),
        ({"appearances": [{"source": "a/b"}]}, [(("appearances", 0, "source"), "bad-id")]),
        ({"evidence": [{"source": "court-ruling"}]}, [(("evidence", 0, "shows"), "missing")]),
        ({"statement": "   "}, [(("statement",), "empty-text")]),
        ({"statement": "nul\x00"}, [(("statement",), "control-character")]),
        (
            {"claimant": {"label": "x", "actor": "..\u200b"}},
            [(("claimant", "actor"), "invisible-character")],
        ),
    ],
)
def test_field_values_are_checked(changes: dict[str, Any], expected: list[Any]) -> None:
    assert errors(Claim, claim(**changes)) == expected


def test_texts_everywhere_are_stored_composed() -> None:
    e_acute = "e\u0301"
    data = copy.deepcopy(FULL)
    data["claimant"]["label"] = f"journal{e_acute}"
    data["appearances"][0]["quote"] = f"cit{e_acute}"
    data["evidence"][0]["shows"] = f"prouv{e_acute}"
    data["rationale"] = f"v{e_acute}rifi{e_acute}"
    data["history"][1]["note"] = f"tri{e_acute}"
    record = Claim.model_validate(data)
    assert record.claimant.label == "journalé"
    assert record.appearances[0].quote == "cité"
    assert record.evidence[0].shows == "prouvé"
    assert record.rationale == "vérifié"
    assert record.history[1].note == "trié"


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        ("created",),
        ("updated",),
        ("published",),
        ("right_of_reply", 0, "contacted"),
        ("right_of_reply", 0, "deadline"),
        ("notes", 0, "time"),
        ("history", 0, "time"),
        ("corrections", 0, "date"),
    ],
)
def test_every_moment_needs_a_time_zone(path: tuple[Any, ...]) -> None:
    data = copy.deepcopy(FULL)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = "2025-04-10T09:00:00"
    assert errors(Claim, data) == [(path, "timezone_aware")]


def test_an_appearance_date_is_a_day_or_a_moment_with_zone() -> None:
    day = Claim.model_validate(claim(appearances=[{"source": "s-1", "date": "2025-04-09"}]))
    assert day.appearances[0].date.isoformat() == "2025-04-09"
    naive = claim(appearances=[{"source": "s-1", "date": "2025-04-09T00:00:00"}])
    assert {t for _, t in errors(Claim, naive)} >= {"timezone_aware"}
    year = claim(appearances=[{"source": "s-1", "date": 2025}])
    assert {t for _, t in errors(Claim, year)} == {"bad-date"}


def test_moments_keep_their_offset() -> None:
    record = Claim.model_validate(claim(created="2025-04-10T09:00:00+01:00"))
    assert record.created.utcoffset() == timedelta(hours=1)
    assert record.created == datetime(2025, 4, 10, 9, tzinfo=timezone(timedelta(hours=1)))


# --- history events and the `from` alias -----------------------------------------------------


def test_event_reads_from_as_from_() -> None:
    event = Event.model_validate(
        {
            "time": "2025-04-10T10:00:00Z",
            "actor": "Salma",
            "action": "status",
            "from": "new",
            "to": "triaged",
        }
    )
    assert event.from_ is Status.NEW
    assert event.to is Status.TRIAGED
    assert event.model_dump(by_alias=True, mode="json")["from"] == "new"
    assert "from_" not in event.model_dump(by_alias=True)


def test_event_from_and_to_are_optional_statuses() -> None:
    base = {"time": "2025-04-10T10:00:00Z", "actor": "Salma", "action": "note"}
    event = Event.model_validate(base)
    assert event.from_ is None and event.to is None
    assert errors(Event, {**base, "from": "draft"}) == [(("from",), "enum")]
    assert errors(Event, {**base, "to": "done"}) == [(("to",), "enum")]


@pytest.mark.parametrize("action", ["created", "status", "verdict-set", "right-of-reply"])
def test_event_action_is_a_lowercase_word(action: str) -> None:
    event = Event(time=datetime(2025, 4, 10, tzinfo=UTC), actor="Salma", action=action)
    assert event.action == action


@pytest.mark.parametrize("action", ["", "x", "Created", "set verdict", "step2", "-x", "a" * 41])
def test_event_action_rejects(action: str) -> None:
    base = {"time": "2025-04-10T10:00:00Z", "actor": "Salma", "action": action}
    assert errors(Event, base) == [(("action",), "string_pattern_mismatch")]
