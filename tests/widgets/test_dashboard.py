"""The desk dashboard: its counts are the dataset's, its charts are drawn, it follows saves
made on the desk, and the quality checks show one row per expectation."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

pytest.importorskip("ipywidgets")
pytest.importorskip("matplotlib")

from claimtrack.widgets import Dashboard, Desk, WorkflowPanel

PNG = b"\x89PNG\r\n\x1a\n"


def claim_files(root: Path) -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in root.glob("*/*.yaml")
        if p.parent.name not in ("sources", "actors")
    ]


def test_counts_match_the_dataset_and_charts_are_drawn(shipped_copy: Path) -> None:
    dashboard = Dashboard(Desk(shipped_copy))
    claims = claim_files(shipped_copy)
    for field in ("status", "verdict", "category"):
        assert dashboard.counts[field] == dict(Counter(c[field] for c in claims))
    assert set(dashboard.charts) == {"status", "verdict", "category", "ageing", "throughput"}
    for image in dashboard.charts.values():
        assert image.startswith(PNG)
    ageing = dashboard.ageing.set_index("status")
    assert ageing.loc["new", "claims"] == sum(c["status"] == "new" for c in claims)
    assert (ageing["max_days"] >= ageing["median_days"]).all()
    assert f"{len(claims)} claims" in dashboard.summary.value


def test_a_move_on_the_desk_shows_in_this_weeks_throughput(make_dataset) -> None:
    desk = Desk(make_dataset())
    dashboard = Dashboard(desk)
    assert dashboard.throughput.empty  # only a creation in the history: no move yet
    assert dashboard.counts["status"] == {"new": 1}
    WorkflowPanel(desk, "claim-one").move("triaged")
    year, week, _ = datetime.now(UTC).isocalendar()  # weeks are counted in UTC
    this_week = f"{year}-W{week:02d}"
    row = dashboard.throughput.set_index("week").loc[this_week]
    assert (row["moved"], row["published"]) == (1, 0)
    assert dashboard.counts["status"] == {"triaged": 1}
    assert this_week in dashboard.tables.value


@pytest.mark.slow
def test_quality_results_are_shown_as_a_table(shipped_copy: Path) -> None:
    pytest.importorskip("great_expectations")
    dashboard = Dashboard(Desk(shipped_copy))
    results = dashboard.run_quality()
    assert results == dashboard.quality_results
    assert len(results) > 5
    assert {"expectation", "success", "failing", "severity"} <= set(results[0])
    names = {r["expectation"] for r in results}
    # The shipped claims in research or review have waited more than 30 days since April 2025.
    in_work = [c for c in claim_files(shipped_copy) if c["status"] in ("researching", "in-review")]
    stuck = next(r for r in results if r["expectation"] == "stuck-in-work")
    assert stuck["failing"] == len(in_work)
    assert stuck["success"] is (not in_work)
    for name in names:
        assert name in dashboard.quality_table.value
    assert "expectations" in dashboard.quality_status.value
    assert dashboard.quality_button.disabled is False


def test_a_quality_file_with_problems_is_shown_not_raised(make_dataset) -> None:
    pytest.importorskip("great_expectations")
    root = make_dataset({"quality.yaml": "stuck_days: soon\n"})
    dashboard = Dashboard(Desk(root))
    assert dashboard.run_quality() == []
    assert [p.code for p in dashboard.quality_problems] == ["invalid-value"]
    assert "could not run" in dashboard.quality_status.value
    assert "/stuck_days" in dashboard.quality_status.value
