"""The published site: one claim taken to publication in a copy of the shipped case, then
published in three languages; what is shown, what is left out, and publishing again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.store import load
from claimtrack.workflow import apply, correct

from .conftest import CASE, CLAIM, Clock

MANIFEST = ".claimtrack-publish.json"
LD_JSON = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.DOTALL)


def run(root: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--data", str(root), *args])
    assert result.exit_code == code, result.output + result.stderr
    return result.stdout + result.stderr


def located(out: str, path: str, code: str) -> bool:
    """A problem line for `path`, with the line and column of the field, and this code."""
    return re.search(rf"{re.escape(path)}:\d+:\d+: error\[{re.escape(code)}\]", out) is not None


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def text(folder: Path, rel: str) -> str:
    return (folder / rel).read_text(encoding="utf-8")


def test_the_lifecycle_publishes_one_claim_in_three_languages(
    published_case: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    out = run(published_case, "publish", "--out", str(site))
    assert "1 published claim in" in out and "removed 0" in out
    for language in ("ar", "fr", "en"):
        page = text(site, f"{language}/claims/{CLAIM}.html")
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
        review = json.loads(LD_JSON.search(page).group(1))
        assert review["@type"] == "ClaimReview" and review["inLanguage"] == language
        assert (
            review["url"] == f"https://claimtrack-demo.example.org/{language}/claims/{CLAIM}.html"
        )
        index = text(site, f"{language}/index.html")
        assert f'href="claims/{CLAIM}.html"' in index
        assert (site / f"{language}/claims/{CLAIM}.md").is_file()
        for page_name in ("methodology", "corrections-policy", "corrections", "about"):
            assert (site / f"{language}/{page_name}.html").is_file()
    # The verdict in each language, dates in each language's format.
    assert "صحيح في معظمه" in text(site, "ar/claims/bad-cheques.html")
    assert "10 مايو 2025" in text(site, "ar/claims/bad-cheques.html")
    assert "Globalement correct" in text(site, "fr/claims/bad-cheques.html")
    assert "10 mai 2025" in text(site, "fr/claims/bad-cheques.html")
    assert "May 10, 2025" in text(site, "en/claims/bad-cheques.html")
    # Only the published claim: the eight others, still unverified, appear nowhere.
    shipped = load(published_case)
    others = [c.record for c in shipped.claims if c.record.id != CLAIM]
    quoted = " ".join(a.quote or "" for a in shipped.claim(CLAIM).record.appearances)
    everything = "\n".join(b.decode("utf-8") for b in tree(site).values())
    for claim in others:
        assert claim.id not in everything
        if claim.statement not in quoted:  # one is part of the published claim's quote
            assert claim.statement not in everything
    assert "Karim" not in everything and "Salma" not in everything  # no team, no history
    root_page = text(site, "index.html")
    for language in ("ar", "fr", "en"):
        assert f'href="{language}/index.html" lang="{language}"' in root_page


def test_the_english_page_marks_the_arabic_statement(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    page = text(site, "en/claims/bad-cheques.html")
    statement = load(published_case).claim(CLAIM).record.statement
    assert f'lang="ar" dir="auto"><p>{statement}</p>' in page
    assert "It is led by a person with a past in the cleaning sector" in page
    # Evidence: links to the original and the archived copy, the hash of a stored copy.
    assert 'href="https://other.example.org/cheques"' in page
    assert 'href="https://web.archive.org/web/2025/https://other.example.org/cheques"' in page
    assert "4f5a0b1c2d3e" in page
    # The right of reply by the actor's label, with its outcome.
    assert "the alleged leader of the digital network" in page and "declined" in page


def test_methodology_from_the_dataset_or_a_default(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    assert "Each allegation is recorded as a separate claim" in text(site, "en/methodology.html")
    assert "desk@claimtrack-demo.example.org" in text(site, "fr/about.html")
    settings = published_case / "dataset.yaml"
    data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    del data["methodology"], data["corrections_policy"]
    settings.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    other = tmp_path / "other"
    run(published_case, "publish", "--out", str(other))
    assert "Chaque affirmation est citée mot pour mot" in text(other, "fr/methodology.html")
    assert "نصحح أخطاء عمليات التحقق المنشورة علنا" in text(other, "ar/corrections-policy.html")


def test_filters_are_pages_linked_from_the_index(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    index = text(site, "fr/index.html")
    assert 'href="../fr/verdict/mostly-true.html"' in index
    assert 'href="../fr/category/bad-cheques.html"' in index
    filtered = text(site, "fr/verdict/mostly-true.html")
    assert "Verdict : Globalement correct" in filtered and "claims/bad-cheques.html" in filtered


def test_a_published_claim_that_fails_the_gate_is_left_out(
    published_case: Path, tmp_path: Path
) -> None:
    path = published_case / CASE / "tender-brokering.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: researching", "status: published"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    out = run(published_case, "publish", "--out", str(site), code=1)
    assert located(out, "tender-brokering.yaml", "gate-failed")
    assert "verdict-set" in out
    assert (site / "en/claims/bad-cheques.html").is_file()
    assert not (site / "en/claims/tender-brokering.html").exists()
    assert "tender-brokering" not in text(site, "en/index.html")


def test_the_same_dataset_gives_the_same_bytes(published_case: Path, tmp_path: Path) -> None:
    run(published_case, "publish", "--out", str(tmp_path / "one"))
    run(published_case, "publish", "--out", str(tmp_path / "two"))
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two and len(one) > 25


def test_publishing_again_writes_nothing_new(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    before = {p: (site / p).stat().st_mtime_ns for p in tree(site)}
    out = run(published_case, "publish", "--out", str(site))
    assert "added 0, changed 0, removed 0" in out
    assert {p: (site / p).stat().st_mtime_ns for p in tree(site)} == before


def test_a_claim_reopened_for_a_correction_is_removed(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    (site / "notes.txt").write_text("mine", encoding="utf-8")  # a file publish did not write
    clock = Clock()
    clock.t = clock.t.replace(month=6)
    dataset = load(published_case, use_cache=False)
    apply(
        dataset,
        CLAIM,
        lambda c: correct(dataset, c, "Karim", "the ruling's date", "we misread it", clock()),
    )
    out = run(published_case, "publish", "--out", str(site))
    for language in ("ar", "fr", "en"):
        assert f"- {language}/claims/{CLAIM}.html" in out
        assert f"- {language}/verdict/mostly-true.html" in out
        assert not (site / f"{language}/claims/{CLAIM}.html").exists()
        assert not (site / f"{language}/claims").exists()  # emptied folders go too
        assert CLAIM not in text(site, f"{language}/index.html")
    assert "removed 12" in out  # 3 languages x (page, Markdown, verdict and category filters)
    assert "0 published claims" in out
    assert text(site, "notes.txt") == "mine"
    manifest = json.loads(text(site, MANIFEST))
    assert not any(CLAIM in p for p in manifest["files"])


def test_a_folder_with_other_files_is_refused(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("my own page", encoding="utf-8")
    out = run(published_case, "publish", "--out", str(site), code=2)
    assert "error[not-a-site]" in out
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert text(site, "index.html") == "my own page"
    out = run(published_case, "publish", "--out", str(published_case / "site"), code=2)
    assert "inside the dataset" in out and not (published_case / "site").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    run(published_case, "publish", "--out", str(empty))
    assert (empty / "en/index.html").is_file()


def test_a_page_never_replaces_a_file_publish_did_not_write(
    published_case: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    (site / "en/verdict/mixed.html").write_text("mine", encoding="utf-8")
    path = published_case / CASE / "bad-cheques.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("verdict: mostly-true", "verdict: mixed"),
        encoding="utf-8",
    )
    out = run(published_case, "publish", "--out", str(site), code=2)
    assert "error[not-ours]" in out
    assert text(site, "en/verdict/mixed.html") == "mine"
    assert (site / "en/verdict/mostly-true.html").is_file()  # nothing else changed


def test_no_address_for_the_site_is_a_usage_error(published_case: Path, tmp_path: Path) -> None:
    settings = published_case / "dataset.yaml"
    data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    del data["url"]
    settings.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = run(published_case, "publish", "--out", str(tmp_path / "site"), code=2)
    assert "error[no-base-url]" in out and "--base-url" in out
    assert not (tmp_path / "site").exists()
    run(published_case, "publish", "--out", str(tmp_path / "site"), "--base-url", "https://x.org")
    page = text(tmp_path / "site", "en/claims/bad-cheques.html")
    assert '"url":"https://x.org/en/claims/bad-cheques.html"' in page


def test_a_dataset_with_broken_files_is_not_published(published_case: Path, tmp_path: Path) -> None:
    (published_case / "actors/broken.yaml").write_text("id: broken\nkind: [", encoding="utf-8")
    out = run(published_case, "publish", "--out", str(tmp_path / "site"), code=1)
    assert "error[dataset-has-errors]" in out and "broken.yaml" in out
    assert not (tmp_path / "site").exists()


def test_worker_processes_give_the_same_site_and_the_same_check(
    published_case: Path, tmp_path: Path, monkeypatch
) -> None:
    """Large sites are rendered by forked workers; here every claim goes to a worker."""
    from claimtrack.publish import write

    run(published_case, "publish", "--out", str(tmp_path / "serial"))
    monkeypatch.setattr(write, "PARALLEL_FROM", 0)
    monkeypatch.setattr(write, "CHUNK", 1)
    monkeypatch.setenv("CLAIMTRACK_PUBLISH_WORKERS", "2")
    run(published_case, "publish", "--out", str(tmp_path / "parallel"))
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")
    leader = published_case / "actors/network-leader.yaml"
    leader.write_text(leader.read_text(encoding="utf-8") + "name: Hamid Bennani\n", "utf-8")
    paper = published_case / "sources/other-paper.yaml"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace("Cheques case in court", "Hamid Bennani case"),
        encoding="utf-8",
    )
    out = run(published_case, "publish", "--out", str(tmp_path / "again"), code=1)
    assert located(out, "other-paper.yaml", "private-name-in-output")
    assert not (tmp_path / "again").exists()


def test_a_page_deleted_by_hand_is_written_again(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    expected = (site / f"en/claims/{CLAIM}.md").read_bytes()
    (site / f"en/claims/{CLAIM}.md").unlink()
    out = run(published_case, "publish", "--out", str(site))
    assert f"~ en/claims/{CLAIM}.md" in out and "changed 1" in out
    assert (site / f"en/claims/{CLAIM}.md").read_bytes() == expected


def test_a_folder_that_cannot_be_made_is_a_clear_error(
    published_case: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = run(published_case, "publish", "--out", str(blocker / "site"), code=2)
    assert "error[cannot-write]" in out and "Traceback" not in out


def _site_without_fingerprints(folder: Path) -> dict[str, object]:
    """The site's files, with the manifest but for its fingerprints (which may count a file
    by its time or by its content, depending on how recently it was written)."""
    files: dict[str, object] = dict(tree(folder))
    manifest = json.loads(files.pop(MANIFEST))
    files[MANIFEST] = {k: v for k, v in manifest.items() if k != "claims"}
    return files


@pytest.mark.parametrize("racy", [2.0, -60.0], ids=["by-content", "by-size-and-time"])
def test_publishing_again_after_changes_equals_a_fresh_publish(
    published_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, racy: float
) -> None:
    """Unchanged claims keep their pages, their gate result and their lines in the lists from
    the last run; after each change the site is byte for byte the one a fresh publish gives.
    Records count by content (files written just now) or by their files' size and time."""
    from claimtrack.publish import write

    monkeypatch.setattr(write, "RACY_SECONDS", racy)
    original = published_case / CASE / f"{CLAIM}.yaml"
    for suffix, category in (("b", "fraud"), ("c", "bad-cheques")):
        copy = original.read_text(encoding="utf-8").replace(
            f"id: {CLAIM}\n", f"id: {CLAIM}-{suffix}\n"
        )
        copy = copy.replace("category: bad-cheques", f"category: {category}")
        (published_case / CASE / f"{CLAIM}-{suffix}.yaml").write_text(copy, encoding="utf-8")
    site = tmp_path / "site"
    assert "3 published claims" in run(published_case, "publish", "--out", str(site))

    def edit(rel: str, old: str, new: str) -> None:
        path = published_case / rel
        content = path.read_text(encoding="utf-8")
        assert old in content, (rel, old)
        path.write_text(content.replace(old, new, 1), encoding="utf-8")

    changes = [
        lambda: edit(f"{CASE}/{CLAIM}-b.yaml", "a second newspaper", "another newspaper"),
        lambda: edit("sources/other-paper.yaml", "Cheques case in court", "Cheques in court"),
        lambda: edit(f"{CASE}/{CLAIM}-c.yaml", "category: bad-cheques", "category: fraud"),
        lambda: edit("dataset.yaml", "\nname: ", "\nname: The "),
        # new private names: every claim is rendered and searched again (nothing changes)
        lambda: edit("actors/network-leader.yaml", "\nid: ", "\nname: Hamid Bennani\nid: "),
    ]
    for number, change in enumerate(changes):
        change()
        out = run(published_case, "publish", "--out", str(site))
        assert "3 published claims" in out
        assert ("changed 0," in out) == (number == len(changes) - 1), out
        fresh = tmp_path / f"fresh-{number}"
        run(published_case, "publish", "--out", str(fresh))
        assert _site_without_fingerprints(site) == _site_without_fingerprints(fresh), number


def test_a_change_to_a_cited_source_is_gated_again(published_case: Path, tmp_path: Path) -> None:
    """The gate's result is reused only while what it reads is unchanged: a cited source that
    loses its archived copy takes the claim out of the site."""
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    paper = published_case / "sources/other-paper.yaml"
    content = paper.read_text(encoding="utf-8")
    paper.write_text(re.sub(r"archive_url: .*\n", "", content), encoding="utf-8")
    out = run(published_case, "publish", "--out", str(site), code=1)
    assert "error[gate-failed]" in out and "sources-preserved" in out
    assert not (site / f"en/claims/{CLAIM}.html").exists()
