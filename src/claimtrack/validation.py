"""Validate a dataset: the store's per-file problems plus the cross-record checks, as a report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .problems import Counts, Problem, Report
from .store.cache import Cache
from .store.layout import scan


class OutsideDataset(Exception):
    """A path given to validate is not inside the dataset."""


def validate_dataset(
    root: Path | str,
    paths: Sequence[Path | str] = (),
    *,
    use_cache: bool = True,
    now: datetime | None = None,
) -> Report:
    """Check every file of the dataset at `root`; keep the problems of `paths` if any are given.

    Raises DatasetNotFound when `root` is not a folder, OutsideDataset for a path outside it.
    """
    root = Path(root)
    selected = _selection(root, paths)
    inventory = scan(root)
    report = None
    cache = Cache(root, enabled=use_cache)
    fingerprint = inventory.fingerprint
    cached = cache.cached_report(fingerprint) if now is None else None
    if cached is not None:
        report = Report.from_dict(cached)
    else:
        from .checks import run_checks  # the models and rules, only when the cache cannot answer
        from .store.dataset import load

        dataset = load(root, inventory=inventory, cache=cache)
        problems = dataset.problems + run_checks(dataset, now or datetime.now(UTC))
        report = Report(sorted(problems, key=Problem.sort_key), dataset.counts)
        if now is None and not any(p.code == "future-date" for p in problems):  # clock-bound
            cache.put_report(fingerprint, report.to_dict())
        cache.save({f.rel for f in inventory.files})
    if selected is not None:
        report = Report(
            [p for p in report.problems if _within(root, p.path, selected)], report.counts
        )
    return report


def _selection(root: Path, paths: Sequence[Path | str]) -> list[Path] | None:
    if not paths:
        return None
    real_root = root.resolve()
    selected = []
    for path in paths:
        real = Path(path).resolve()
        if real != real_root and real_root not in real.parents:
            raise OutsideDataset(f"{path} is not inside the dataset {root}")
        selected.append(real)
    return selected


def _within(root: Path, display: str, selected: list[Path]) -> bool:
    real = Path(display).resolve()
    return any(real == s or s in real.parents for s in selected)


__all__ = ["Counts", "OutsideDataset", "validate_dataset"]
