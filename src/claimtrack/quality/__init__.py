"""Dataset quality: the frames checked by a Great Expectations suite, with a report and Data Docs.

suite    the default checks and the newsroom's quality.yaml
runner   Great Expectations, offline and quiet
report   the outcome, one entry per expectation
docs     the Data Docs site made readable offline

Great Expectations is imported only when a suite runs (by `claimtrack quality` and the
dashboard), never by validate or list.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..frames import Frames, build
from ..problems import Problem
from ..store import Dataset, load
from .report import Example, Outcome, QualityReport
from .suite import DEFAULT_STUCK_DAYS, QUALITY_FILE, Check, Suite, default_checks, load_suite


def check_dataset(
    dataset: Dataset | Path | str,
    *,
    stuck_days: int | None = None,
    docs: Path | None = None,
    now: datetime | None = None,
) -> tuple[QualityReport | None, list[Problem]]:
    """Run the suite (the default one tuned by the dataset's quality.yaml) on a dataset.

    Returns (report, []) or, when quality.yaml has problems, (None, those problems)."""
    if not isinstance(dataset, Dataset):
        dataset = load(dataset)
    frames = build(dataset, now)
    suite = load_suite(dataset.root, frames, stuck_days)
    if suite.problems:
        return None, suite.problems
    from .runner import run

    report = run(frames, suite.checks, docs)
    report.stuck_days = suite.stuck_days
    report.unread = len({p.path for p in dataset.problems})
    if docs is not None:
        from .docs import make_offline

        report.docs = str(make_offline(docs, report))
    return report, []


__all__ = [
    "DEFAULT_STUCK_DAYS",
    "QUALITY_FILE",
    "Check",
    "Example",
    "Frames",
    "Outcome",
    "QualityReport",
    "Suite",
    "check_dataset",
    "default_checks",
    "load_suite",
]
