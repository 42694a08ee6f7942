"""Coordinated sharing detection on a large synthetic table of posts: time and peak memory.

    python bench/network.py [--posts 1000000] [--accounts 50000] [--window 60] [--min-repeat 3]

Writes the table once (bench/out/posts-<posts>-<accounts>.csv), then runs the reading and the
detection in a fresh process and reports its wall time and peak resident memory, with the
precision and recall of the planted group.

With --cnt PATH (the compute_networks command of the Coordination Network Toolkit, installed
in a separate environment, never as a dependency of claimtrack), the toolkit's co-link network
is computed on the same posts in the same run (preprocess and compute, on one CPU), with its
time and peak memory, and the pairs it finds (weight >= min-repeat) are compared with ours.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from claimtrack.network import synth

OUT = Path(__file__).resolve().parent / "out"

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""

CHILD = """
import json, resource, sys, time
from datetime import datetime
from pathlib import Path
from claimtrack.network.detect import accounts_in, detect, read_posts
start = time.perf_counter()
posts = read_posts(Path(sys.argv[1]))
read = time.perf_counter()
found = detect(posts, float(sys.argv[2]), int(sys.argv[3]))
done = time.perf_counter()
print(json.dumps({
    "read_s": round(read - start, 2), "detect_s": round(done - read, 2),
    "total_s": round(done - start, 2), "posts": found.posts, "accounts": found.accounts,
    "groups": len(found.groups), "found": sorted(accounts_in(found.groups)),
    "pairs": sorted([e.a, e.b] for g in found.groups for e in g.edges),
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--window", type=float, default=60)
    parser.add_argument("--min-repeat", type=int, default=3)
    parser.add_argument("--cnt", help="path to the toolkit's compute_networks command")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"posts-{args.posts}-{args.accounts}.csv"
    rows, planted = synth.posts(
        n_posts=args.posts, n_accounts=args.accounts, group=12, campaigns=25
    )
    started = time.perf_counter()
    count = synth.write_csv(path, rows)
    print(f"wrote {count} posts to {path} in {time.perf_counter() - started:.1f} s")
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(args.window), str(args.min_repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    found = set(report.pop("found"))
    hits = len(found & set(planted.accounts))
    report["precision"] = round(hits / len(found), 3) if found else 1.0
    report["recall"] = round(hits / len(planted.accounts), 3)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report["peak_mb"] = max(report["peak_mb"], round(child))
    pairs = {tuple(sorted(a.split(":")[-1] for a in pair)) for pair in report.pop("pairs")}
    report["pairs_found"] = len(pairs)
    print("claimtrack network detect:", json.dumps(report, indent=2))
    if args.cnt:
        print("Coordination Network Toolkit co_link:", json.dumps(cnt(args, path, pairs), indent=2))


def cnt(args: argparse.Namespace, path: Path, ours: set[tuple[str, ...]]) -> dict[str, object]:
    """The toolkit's co-link network on the same posts: time, peak memory, the same pairs?"""
    table, db = path.with_suffix(".cnt.csv"), path.with_suffix(".cnt.db")
    db.unlink(missing_ok=True)
    with open(path, newline="") as source, open(table, "w", newline="") as target:
        reader, writer = csv.DictReader(source), csv.writer(target)
        writer.writerow(
            [
                "message_id",
                "user_id",
                "username",
                "repost_id",
                "reply_id",
                "message",
                "timestamp",
                "urls",
            ]
        )
        for n, row in enumerate(reader):
            moment = datetime.fromisoformat(row["time"]).timestamp()
            writer.writerow(
                [n, row["account"], row["account"], "", "", "", int(moment), row["url"]]
            )
    steps = {
        "preprocess": [args.cnt, str(db), "preprocess", "--format", "csv", str(table)],
        "compute": [
            args.cnt,
            str(db),
            "compute",
            "co_link",
            "--time_window",
            f"{args.window:g}",
            "--min_edge_weight",
            str(args.min_repeat),
            "--n_cpus",
            "1",
        ],
    }
    report: dict[str, object] = {}
    total, peak = 0.0, 0.0
    for name, command in steps.items():
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
        )
        seconds, megabytes = (float(x) for x in result.stdout.split())
        report[f"{name}_s"] = round(seconds, 2)
        total += seconds
        peak = max(peak, megabytes)
    report["total_s"], report["peak_mb"] = round(total, 2), round(peak)
    with sqlite3.connect(db) as connection:
        theirs = {
            tuple(sorted((a, b)))
            for a, b in connection.execute(
                "select user_1, user_2 from co_link_network where user_1 != user_2 and weight >= ?",
                (args.min_repeat,),
            )
        }
    report["pairs_found"] = len(theirs)
    report["same_pairs"] = theirs == ours
    report["only_theirs"] = len(theirs - ours)
    report["only_ours"] = len(ours - theirs)
    return report


if __name__ == "__main__":
    main()
