"""The verdict scale: the default one, a newsroom's replacement or extension, and its checks."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from claimtrack.models import DatasetSettings, VerdictScale
from claimtrack.schema import schema_text
from claimtrack.verdicts import (
    default_scale,
    effective_scale,
    find,
    label_text,
    scale_problems,
)

PATH = "claims/dataset.yaml"


def settings(scale: dict[str, Any] | None = None, languages: list[str] | None = None) -> Any:
    data: dict[str, Any] = {"name": "Test desk", "languages": languages or ["ar", "fr", "en"]}
    if scale is not None:
        data["verdict_scale"] = scale
    return DatasetSettings.model_validate(data)


def label(id_: str, rating: int | None = None, **texts: str) -> dict[str, Any]:
    return {"id": id_, "rating": rating, "labels": texts or {"ar": id_, "fr": id_, "en": id_}}


def problems(scale: dict[str, Any] | None, languages: list[str] | None = None) -> list[Any]:
    found = scale_problems(settings(scale, languages), PATH)
    assert all(p.path == PATH and p.message for p in found)
    return [(p.code, p.field) for p in found]


# A small replacement scale that passes every check.
GOOD = {
    "best": 3,
    "worst": 1,
    "labels": [label("correct", 3), label("half", 2), label("wrong", 1), label("unverified")],
}


def test_default_scale_from_best_to_worst() -> None:
    scale = default_scale()
    assert (scale.best, scale.worst) == (7, 1)
    assert [(v.id, v.rating) for v in scale.labels] == [
        ("true", 7),
        ("mostly-true", 6),
        ("mixed", 5),
        ("misleading", 4),
        ("mostly-false", 3),
        ("false", 2),
        ("fabricated", 1),
        ("satire", None),
        ("unproven", None),
        ("unverified", None),
    ]


def test_default_scale_uses_the_fact_checkers_words() -> None:
    scale = default_scale()
    assert [label_text(scale, i, "ar") for i in ("true", "misleading", "false", "satire")] == [
        "صحيح",
        "مضلل",
        "زائف",
        "ساخر",
    ]
    assert [label_text(scale, i, "fr") for i in ("true", "mostly-true", "misleading")] == [
        "Vrai",
        "Globalement correct",
        "Trompeur",
    ]
    assert label_text(scale, "unproven", "fr") == "Non prouvé"
    assert label_text(scale, "false", "fr") == "Faux"


def test_default_scale_has_a_label_and_a_description_in_each_language() -> None:
    for verdict in default_scale().labels:
        assert set(verdict.labels) == {"ar", "fr", "en"}, verdict.id
        assert set(verdict.description) == {"ar", "fr", "en"}, verdict.id


@pytest.mark.parametrize("languages", [["ar", "fr", "en"], ["ar"], ["fr", "ar-MA"]])
def test_default_scale_is_valid(languages: list[str]) -> None:
    assert problems(None, languages) == []
    assert scale_problems(None, PATH) == []


def test_default_scale_is_loaded_once() -> None:
    assert default_scale() is default_scale()
    assert effective_scale(None) is default_scale()
    assert effective_scale(settings()) is default_scale()


def test_label_text_falls_back_to_english_then_the_id() -> None:
    scale = default_scale()
    assert label_text(scale, "mixed", "en") == "Mixed"
    assert label_text(scale, "mixed", "ar-MA") == "صحيح جزئيًا"
    assert label_text(scale, "mixed", "es") == "Mixed"
    assert label_text(scale, "no-such-verdict", "fr") == "no-such-verdict"
    only_id = VerdictScale.model_validate({"best": 1, "worst": 0, "labels": [{"id": "odd"}]})
    assert label_text(only_id, "odd", "fr") == "odd"


def test_find() -> None:
    found = find(default_scale(), "unproven")
    assert found is not None and found.labels["en"] == "Unproven"
    assert find(default_scale(), "pants-on-fire") is None


def test_replace() -> None:
    scale = effective_scale(settings(GOOD))
    assert [v.id for v in scale.labels] == ["correct", "half", "wrong", "unverified"]
    assert (scale.best, scale.worst) == (3, 1)
    assert find(scale, "true") is None
    assert problems(GOOD) == []


def test_replace_is_the_default_mode() -> None:
    assert settings(GOOD).verdict_scale.mode == "replace"  # type: ignore[union-attr]


def test_replace_needs_best_and_worst() -> None:
    with pytest.raises(ValidationError) as caught:
        settings({"labels": GOOD["labels"]})
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("verdict_scale",), "scale-missing-bounds")
    ]


def test_extend_adds_labels_and_relabels() -> None:
    extension = {
        "mode": "extend",
        "labels": [
            {"id": "false", "labels": {"ar": "خاطئ"}},  # re-label one language
            label("out-of-mandate"),  # no rating: goes at the end
            {"id": "fabricated", "rating": 1, "labels": {}, "description": {"en": "Invented."}},
        ],
    }
    scale = effective_scale(settings(extension))
    default = default_scale()
    assert [v.id for v in scale.labels] == [v.id for v in default.labels] + ["out-of-mandate"]
    assert (scale.best, scale.worst) == (7, 1)
    false = find(scale, "false")
    assert false is not None
    assert false.labels == {"ar": "خاطئ", "fr": "Faux", "en": "False"}
    assert false.rating == 2  # not given, so kept
    fabricated = find(scale, "fabricated")
    assert fabricated is not None and fabricated.description["en"] == "Invented."
    assert fabricated.description["fr"].startswith("L'affirmation")
    assert problems(extension) == []
    # The default scale itself is untouched.
    assert label_text(default_scale(), "false", "ar") == "زائف"


def test_extend_puts_a_rated_label_in_its_place() -> None:
    extension = {
        "mode": "extend",
        "worst": 0,
        "labels": [label("pants-on-fire", 0), label("spot-on", 8)],
        "best": 8,
    }
    scale = effective_scale(settings(extension))
    ids = [v.id for v in scale.labels]
    assert ids[0] == "spot-on"
    assert ids.index("pants-on-fire") == ids.index("fabricated") + 1
    assert (scale.best, scale.worst) == (8, 0)
    assert problems(extension) == []


def test_extend_can_change_a_rating() -> None:
    extension = {"mode": "extend", "labels": [{"id": "unproven", "rating": None}]}
    assert find(effective_scale(settings(extension)), "unproven").rating is None  # type: ignore[union-attr]
    extension = {"mode": "extend", "labels": [{"id": "satire", "rating": 1}]}
    assert find(effective_scale(settings(extension)), "satire").rating == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("scale", "expected"),
    [
        (
            {**GOOD, "labels": [*GOOD["labels"], label("half", None)]},
            [("scale-duplicate-id", "/verdict_scale/labels/4/id")],
        ),
        (
            {"mode": "extend", "labels": [label("odd"), label("odd")]},
            [("scale-duplicate-id", "/verdict_scale/labels/1/id")],
        ),
        (
            {**GOOD, "labels": [label("half", 2), label("correct", 3), *GOOD["labels"][2:]]},
            [("scale-order", "/verdict_scale/labels/1/rating")],
        ),
        (  # two labels may share a rating
            {**GOOD, "labels": [label("correct", 2), label("half", 2), *GOOD["labels"][2:]]},
            [],
        ),
        (
            {"mode": "extend", "labels": [label("exaggerated", 4)]},  # ties with misleading
            [],
        ),
        (
            {"mode": "extend", "labels": [label("pants-on-fire", 0)]},  # below worst
            [("scale-rating-range", "/verdict_scale/labels/0/rating")],
        ),
        (
            {**GOOD, "best": 1, "worst": 3},
            [("scale-bounds", "/verdict_scale/best")],  # ratings are not checked against them
        ),
        (
            {**GOOD, "labels": GOOD["labels"][:3]},
            [("scale-no-unverified", "/verdict_scale/labels")],
        ),
        (
            {**GOOD, "labels": [*GOOD["labels"][:3], label("unverified", 1)]},
            [("scale-unverified-rated", "/verdict_scale/labels/3/rating")],
        ),
        (
            {**GOOD, "labels": [label("correct", 3, ar="صحيح", en="Correct"), *GOOD["labels"][1:]]},
            [("scale-missing-label", "/verdict_scale/labels/0/labels")],
        ),
        (
            {"mode": "extend", "labels": [label("out-of-mandate", en="Out of mandate")]},
            [("scale-missing-label", "/verdict_scale/labels/0/labels")],
        ),
    ],
)
def test_scale_problems(scale: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert problems(scale) == expected


def test_a_dataset_language_missing_from_the_default_scale() -> None:
    found = scale_problems(settings(languages=["ar", "es"]), PATH)
    assert {(p.code, p.field) for p in found} == {("scale-missing-label", "/languages")}
    assert len(found) == len(default_scale().labels)
    assert "mode: extend" in found[0].message
    # Extending the scale with Spanish labels clears them.
    spanish = {
        "mode": "extend",
        "labels": [{"id": v.id, "labels": {"es": v.id}} for v in default_scale().labels],
    }
    assert problems(spanish, ["ar", "es"]) == []


def test_problem_messages_say_how_to_fix() -> None:
    found = scale_problems(settings({**GOOD, "labels": GOOD["labels"][:3]}), PATH)
    assert "add one (id: unverified" in found[0].message


@pytest.mark.parametrize(
    ("scale", "valid"),
    [
        ({"labels": []}, False),
        ({"mode": "replace", "best": 3, "labels": []}, False),
        ({"best": 3, "worst": 1, "labels": []}, True),
        ({"mode": "extend", "labels": []}, True),
        ({"mode": "extend", "labels": [], "colour": "red"}, False),
    ],
)
def test_the_json_schema_asks_for_bounds_only_when_replacing(
    scale: dict[str, Any], valid: bool
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_text("dataset"))
    data = {"name": "Test desk", "languages": ["ar"], "verdict_scale": scale}
    assert jsonschema.Draft202012Validator(schema).is_valid(data) is valid
