"""Coordinated sharing detection on a large synthetic table of posts: time and peak memory.

    python bench/network.py [--posts 1000000] [--accounts 50000] [--window 60] [--min-repeat 3]

Writes the table once (bench/out/posts-<posts>-<accounts>.csv), then runs the reading and the
detection in a fresh process and reports its wall time and peak resident memory, with the
precision and recall of the planted group. The comparison with the Coordination Network
Toolkit's co-link network on the same data is not part of this script yet.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from claimtrack.network import synth

OUT = Path(__file__).resolve().parent / "out"

CHILD = """
import json, resource, sys, time
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
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--window", type=float, default=60)
    parser.add_argument("--min-repeat", type=int, default=3)
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
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
