"""Coordinated sharing: pairs of accounts that shared the same object (a link, a text, an image)
within a few seconds of each other, again and again (the co-link / co-post method of CooRnet,
CooRTweet and the Coordination Network Toolkit).

How it works, without comparing every pair of accounts:
1. every post becomes (object, time, account); the posts are sorted by object, then time;
2. within each object, a window slides over the posts in time order: each post is paired
   with the later posts of other accounts at most `window` seconds after it;
3. a pair of accounts counts once per object it co-shared; the pairs that co-shared at least
   `min_repeat` different objects are the edges of the coordination graph;
4. its connected components are the candidate coordinated groups, and a second pass collects
   the rows of the table behind every edge (the evidence).

The cost is the number of posts (sorting) plus the number of pairs inside windows, never the
square of the number of accounts. Candidates are leads for a person to review: organic accounts
can co-share a breaking link by chance, which is why `min_repeat` matters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..problems import Problem
from ..text import normalise
from .table import iter_table

OBJECTS = ("url", "text", "image_hash")


@dataclass
class Posts:
    """The posts of a table, column by column (a million rows stay small)."""

    accounts: list[str] = field(default_factory=list)  # account names, by index
    platforms: list[str] = field(default_factory=list)  # platform of each account, by index
    account: list[int] = field(default_factory=list)  # per post: index of its account
    time: list[float] = field(default_factory=list)  # per post: seconds since 1970
    obj: list[int] = field(default_factory=list)  # per post: index of its object
    line: list[int] = field(default_factory=list)  # per post: line in the table
    objects: list[str] = field(default_factory=list)  # object keys, by index
    kind: str = "url"
    problems: list[Problem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.account)


@dataclass
class Edge:
    a: str
    b: str
    count: int  # different objects co-shared within the window
    rows: list[tuple[int, int, str, float]] = field(
        default_factory=list
    )  # line a, line b, object, seconds apart


@dataclass
class Group:
    accounts: list[str]
    edges: list[Edge]


@dataclass
class Detection:
    window: float
    min_repeat: int
    posts: int
    accounts: int
    kind: str
    groups: list[Group]
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "window": self.window,
            "min_repeat": self.min_repeat,
            "object": self.kind,
            "posts": self.posts,
            "accounts": self.accounts,
            "groups": [
                {
                    "accounts": g.accounts,
                    "edges": [
                        {
                            "accounts": [e.a, e.b],
                            "count": e.count,
                            "evidence": [
                                {"lines": [la, lb], "object": o, "seconds_apart": d}
                                for la, lb, o, d in e.rows
                            ],
                        }
                        for e in g.edges
                    ],
                }
                for g in self.groups
            ],
            "problems": [p.to_dict() for p in self.problems],
        }


def object_key(kind: str, value: str) -> str:
    """The comparison key of a shared object: a URL without its fragment, with its scheme and
    host in lower case and no trailing slash; a text after `normalise`; a hash in lower case."""
    value = value.strip()
    if not value:
        return ""
    if kind == "url":
        parts = urlsplit(value)
        path = parts.path.rstrip("/")
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
    if kind == "text":
        return normalise(value)
    return value.casefold()


def read_posts(path: Path, mapping: dict[str, str] | None = None, kind: str | None = None) -> Posts:
    """The posts of the CSV at `path`: account, platform (optional), time (ISO 8601 with its
    zone) and the object in url, text or image_hash (the first present, unless `kind`)."""
    display, columns, rows = iter_table(
        path, ("account", "time"), any_of=(kind,) if kind else OBJECTS, mapping=mapping
    )
    kind = kind or next(c for c in OBJECTS if c in columns)
    i_account, i_time, i_obj = (columns.index(c) for c in ("account", "time", kind))
    i_platform = columns.index("platform") if "platform" in columns else None
    posts = Posts(kind=kind)
    account_ids: dict[tuple[str, str], int] = {}
    object_ids: dict[str, int] = {}
    keys: dict[str, str] = {}
    width = len(columns)
    for line, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        account = cells[i_account].strip()
        platform = cells[i_platform].strip() if i_platform is not None else ""
        if not account:
            posts.problems.append(
                Problem("missing-value", f"row {line}: the account is empty", display, line)
            )
            continue
        moment = _seconds(cells[i_time].strip())
        if moment is None:
            posts.problems.append(
                Problem(
                    "bad-time",
                    f"row {line}: '{cells[i_time].strip()[:40]}' is not an ISO 8601 time with "
                    "its zone (write 2025-04-09T22:08:00+01:00 or 2025-04-09T21:08:00Z)",
                    display,
                    line,
                    field="/time",
                )
            )
            continue
        raw = cells[i_obj]
        key = keys.get(raw)
        if key is None:  # the same link is shared many times: normalised once
            key = keys[raw] = object_key(kind, raw)
        if not key:
            continue  # a post without this kind of object shares nothing
        who = (platform.casefold(), account)
        a = account_ids.get(who)
        if a is None:
            a = account_ids[who] = len(posts.accounts)
            posts.accounts.append(account)
            posts.platforms.append(platform)
        o = object_ids.get(key)
        if o is None:
            o = object_ids[key] = len(posts.objects)
            posts.objects.append(key)
        posts.account.append(a)
        posts.time.append(moment)
        posts.obj.append(o)
        posts.line.append(line)
    return posts


def _seconds(text: str) -> float | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def _windows(posts: Posts, window: float) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """For each object, the pairs of posts (i, j) of different accounts at most `window`
    seconds apart, i before j: posts sorted by object then time, a window sliding over each."""
    order = sorted(range(len(posts)), key=lambda i: (posts.obj[i], posts.time[i]))
    account, time, obj = posts.account, posts.time, posts.obj
    start, n = 0, len(order)
    while start < n:
        current = obj[order[start]]
        end = start
        while end < n and obj[order[end]] == current:
            end += 1
        if end - start > 1:
            pairs = []
            for x in range(start, end):
                i = order[x]
                limit = time[i] + window
                for y in range(x + 1, end):
                    j = order[y]
                    if time[j] > limit:
                        break
                    if account[i] != account[j]:
                        pairs.append((i, j))
            if pairs:
                yield current, pairs
        start = end


def detect(posts: Posts, window: float, min_repeat: int) -> Detection:
    """The candidate coordinated groups among `posts` (see the module's description)."""
    if window < 0 or min_repeat < 1:
        raise ValueError("window must be >= 0 and min_repeat >= 1")
    size = len(posts.accounts) or 1
    counts: dict[int, int] = defaultdict(int)
    for _, pairs in _windows(posts, window):
        seen = set()
        for i, j in pairs:
            a, b = posts.account[i], posts.account[j]
            seen.add(a * size + b if a < b else b * size + a)
        for key in seen:
            counts[key] += 1
    kept = {key: count for key, count in counts.items() if count >= min_repeat}
    del counts
    evidence: dict[int, list[tuple[int, int, str, float]]] = defaultdict(list)
    if kept:
        for o, pairs in _windows(posts, window):
            for i, j in pairs:
                a, b = posts.account[i], posts.account[j]
                key = a * size + b if a < b else b * size + a
                if key in kept:
                    first, second = (i, j) if a < b else (j, i)
                    evidence[key].append(
                        (
                            posts.line[first],
                            posts.line[second],
                            posts.objects[o],
                            round(abs(posts.time[j] - posts.time[i]), 3),
                        )
                    )
    groups = _groups(posts, kept, evidence, size)
    return Detection(
        window, min_repeat, len(posts), len(posts.accounts), posts.kind, groups, posts.problems
    )


def _groups(
    posts: Posts,
    kept: dict[int, int],
    evidence: dict[int, list[tuple[int, int, str, float]]],
    size: int,
) -> list[Group]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key in kept:
        a, b = divmod(key, size)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        members[root(x)].append(x)
    edges: dict[int, list[Edge]] = defaultdict(list)
    for key, count in kept.items():
        a, b = divmod(key, size)
        rows = sorted(evidence.get(key, []))
        edges[root(a)].append(Edge(_name(posts, a), _name(posts, b), count, rows))
    groups = [
        Group(
            sorted(_name(posts, x) for x in xs),
            sorted(edges[r], key=lambda e: (-e.count, e.a, e.b)),
        )
        for r, xs in members.items()
    ]
    return sorted(groups, key=lambda g: (-len(g.accounts), g.accounts))


def _name(posts: Posts, index: int) -> str:
    platform = posts.platforms[index]
    return f"{platform}:{posts.accounts[index]}" if platform else posts.accounts[index]


def accounts_in(groups: Iterable[Group]) -> set[str]:
    return {account for group in groups for account in group.accounts}


def precision_recall(found: set[str], planted: Sequence[str] | set[str]) -> tuple[float, float]:
    planted = set(planted)
    hits = len(found & planted)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(planted) if planted else 1.0
    return precision, recall


def record_links(
    dataset: Any, detection: Detection, table: Path, by: str, *, source_id: str | None = None
) -> tuple[list[tuple[str, str]], list[str]]:
    """Write every edge between two recorded accounts as a suspected tied-to link, citing the
    table of posts (recorded as a source with its SHA-256). Returns the links written (from,
    to) and the accounts that match no actor. A pair already linked either way is left alone,
    so running it twice writes nothing new. Never writes a confirmed or likely link."""
    from ..authoring import add_record, now, sha256_of
    from ..models import Actor, Source
    from ..store import open_document, save_document
    from .accounts import account_key

    index: dict[str, str] = {}
    for loaded in dataset.actors:
        actor = loaded.record
        index[actor.id] = actor.id
        if actor.handle:
            platform, handle = account_key(actor.platform or "", actor.handle)
            index.setdefault(f"{platform}:{handle}", actor.id)
            index.setdefault(handle, actor.id)

    def actor_of(name: str) -> str | None:
        platform, _, account = name.rpartition(":")
        key = f"{platform.casefold()}:{account.lstrip('@').casefold()}" if platform else None
        return index.get(key or "") or index.get(account) or index.get(account.casefold())

    digest = sha256_of(table)
    source_id = source_id or f"posts-{digest[:12]}"
    linked = {
        frozenset((loaded.record.id, link.to))
        for loaded in dataset.actors
        for link in loaded.record.links
    }
    additions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unmatched: set[str] = set()
    when = now()
    for group in detection.groups:
        for edge in group.edges:
            a, b = actor_of(edge.a), actor_of(edge.b)
            for name, found in ((edge.a, a), (edge.b, b)):
                if found is None:
                    unmatched.add(name)
            if a is None or b is None or a == b or frozenset((a, b)) in linked:
                continue
            linked.add(frozenset((a, b)))
            lines = ", ".join(f"{la}/{lb}" for la, lb, _, _ in edge.rows[:20])
            more = f" and {len(edge.rows) - 20} more" if len(edge.rows) > 20 else ""
            additions[a].append(
                {
                    "kind": "tied-to",
                    "to": b,
                    "confidence": "suspected",
                    "evidence": [
                        {
                            "source": source_id,
                            "shows": f"{edge.a} and {edge.b} shared the same {detection.kind} "
                            f"within {detection.window:g} seconds {edge.count} times (lines "
                            f"{lines}{more} of the table)",
                        }
                    ],
                    "note": "Candidate coordinated sharing found by claimtrack network detect "
                    f"(window {detection.window:g} s, min-repeat {detection.min_repeat}), run by "
                    f"{by} on {when.date().isoformat()}. Not confirmed: for a person to review.",
                }
            )
    if additions and dataset.source(source_id) is None:
        add_record(
            dataset,
            Source.model_validate(
                {
                    "id": source_id,
                    "kind": "document",
                    "title": f"Table of posts {table.name}",
                    "sha256": digest,
                    "accessed": when,
                    "notes": "The table of posts analysed for coordinated sharing; the links "
                    "that cite it name the lines of the rows behind them.",
                }
            ),
        )
    written = []
    for actor_id, links in additions.items():
        loaded = dataset.actor(actor_id)
        document = open_document(loaded.path, "actor", loaded.display)
        data = document.record.model_dump(mode="json", exclude_none=True)
        data["links"] = [*data.get("links", []), *links]
        save_document(document, Actor.model_validate(data))
        written += [(actor_id, link["to"]) for link in links]
    return written, sorted(unmatched)
