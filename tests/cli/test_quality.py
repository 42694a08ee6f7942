"""claimtrack quality: lines, JSON, exit codes, Data Docs, and validate never importing GX."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli
from tests.quality.helpers import claim_yaml

REPO = Path(__file__).resolve().parents[2]


def invoke(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(root), "quality", *args])


def test_the_shipped_case_reports_its_two_stalled_claims_as_warnings(shipped_copy) -> None:
    """The shipped case is honest data: nothing is published, so no error-level expectation
    fails; two claims have been in research since April 2025, which the desk-health warning
    reports (the dates are the article's)."""
    result = invoke(shipped_copy)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # GX says nothing: no progress bars, warnings or log lines
    lines = result.stdout.splitlines()
    assert lines[0].startswith("warning[stuck-in-work] claims.days_in_work: 2 of 9 rows fail")
    assert "rights-association-complaints (" in lines[0] and "tender-brokering (" in lines[0]
    assert "fes-meknes-network/tender-brokering.yaml" in lines[0]
    assert lines[-1] == "15 expectations on 7 frames: 1 failed (0 errors, 1 warning)"


def test_an_error_level_failure_exits_1_with_examples(make_dataset) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim_yaml(verdict="made-up")})
    result = invoke(root)
    assert result.exit_code == 1
    [line] = [x for x in result.output.splitlines() if x.startswith("error[")]
    assert line.startswith("error[verdict-on-scale] claims.verdict: 1 of 1 rows fail")
    assert f"claim-one ({root}/case-one/claim-one.yaml)" in line


def test_examples_are_at_most_five(make_dataset) -> None:
    files = {
        f"case-one/claim-{n}.yaml": claim_yaml(id=f"claim-{n}", verdict="made-up")
        for n in ("aa", "bb", "cc", "dd", "ee", "ff", "gg")
    }
    result = invoke(make_dataset(files), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    [failed] = [e for e in report["expectations"] if e["name"] == "verdict-on-scale"]
    assert failed["failing"] == 7 and len(failed["examples"]) == 5


def test_json_report_is_stable(make_dataset) -> None:
    root = make_dataset()
    first, second = invoke(root, "--format", "json"), invoke(root, "--format", "json")
    assert first.exit_code == 0 and first.output == second.output
    report = json.loads(first.output)
    assert list(report) == [
        "ok",
        "counts",
        "stuck_days",
        "unread_files",
        "frames",
        "expectations",
    ]
    assert report["counts"] == {"expectations": 15, "failed": 0, "errors": 0, "warnings": 0}
    assert set(report["expectations"][0]) == {
        "name", "frame", "columns", "type", "severity", "description", "success",
        "failing", "rows", "examples", "exception",
    }  # fmt: skip


def test_files_the_store_cannot_read_are_counted(make_dataset) -> None:
    root = make_dataset({"case-one/broken.yaml": "id: broken\nstatement: [\n"})
    result = invoke(root)
    assert result.exit_code == 0
    assert "1 file with problems left out of the frames: run claimtrack validate" in result.stdout
    assert json.loads(invoke(root, "--format", "json").output)["unread_files"] == 1


def test_usage_errors_exit_2(make_dataset, tmp_path) -> None:
    assert invoke(make_dataset(), "--stuck-days", "0").exit_code == 2
    assert invoke(make_dataset(), "--format", "xml").exit_code == 2
    missing = CliRunner().invoke(cli, ["--data", str(tmp_path / "nowhere"), "quality"])
    assert missing.exit_code == 2


def test_a_bad_quality_file_exits_2_with_problem_lines(make_dataset) -> None:
    root = make_dataset({"quality.yaml": "expectations:\n  - type: expect_magic\n    frame: x\n"})
    result = invoke(root)
    assert result.exit_code == 2
    assert "quality.yaml:2:11: error[unknown-expectation] unknown expectation type" in (
        result.stderr
    )
    assert result.stdout == ""


def test_docs_are_written_and_readable_offline(make_dataset, tmp_path) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim_yaml(verdict="made-up")})
    docs = tmp_path / "docs"
    result = invoke(root, "--docs", str(docs))
    assert result.exit_code == 1
    assert f"Data Docs: {docs}/index.html" in result.output
    pages = list(docs.rglob("*.html"))
    assert len(pages) >= 3  # the index, suite pages, validation pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # Nothing is fetched: no remote script, stylesheet or image (links to click are fine).
        for tag in ('<script src="http', '<link rel="stylesheet" href="http', 'src="https'):
            assert tag not in text, (page, tag)
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert "verdict-on-scale" in index and "FAILED error" in index
    assert "Every verdict is a label of the verdict scale in use" in index


def test_validate_and_list_never_import_great_expectations(make_dataset) -> None:
    root = make_dataset()
    code = (
        "import sys, runpy\n"
        "import claimtrack.cli.validate_cmd\n"
        "from claimtrack.cli import cli\n"
        "for args in (['validate', '--no-cache'], ['validate'], ['list']):\n"
        "    try:\n"
        f"        cli.main(['--data', {str(root)!r}, *args], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('great_expectations', 'pandas')]\n"
        "print('IMPORTED', bad[:5])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "IMPORTED []"
