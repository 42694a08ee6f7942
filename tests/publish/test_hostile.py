"""Hostile text in every text field that publish shows stays inert text: no markup, no script,
no link other than http and https; in a real browser no dialog opens and no script runs."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from claimtrack.models import Source
from claimtrack.publish.context import prepare
from claimtrack.publish.site import claim_pages
from claimtrack.store import Loaded, load
from tests.browser import chromium

from .conftest import CASE, CLAIM
from .test_site import run, text, tree

LONG_WORD = "W" * 400
HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> '
    "\u202eevil\u202c \u2067isolated\u2069 [link](javascript:alert(1)) *bold* "
    f"{LONG_WORD}"
)
RATIONALE = "A rationale long enough for the gate, followed by hostile text: " + HOSTILE


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_hostile(root: Path) -> None:
    def claim(data: dict) -> None:
        data["statement"] = HOSTILE
        data["translations"] = {"en": HOSTILE + " en", "fr": HOSTILE + " fr"}
        data["claimant"]["label"] = HOSTILE
        data["appearances"][0]["quote"] = HOSTILE
        for item in data["evidence"]:
            item["shows"] = HOSTILE
        data["rationale"] = RATIONALE
        data["right_of_reply"][0]["summary"] = HOSTILE
        data["corrections"] = [
            {"date": "2025-05-11T09:00:00+00:00", "by": "Karim", "what": HOSTILE, "why": HOSTILE}
        ]

    def source(data: dict) -> None:
        data["title"] = HOSTILE
        data["publisher"] = HOSTILE

    def settings(data: dict) -> None:
        data["name"] = HOSTILE
        data["contact"] = HOSTILE
        data["methodology"]["en"] = HOSTILE
        data["verdict_scale"] = {
            "mode": "extend",
            "labels": [{"id": "mostly-true", "labels": {"en": HOSTILE}}],
        }

    def actor(data: dict) -> None:
        data["label"] = HOSTILE

    edit(root / CASE / f"{CLAIM}.yaml", claim)
    for name in ("other-paper", "court-ruling-112", "al-assima-2025-04-09-network"):
        edit(root / f"sources/{name}.yaml", source)
    edit(root / "dataset.yaml", settings)
    edit(root / "actors/network-leader.yaml", actor)


@pytest.fixture
def hostile_site(published_case: Path, tmp_path: Path) -> Path:
    make_hostile(published_case)
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    return site


def test_hostile_text_is_inert_in_every_file(hostile_site: Path) -> None:
    files = tree(hostile_site)
    assert f"en/claims/{CLAIM}.html" in files
    for rel, raw in files.items():
        content = raw.decode("utf-8")
        if rel.endswith(".md"):  # each < is escaped, except around our own http(s) links
            assert re.findall(r"(?<!\\)<(?!https?://)", content) == [], rel
        else:
            assert "<img" not in content and "<script>alert" not in content, rel
        assert 'href="javascript' not in content.lower(), rel
        if rel.endswith(".html"):
            assert content.count("<script") == content.count('<script type="application/ld+json">')
            assert "</script" not in content.split("</script>")[0].split("ld+json", 1)[-1]
        if rel.endswith(".json"):
            json.loads(content)
    page = text(hostile_site, f"en/claims/{CLAIM}.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "\u202eevil\u202c" in page and LONG_WORD in page  # shown, as text
    markdown = text(hostile_site, f"en/claims/{CLAIM}.md")
    assert r"\<script\>alert(1)\</script\>" in markdown
    assert r"\[link\](javascript:alert(1))" in markdown and r"\*bold\*" in markdown
    block = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    review = json.loads(block)
    assert review["itemReviewed"]["author"]["name"] == HOSTILE  # the JSON keeps the text


def test_only_http_links_even_when_a_record_was_not_validated(published_case: Path) -> None:
    """The models refuse javascript: addresses; the templates check again."""
    dataset = load(published_case, use_cache=False)
    index = next(i for i, s in enumerate(dataset.sources) if s.record.id == "other-paper")
    loaded = dataset.sources[index]
    bad = Source.model_construct(
        **{**dict(loaded.record), "url": "javascript:alert(1)", "archive_url": "JavaScript:x()"}
    )
    dataset.sources[index] = Loaded(bad, loaded.path, loaded.display)
    dataset.memo.clear()
    context, _ = prepare(dataset, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert context is not None and [c.record.id for c in context.claims] == [CLAIM]
    pages = dict(claim_pages(context, context.claims[0]))
    for rel, content in pages.items():
        assert "javascript" not in content.lower(), rel
    assert "Cheques case in court" in pages[f"en/claims/{CLAIM}.html"]


def test_a_javascript_address_in_a_file_is_refused(published_case: Path, tmp_path: Path) -> None:
    path = published_case / "sources/other-paper.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "url: https://other.example.org/cheques", "url: javascript:alert(1)"
        ),
        encoding="utf-8",
    )
    out = run(published_case, "publish", "--out", str(tmp_path / "site"), code=1)
    assert "error[unsafe-url]" in out and "dataset-has-errors" in out
    assert not (tmp_path / "site").exists()


@pytest.mark.browser
def test_no_script_runs_in_chromium(hostile_site: Path, tmp_path: Path) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    requested: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requested.append(request.url))
        for language in ("en", "ar", "fr"):
            page.goto((hostile_site / f"{language}/claims/{CLAIM}.html").as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate("document.images.length") == 0
            scripts = page.evaluate(
                "[...document.scripts].map(s => s.type)"
            )  # only the JSON-LD block, which a browser does not run
            assert scripts == ["application/ld+json"]
            assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
        page.goto((hostile_site / "en/index.html").as_uri())
        assert page.evaluate("document.images.length") == 0
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert dialogs == [] and errors == []
    assert [url for url in requested if not url.startswith("file://")] == []


@pytest.mark.browser
def test_arabic_and_english_pages_in_chromium(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    with chromium() as browser:
        page = browser.new_page()
        for language, direction in (("ar", "rtl"), ("en", "ltr")):
            page.goto((site / f"{language}/claims/{CLAIM}.html").as_uri())
            document = page.evaluate(
                "[document.documentElement.dir, document.documentElement.lang]"
            )
            assert document == [direction, language]
            quote = page.locator("blockquote.statement")
            assert quote.get_attribute("lang") == "ar"
            assert quote.evaluate("q => getComputedStyle(q).direction") == "rtl"
            shot = tmp_path / f"claim-{language}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 1000
        # On the English page the Arabic statement reads right to left, the rest left to right.
        assert page.locator("h1").evaluate("h => getComputedStyle(h).direction") == "ltr"
