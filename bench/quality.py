"""`claimtrack quality` beside `claimtrack validate --no-cache` on the synthetic dataset.

Whole processes, run in turn round after round (so a busy moment weighs on all of them), best
wall time of the rounds and the peak resident memory of each process. quality is measured with
an empty store cache (cold: it parses every file, as validate --no-cache does) and with the
cache its previous run filled (warm). Targets (issue 5): quality at most 2x the validate time,
under 600 MB peak. Results also go to bench/out/quality.json.

    python bench/quality.py [--claims 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

import synth
from run import OUT, REPO, Measure, log, run_once

BIN = Path(sys.executable).parent


def claimtrack(data: Path, *args: str) -> list[str]:
    script = BIN / "claimtrack"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]
    return [*base, "--data", str(data), *args]


def dataset(claims: int, seed: int) -> Path:
    folder = OUT / f"data-{claims}"
    if (folder / ".synth-stamp").exists():
        log(f"using {folder}")
        return folder
    log(f"generating {claims:,} claims into {folder}")
    synth.generate(folder, claims, seed)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = dataset(args.claims, args.seed)
    commands = {
        "validate": claimtrack(data, "validate", "--no-cache"),
        "quality-cold": claimtrack(data, "quality"),
        "quality-warm": claimtrack(data, "quality"),
    }
    results = {name: Measure(command) for name, command in commands.items()}
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as scratch:
        warm_cache = Path(scratch) / "warm"
        for i in range(args.runs):
            for name, command in commands.items():
                cache = warm_cache if name == "quality-warm" else Path(scratch) / f"{name}-{i}"
                env = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(cache)}
                if name == "quality-warm" and i == 0:  # fill the cache first
                    run_once(command, env, REPO, Measure(command))
                log(f"{name}: run {i + 1} of {args.runs}")
                run_once(command, env, REPO, results[name])
    validate = results["validate"]
    rows = []
    print(
        f"\nclaimtrack quality bench: {args.claims:,} claims, {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    print(f"{'':44} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'exit':>5}  every run (wall s)")
    labels = {
        "validate": "claimtrack validate --no-cache",
        "quality-cold": "claimtrack quality (empty cache)",
        "quality-warm": "claimtrack quality (warm cache)",
    }
    for name, label in labels.items():
        m = results[name]
        runs = " ".join(f"{s:.2f}" for s in m.seconds)
        exits = ",".join(sorted({str(c) for c in m.exit_codes}))
        print(f"{label:44} {m.best:7.2f} {m.best_cpu:7.2f} {m.peak:8.0f} {exits:>5}  {runs}")
    for name in ("quality-cold", "quality-warm"):
        m = results[name]
        ratio = m.best / validate.best
        rows.append(
            {
                "target": f"{name} / validate --no-cache",
                "value": ratio,
                "limit": "≤ 2×",
                "result": "PASS" if ratio <= 2 else "FAIL",
            }
        )
        rows.append(
            {
                "target": f"{name} peak memory",
                "value": m.peak,
                "limit": "< 600 MB",
                "result": "PASS" if m.peak < 600 else "FAIL",
            }
        )
    print()
    for row in rows:
        shown = f"{row['value']:.2f}×" if "/" in row["target"] else f"{row['value']:.0f} MB"
        print(f"{row['target']:44} {shown:>10}  {row['limit']:>9}  {row['result']}")
    out = {
        "claims": args.claims,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measures": {
            name: {
                "command": m.command,
                "seconds": m.seconds,
                "cpu": m.cpu,
                "peak_mb": m.peak_mb,
                "exit_codes": m.exit_codes,
            }
            for name, m in results.items()
        },
        "targets": rows,
        "quality_output_tail": results["quality-cold"].output[-1500:],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "quality.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
