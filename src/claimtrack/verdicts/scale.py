"""The verdict scale in use: the default one shipped in the package, or the newsroom's.

A newsroom's dataset.yaml may hold a `verdict_scale` that replaces the default scale
(`mode: replace`, the default) or extends it (`mode: extend`: new labels are added, and a
label with the id of a default label changes its texts or rating).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from ..models.dataset import DatasetSettings, ScaleMode, VerdictLabel, VerdictScale
from ..problems import Problem

UNVERIFIED = "unverified"
_Found = tuple[str, str, str]  # a problem's code, message and field pointer


@cache
def default_scale() -> VerdictScale:
    """The scale shipped with claimtrack (read once; shared, so copy it before changing it)."""
    text = files(__package__).joinpath("default_scale.yaml").read_text(encoding="utf-8")
    return VerdictScale.model_validate(yaml.safe_load(text))


def effective_scale(settings: DatasetSettings | None) -> VerdictScale:
    """The scale a dataset uses: the default, the newsroom's own, or the default extended."""
    custom = settings.verdict_scale if settings is not None else None
    if custom is None:
        return default_scale()
    if custom.mode == ScaleMode.REPLACE:
        return custom
    return _extend(default_scale(), custom)


def find(scale: VerdictScale, verdict_id: str) -> VerdictLabel | None:
    return next((label for label in scale.labels if label.id == verdict_id), None)


def label_text(scale: VerdictScale, verdict_id: str, language: str) -> str:
    """The label of `verdict_id` in `language` (or its base language: ar for ar-MA), else in
    English, else the id itself."""
    label = find(scale, verdict_id)
    if label is None:
        return verdict_id
    return _in_language(label.labels, language) or label.labels.get("en") or verdict_id


def scale_problems(settings: DatasetSettings | None, display_path: str) -> list[Problem]:
    """What is wrong with the scale a dataset uses, located in its dataset.yaml: duplicate
    ids, ratings out of order or outside the bounds, no 'unverified', missing labels."""
    custom = settings.verdict_scale if settings is not None else None
    languages = settings.languages if settings is not None else []
    places = _Places(custom)
    scale = effective_scale(settings)
    found = [*places.duplicates, *_rating_problems(scale, places)]
    found += _unverified_problems(scale, places) + _language_problems(scale, places, languages)
    return [Problem(code, message, display_path, field=field) for code, message, field in found]


class _Places:
    """Where each label the newsroom wrote is in dataset.yaml, for the field pointers."""

    def __init__(self, custom: VerdictScale | None) -> None:
        self.custom = custom is not None
        self.written: dict[str, str] = {}
        self.duplicates: list[_Found] = []
        for index, label in enumerate(custom.labels if custom else []):
            if label.id not in self.written:
                self.written[label.id] = f"/verdict_scale/labels/{index}"
                continue
            self.duplicates.append(
                (
                    "scale-duplicate-id",
                    f"the verdict id '{label.id}' is already used by an earlier label of the "
                    "scale; rename this one or merge the two",
                    f"/verdict_scale/labels/{index}/id",
                )
            )

    def of(self, label: VerdictLabel, part: str) -> str:
        if label.id in self.written:
            return f"{self.written[label.id]}/{part}"
        return "/verdict_scale" if self.custom else "/languages"


def _rating_problems(scale: VerdictScale, places: _Places) -> list[_Found]:
    found: list[_Found] = []
    best, worst = scale.best, scale.worst
    if best is None or worst is None:  # only when built in code: the model requires them
        return found
    if best <= worst:
        found.append(
            (
                "scale-bounds",
                f"the scale's best rating ({best}) must be greater than its worst ({worst}); "
                "swap them or correct one",
                "/verdict_scale/best",
            )
        )
    previous: VerdictLabel | None = None  # the last label with a rating
    for label in scale.labels:
        if label.rating is None:
            continue
        if best > worst and not worst <= label.rating <= best:
            found.append(
                (
                    "scale-rating-range",
                    f"the rating of '{label.id}' ({label.rating}) is outside the scale "
                    f"({worst} to {best}); change it, or change 'best' or 'worst'",
                    places.of(label, "rating"),
                )
            )
        if previous is not None and previous.rating is not None and label.rating > previous.rating:
            found.append(
                (
                    "scale-order",
                    "the labels of the scale go from the best rating to the worst (ties allowed), "
                    "but "
                    f"'{label.id}' ({label.rating}) comes after '{previous.id}' "
                    f"({previous.rating}); give it a lower rating or move it up",
                    places.of(label, "rating"),
                )
            )
        previous = label
    return found


def _unverified_problems(scale: VerdictScale, places: _Places) -> list[_Found]:
    unverified = find(scale, UNVERIFIED)
    if unverified is None:
        message = (
            f"the scale has no '{UNVERIFIED}' label, the state of every claim before its "
            f"verdict; add one (id: {UNVERIFIED}, no rating, a label in each language)"
        )
        return [("scale-no-unverified", message, "/verdict_scale/labels")]
    if unverified.rating is not None:
        message = f"'{UNVERIFIED}' is not a verdict, so it has no rating; remove its rating"
        return [("scale-unverified-rated", message, places.of(unverified, "rating"))]
    return []


def _language_problems(scale: VerdictScale, places: _Places, languages: list[str]) -> list[_Found]:
    found: list[_Found] = []
    for label in scale.labels:
        missing = ", ".join(lang for lang in languages if not _in_language(label.labels, lang))
        if not missing:
            continue
        if label.id in places.written:
            how = f"add {missing} under its 'labels'"
        else:
            how = (
                f"add a label with id '{label.id}' and labels in {missing} to the "
                "verdict_scale of dataset.yaml, with mode: extend"
            )
        found.append(
            (
                "scale-missing-label",
                f"the verdict '{label.id}' has no label in {missing}, a language of the "
                f"dataset; {how}",
                places.of(label, "labels"),
            )
        )
    return found


def _in_language(texts: dict[str, str], language: str) -> str | None:
    return texts.get(language) or texts.get(language.split("-")[0])


def _extend(base: VerdictScale, extension: VerdictScale) -> VerdictScale:
    labels = list(base.labels)
    for entry in extension.labels:
        index = next((i for i, label in enumerate(labels) if label.id == entry.id), None)
        if index is None:
            labels.insert(_place_for(labels, entry), entry)
            continue
        old = labels[index]
        changes = {
            "labels": {**old.labels, **entry.labels},
            "description": {**old.description, **entry.description},
        }
        if "rating" in entry.model_fields_set:
            changes["rating"] = entry.rating
        labels[index] = old.model_copy(update=changes)
    return VerdictScale(
        mode=ScaleMode.REPLACE,  # the result is a whole scale
        best=base.best if extension.best is None else extension.best,
        worst=base.worst if extension.worst is None else extension.worst,
        labels=labels,
    )


def _place_for(labels: list[VerdictLabel], new: VerdictLabel) -> int:
    """Where a new label goes: among the rated labels by its rating, or else at the end."""
    if new.rating is None:
        return len(labels)
    rated = [(i, label.rating) for i, label in enumerate(labels) if label.rating is not None]
    above = [i for i, rating in rated if rating >= new.rating]
    if above:
        return above[-1] + 1
    return rated[0][0] if rated else len(labels)
