"""claims/quality.yaml: new expectations, tuned and disabled defaults, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimtrack.quality import check_dataset
from tests.quality.helpers import claim_yaml

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def run(make_dataset, quality: str, **files: str):
    return check_dataset(make_dataset({"quality.yaml": quality, **files}), now=NOW)


def test_a_new_expectation_runs_with_its_severity_and_description(make_dataset) -> None:
    report, problems = run(
        make_dataset,
        "expectations:\n"
        "  - name: claims-have-reviewer\n"
        "    type: expect_column_values_to_not_be_null\n"
        "    frame: claims\n"
        "    column: reviewer\n"
        "    severity: warning\n"
        "    description: Every claim has a reviewer\n",
    )
    assert problems == []
    [failed] = report.failed
    assert (failed.name, failed.severity, failed.description) == (
        "claims-have-reviewer",
        "warning",
        "Every claim has a reviewer",
    )
    assert [e.id for e in failed.examples] == ["claim-one"]
    assert report.ok


def test_a_default_is_tuned_or_turned_off(make_dataset) -> None:
    quality = (
        "stuck_days: 60\n"
        "expectations:\n"
        "  - name: statement-length\n"
        "    severity: error\n"
        "    kwargs: {min_value: 100}\n"
        "  - name: source-unused\n"
        "    enabled: false\n"
    )
    extra = "id: article-two\nkind: article\ntitle: Another\n"
    report, problems = run(make_dataset, quality, **{"sources/article-two.yaml": extra})
    assert problems == []
    assert report.stuck_days == 60
    assert "source-unused" not in {o.name for o in report.outcomes}
    [failed] = report.failed
    assert (failed.name, failed.severity) == ("statement-length", "error")
    assert not report.ok


def test_stuck_days_from_the_file_and_the_command_line(make_dataset) -> None:
    history = [
        {"time": "2025-04-10T09:00:00+01:00", "actor": "Salma", "action": "created", "to": "new"},
        {"time": "2025-05-20T00:00:00+00:00", "actor": "Salma", "action": "start-research",
         "from": "triaged", "to": "researching"},
    ]  # fmt: skip
    claim = claim_yaml(status="researching", assignee="Salma", history=history)
    root = make_dataset({"quality.yaml": "stuck_days: 5\n", "case-one/claim-one.yaml": claim})
    report, _ = check_dataset(root, now=NOW)
    assert [o.name for o in report.failed] == ["stuck-in-work"]
    report, _ = check_dataset(root, now=NOW, stuck_days=20)
    assert report.failed == []


@pytest.mark.parametrize(
    ("quality", "code", "field", "words"),
    [
        (
            "expectations:\n  - type: expect_column_values_to_be_uniqe\n    frame: claims\n"
            "    column: id\n",
            "unknown-expectation",
            "/expectations/0/type",
            "did you mean 'expect_column_values_to_be_unique'",
        ),
        (
            "expectations:\n  - type: expect_column_values_to_be_unique\n    frame: claimz\n"
            "    column: id\n",
            "unknown-frame",
            "/expectations/0/frame",
            "did you mean 'claims'",
        ),
        (
            "expectations:\n  - type: expect_column_values_to_be_unique\n    frame: claims\n"
            "    column: reviwer\n",
            "unknown-column",
            "/expectations/0/column",
            "did you mean 'reviewer'",
        ),
        (
            "expectations:\n  - type: expect_column_values_to_be_unique\n    frame: claims\n"
            "    column: id\n    colour: red\n",
            "unknown-field",
            "/expectations/0/colour",
            "unknown field 'colour'",
        ),
        (
            "expectations:\n  - name: statement-length\n    severity: fatal\n",
            "invalid-value",
            "/expectations/0/severity",
            "'error' or 'warning'",
        ),
        (
            "expectations:\n  - type: expect_column_values_to_be_between\n    frame: claims\n"
            "    column: statement_length\n    kwargs: {mostly: 7}\n",
            "bad-expectation-arguments",
            "/expectations/0",
            "expect_column_values_to_be_between",
        ),
        (
            "expectations:\n  - name: my-own-check\n    frame: claims\n",
            "missing-field",
            "/expectations/0",
            "needs 'type'",
        ),
        ("stuck_days: soon\n", "invalid-value", "/stuck_days", "whole number"),
        ("- just a list\n", "not-a-mapping", "", "mapping"),
        ("thresholds: {}\n", "unknown-field", "/thresholds", "unknown field"),
    ],
)
def test_bad_quality_files_are_clear_problems(make_dataset, quality, code, field, words) -> None:
    report, problems = run(make_dataset, quality)
    assert report is None
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    assert words in problems[0].message
    assert problems[0].path.endswith("quality.yaml")


def test_quality_yaml_is_read_safely(make_dataset) -> None:
    """The store's parser refuses tags: no object is ever built from the file."""
    report, problems = run(make_dataset, "stuck_days: !!python/object/apply:os.getcwd []\n")
    assert report is None
    assert len(problems) == 1 and problems[0].line == 1
