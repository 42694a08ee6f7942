"""A cache of parsed files and of the last report, keyed on path, size and modification time.

It lives in the user's cache folder (never in the dataset), holds only plain data (marshal,
which cannot run code), and is ignored whenever it is unreadable or from another version.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import time
from pathlib import Path
from typing import Any

from .atomic import write_atomic

_FORMAT = 1
# A file changed within this many seconds of its mtime could change again within the same
# mtime tick without the cache noticing, so it is not cached yet (as git does for its index).
_RACY_SECONDS = 2.0


def cache_dir() -> Path:
    if env := os.environ.get("CLAIMTRACK_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimtrack"


def _code_stamp() -> str:
    """Changes whenever claimtrack's code changes, so a new version never reads old entries."""
    package = Path(__file__).resolve().parent.parent
    stamps = sorted((str(p), p.stat().st_mtime_ns) for p in package.rglob("*.py"))
    return hashlib.sha256(repr((_FORMAT, stamps)).encode()).hexdigest()


class Cache:
    """Two files per dataset: the parsed files (large, read only when a file must be loaded)
    and the last report (small, all that a run with nothing changed reads)."""

    def __init__(self, root: Path, enabled: bool = True):
        self.enabled = enabled
        key = hashlib.sha256(os.path.realpath(root).encode()).hexdigest()[:24]
        self.path = cache_dir() / f"{key}.marshal"
        self.report_path = cache_dir() / f"{key}.report.marshal"
        self.stamp = _code_stamp() if enabled else ""
        self._files: dict[str, tuple[int, int, Any]] | None = None if enabled else {}
        self._report: dict[str, Any] | None = None
        self._report_read = not enabled
        self.dirty = False
        self.report_dirty = False

    def _read(self, path: Path) -> Any:
        try:
            content = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(content, dict) or content.get("stamp") != self.stamp:
            return None
        return content.get("value")

    @property
    def files(self) -> dict[str, tuple[int, int, Any]]:
        if self._files is None:
            found = self._read(self.path)
            self._files = found if isinstance(found, dict) else {}
        return self._files

    @property
    def report(self) -> dict[str, Any] | None:
        if not self._report_read:
            found = self._read(self.report_path)
            self._report = found if isinstance(found, dict) else None
            self._report_read = True
        return self._report

    def get(self, rel: str, size: int, mtime_ns: int) -> Any:
        entry = self.files.get(rel)
        if entry is not None and entry[0] == size and entry[1] == mtime_ns:
            return entry[2]
        return None

    def put(self, rel: str, size: int, mtime_ns: int, data: Any) -> None:
        if not self.enabled or time.time() - mtime_ns / 1e9 < _RACY_SECONDS:
            return
        self.files[rel] = (size, mtime_ns, data)
        self.dirty = True

    def cached_report(self, fingerprint: Any) -> Any:
        report = self.report
        if report and report.get("fingerprint") == fingerprint:
            return report.get("value")
        return None

    def put_report(self, fingerprint: Any, value: Any) -> None:
        """Keep the report of files listed as (path, size, mtime_ns), unless one is too recent."""
        newest = max((mtime for _, _, mtime in fingerprint), default=0)
        if self.enabled and time.time() - newest / 1e9 >= _RACY_SECONDS:
            self._report, self._report_read = {"fingerprint": fingerprint, "value": value}, True
            self.report_dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the cache, forgetting files that are gone. Failure to write is not an error."""
        if not self.enabled:
            return
        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._files is not None:
                files = {rel: entry for rel, entry in self._files.items() if rel in keep}
                if self.dirty or len(files) != len(self._files):
                    write_atomic(self.path, marshal.dumps({"stamp": self.stamp, "value": files}))
            if self.report_dirty:
                content = {"stamp": self.stamp, "value": self._report}
                write_atomic(self.report_path, marshal.dumps(content))
