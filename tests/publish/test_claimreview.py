"""The ClaimReview feed: every object meets the checked-in JSON Schema of Google's required
and recommended fields, the pages embed the same objects, and claimtrack's own importer reads
the feed back with its addresses and ratings."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from claimtrack.interop.claimreview import read

from .conftest import CASE, CLAIM
from .test_site import LD_JSON, run, text

BASE = "https://claimtrack-demo.example.org/"
LABELS = {"ar": "صحيح في معظمه", "fr": "Globalement correct", "en": "Mostly true"}


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        files("claimtrack.publish").joinpath("claimreview.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(review: dict) -> None:
    errors = sorted(validator().iter_errors(review), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def test_every_exported_object_meets_the_schema(published_case: Path) -> None:
    feed = json.loads(run(published_case, "export", "claimreview"))
    assert feed["@type"] == "DataFeed"
    reviews = feed["dataFeedElement"]
    assert {r["inLanguage"] for r in reviews} == {"ar", "fr", "en"}
    for review in reviews:
        assert_valid(review)
        language = review["inLanguage"]
        assert review["url"] == f"{BASE}{language}/claims/{CLAIM}.html"
        rating = review["reviewRating"]
        assert rating["alternateName"] == LABELS[language]
        assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (6, 7, 1)
        assert review["author"] == {
            "@type": "Organization",
            "name": "claimtrack demo desk",
            "url": "https://claimtrack-demo.example.org",
        }
        item = review["itemReviewed"]
        assert item["author"]["name"] == "Al Assima (جريدة العاصمة), citing unnamed sources"
        assert item["datePublished"] == "2025-04-09"
        assert item["firstAppearance"]["url"] == "https://alassima.example.ma/2025/04/09/network"
        assert len(review["claimReviewed"]) < 75 and review["claimReviewed"].endswith("…")


def test_the_pages_embed_the_objects_of_the_feed(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    feed = json.loads(text(site, "claimreview.json"))
    assert feed == json.loads(run(published_case, "export", "claimreview"))
    by_url = {r["url"]: r for r in feed["dataFeedElement"]}
    for language in ("ar", "fr", "en"):
        page = text(site, f"{language}/claims/{CLAIM}.html")
        embedded = json.loads(LD_JSON.search(page).group(1))
        assert embedded == by_url[embedded["url"]]


def test_the_importer_reads_the_feed_back(published_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.json"
    run(published_case, "export", "claimreview", "--out", str(out))
    checks, problems = read(out.read_text(encoding="utf-8"), str(out))
    assert problems == []
    assert {(c.review_url, c.rating) for c in checks} == {
        (f"{BASE}{language}/claims/{CLAIM}.html", label) for language, label in LABELS.items()
    }
    assert {c.publisher for c in checks} == {"claimtrack demo desk"}
    dry = run(published_case, "import", str(out), "--format", "claimreview", "--dry-run",
              "--by", "Salma")  # fmt: skip
    assert dry.count("(maps to mostly-true)") == 3
    assert "would create 3 claims" in dry


def test_a_verdict_without_a_rating_has_its_label_only(published_case: Path) -> None:
    path = published_case / CASE / f"{CLAIM}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("verdict: mostly-true", "verdict: unproven"),
        encoding="utf-8",
    )
    feed = json.loads(run(published_case, "export", "claimreview", "--language", "fr"))
    (review,) = feed["dataFeedElement"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Non prouvé"}
    assert_valid(review)


def test_a_short_statement_is_reviewed_whole(published_case: Path) -> None:
    path = published_case / CASE / f"{CLAIM}.yaml"
    content = path.read_text(encoding="utf-8")
    start = content.index("  en: ")
    end = content.index("\n", start)
    path.write_text(content[:start] + "  en: Bad cheques, again." + content[end:], "utf-8")
    feed = json.loads(run(published_case, "export", "claimreview", "--language", "en"))
    assert feed["dataFeedElement"][0]["claimReviewed"] == "Bad cheques, again."


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--language", "de"], 2, "unknown-language"),
        (["--base-url", "ftp://x.org/"], 2, "bad-base-url"),
    ],
)
def test_export_usage_errors(published_case: Path, args: list[str], code: int, message: str):
    out = run(published_case, "export", "claimreview", *args, code=code)
    assert message in out and "dataFeedElement" not in out
