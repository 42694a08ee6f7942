"""The dataset settings: dataset.yaml with the newsroom, its team and its verdict scale."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from claimtrack.models import DatasetSettings, Member, Role, VerdictLabel, VerdictScale

from .helpers import errors

MINIMAL: dict[str, Any] = {"name": "Test desk", "languages": ["ar"]}
FULL: dict[str, Any] = {
    "name": "Desk of Fe\u0300s",
    "url": "https://desk.example.org",
    "contact": "desk@example.org",
    "languages": ["ar", "fr", "en"],
    "team": [
        {"name": "Salma", "role": "checker", "email": "salma@example.org"},
        {"name": "Karim", "role": "editor"},
    ],
    "verdict_scale": {
        "best": 5,
        "worst": 1,
        "labels": [
            {"id": "unverified", "labels": {"en": "Unverified", "ar": "غير متحقق منه"}},
            {
                "id": "false",
                "rating": 1,
                "labels": {"en": "False", "fr": "Faux", "ar": "زائف"},
                "description": {"en": "The claim is inaccurate."},
            },
            {"id": "accurate", "rating": 5, "labels": {"en": "Accurate"}},
        ],
    },
    "methodology": {"en": "We check claims.", "fr": "Nous vérifions."},
    "corrections_policy": {"en": "We correct openly."},
}


def settings(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def test_minimal_settings_are_valid() -> None:
    record = DatasetSettings.model_validate(MINIMAL)
    assert record.languages == ["ar"]
    assert record.team == []
    assert record.verdict_scale is None


def test_full_settings_are_valid() -> None:
    record = DatasetSettings.model_validate(FULL)
    assert record.name == "Desk of Fès"  # stored composed
    assert record.team[0] == Member(name="Salma", role=Role.CHECKER, email="salma@example.org")
    assert record.member("Karim") == Member(name="Karim", role=Role.EDITOR)
    assert record.member("Nobody") is None
    scale = record.verdict_scale
    assert isinstance(scale, VerdictScale)
    assert [label.id for label in scale.labels] == ["unverified", "false", "accurate"]
    assert scale.labels[0].rating is None
    assert scale.labels[1] == VerdictLabel(
        id="false",
        rating=1,
        labels={"en": "False", "fr": "Faux", "ar": "زائف"},
        description={"en": "The claim is inaccurate."},
    )
    assert DatasetSettings.model_validate(record.model_dump(mode="json")) == record


def test_roles() -> None:
    assert [r.value for r in Role] == ["checker", "editor"]
    assert errors(DatasetSettings, settings(team=[{"name": "S", "role": "boss"}])) == [
        (("team", 0, "role"), "enum")
    ]


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        ((), "owner"),
        (("team", 0), "phone"),
        (("verdict_scale",), "scale"),
        (("verdict_scale", "labels", 1), "colour"),
    ],
)
def test_unknown_fields_are_forbidden(path: tuple[Any, ...], extra: str) -> None:
    data = copy.deepcopy(FULL)
    target = data
    for step in path:
        target = target[step]
    target[extra] = "x"
    assert errors(DatasetSettings, data) == [((*path, extra), "extra_forbidden")]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": None}, [(("name",), "string_type")]),
        ({"languages": []}, [(("languages",), "too_short")]),
        ({"languages": ["ar", "english"]}, [(("languages", 1), "bad-language")]),
        ({"url": "javascript:alert(1)"}, [(("url",), "unsafe-url")]),
        ({"url": "ftp://desk.example.org"}, [(("url",), "unsafe-url")]),
        ({"methodology": {"EN!": "x"}}, [(("methodology", "EN!", "[key]"), "bad-language")]),
        ({"team": [{"name": "Salma"}]}, [(("team", 0, "role"), "missing")]),
        (
            {"verdict_scale": {"best": 5, "worst": 1, "labels": [{"id": "Faux", "labels": {}}]}},
            [(("verdict_scale", "labels", 0, "id"), "bad-id")],
        ),
        (
            {"verdict_scale": {"best": "high", "worst": 1, "labels": []}},
            [(("verdict_scale", "best"), "int_parsing")],
        ),
    ],
)
def test_field_values_are_checked(changes: dict[str, Any], expected: list[Any]) -> None:
    assert errors(DatasetSettings, settings(**changes)) == expected


@pytest.mark.parametrize("field", ["name", "languages"])
def test_required_fields(field: str) -> None:
    data = settings()
    del data[field]
    assert errors(DatasetSettings, data) == [((field,), "missing")]


@pytest.mark.parametrize("tags", [["ar", "fr", "en"], ["ar-MA"], ["zh-Hant-TW", "en"]])
def test_languages_are_bcp47(tags: list[str]) -> None:
    assert DatasetSettings.model_validate(settings(languages=tags)).languages == tags


@pytest.mark.parametrize("tag", ["english", "a", "EN!"])
def test_languages_reject_what_is_not_bcp47(tag: str) -> None:
    assert errors(DatasetSettings, settings(languages=[tag])) == [
        (("languages", 0), "bad-language")
    ]
