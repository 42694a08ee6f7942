"""Capture: an article's text to a source and its claims, through the widget's handlers; the
records are checked on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

pytest.importorskip("ipywidgets")

from claimtrack.widgets import Capture, Desk
from claimtrack.widgets.capture import split_sentences
from tests.conftest import SHARED

ARTICLE = (
    "شبكة من الحسابات الوهمية تستهدف المعارضين. هل يقودها برلماني؟ "
    "تقول المصادر إن زعيمها أصدر شيكات بدون رصيد؛ ويطالب الحقوقيون بالتحقيق\n"
    "A second paragraph, in English! It ends here."
)
METADATA = {
    "id": "paper-2025-04-12",
    "kind": "article",
    "title": "شبكة رقمية",
    "publisher": "A newspaper",
    "url": "https://news.example.org/network",
    "published": "2025-04-12",
    "language": "ar",
}


def test_sentences_split_at_arabic_and_latin_punctuation_and_newlines() -> None:
    assert split_sentences(ARTICLE) == [
        "شبكة من الحسابات الوهمية تستهدف المعارضين.",
        "هل يقودها برلماني؟",
        "تقول المصادر إن زعيمها أصدر شيكات بدون رصيد؛",
        "ويطالب الحقوقيون بالتحقيق",
        "A second paragraph, in English!",
        "It ends here.",
    ]


def test_capture_creates_the_source_and_a_claim_quoting_the_sentence(make_dataset) -> None:
    root = make_dataset()
    desk = Desk(root)
    capture = Capture(desk)
    assert len(capture.load_text(ARTICLE)) == 6
    assert len(capture.sentence_list.options) == 6

    source = capture.create_source(**METADATA)
    assert source is not None
    written = yaml.safe_load((root / "sources/paper-2025-04-12.yaml").read_text("utf-8"))
    assert written["publisher"] == "A newspaper"
    assert written["url"] == "https://news.example.org/network"
    assert written["accessed"] == date.today()  # captured today, unless the field says otherwise
    assert capture.source_picker.value == "paper-2025-04-12"

    assert capture.pick(2) == "تقول المصادر إن زعيمها أصدر شيكات بدون رصيد؛"
    statement = "زعيمها أصدر شيكات بدون رصيد"
    capture.claim_fields["statement"].value = statement  # trimmed to the allegation
    capture.claim_fields["category"].value = "bad-cheques"
    assert capture.claim_fields["id"].value == "bad-cheques"  # suggested from the category
    assert ("the leader of the network", "network-leader") in capture.claim_fields[
        "subjects"
    ].options
    capture.claim_fields["subjects"].value = ("network-leader",)
    capture.claim_fields["case"].value = "case-one"
    assert capture.claim_fields["claimant"].value == "A newspaper"  # from the source
    capture.add_claim_button.click()

    claim = yaml.safe_load((root / "case-one/bad-cheques.yaml").read_text("utf-8"))
    assert claim["statement"] == statement
    assert claim["status"] == "new"
    assert claim["verdict"] == "unverified"
    assert claim["subjects"] == ["network-leader"]
    assert claim["appearances"] == [
        {
            "source": "paper-2025-04-12",
            "quote": "تقول المصادر إن زعيمها أصدر شيكات بدون رصيد؛",
            "date": date(2025, 4, 12),
        }
    ]
    assert claim["history"][0]["actor"] == "Salma"
    assert claim["history"][0]["action"] == "created"
    assert capture.created == ["bad-cheques"]
    assert "bad-cheques.yaml" in desk.message


def test_problems_are_shown_next_to_their_field_and_nothing_is_written(make_dataset) -> None:
    root = make_dataset()
    desk = Desk(root)
    capture = Capture(desk)
    bad = {**METADATA, "url": "javascript:alert(1)", "published": "2025"}
    assert capture.create_source(**bad) is None
    assert "unsafe-url" in capture.source_problems["url"].value
    assert "bad-date" in capture.source_problems["published"].value
    assert capture.source_problems["title"].value == ""
    assert not (root / "sources/paper-2025-04-12.yaml").exists()
    # An id already used is refused by the library, and shown next to the id.
    assert capture.create_source(**{**METADATA, "id": "article-one"}) is None
    assert "duplicate-id" in capture.source_problems["id"].value
    # A claim needs its source, its fields and a case folder.
    capture.source_picker.value = "article-one"
    capture.load_text(ARTICLE)
    capture.pick(0)
    capture.claim_fields["claimant"].value = ""
    assert capture.add_claim() is None
    assert "empty-text" in capture.claim_problems["claimant"].value
    capture.claim_fields["claimant"].value = "unnamed sources"
    assert capture.add_claim() is None
    assert "no-case" in capture.claim_problems["case"].value
    assert sorted(p.name for p in (root / "case-one").iterdir()) == ["claim-one.yaml"]


def test_the_shipped_article_loads_from_a_file(make_dataset, tmp_path: Path) -> None:
    article = next((SHARED / "seed").glob("*.txt"), None)
    if article is None:
        pytest.skip("the seed article is not in this checkout")
    capture = Capture(Desk(make_dataset()))
    sentences = capture.load_file(article)
    assert any("شيكات من دون رصيد" in s for s in sentences)
    capture.load_file(tmp_path / "missing.txt")
    assert "cannot read it" in capture.desk.message
