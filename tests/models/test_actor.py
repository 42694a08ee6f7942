"""The Actor model: people, organisations, accounts and groups, their links, and privacy."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from claimtrack.models import Actor, ActorKind, Confidence, Link, LinkEvidence, LinkKind

from .helpers import errors

MINIMAL: dict[str, Any] = {"id": "network-leader", "kind": "person", "label": "the leader"}
ACCOUNT: dict[str, Any] = {
    "id": "page-fes-news",
    "kind": "social-account",
    "label": "a Facebook page posing as a local news outlet",
    "platform": "Facebook",
    "handle": "@fes.news.24",
    "url": "https://www.facebook.com/fes.news.24",
    "created": "2024-11-02",
    "notes": "Posts the same texts as the WhatsApp groups.",
    "links": [
        {
            "kind": "operates",
            "to": "network-leader",
            "confidence": "likely",
            "evidence": [{"source": "al-assima-article", "shows": "Named as its administrator"}],
            "note": "Per the article",
        },
        {"kind": "attacks", "to": "cleaning-company"},
    ],
}


def actor(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def test_a_minimal_actor_is_valid() -> None:
    record = Actor.model_validate(MINIMAL)
    assert record.kind is ActorKind.PERSON
    assert record.name is None
    assert record.public_figure is False
    assert record.links == []


def test_an_account_with_links_is_valid() -> None:
    record = Actor.model_validate(ACCOUNT)
    assert record.kind is ActorKind.SOCIAL_ACCOUNT
    assert record.links[0] == Link(
        kind=LinkKind.OPERATES,
        to="network-leader",
        confidence=Confidence.LIKELY,
        evidence=[LinkEvidence(source="al-assima-article", shows="Named as its administrator")],
        note="Per the article",
    )
    assert record.links[1].confidence is Confidence.SUSPECTED  # the default
    assert record.links[1].evidence == []
    assert Actor.model_validate(record.model_dump(mode="json")) == record


def test_kinds() -> None:
    assert {k.value for k in ActorKind} >= {
        "person",
        "public-official",
        "organisation",
        "company",
        "social-account",
        "messaging-group",
    }
    for kind in ActorKind:
        assert Actor.model_validate(actor(kind=kind.value)).kind is kind
    assert errors(Actor, actor(kind="robot")) == [(("kind",), "enum")]


def test_link_kinds_and_confidence() -> None:
    assert {k.value for k in LinkKind} >= {
        "operates",
        "member-of",
        "promotes",
        "attacks",
        "employed-by",
    }
    assert [c.value for c in Confidence] == ["confirmed", "likely", "suspected"]
    for kind in LinkKind:
        assert Link.model_validate({"kind": kind.value, "to": "x-actor"}).kind is kind
    assert errors(Actor, actor(links=[{"kind": "likes", "to": "x-actor"}])) == [
        (("links", 0, "kind"), "enum")
    ]
    assert errors(
        Actor, actor(links=[{"kind": "attacks", "to": "x-actor", "confidence": "sure"}])
    ) == [(("links", 0, "confidence"), "enum")]


@pytest.mark.parametrize(
    ("path", "extra"),
    [((), "nickname"), (("links", 0), "since"), (("links", 0, "evidence", 0), "page")],
)
def test_unknown_fields_are_forbidden(path: tuple[Any, ...], extra: str) -> None:
    data = copy.deepcopy(ACCOUNT)
    target = data
    for step in path:
        target = target[step]
    target[extra] = "x"
    assert errors(Actor, data) == [((*path, extra), "extra_forbidden")]


@pytest.mark.parametrize("field", ["id", "kind", "label"])
def test_required_fields(field: str) -> None:
    data = actor()
    del data[field]
    assert errors(Actor, data) == [((field,), "missing")]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "Network-Leader"}, [(("id",), "bad-id")]),
        ({"id": "actors/../x"}, [(("id",), "bad-id")]),
        ({"id": "leader\u202e"}, [(("id",), "invisible-character")]),
        ({"url": "javascript:alert(1)"}, [(("url",), "unsafe-url")]),
        ({"url": "file:///home"}, [(("url",), "unsafe-url")]),
        ({"label": " "}, [(("label",), "empty-text")]),
        ({"public_figure": "perhaps"}, [(("public_figure",), "bool_parsing")]),
        ({"links": [{"kind": "operates", "to": "Bad Id"}]}, [(("links", 0, "to"), "bad-id")]),
        (
            {"links": [{"kind": "operates", "to": "x-actor", "evidence": [{"source": "s-1"}]}]},
            [(("links", 0, "evidence", 0, "shows"), "missing")],
        ),
    ],
)
def test_field_values_are_checked(changes: dict[str, Any], expected: list[Any]) -> None:
    assert errors(Actor, actor(**changes)) == expected


def test_label_and_name_are_stored_composed() -> None:
    record = Actor.model_validate(actor(label="un entrepreneur de Fe\u0300s", name="Ame\u0301lie"))
    assert record.label == "un entrepreneur de Fès"
    assert record.name == "Amélie"


@pytest.mark.parametrize(
    ("kind", "public_figure", "private"),
    [
        ("person", False, True),
        ("person", True, False),
        ("public-official", False, False),
        ("public-official", True, False),
        ("social-account", False, True),
        ("messaging-group", False, True),
        ("company", True, False),
    ],
)
def test_is_private(kind: str, public_figure: bool, private: bool) -> None:
    record = Actor.model_validate(actor(kind=kind, public_figure=public_figure, name="A Name"))
    assert record.is_private is private


def test_a_private_person_is_private_by_default() -> None:
    assert Actor.model_validate(MINIMAL).is_private is True
    assert "is_private" not in Actor.model_validate(MINIMAL).model_dump()


def test_created_is_a_day_or_a_moment_with_zone() -> None:
    assert Actor.model_validate(actor(created="2024-11-02")).created.isoformat() == "2024-11-02"
    found = errors(Actor, actor(created="2024-11-02T10:00:00"))
    assert {loc[0] for loc, _ in found} == {"created"}
    assert "timezone_aware" in {kind for _, kind in found}
