"""cache: a warm run answers from what the last run parsed, keyed on path, size and modification
time; it lives outside the dataset, and a missing, corrupt or foreign cache is simply ignored."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

import pytest

import claimtrack.store.dataset
from claimtrack.store import load, scan
from claimtrack.store.cache import Cache, cache_dir

from .helpers import files_under, where

CLAIM = "case-one/claim-one.yaml"
AN_HOUR_AGO = time.time_ns() - 3600 * 10**9


def age(root: Path, when: int = AN_HOUR_AGO) -> None:
    """Make every file look untouched for an hour, so the cache may trust it."""
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(when, when))


def rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """Change a file without changing its size or modification time."""
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def summary(dataset) -> tuple:
    return (
        [c.record for c in dataset.claims],
        [s.record for s in dataset.sources],
        [a.record for a in dataset.actors],
        dataset.settings,
        sorted((p.path, *where(p), p.message) for p in dataset.problems),
    )


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(raw: bytes, path: str):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(claimtrack.store.dataset, "parse", parse)


def test_a_warm_load_answers_from_the_cache(make_dataset, monkeypatch) -> None:
    root = make_dataset({"case-one/broken.yaml": "id: [\n", "case-one/bad.yaml": "id: x\n"})
    age(root)
    cold = load(root)
    forbid_parsing(monkeypatch)
    warm = load(root)
    assert summary(warm) == summary(cold)
    assert {p.code for p in warm.problems} >= {"yaml-syntax", "bad-id"}


def test_the_cache_lives_outside_the_dataset(make_dataset) -> None:
    root = make_dataset()
    age(root)
    before = files_under(root)
    load(root)
    assert files_under(root) == before
    cached = list(Path(os.environ["CLAIMTRACK_CACHE_DIR"]).iterdir())
    assert [p.suffix for p in cached] == [".marshal"]


def test_the_cache_is_plain_data(make_dataset) -> None:
    root = make_dataset()
    age(root)
    load(root)
    [path] = Path(os.environ["CLAIMTRACK_CACHE_DIR"]).iterdir()

    def plain(value) -> bool:
        if isinstance(value, dict):
            return all(plain(k) and plain(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(marshal.loads(path.read_bytes()))


@pytest.mark.parametrize("change", ["mtime", "size"])
def test_a_changed_file_is_read_again(make_dataset, change: str) -> None:
    root = make_dataset()
    age(root)
    load(root)
    path = root / CLAIM
    if change == "mtime":
        rewrite_keeping_size_and_time(path, "status: new", "status: xyz")
        later = AN_HOUR_AGO + 10**9
        os.utime(path, ns=(later, later))
    else:
        path.write_text(path.read_text(encoding="utf-8") + "verdikt: x\n", encoding="utf-8")
        age(root)
    dataset = load(root)
    assert dataset.claims == []
    assert [p.code for p in dataset.problems] == [
        "invalid-value" if change == "mtime" else "unknown-field"
    ]


def test_a_file_changed_just_now_is_not_trusted(make_dataset) -> None:
    # Two writes within one modification-time tick leave size and time alike; a file that
    # changed in the last seconds is therefore not cached yet (as git does for its index).
    root = make_dataset()
    now = time.time_ns()
    age(root, now)
    assert load(root).problems == []
    rewrite_keeping_size_and_time(root / CLAIM, "status: new", "status: xyz")
    assert [p.code for p in load(root).problems] == ["invalid-value"]


def test_no_cache_reads_every_file_and_writes_no_cache(make_dataset) -> None:
    root = make_dataset()
    age(root)
    load(root)
    rewrite_keeping_size_and_time(root / CLAIM, "status: new", "status: xyz")
    assert load(root).problems == []  # the cache answers: same path, size and time
    assert [p.code for p in load(root, use_cache=False).problems] == ["invalid-value"]

    other = make_dataset(name="other")
    age(other)
    load(other, use_cache=False)
    assert not Cache(other).path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage that is not marshal",
        marshal.dumps([1, 2, 3]),
        marshal.dumps({"stamp": "from another version", "files": {CLAIM: "poison"}}),
        marshal.dumps({"stamp": "x"})[:-2],
    ],
    ids=["empty", "garbage", "a list", "another version", "truncated"],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_replaced(make_dataset, content: bytes) -> None:
    root = make_dataset()
    age(root)
    path = Cache(root).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    dataset = load(root)
    assert dataset.problems == []
    assert dataset.counts.claims == 1
    assert path.read_bytes() != content
    assert Cache(root).get(CLAIM, (root / CLAIM).stat().st_size, AN_HOUR_AGO) is not None


def test_a_cache_from_another_version_is_not_used(make_dataset, monkeypatch) -> None:
    root = make_dataset()
    age(root)
    load(root)
    monkeypatch.setattr(claimtrack.store.cache, "_code_stamp", lambda: "a newer claimtrack")
    rewrite_keeping_size_and_time(root / CLAIM, "status: new", "status: xyz")
    assert [p.code for p in load(root).problems] == ["invalid-value"]


def test_a_cache_that_cannot_be_written_is_not_an_error(make_dataset, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n")
    monkeypatch.setenv("CLAIMTRACK_CACHE_DIR", str(blocker / "cache"))
    root = make_dataset()
    age(root)
    assert load(root).problems == []
    assert load(root).counts.claims == 1


def test_problems_from_the_cache_name_the_path_as_given(make_dataset, tmp_path) -> None:
    root = make_dataset({"case-one/broken.yaml": "id: [\n"})
    age(root)
    link = tmp_path / "same-dataset"
    link.symlink_to(root, target_is_directory=True)
    cold = load(root)
    warm = load(link)  # the same dataset, so the same cache, under another name
    assert Cache(root).path == Cache(link).path
    assert [p.path for p in cold.problems] == [str(root / "case-one/broken.yaml")]
    assert [p.path for p in warm.problems] == [str(link / "case-one/broken.yaml")]
    assert [where(p) for p in warm.problems] == [where(p) for p in cold.problems]


def test_deleted_files_are_forgotten(make_dataset) -> None:
    root = make_dataset({"case-two/claim-two.yaml": "id: claim-two\n"})
    age(root)
    load(root)
    size = (root / "case-two/claim-two.yaml").stat().st_size
    assert Cache(root).get("case-two/claim-two.yaml", size, AN_HOUR_AGO) is not None
    (root / "case-two/claim-two.yaml").unlink()
    dataset = load(root)
    assert dataset.problems == []
    assert Cache(root).get("case-two/claim-two.yaml", size, AN_HOUR_AGO) is None


def test_a_cache_passed_in_is_filled_but_saved_by_its_owner(make_dataset) -> None:
    root = make_dataset()
    age(root)
    cache = Cache(root)
    inventory = scan(root)
    load(root, inventory=inventory, cache=cache)
    assert not cache.path.exists()
    cache.save({f.rel for f in inventory.files})
    assert cache.path.exists()
    assert Cache(root).get(CLAIM, (root / CLAIM).stat().st_size, AN_HOUR_AGO) is not None


def test_the_last_report_is_kept_for_the_same_fingerprint(make_dataset) -> None:
    root = make_dataset()
    age(root)
    fingerprint = scan(root).fingerprint
    cache = Cache(root)
    assert cache.cached_report(fingerprint) is None
    cache.put_report(fingerprint, {"ok": True, "problems": []})
    cache.save(set())
    again = Cache(root)
    assert again.cached_report(fingerprint) == {"ok": True, "problems": []}
    (root / CLAIM).touch()
    assert again.cached_report(scan(root).fingerprint) is None


def test_a_disabled_cache_keeps_nothing(make_dataset) -> None:
    root = make_dataset()
    cache = Cache(root, enabled=False)
    cache.put("x.yaml", 1, AN_HOUR_AGO, ("data", {}))
    cache.put_report([], {"ok": True})
    cache.save({"x.yaml"})
    assert cache.get("x.yaml", 1, AN_HOUR_AGO) is None
    assert cache.cached_report([]) is None
    assert not cache.path.exists()


def test_where_the_cache_lives(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLAIMTRACK_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("CLAIMTRACK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "claimtrack"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "claimtrack"
