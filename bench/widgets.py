"""The research notebook's widgets on the synthetic dataset, measured in the widget code.

- open: build the desk, the claim browser and the editor as 02-research.ipynb does, with a warm
  store cache (target under 3 s), beside the floor of loading the same dataset from that cache;
- filter: each filter change of the claim browser, from the new value to the redrawn rows
  (target under 100 ms), over a set of typical changes: a status, a case, an Arabic search
  typed with and without diacritics, a French search, clearing them.

Results also go to bench/out/widgets.json.

    python bench/widgets.py [--claims 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time

from run import OUT

from quality import dataset


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = dataset(args.claims, args.seed)
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as scratch:
        os.environ["CLAIMTRACK_CACHE_DIR"] = scratch
        os.environ.setdefault("CLAIMTRACK_USER", "Salma")
        from claimtrack.store import load
        from claimtrack.widgets import ClaimBrowser, ClaimEditor, Desk
        from claimtrack.widgets.research import research

        load(data)  # fills the cache: the figures below are with a warm cache
        floors, opens = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            load(data)
            floors.append(time.perf_counter() - started)
            started = time.perf_counter()
            research(data)
            opens.append(time.perf_counter() - started)
        desk = Desk(data)
        browser = ClaimBrowser(desk)
        ClaimEditor(desk)
        changes = filter_changes(browser)
        timings: dict[str, list[float]] = {name: [] for name, _ in changes}
        for _ in range(args.runs):
            for name, change in changes:
                started = time.perf_counter()
                change()
                timings[name].append(time.perf_counter() - started)
    worst = max(min(values) for values in timings.values())
    open_best, floor_best = min(opens), min(floors)
    print(
        f"\nclaimtrack widgets bench: {args.claims:,} claims, {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, best of {args.runs}"
    )
    print(f"{'open the research widgets (warm cache)':52} {open_best:8.3f} s")
    print(f"{'  floor: load the dataset from the same cache':52} {floor_best:8.3f} s")
    for name, values in timings.items():
        print(
            f"{'filter: ' + name:52} {min(values) * 1000:8.1f} ms"
            f"  (median {statistics.median(values) * 1000:.1f} ms)"
        )
    rows = [
        ("open < 3 s", open_best, open_best < 3.0),
        ("slowest filter change < 100 ms", worst, worst < 0.1),
    ]
    print()
    for label, value, ok in rows:
        print(f"{label:52} {value:8.3f} s  {'PASS' if ok else 'FAIL'}")
    OUT.mkdir(exist_ok=True)
    (OUT / "widgets.json").write_text(
        json.dumps(
            {
                "claims": args.claims,
                "python": platform.python_version(),
                "open_seconds": opens,
                "load_floor_seconds": floors,
                "filter_seconds": timings,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0 if all(ok for _, _, ok in rows) else 1


def filter_changes(browser):  # type: ignore[no-untyped-def]
    """Typical changes a checker makes, each a callable that sets one widget value."""
    statuses = [value for _, value in browser.filters["status"].options if value]
    cases = [value for _, value in browser.filters["case"].options if value]

    def setter(widget, value):  # type: ignore[no-untyped-def]
        return lambda: setattr(widget, "value", value)

    return [
        ("status", setter(browser.filters["status"], statuses[2 % len(statuses)])),
        ("case", setter(browser.filters["case"], cases[0])),
        ("clear status and case", lambda: clear(browser)),
        ("search Arabic, bare", setter(browser.search, "شيكات بدون رصيد")),
        ("search Arabic, with diacritics", setter(browser.search, "شِيكَاتٌ بِدُونِ رَصِيدٍ")),
        ("search French", setter(browser.search, "appel d'offres")),
        ("search one letter", setter(browser.search, "a")),
        ("clear search", setter(browser.search, "")),
    ]


def clear(browser) -> None:  # type: ignore[no-untyped-def]
    browser.filters["status"].value = None
    browser.filters["case"].value = None


if __name__ == "__main__":
    sys.exit(main())
