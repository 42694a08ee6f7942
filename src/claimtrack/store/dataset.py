"""Load a whole dataset: every record with where it came from, and the problems found."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..models import Actor, Claim, DatasetSettings, Source
from ..problems import Counts, Problem
from .cache import Cache
from .layout import FileEntry, Inventory, scan
from .parse import MAX_FILE_BYTES, parse, too_large
from .records import validate

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A record and the file it came from."""

    record: T
    path: Path
    display: str  # the path as the user gave it, for messages
    case: str | None = None


@dataclass
class Dataset:
    root: Path
    settings: DatasetSettings | None = None
    claims: list[Loaded[Claim]] = field(default_factory=list)
    sources: list[Loaded[Source]] = field(default_factory=list)
    actors: list[Loaded[Actor]] = field(default_factory=list)
    settings_display: str = ""
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    # Values derived from the whole dataset (indexes, the verdict scale...), computed once.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def counts(self) -> Counts:
        return Counts(len(self.claims), len(self.sources), len(self.actors), self.files)

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """`compute()` once per dataset; recomputed if records were added since."""
        size = (len(self.claims), len(self.sources), len(self.actors), id(self.settings))
        cached = self.memo.get(key)
        if cached is None or cached[0] != size:
            cached = self.memo[key] = (size, compute())
        return cached[1]

    def _by_id(self, kind: str, items: list[Loaded[Any]]) -> dict[str, Loaded[Any]]:
        def index() -> dict[str, Loaded[Any]]:
            found: dict[str, Loaded[Any]] = {}
            for item in items:
                found.setdefault(item.record.id, item)  # the first of duplicates, as validate
            return found

        return self.derived(f"index:{kind}", index)  # type: ignore[no-any-return]

    def claim(self, claim_id: str) -> Loaded[Claim] | None:
        return self._by_id("claims", self.claims).get(claim_id)

    def source(self, source_id: str) -> Loaded[Source] | None:
        return self._by_id("sources", self.sources).get(source_id)

    def actor(self, actor_id: str) -> Loaded[Actor] | None:
        return self._by_id("actors", self.actors).get(actor_id)

    def records(self) -> Iterator[Loaded[Claim] | Loaded[Source] | Loaded[Actor]]:
        yield from self.claims
        yield from self.sources
        yield from self.actors

    @property
    def cases(self) -> list[str]:
        return sorted({c.case for c in self.claims if c.case})


def load(
    root: Path | str,
    *,
    use_cache: bool = True,
    inventory: Inventory | None = None,
    cache: Cache | None = None,
) -> Dataset:
    """Read every record under `root`. Raises DatasetNotFound when `root` is not a folder.

    A cache passed in is filled but not saved: its owner saves it."""
    root = Path(root)
    inventory = inventory or scan(root)
    owned = cache is None
    cache = cache or Cache(root, enabled=use_cache)
    dataset = Dataset(root, problems=list(inventory.problems), files=len(inventory.files))
    # Bulk loads make many small objects that all survive: the collector only costs time here.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for entry in inventory.files:
            _load_file(dataset, inventory, cache, entry)
    finally:
        if was_enabled:
            gc.enable()
    if owned:
        cache.save({f.rel for f in inventory.files})
    return dataset


def _load_file(dataset: Dataset, inventory: Inventory, cache: Cache, entry: FileEntry) -> None:
    path = inventory.root / entry.rel
    display = inventory.display(entry.rel)
    cached = cache.get(entry.rel, entry.size, entry.mtime_ns)
    raw: bytes | None = None
    if cached is None:
        if entry.size > MAX_FILE_BYTES:  # refused without reading it: memory stays bounded
            data, problem = None, too_large(entry.size, display)
        else:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                dataset.problems.append(
                    Problem("unreadable-file", f"cannot read this file: {exc.strerror}", display)
                )
                return
            data, problem = parse(raw, display)
        cached = ("problem", problem.to_dict()) if problem else ("data", data)
        cache.put(entry.rel, entry.size, entry.mtime_ns, cached)
    if cached[0] == "problem":
        dataset.problems.append(Problem.from_dict({**cached[1], "path": display}))
        return
    record, problems = validate(
        entry.kind, cached[1], display, lambda: raw if raw is not None else path.read_bytes()
    )
    if problems:
        dataset.problems.extend(problems)
        return
    if entry.kind == "dataset":
        dataset.settings = record
        dataset.settings_display = display
    elif entry.kind == "claim":
        dataset.claims.append(Loaded(record, path, display, entry.case))
    elif entry.kind == "source":
        dataset.sources.append(Loaded(record, path, display))
    else:
        dataset.actors.append(Loaded(record, path, display))
