"""The research notebook in a real JupyterLab, driven in Debian's Chromium: run every cell,
filter the claim browser to one claim, edit it, save, and find the change in the YAML file with
its comments intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.browser import chromium
from tests.conftest import REPO
from tests.widgets.lab import jupyter_lab, run_all_cells

CLAIM = "fes-meknes-network/tender-brokering.yaml"
NEW_TRANSLATION = "Our sources report that he brokered the cleaning tender of a commune"


@pytest.mark.browser
@pytest.mark.slow
def test_research_notebook_edits_a_claim_in_jupyterlab(shipped_copy: Path, tmp_path: Path) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(REPO / "notebooks" / "02-research.ipynb", notebooks)
    claim_file = shipped_copy / CLAIM
    before = claim_file.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) == 4
    env = {"CLAIMTRACK_DATA": str(shipped_copy), "CLAIMTRACK_USER": "Youssef"}
    with chromium() as browser, jupyter_lab(notebooks, tmp_path / "lab", env) as lab:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(lab.open_url("02-research.ipynb"))
            page.wait_for_selector(".jp-Notebook", timeout=90_000)
            run_all_cells(page)
            search = page.locator(".ct-search input")
            search.wait_for(timeout=120_000)
            # Typed as a reader would: ta marbuta written as ha, which the search folds.
            search.fill("صفقه النطاقه")
            rows = page.locator(".ct-row-open:visible")
            rows.first.wait_for(timeout=30_000)
            page.wait_for_function(
                "document.querySelectorAll('.ct-row-open').length > 0 && "
                "[...document.querySelectorAll('.ct-row-open')]"
                ".filter(b => b.offsetParent !== null).length === 1",
                timeout=30_000,
            )
            assert rows.count() == 1
            assert "tender-brokering" in rows.first.inner_text()
            rows.first.click()
            field = page.locator(".ct-field-translation-en textarea")
            field.wait_for(timeout=30_000)
            page.wait_for_function(
                "document.querySelector('.ct-field-translation-en textarea').value"
                ".includes('brokering scandal')",
                timeout=30_000,
            )
            field.fill(NEW_TRANSLATION)
            save = page.locator(".ct-save")
            page.wait_for_function("!document.querySelector('.ct-save').disabled", timeout=30_000)
            save.click()
            page.wait_for_function(f"document.body.innerText.includes({'saved'!r})", timeout=30_000)
            page.screenshot(path=str(tmp_path / "research-notebook.png"), full_page=True)
        except Exception:
            # What the page showed when it failed, beside the server's log.
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"screenshot: {tmp_path / 'failure.png'}; server log: {lab.log}")
            raise
    after = claim_file.read_text(encoding="utf-8")
    assert f"  en: {NEW_TRANSLATION}\n" in after
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    assert "brokering scandal" not in after
    # Only the translation changed, with the time of the change and who made it.
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    assert new["translations"]["en"] == NEW_TRANSLATION
    assert new["history"][:-1] == old["history"]
    assert new["history"][-1]["actor"] == "Youssef"
    assert new["history"][-1]["action"] == "edit"
    assert new["history"][-1]["note"] == "changed translations"
    changed = {k for k in set(old) | set(new) if old.get(k) != new.get(k)}
    assert changed == {"translations", "updated", "history"}
    assert (tmp_path / "research-notebook.png").stat().st_size > 10_000
