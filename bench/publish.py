"""`claimtrack publish` on 10,000 published claims in three languages, then again after one
claim changed.

The dataset is bench/synth.py's, with every claim published through the whole workflow (so
each passes the gate), and a private `name` on every person actor, so that the self-check
searches the 60,000 pages for a few hundred names. Whole processes, wall time and peak
memory, as the other benchmarks:

- full: publish into an empty folder, with an empty store cache (every file parsed);
- full, warm cache: the same into another empty folder, the store's cache filled;
- again, nothing changed: publish into the first folder again;
- one claim changed: a claim's rationale edited, then publish into the first folder.

Targets (issue 7): the full run under 60 s, the incremental one under 5 s. Results also go to
bench/out/publish.json.

    python bench/publish.py [--claims 10000] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import synth
from run import OUT, REPO, Measure, log, run_once

BIN = Path(sys.executable).parent
FULL_TARGET = 60.0
INCREMENTAL_TARGET = 5.0


def claimtrack(data: Path, *args: str) -> list[str]:
    script = BIN / "claimtrack"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]
    return [*base, "--data", str(data), *args]


def generate(folder: Path, claims: int, seed: int) -> None:
    """synth.py's dataset with every claim published and every person given a private name."""
    plain_actor = synth.actor

    def named_actor(rng: Any, index: int, *rest: Any) -> dict[str, Any]:
        record = plain_actor(rng, index, *rest)
        if record["kind"] == "person":
            record = {**record, "name": f"Personne Privée{index:06d}"}
        return record

    synth.STATUS_WEIGHTS = {"published": 1}
    synth.actor = named_actor
    marker = folder / ".publish-stamp"
    wanted = f"{claims} {seed} {synth.stamp(claims, seed)}"
    if marker.is_file() and marker.read_text() == wanted:
        log(f"using {folder}")
        return
    log(f"generating {claims:,} published claims into {folder}")
    shutil.rmtree(folder, ignore_errors=True)
    synth.generate(folder, claims, seed)
    marker.write_text(wanted)


def change_one(folder: Path) -> Path:
    """Edit the rationale of one claim, as a correction would (adds or removes a tail)."""
    path = min(folder.glob("case-0000-*/*.yaml"))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    tail = " (précisé)"
    for i, line in enumerate(lines):
        if line.startswith("rationale: "):
            value = line.rstrip("\n")[len("rationale: ") :]
            quote = value[0] if value[:1] in ("'", '"') else ""
            inner = value[1:-1] if quote else value
            inner = inner.removesuffix(tail) if inner.endswith(tail) else inner + tail
            lines[i] = f"rationale: {quote}{inner}{quote}\n"
            break
    path.write_text("".join(lines), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = OUT / f"publish-data-{args.claims}"
    generate(data, args.claims, args.seed)
    names = ["full", "full-warm", "again", "one-changed"]
    results: dict[str, Measure] = {}
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-publish-") as scratch:
        for i in range(args.runs):
            site = Path(scratch) / f"site-{i}"
            warm = Path(scratch) / f"warm-{i}"
            cache = Path(scratch) / f"cache-{i}"
            env = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(cache)}
            commands = {
                "full": claimtrack(data, "publish", "--out", str(site), "--quiet"),
                "full-warm": claimtrack(data, "publish", "--out", str(warm), "--quiet"),
                "again": claimtrack(data, "publish", "--out", str(site), "--quiet"),
                "one-changed": claimtrack(data, "publish", "--out", str(site), "--quiet"),
            }
            for name in names:
                if name == "one-changed":
                    change_one(data)
                log(f"{name}: run {i + 1} of {args.runs}")
                measure = results.setdefault(name, Measure(commands[name]))
                run_once(commands[name], env, REPO, measure)
                log(f"{name}: {measure.seconds[-1]:.2f} s; {measure.output.strip()[-200:]}")
            pages = sum(1 for p in site.rglob("*") if p.is_file())
    labels = {
        "full": "publish, empty folder, empty cache",
        "full-warm": "publish, empty folder, warm cache",
        "again": "publish again, nothing changed",
        "one-changed": "publish again, one claim changed",
    }
    print(
        f"\nclaimtrack publish bench: {args.claims:,} published claims, 3 languages, "
        f"{pages:,} files, {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(f"{'':40} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'exit':>5}  last line")
    for name, label in labels.items():
        m = results[name]
        exits = ",".join(sorted({str(c) for c in m.exit_codes}))
        last = m.output.strip().splitlines()[-1][:70] if m.output.strip() else ""
        print(f"{label:40} {m.best:7.2f} {m.best_cpu:7.2f} {m.peak:8.0f} {exits:>5}  {last}")
    rows = [
        ("full", FULL_TARGET, results["full"].best),
        ("incremental (one claim changed)", INCREMENTAL_TARGET, results["one-changed"].best),
    ]
    print()
    for target, limit, value in rows:
        verdict = "PASS" if value < limit else "FAIL"
        ratio = f"{value / limit:5.2f}× of the {limit:.0f} s target"
        print(f"{target:40} {value:7.2f} s  {ratio}  {verdict}")
    out = {
        "claims": args.claims,
        "files": pages,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measures": {
            name: {
                "command": m.command,
                "seconds": m.seconds,
                "cpu": m.cpu,
                "peak_mb": m.peak_mb,
                "exit_codes": m.exit_codes,
                "output_tail": m.output[-800:],
            }
            for name, m in results.items()
        },
        "targets": [
            {"target": t, "limit_s": limit, "seconds": v, "ratio": v / limit}
            for t, limit, v in rows
        ],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "publish.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
