"""A private person is never exposed: publish searches everything it is about to write for
every private name, and on a hit writes nothing and says where the name came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import CASE, CLAIM
from .test_site import located, run, text, tree

LEADER = "actors/network-leader.yaml"


def set_name(root: Path, name: str, public: bool = False) -> None:
    path = root / LEADER
    content = path.read_text(encoding="utf-8").replace("public_figure: false\n", "")
    content += f'name: "{name}"\npublic_figure: {"true" if public else "false"}\n'
    path.write_text(content, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new), encoding="utf-8")


def test_a_private_name_in_a_rationale_stops_publish(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    before = tree(site)
    set_name(published_case, "Hamid Bennani")
    replace(
        published_case / CASE / f"{CLAIM}.yaml",
        "convicts the person described as the network's leader",
        "convicts HAMID BENNANI, described as the network's leader",
    )
    out = run(published_case, "publish", "--out", str(site), code=1)
    assert located(out, f"{CLAIM}.yaml", "private-name-in-output")
    assert "(at /rationale)" in out
    assert "nothing was written" in out.lower()
    assert "bennani" not in out.lower()  # the message does not repeat the name
    assert tree(site) == before  # the site as it was: nothing written, nothing removed
    fresh = tmp_path / "fresh"
    run(published_case, "publish", "--out", str(fresh), code=1)
    assert not fresh.exists()


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Hamid O'Bennani", "Cheques case: hamid o'bennani in court"),  # &#39; in the HTML
        ("Hamid Bennani", "Cheques case: Hamid_Bénnani€ in court"),  # accents, symbols
        ("حميد بناني", "قضية حَميد بنّاني أمام المحكمة"),  # Arabic with diacritics
    ],
)
def test_a_private_name_anywhere_in_the_output_is_found(
    published_case: Path, tmp_path: Path, name: str, title: str
) -> None:
    """The gate checks the claim's texts; the self-check reads the rendered files, so a name
    in a cited source's title is caught too."""
    set_name(published_case, name)
    quoted = json.dumps(title, ensure_ascii=False)
    replace(
        published_case / "sources/other-paper.yaml",
        "title: Cheques case in court",
        f"title: {quoted}",
    )
    site = tmp_path / "site"
    out = run(published_case, "publish", "--out", str(site), code=1)
    assert located(out, "other-paper.yaml", "private-name-in-output")
    assert "(at /title)" in out and "'network-leader'" in out
    assert not site.exists()


def test_a_public_figure_may_be_named(published_case: Path, tmp_path: Path) -> None:
    set_name(published_case, "Hamid Bennani", public=True)
    replace(published_case / "sources/other-paper.yaml", "Cheques case in court", "Bennani case")
    replace(published_case / "sources/other-paper.yaml", "Bennani case", "Hamid Bennani case")
    run(published_case, "publish", "--out", str(tmp_path / "site"))
    assert "Hamid Bennani case" in text(tmp_path / "site", "en/claims/bad-cheques.html")


def test_the_feed_is_checked_before_it_is_printed(published_case: Path) -> None:
    set_name(published_case, "Hamid Bennani")
    replace(
        published_case / "sources/al-assima-2025-04-09-network.yaml",
        "publisher: Al Assima",
        "publisher: Hamid Bennani's Al Assima",
    )
    out = run(published_case, "export", "claimreview", code=1)
    assert located(out, "al-assima-2025-04-09-network.yaml", "private-name-in-output")
    assert "(at /publisher)" in out
    assert "dataFeedElement" not in out
