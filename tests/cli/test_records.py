"""claimtrack list, show and new."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.validation import validate_dataset


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


SECOND_CLAIM = """\
id: claim-two
statement: Un réseau de comptes
language: fr
category: defamation
claimant:
  label: someone
status: triaged
assignee: Salma
created: 2025-04-10T09:00:00+01:00
history:
  - time: 2025-04-10T09:00:00+01:00
    actor: Salma
    action: created
    to: new
  - time: 2025-04-11T09:00:00+01:00
    actor: Karim
    action: status
    from: new
    to: triaged
"""


def test_list_json_has_the_documented_keys(make_dataset) -> None:
    root = make_dataset({"case-two/claim-two.yaml": SECOND_CLAIM})
    code, out, _ = run("--data", str(root), "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["claim-one", "claim-two"]
    for key in ("id", "path", "case", "status", "category", "verdict", "language"):
        assert key in rows[0]
    assert rows[1]["path"].endswith("case-two/claim-two.yaml")
    assert rows[1]["status"] == "triaged"


def test_list_filters_combine(make_dataset) -> None:
    root = make_dataset({"case-two/claim-two.yaml": SECOND_CLAIM})
    _, out, _ = run("--data", str(root), "list", "--status", "triaged", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == ["claim-two"]
    _, out, _ = run("--data", str(root), "list", "--case", "case-one", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == ["claim-one"]
    _, out, _ = run(
        "--data",
        str(root),
        "list",
        "--category",
        "defamation",
        "--status",
        "new",
        "--format",
        "json",
    )
    assert json.loads(out) == []


def test_list_table_and_csv(make_dataset) -> None:
    root = make_dataset({"case-two/claim-two.yaml": SECOND_CLAIM})
    _, out, _ = run("--data", str(root), "list")
    lines = out.splitlines()
    assert lines[0].split() == [
        "ID",
        "CASE",
        "STATUS",
        "CATEGORY",
        "VERDICT",
        "LANGUAGE",
        "ASSIGNEE",
    ]
    assert lines[2].split()[:3] == ["claim-two", "case-two", "triaged"]
    _, out, _ = run("--data", str(root), "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["statement"] == "شبكة من الحسابات الوهمية"


def test_list_says_when_files_were_left_out(make_dataset) -> None:
    root = make_dataset({"case-two/broken.yaml": "id: broken\n"})
    code, out, err = run("--data", str(root), "list")
    assert code == 0
    assert "broken" not in out
    assert "1 file has problems" in err


def test_show_prints_the_record_with_its_path(make_dataset) -> None:
    root = make_dataset()
    code, out, _ = run("--data", str(root), "show", "claim-one")
    assert code == 0
    assert out.splitlines()[0] == f"# {root}/case-one/claim-one.yaml"
    assert "statement: شبكة من الحسابات الوهمية" in out
    code, out, _ = run("--data", str(root), "show", "article-one", "--format", "json")
    assert json.loads(out)["kind"] == "article"


def test_show_unknown_id(make_dataset) -> None:
    root = make_dataset()
    code, _, err = run("--data", str(root), "show", "nothing-here")
    assert code == 1
    assert "error[unknown-id]" in err


def test_new_records_are_valid_and_linked(make_dataset) -> None:
    root = make_dataset()
    code, out, err = run(
        "--data", str(root), "new", "source", "--id", "court-ruling", "--kind", "court-record",
        "--title", "Ruling 112/2025", "--published", "2025-05-02",
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == str(root / "sources/court-ruling.yaml")
    code, out, err = run(
        "--data", str(root), "new", "actor", "--id", "contractor", "--kind", "company",
        "--label", "a cleaning contractor",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        "--data", str(root), "new", "claim", "--case", "case-two", "--id", "tender",
        "--statement", "سمسرة في صفقة النظافة", "--language", "ar", "--category",
        "tender-brokering", "--claimant", "unnamed sources", "--subject", "contractor",
        "--source", "court-ruling", "--translation", "en=Brokering in the cleaning tender",
    )  # fmt: skip
    assert code == 0, err
    path = root / "case-two/tender.yaml"
    assert out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert "status: new" in text and "actor: Salma" in text
    assert validate_dataset(root, use_cache=False).problems == []


def test_new_refuses_a_taken_id_and_unknown_references(make_dataset) -> None:
    root = make_dataset()
    code, _, err = run(
        "--data",
        str(root),
        "new",
        "actor",
        "--id",
        "claim-one",
        "--kind",
        "company",
        "--label",
        "x y",
    )
    assert code == 1 and "error[duplicate-id]" in err
    assert not (root / "actors/claim-one.yaml").exists()
    code, _, err = run(
        "--data", str(root), "new", "claim", "--case", "case-one", "--id", "other", "--statement",
        "x y", "--language", "en", "--category", "other", "--claimant", "x", "--subject", "ghost",
    )  # fmt: skip
    assert code == 1 and "error[unknown-actor]" in err
    assert not (root / "case-one/other.yaml").exists()


def test_new_rejects_bad_values_with_the_option_name(make_dataset) -> None:
    root = make_dataset()
    code, _, err = run(
        "--data", str(root), "new", "source", "--id", "x-source", "--kind", "article",
        "--title", "t", "--url", "javascript:alert(1)",
    )  # fmt: skip
    assert code == 2
    assert "--url" in err and "http" in err
    assert not (root / "sources/x-source.yaml").exists()
