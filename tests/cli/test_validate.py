"""claimtrack validate: problem lines, summary, exit codes and the JSON report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.validation import validate_dataset


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_clean_dataset_exits_0_with_a_summary(make_dataset) -> None:
    root = make_dataset()
    code, out, _ = run("--data", str(root), "validate")
    assert code == 0
    assert "4 files: 1 claims, 1 sources, 1 actors; 0 errors, 0 warnings" in out


def test_problem_line_has_path_line_column_code_and_field(make_dataset) -> None:
    root = make_dataset(
        {
            "case-one/claim-one.yaml": (
                "id: claim-one\nstatement: x y\nlanguage: ar\ncategory: other\n"
                "claimant: {label: someone}\nevidence:\n  - source: article-one\n    shows: a\n"
                "  - source: no-such-source\n    shows: b\n"
                "created: 2025-04-10T09:00:00+01:00\n"
            )
        }
    )
    code, out, _ = run("--data", str(root), "validate")
    assert code == 1
    expected = (
        f"{root}/case-one/claim-one.yaml:9:13: error[unknown-source] no source has the id "
        "'no-such-source'; add sources/no-such-source.yaml or fix the id (at /evidence/1/source)"
    )
    assert expected in out.splitlines()


def test_json_report_is_exactly_the_library_report(make_dataset) -> None:
    root = make_dataset({"actors/broken.yaml": "id: broken\nkind: robot\nlabel: x\n"})
    code, out, _ = run("--data", str(root), "validate", "--format", "json", "--no-cache")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"ok", "problems", "counts"}
    assert report["ok"] is False
    assert set(report["counts"]) == {"claims", "sources", "actors", "files"}
    assert report["counts"]["files"] == 5
    for problem in report["problems"]:
        assert set(problem) == {"path", "line", "column", "field", "code", "severity", "message"}
    assert report == validate_dataset(root, use_cache=False).to_dict()
    assert [(p["field"], p["code"]) for p in report["problems"]] == [("/kind", "invalid-value")]


def test_paths_limit_the_report_to_those_files(make_dataset) -> None:
    root = make_dataset(
        {
            "actors/broken.yaml": "id: broken\nkind: robot\nlabel: x\n",
            "case-two/other.yaml": "id: other\n",
        }
    )
    code, out, _ = run("--data", str(root), "validate", str(root / "case-two"))
    assert code == 1
    assert "case-two/other.yaml" in out
    assert "broken.yaml" not in out


def test_missing_dataset_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("--data", str(tmp_path / "nowhere"), "validate")
    assert code == 2
    assert "no dataset at" in err


def test_path_outside_the_dataset_is_a_usage_error(make_dataset, tmp_path: Path) -> None:
    root = make_dataset()
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n")
    code, _, err = run("--data", str(root), "validate", str(outside))
    assert code == 2
    assert "not inside the dataset" in err


def test_warm_run_gives_the_same_report(make_dataset) -> None:
    root = make_dataset({"actors/broken.yaml": "id: broken\nkind: robot\nlabel: x\n"})
    cold = run("--data", str(root), "validate", "--format", "json")
    warm = run("--data", str(root), "validate", "--format", "json")
    assert cold == warm


def test_cache_notices_an_edited_file(make_dataset) -> None:
    root = make_dataset()
    old = root / "actors/network-leader.yaml"
    stamp = os.stat(old).st_mtime_ns - 10_000_000_000  # old enough to be cached
    os.utime(old, ns=(stamp, stamp))
    assert run("--data", str(root), "validate")[0] == 0
    old.write_text("id: network-leader\nkind: robot\nlabel: x\n")
    code, out, _ = run("--data", str(root), "validate")
    assert code == 1
    assert "invalid-value" in out


def test_python_dash_m_runs_from_any_directory(make_dataset, tmp_path: Path) -> None:
    root = make_dataset()
    env = {**os.environ, "CLAIMTRACK_DATA": str(root)}
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack", "validate"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout + result.stderr
