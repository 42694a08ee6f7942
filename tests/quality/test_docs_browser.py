"""A real browser opens the Data Docs from disk, offline, and shows the suite's results."""

from __future__ import annotations

import pytest

from claimtrack.quality import check_dataset
from tests.browser import chromium
from tests.quality.helpers import claim_yaml


@pytest.mark.browser
def test_data_docs_show_the_results_offline_in_chromium(make_dataset, tmp_path) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim_yaml(verdict="made-up")})
    docs = tmp_path / "docs"
    report, problems = check_dataset(root, docs=docs)
    assert problems == [] and report is not None
    requested: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto((docs / "index.html").as_uri())
        summary = page.locator("#claimtrack-summary")
        assert summary.is_visible()
        text = summary.inner_text()
        assert "15 expectations, 1 failed" in text
        assert "verdict-on-scale" in text and "FAILED error" in text
        assert "claim-one" in text
        page.screenshot(path=str(tmp_path / "data-docs-index.png"), full_page=True)
        # The frame's validation page, reached by its link, shows the expectation's text.
        page.locator("#claimtrack-summary a", has_text="claims").first.click()
        page.wait_for_load_state()
        body = page.locator("body").inner_text()
        assert "Every verdict is a label of the verdict scale in use" in body
        page.screenshot(path=str(tmp_path / "data-docs-claims.png"), full_page=True)
    assert (tmp_path / "data-docs-index.png").stat().st_size > 0
    assert [url for url in requested if not url.startswith("file://")] == []
