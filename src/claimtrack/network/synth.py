"""A synthetic table of posts with a planted coordinated group, for tests and benchmarks.

Organic accounts post links drawn from a pool with a few very popular links (a heavy head),
at random times over `days`. The planted group runs `campaigns`: for each, every member posts
the same fresh link within `jitter` seconds of the others. Members also post organically.
Deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

START = datetime(2025, 3, 1, tzinfo=UTC).timestamp()
COLUMNS = ("account", "platform", "time", "url")


@dataclass
class Planted:
    accounts: list[str]  # the planted group, as detection names them (platform:account)
    organic: list[str]


def posts(
    n_posts: int = 20_000,
    n_accounts: int = 2_000,
    group: int = 8,
    campaigns: int = 20,
    jitter: float = 30.0,
    days: float = 30.0,
    n_links: int | None = None,
    seed: int = 7,
) -> tuple[Iterator[tuple[str, str, str, str]], Planted]:
    """Rows (account, platform, time, url) and the names of the planted and organic accounts."""
    rng = random.Random(seed)
    n_links = n_links or max(n_posts // 10, 10)
    planted = [f"coord{i}" for i in range(group)]
    organic = [f"user{i}" for i in range(n_accounts - group)]
    names = Planted([f"Facebook:{a}" for a in planted], [f"Facebook:{a}" for a in organic])
    span = days * 86400

    def rows() -> Iterator[tuple[str, str, str, str]]:
        everyone = organic + planted
        coordinated = group * campaigns
        for _ in range(max(n_posts - coordinated, 0)):
            link = int(n_links * rng.random() ** 3)  # a few links are very popular
            who = everyone[rng.randrange(len(everyone))]
            yield who, "Facebook", _iso(START + rng.random() * span), _url(link)
        for campaign in range(campaigns):
            base = START + rng.random() * span
            for who in planted:
                moment = base + rng.random() * jitter
                yield who, "Facebook", _iso(moment), f"https://smear.example/story-{campaign}"

    return rows(), names


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(round(seconds), UTC).isoformat().replace("+00:00", "Z")


def _url(n: int) -> str:
    return f"https://news.example/article-{n}"


def write_csv(path: Path, rows: Iterator[tuple[str, str, str, str]]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
