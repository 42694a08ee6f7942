"""Outside fact-checkers' ratings mapped onto the verdict scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.models import VerdictScale
from claimtrack.verdicts import default_scale, map_label
from claimtrack.verdicts.mapping import NOT_MAPS, english_classes, site_labels

LABEL_MAPS = Path(__file__).resolve().parents[2] / "src" / "claimtrack" / "verdicts" / "label_maps"
SHARED_MAPS = Path(__file__).resolve().parents[3] / "shared" / "data" / "label-maps"


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        # Misbar, in Arabic
        ("زائف", "false"),
        ("مضلل", "misleading"),
        ("صحيح", "true"),
        ("ساخر", "satire"),
        ("مشكوك فيه", "unproven"),
        ("انتقائي", "misleading"),  # selective
        ("إثارة", "misleading"),  # commotion
        ("خرافة", "false"),  # myth
        # ... with harakat, tatweel, a decomposed hamza, marks and punctuation around
        ("زَائِفٌ", "false"),
        ("مُضَلِّل", "misleading"),
        ("مضـــلل", "misleading"),
        ("\u0627\u0655\u062b\u0627\u0631\u0629", "misleading"),  # ا + hamza below: إثارة
        ("\u0632\u0627\u064a\u0654\u0641", "false"),  # ي + hamza above: زائف
        ("أثارة", "misleading"),  # the wrong hamza on the alef
        ("\u200fزائف\u200f", "false"),
        ("«مشكوك فيه»", "unproven"),
        ("ساخر.", "satire"),
        # Africa Check, in French
        ("Faux", "false"),
        ("Trompeur", "misleading"),
        ("Non prouvé", "unproven"),
        ("NON PROUVE", "unproven"),
        ("Globalement correct", "mostly-true"),
        ("Correct", "true"),
        ("Incorrect", "false"),
        ("Sous-estimé/Exagéré", "misleading"),
        ("FAUX.", "false"),
        ("faux\r", "false"),
        ("  Faux !\r\n", "false"),
        # English, PolitiFact and others
        ("Mostly False", "mostly-false"),
        ("Pants on Fire!", "false"),
        ("Half-True", "mixed"),
        ("mostly true", "mostly-true"),
        ("Satire", "satire"),
        ("Fabricated", "fabricated"),
        # the scale's own labels and ids, in every language
        ("mostly-false", "mostly-false"),
        ("Plutôt faux", "mostly-false"),
        ("مفبرك", "fabricated"),
        ("Inventé", "fabricated"),
        ("غير مثبت", "unproven"),
        # other sites of the X-FACT maps
        ("Engañoso", "misleading"),  # Chequeado
        ("falsch", "false"),  # Correctiv
        ("nieweryfikowalne", "unproven"),  # Demagog
    ],
)
def test_map_label(rating: str, verdict: str) -> None:
    assert map_label(rating, default_scale()) == verdict


@pytest.mark.parametrize(
    "rating",
    [
        "",
        "   ",
        "!!",
        "Vraiment pas sûr",
        "لا أعرف",
        "other",  # X-FACT's catch-all
        "Full Flop",  # PolitiFact's flip-o-meter: not a verdict
        "Incumplida",  # 'incomplete', which X-FACT puts in two classes
        "debatable",
        "https://misbar.com/en/our-methodology",  # a line of a map that is not a label
    ],
)
def test_unknown_labels_are_not_mapped(rating: str) -> None:
    assert map_label(rating, default_scale()) is None


def test_a_verdict_missing_from_the_scale_is_not_mapped() -> None:
    scale = VerdictScale.model_validate(
        {
            "best": 1,
            "worst": 0,
            "labels": [
                {"id": "accurate", "rating": 1, "labels": {"fr": "Exact", "ar": "دقيق"}},
                {"id": "inaccurate", "rating": 0, "labels": {"fr": "Inexact"}},
                {"id": "unverified", "labels": {"en": "Unverified"}},
            ],
        }
    )
    assert map_label("Faux", scale) is None  # 'false' is not on this scale
    assert map_label("EXACT", scale) == "accurate"
    assert map_label("دقيق.", scale) == "accurate"
    assert map_label("inaccurate", scale) == "inaccurate"


def test_the_scale_is_matched_before_the_label_maps() -> None:
    # 'correct' is true for Africa Check; a scale that says otherwise wins.
    scale = VerdictScale.model_validate(
        {
            "best": 2,
            "worst": 1,
            "labels": [
                {"id": "true", "rating": 2, "labels": {"en": "True"}},
                {"id": "mostly-true", "rating": 1, "labels": {"fr": "Correct"}},
            ],
        }
    )
    assert map_label("correct", scale) == "mostly-true"


def test_the_label_maps_are_read_with_their_arabic_and_french_labels() -> None:
    labels = site_labels()
    assert labels["زايف"] == "false"  # normalised: ئ -> ي
    assert labels["مشكوك فيه"] == "doubtful"
    assert labels["non prouve"] == "unproven"
    assert "https misbar com en our methodology" not in labels
    assert english_classes()["half true"] == "partly true/misleading"
    assert "incomplete" not in english_classes()  # listed under two classes


def test_the_label_maps_are_unchanged_copies_with_their_attribution() -> None:
    copied = sorted(p.name for p in LABEL_MAPS.iterdir() if p.name not in NOT_MAPS)
    assert len(copied) == 36
    assert "misbar.com.txt" in copied and "master_mapping.tsv" in copied
    source = (LABEL_MAPS / "SOURCE.txt").read_text(encoding="utf-8")
    assert "https://github.com/utahnlp/x-fact" in source and "MIT" in source
    assert "Copyright (c) 2021 Utah NLP" in (LABEL_MAPS / "LICENSE.txt").read_text("utf-8")
    if SHARED_MAPS.is_dir():
        for name in copied:
            assert (LABEL_MAPS / name).read_bytes() == (SHARED_MAPS / name).read_bytes(), name
