"""Interop benchmark: `claimtrack dupes` on the synthetic dataset against comparing all pairs,
and `claimtrack import` of the real ClaimReview fixtures plus a synthetic Fact Check Tools
response. Whole processes, wall clock, best of a few runs. Results: bench/out/interop.json.

    python bench/interop.py [--claims 10000] [--items 5000] [--runs 2] [--all-pairs-sample 2000]

The all-pairs time compares every pair of texts in each language with the same scorer
(rapidfuzz, vectorised, all cores). On a sample of N claims it is measured and scaled by
(claims / N)^2, marked "estimated"; --all-pairs-sample 0 measures it on the whole dataset.

Targets (issue 8): dupes under 10 s and well below all pairs; the import under 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synth

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
BIN = Path(sys.executable).parent
FIXTURES = REPO / "tests" / "fixtures" / "claimreview"


def claimtrack(*args: str) -> list[str]:
    script = BIN / "claimtrack"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]
    return [*base, *args]


def timed(command: list[str], env: dict[str, str], runs: int, reset=None) -> tuple[float, str]:
    best, output = float("inf"), ""
    for _ in range(runs):
        if reset:
            reset()
        began = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        best = min(best, time.perf_counter() - began)
        output = done.stdout + done.stderr[-2000:]
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command[:4])} failed:\n{output}")
    return best, output


def all_pairs_seconds(data: Path, sample: int) -> tuple[float, bool]:
    sys.path.insert(0, str(REPO / "src"))
    from claimtrack.matching import all_pairs
    from claimtrack.store import load

    claims = [loaded.record for loaded in load(data).claims]
    subset = claims[:sample] if 0 < sample < len(claims) else claims
    began = time.perf_counter()
    all_pairs(subset)
    seconds = time.perf_counter() - began
    if len(subset) < len(claims):
        return seconds * (len(claims) / len(subset)) ** 2, True
    return seconds, False


def factcheck_response(items: int, path: Path) -> None:
    """A Fact Check Tools claims:search response with `items` claims, one review each."""
    ratings = ["False", "Faux", "زائف", "Misleading", "Mostly false", "Sin evidencia", "Engañoso"]
    claims = []
    for n in range(items):
        claims.append(
            {
                "text": f"Synthetic claim {n}: a video shows event {n % 97} in city {n % 13}",
                "claimant": "Social media users",
                "claimDate": "2025-03-01T10:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": f"Checker {n % 20}", "site": f"c{n % 20}.example"},
                        "url": f"https://c{n % 20}.example/fact-check/{n}",
                        "title": f"Fact-check {n}",
                        "reviewDate": "2025-03-04T08:00:00Z",
                        "textualRating": ratings[n % len(ratings)],
                        "languageCode": "en",
                    }
                ],
            }
        )
    path.write_text(json.dumps({"claims": claims}), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all-pairs-sample", type=int, default=2_000)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="claimtrack-bench-interop-"))
    env = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(scratch / "cache"), "NO_COLOR": "1"}
    env.pop("CLAIMTRACK_DATA", None)
    env["CLAIMTRACK_USER"] = "Salma"
    try:
        data = OUT / f"data-{args.claims}"
        synth.generate(data, args.claims, args.seed)
        timed(claimtrack("--data", str(data), "validate"), env, 1)  # fills the cache
        dupes, output = timed(
            claimtrack("--data", str(data), "dupes", "--format", "csv"), env, args.runs
        )
        pairs = max(0, output.count("\n") - 1)
        pairs_seconds, estimated = all_pairs_seconds(data, args.all_pairs_sample)

        response = scratch / "factcheck-api.json"
        factcheck_response(args.items, response)
        target = scratch / "import-data"
        seed_dataset = REPO / "claims"
        files = sorted(str(p) for p in FIXTURES.iterdir() if p.name != "SOURCE.txt")

        def reset() -> None:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(seed_dataset, target)

        importing = claimtrack("--data", str(target), "import", "--quiet")
        both = (
            f"{importing[0]} --data {target} import -q {' '.join(files)} --format claimreview"
            f" ; {importing[0]} --data {target} import -q {response} --format factcheck-api"
        )
        import_seconds, import_output = timed(["sh", "-c", both], env, args.runs, reset)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    results = {
        "claims": args.claims,
        "dupes_seconds": round(dupes, 2),
        "dupes_pairs": pairs,
        "all_pairs_seconds": round(pairs_seconds, 1),
        "all_pairs_estimated": estimated,
        "import_items": len(files) + args.items,
        "import_seconds": round(import_seconds, 2),
        "import_summary": [line for line in import_output.splitlines() if "read from" in line],
    }
    (OUT / "interop.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    label = "estimated" if estimated else "measured"
    print(
        f"claimtrack dupes, {args.claims:,} claims: {dupes:.2f} s ({pairs:,} pairs at 90+)"
        f" | all pairs ({label}): {pairs_seconds:.1f} s | "
        f"{'pass' if dupes < 10 and dupes * 5 < pairs_seconds else 'FAIL'}"
    )
    print(
        f"claimtrack import, {len(files)} ClaimReview files + {args.items:,} Fact Check Tools"
        f" items: {import_seconds:.2f} s | {'pass' if import_seconds < 5 else 'FAIL'}"
    )
    for line in results["import_summary"]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
