"""`make bench`: claimtrack validate against the floor and check-jsonschema, on synthetic data.

Each figure is a whole process (start-up included), timed by wall clock, best of a few runs,
with the peak resident memory of that process. Results go to bench/out/results.json.

    python bench/run.py [--quick] [--claims 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import synth

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
BIN = Path(sys.executable).parent
SLOW_SECONDS = 20.0  # a command slower than this is run once: a second run would say nothing new
BIG = 100_000


def log(message: str) -> None:
    if sys.stderr.isatty():
        print(f"· {message}", file=sys.stderr, flush=True)


@dataclass
class Measure:
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
    peak_mb: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    output: str = ""

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def run_once(command: list[str], env: dict[str, str], cwd: Path, into: Measure) -> None:
    """Run one process; record its wall time, its peak RSS (from wait4) and its exit code."""
    with tempfile.TemporaryFile() as out:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    into.seconds.append(elapsed)
    into.cpu.append(usage.ru_utime + usage.ru_stime)
    into.peak_mb.append(usage.ru_maxrss / 1024)  # kilobytes on Linux
    into.exit_codes.append(process.returncode)
    into.output = text[-3000:]


def measure(
    name: str, command: list[str], env: dict[str, str], runs: int, cwd: Path = REPO
) -> Measure:
    result = Measure(command)
    for i in range(runs):
        log(f"{name}: run {i + 1} of {runs}")
        run_once(command, env, cwd, result)
        if result.seconds[-1] > SLOW_SECONDS:
            break
    log(f"{name}: best {result.best:.2f} s, peak {result.peak:.0f} MB")
    return result


def interleaved(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, Measure]:
    """Run the commands in turn, round after round, so that a busy moment of the machine
    weighs on all of them rather than on whichever happened to run then."""
    results = {name: Measure(command) for name, command in commands.items()}
    for i in range(runs):
        for name, command in commands.items():
            log(f"{name}: run {i + 1} of {runs}")
            run_once(command, env, REPO, results[name])
    for name, result in results.items():
        log(f"{name}: best {result.best:.2f} s, peak {result.peak:.0f} MB")
    return results


def claimtrack(data: Path, *args: str) -> list[str]:
    script = BIN / "claimtrack"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]
    return [*base, "--data", str(data), "validate", *args]


def dataset(claims: int, seed: int) -> Path:
    folder = OUT / f"data-{claims}"
    log(f"generating {claims:,} claims into {folder}")
    began = time.perf_counter()
    files = synth.generate(folder, claims, seed)
    log(f"{files:,} files ready in {time.perf_counter() - began:.1f} s")
    return folder


def claim_schema(env: dict[str, str], scratch: Path) -> Path:
    checked_in = REPO / "schemas" / "claim.schema.json"
    if checked_in.is_file():
        return checked_in
    out = scratch / "schemas"
    command = [str(BIN / "claimtrack"), "schema", "--out", str(out)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return out / "claim.schema.json"


def claim_files(data: Path) -> list[str]:
    """Claim files, relative to the dataset (a shorter command line)."""
    return sorted(
        str(path.relative_to(data))
        for path in data.glob("*/*.yaml")
        if path.parent.name not in ("sources", "actors")
    )


def target(
    name: str, value: float | None, limit: str, ok: bool | None, shown: str
) -> dict[str, Any]:
    verdict = "SKIP" if ok is None else ("PASS" if ok else "FAIL")
    return {"target": name, "value": value, "limit": limit, "measured": shown, "result": verdict}


def evaluate(m: dict[str, Measure | None], claims: int) -> list[dict[str, Any]]:
    cold, prime, warm, floor, peer, big = (
        m[k] for k in ("cold", "prime", "warm", "floor", "peer", "big")
    )
    assert cold and prime and warm and floor
    rows = []
    ratio = cold.best / floor.best
    rows.append(target("cold / floor", ratio, "≤ 1.3×", ratio <= 1.3, f"{ratio:.2f}×"))
    ratio = warm.best / cold.best
    rows.append(target("warm / cold", ratio, "≤ 0.15×", ratio <= 0.15, f"{ratio:.3f}×"))
    if peer:
        ratio = peer.best / cold.best
        rows.append(
            target("cold vs check-jsonschema", ratio, "≥ 4× faster", ratio >= 4, f"{ratio:.1f}×")
        )
        ratio = peer.best / warm.best
        rows.append(
            target("warm vs check-jsonschema", ratio, "≥ 25× faster", ratio >= 25, f"{ratio:.1f}×")
        )
    peak = max(cold.peak, prime.peak, warm.peak)
    rows.append(
        target(f"peak memory, {claims:,} claims", peak, "≤ 400 MB", peak <= 400, f"{peak:.0f} MB")
    )
    if big is None:
        rows.append(target(f"{BIG:,} claims validate", None, "exit 0", None, "skipped (--quick)"))
    else:
        ok = big.exit_codes[-1] == 0
        shown = f"exit {big.exit_codes[-1]}, {big.best:.1f} s, {big.peak:.0f} MB"
        rows.append(target(f"{BIG:,} claims validate", big.best, "exit 0", ok, shown))
    return rows


def print_tables(m: dict[str, Measure | None], rows: list[dict[str, Any]], claims: int) -> None:
    labels = {
        "cold": "claimtrack validate --no-cache (cold)",
        "prime": "claimtrack validate (filling the cache)",
        "warm": "claimtrack validate (warm cache)",
        "floor": "floor: read + yaml.CSafeLoader",
        "peer": "check-jsonschema, claim files",
        "big": f"claimtrack validate --no-cache, {BIG:,} claims",
    }
    print(
        f"\nclaimtrack bench: {claims:,} claims, {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(f"{'':46} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'exit':>5}  every run (wall s)")
    for key, label in labels.items():
        result = m.get(key)
        if result is None:
            continue
        runs = " ".join(f"{s:.2f}" for s in result.seconds)
        exits = ",".join(sorted({str(c) for c in result.exit_codes}))
        print(
            f"{label:46} {result.best:7.2f} {result.best_cpu:7.2f} {result.peak:8.0f} "
            f"{exits:>5}  {runs}"
        )
    print(f"\n{'target':32} {'measured':>28} {'limit':>13}  result")
    for row in rows:
        print(f"{row['target']:32} {row['measured']:>28} {row['limit']:>13}  {row['result']}")
    cold, floor = m["cold"], m["floor"]
    if cold and floor:  # the machine may be shared: CPU time is steadier than wall time
        print(f"(on CPU time, cold / floor is {cold.best_cpu / floor.best_cpu:.2f}×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"skip the {BIG:,}-claim run")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (best is kept)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    env = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(scratch / "cache"), "NO_COLOR": "1"}
    env.pop("CLAIMTRACK_DATA", None)
    m: dict[str, Measure | None] = {}
    try:
        data = dataset(args.claims, args.seed)
        m["prime"] = measure("priming the cache", claimtrack(data), env, 1)
        if m["prime"].exit_codes[-1] != 0:
            print(m["prime"].output, file=sys.stderr)
            print("the synthetic dataset does not validate: fix bench/synth.py", file=sys.stderr)
            return 1
        # --no-cache neither reads nor writes the cache, so cold and warm runs can alternate.
        floor = [sys.executable, str(BENCH / "floor.py"), str(data)]
        commands = {
            "cold": claimtrack(data, "--no-cache"),
            "warm": claimtrack(data),
            "floor": floor,
        }
        timed = interleaved(commands, env, args.runs)
        m.update(timed)
        # A warm run as slow as a cold one missed the cache: claimtrack's code changed meanwhile.
        misses = sum(s > 0.5 * timed["cold"].best for s in timed["warm"].seconds)
        if misses:
            print(
                f"{misses} of {args.runs} warm runs missed the cache (claimtrack's code changed "
                "during the bench?); the best run is kept",
                file=sys.stderr,
            )
        checker = BIN / "check-jsonschema"
        m["peer"] = None
        if checker.exists() or shutil.which("check-jsonschema"):
            schema = claim_schema(env, scratch)
            peer = [str(checker) if checker.exists() else "check-jsonschema"]
            peer += ["--schemafile", str(schema), *claim_files(data)]
            m["peer"] = measure("check-jsonschema", peer, env, args.runs, cwd=data)
            m["peer"].command = [*peer[:3], f"<{len(peer) - 3} claim files>"]
        else:
            print(
                "check-jsonschema is not installed: pip install check-jsonschema", file=sys.stderr
            )
        m["big"] = None
        if not args.quick:
            big = dataset(BIG, args.seed)
            m["big"] = measure(f"{BIG:,} claims", claimtrack(big, "--no-cache"), env, 1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    rows = evaluate(m, args.claims)
    print_tables(m, rows, args.claims)
    results = {
        "claims": args.claims,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "measurements": {
            k: {**asdict(v), "best": v.best, "best_cpu": v.best_cpu, "peak": v.peak}
            for k, v in m.items()
            if v
        },
        "targets": rows,
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nresults: {(OUT / 'results.json').relative_to(REPO)}")
    interop = [sys.executable, str(BENCH / "interop.py"), "--claims", str(args.claims)]
    subprocess.run([*interop, "--seed", str(args.seed)], check=False)  # dupes and import
    return 0


if __name__ == "__main__":
    sys.exit(main())
