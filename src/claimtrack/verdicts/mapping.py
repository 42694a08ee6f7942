"""Outside fact-checkers' ratings ("زائف", "Trompeur", "Pants on Fire!") mapped onto a scale.

A rating is compared after `text.normalise` (case, accents, Arabic spelling, punctuation and
whitespace ignored): first with the scale's own ids and labels in every language, then with
the label maps of the X-FACT project (label_maps/, see SOURCE.txt there), which give each
site's labels an English label; a small table below takes that English label to an id of
the default scale. Anything else, and X-FACT's catch-all 'other', is not mapped.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from ..models.dataset import VerdictScale
from ..text import normalise

NOT_MAPS = {"SOURCE.txt", "LICENSE.txt"}  # attribution and licence, next to the maps
# X-FACT English labels that say something more precise than their X-FACT class.
ENGLISH_TO_SCALE: dict[str, str] = {
    "true": "true",
    "mostly true": "mostly-true",
    "half true": "mixed",
    "partly true/misleading": "mixed",
    "misleading": "misleading",
    "deceptive": "misleading",
    "selective": "misleading",
    "commotion": "misleading",
    "exaggerated": "misleading",
    "underestimated": "misleading",
    "manipulated": "misleading",
    "distorted": "misleading",
    "misplaced": "misleading",
    "lacks context": "misleading",
    "out of context": "misleading",
    "mostly false": "mostly-false",
    "false": "false",
    "fake": "false",
    "incorrect": "false",
    "fabricated": "fabricated",
    "other/myth": "false",
    "other/satire": "satire",
    "other/sarcasm": "satire",
    "satire": "satire",
    "unproven": "unproven",
    "not proven": "unproven",
    "doubtful": "unproven",
    "suspicious": "unproven",
    "unverifiable": "unproven",
    "uncheckable": "unproven",
    "no evidence": "unproven",
}
# The seven X-FACT classes (master_mapping.tsv), for the English labels not in the table above.
# 'complicated' holds both open questions and non-verdicts, and 'other' is a catch-all: neither
# is mapped.
CLASS_TO_SCALE: dict[str, str | None] = {
    "true": "true",
    "mostly true": "mostly-true",
    "partly true/misleading": "mixed",
    "complicated/hard to categorise": None,
    "other": None,
    "mostly false": "mostly-false",
    "false": "false",
}


def map_label(text: str, scale: VerdictScale) -> str | None:
    """The id on `scale` for an outside rating, or None when it has no clear match there."""
    key = normalise(text)
    if not key:
        return None
    for label in scale.labels:
        if key == normalise(label.id) or any(key == normalise(t) for t in label.labels.values()):
            return label.id
    verdict = _verdict(site_labels().get(key, key))
    if verdict is None or not any(label.id == verdict for label in scale.labels):
        return None
    return verdict


@cache
def site_labels() -> dict[str, str]:
    """Every fact-checking site's label in the X-FACT maps, normalised, to its English label
    (normalised). A label that sites map to English labels of different meaning is left out."""
    found: dict[str, set[str]] = {}
    for path in sorted(_folder().iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".txt") or path.name in NOT_MAPS:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            site_label, tab, english = line.partition("\t")
            if tab and normalise(site_label):
                found.setdefault(normalise(site_label), set()).add(normalise(english))
    agreed = {label: _agreed(englishes) for label, englishes in found.items()}
    return {label: english for label, english in agreed.items() if english is not None}


@cache
def english_classes() -> dict[str, str]:
    """X-FACT's synonyms, normalised, to their class, from master_mapping.tsv. A synonym listed
    under two classes is left out."""
    found: dict[str, set[str]] = {}
    text = _folder().joinpath("master_mapping.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        name, _, synonyms = line.partition("\t")
        for synonym in synonyms.split("|"):
            if normalise(synonym):
                found.setdefault(normalise(synonym), set()).add(normalise(name))
    normalised_classes = {normalise(name): name for name in CLASS_TO_SCALE}
    return {
        synonym: normalised_classes[next(iter(names))]
        for synonym, names in found.items()
        if len(names) == 1
    }


@cache
def english_to_scale() -> dict[str, str]:
    return {normalise(english): verdict for english, verdict in ENGLISH_TO_SCALE.items()}


def _agreed(englishes: set[str]) -> str | None:
    """One English label for a site label, if the ones given all lead to the same verdict."""
    verdicts = {_verdict(english) for english in englishes}
    return min(englishes) if len(verdicts) == 1 else None


def _verdict(english: str) -> str | None:
    """The default scale's id for a normalised X-FACT English label."""
    verdict = english_to_scale().get(english)
    if verdict is None:
        verdict = CLASS_TO_SCALE.get(english_classes().get(english, "other"))
    return verdict


def _folder() -> Traversable:
    return files(__package__).joinpath("label_maps")
