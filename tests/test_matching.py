"""Similar claims, duplicates with blocking, and merging two claims."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.matching import all_pairs, duplicates, matching_key, similar
from claimtrack.merge import merge_claims
from claimtrack.models import Claim
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load

pytest.importorskip("rapidfuzz")


def claim(claim_id: str, statement: str, language: str = "ar", **translations: str) -> Claim:
    return Claim.model_validate(
        {
            "id": claim_id,
            "statement": statement,
            "language": language,
            "translations": translations,
            "category": "bad-cheques",
            "claimant": {"label": "unnamed sources"},
            "created": "2025-04-10T09:00:00+01:00",
        }
    )


# The shipped case's bad-cheques statement, and the same words with diacritics, another alef,
# ta marbuta written as ha and a tatweel: one key.
ORIGINAL = "يقودها شخص له سوابق في قطاع النظافة وتلاحقه اتهامات بالفساد، و اصدار شيكات من دون رصيد"
VARIANT = "يَقودها شخص له سوابق في قطاع النظافه وتلاحقه إتهامات بالفسـاد و اصدار شيكات من دون رصيد"
CLAIMS = [
    claim("original", ORIGINAL, en="He issued bad cheques"),
    claim("variant", VARIANT),
    claim("french", "Il a émis des chèques sans provision", "fr", ar=VARIANT),
    claim("english", "He issued bad cheques!", "en"),
    claim("other", "شبكة من الحسابات الوهمية على فيسبوك"),
]


def test_arabic_spellings_give_one_key() -> None:
    assert matching_key(ORIGINAL) == matching_key(VARIANT)


def test_similar_meets_statements_and_translations() -> None:
    found = {m.b: m for m in similar(CLAIMS[0], CLAIMS, top=3)}
    assert found["variant"].score == 100 and found["variant"].via == "statement~statement"
    assert found["french"].score == 100 and found["french"].via == "statement~translation"
    assert found["english"].score == 100 and found["english"].language == "en"
    assert "other" not in found


def test_duplicates_agree_with_all_pairs_on_a_small_set() -> None:
    pairs = {(m.a, m.b) for m in duplicates(CLAIMS, 90)}
    assert pairs == {
        ("original", "variant"),
        ("french", "original"),
        ("french", "variant"),
        ("english", "original"),
    }
    assert all_pairs(CLAIMS, 90) >= 4


def test_cli_similar_and_dupes(make_dataset) -> None:
    root = make_dataset(
        {
            "case-one/claim-two.yaml": (
                "id: claim-two\nstatement: شبكة من الحسابات الوهميه\nlanguage: ar\n"
                "category: account-network\nclaimant:\n  label: unnamed\n"
                "created: 2025-04-10T09:00:00+01:00\nhistory:\n"
                "  - time: 2025-04-10T09:00:00+01:00\n    actor: Salma\n"
                "    action: created\n    to: new\n"
            )
        }
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(root), "similar", "claim-one", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["other"] == "claim-two"
    result = runner.invoke(cli, ["--data", str(root), "dupes", "--format", "json"])
    rows = json.loads(result.output)
    assert [(r["claim"], r["other"], r["score"]) for r in rows] == [("claim-one", "claim-two", 100)]
    missing = runner.invoke(cli, ["--data", str(root), "similar", "nothing-here"])
    assert missing.exit_code == 1


def test_merge_keeps_everything_and_removes_the_dropped_file(make_dataset) -> None:
    second = (
        "id: claim-two\nstatement: شبكة من الحسابات الوهميه\nlanguage: ar\n"
        "category: account-network\nclaimant:\n  label: unnamed\nsubjects:\n  - network-leader\n"
        "appearances:\n  - source: article-one\n    quote: شبكة\n"
        "evidence:\n  - source: article-one\n    shows: the article says so\n"
        "created: 2025-04-10T09:00:00+01:00\nhistory:\n"
        "  - time: 2025-04-10T09:00:00+01:00\n    actor: Salma\n"
        "    action: created\n    to: new\n"
    )
    root = make_dataset({"case-one/claim-two.yaml": second})
    result = CliRunner().invoke(
        cli, ["--data", str(root), "merge", "claim-one", "claim-two", "--by", "Salma"]
    )
    assert result.exit_code == 0, result.output
    assert not (root / "case-one" / "claim-two.yaml").exists()
    dataset = load(root, use_cache=False)
    assert not dataset.problems
    kept = dataset.claim("claim-one").record
    assert len(kept.appearances) == 2 and len(kept.evidence) == 1
    assert kept.history[-1].action == "merge" and "claim-two" in kept.history[-1].note
    dropped = kept.merged_from[0]
    assert dropped.id == "claim-two" and dropped.statement.startswith("شبكة")
    assert [e.action for e in dropped.history] == ["created", "merged-into"]
    assert "claim-one" in dropped.history[-1].note
    assert kept.verdict == "unverified" and kept.status == "new"
    assert "# A claim written by hand" in (root / "case-one" / "claim-one.yaml").read_text()


def test_merge_refusals(make_dataset) -> None:
    root = make_dataset()
    dataset = load(root)
    with pytest.raises(ClaimtrackError) as same:
        merge_claims(dataset, "claim-one", "claim-one", "Salma")
    assert same.value.problem.code == "same-claim"
    with pytest.raises(ClaimtrackError) as unknown:
        merge_claims(dataset, "claim-one", "nothing", "Salma")
    assert unknown.value.problem.code == "unknown-claim"
    with pytest.raises(ClaimtrackError) as stranger:
        merge_claims(dataset, "claim-one", "claim-one", "Nobody")
    assert stranger.value.problem.code == "not-on-team"
